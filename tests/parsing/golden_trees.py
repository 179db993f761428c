"""Golden parse trees: a compact JSON view of a parsed Document, and their regeneration.

A tree keeps what rules rely on (kind, num, eId, label, heading) and a snippet of each node's
text; cross-references and definitions inside text are left out (they have their own tests).

Regenerate after an intended parser change, then review every diff by eye:

    .venv/bin/python tests/parsing/golden_trees.py            # all cases and examples
    .venv/bin/python tests/parsing/golden_trees.py headings   # only cases whose name contains it
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from corpus_paths import HERE, REPO, example_texts

GOLDEN = HERE / "golden"
CASES = GOLDEN / "cases"
EXAMPLES_GOLDEN = GOLDEN / "examples"
SNIPPET = 48

if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from safeguard_lint.ast import Heading, Node, Text, Unit, Unparsed  # noqa: E402
from safeguard_lint.parsing import parse  # noqa: E402


def snippet(text: str) -> str:
    """The first characters of a node's text, whitespace collapsed."""
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "\u2026"


def tree(node: Node, source: str) -> dict[str, Any]:
    """The golden view of a node and its structural descendants."""
    out: dict[str, Any] = {"kind": node.kind}
    if isinstance(node, Unit):
        for key in ("num", "eid", "label", "heading"):
            value = getattr(node, key)
            if value:
                out[key] = value
    out["text"] = snippet(node.text(source))
    children = [c for c in node.children if isinstance(c, (Unit, Text, Heading, Unparsed))]
    if children and isinstance(node, Unit):
        out["children"] = [tree(c, source) for c in children]
    return out


def render(source: str) -> str:
    """The golden JSON of a source text, as stored on disk."""
    document = parse(source)
    return json.dumps(tree(document, source), indent=1, ensure_ascii=False) + "\n"


def inputs() -> list[tuple[Path, Path]]:
    """Every (input file, expected JSON file) pair: hand-written cases, then the examples."""
    pairs = [(p, p.with_suffix(".json")) for p in sorted(CASES.glob("*.txt"))]
    pairs.extend((p, EXAMPLES_GOLDEN / f"{p.name}.json") for p in example_texts())
    return pairs


def read_source(path: Path) -> str:
    """Read a golden input exactly as written (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def main(argv: list[str]) -> int:
    """Rewrite the expected JSON of every input (or of those matching the arguments)."""
    for source_path, expected in inputs():
        if argv and not any(a in source_path.name for a in argv):
            continue
        expected.parent.mkdir(parents=True, exist_ok=True)
        new = render(read_source(source_path))
        old = expected.read_text("utf-8") if expected.exists() else None
        if new != old:
            expected.write_text(new, "utf-8")
            print(f"updated {expected.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
