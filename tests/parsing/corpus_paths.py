"""Where the parser tests find the corpus of real legislation and the examples."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
#: Real legislation lives next to the repository, never inside it.
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
EXAMPLES = REPO / "examples"


def corpus_texts() -> list[Path]:
    """The source.txt of every corpus text (empty when the corpus is absent)."""
    return sorted(CORPUS.glob("*/source.txt")) if CORPUS.is_dir() else []


def example_texts() -> list[Path]:
    """Every example bill or convention (.txt and .md, not the README)."""
    found = [*EXAMPLES.glob("*.txt"), *EXAMPLES.glob("*.md")]
    return sorted(p for p in found if p.name != "README.md")
