"""Shared paths for the reader tests: the corpus beside the repository (optional)."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
AKN_FILES = sorted(
    p for p in (CORPUS / "akn").rglob("*") if p.is_file() and p.suffix.lower() == ".xml"
)
DEV_TEXTS = sorted((CORPUS / "dev").glob("*/source.txt"))
