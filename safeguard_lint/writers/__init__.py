"""Writing documents out: Akoma Ntoso 3.0 XML or canonical plain text (`convert --to`)."""

from __future__ import annotations

from safeguard_lint.ast import Document
from safeguard_lint.errors import InputError

#: The names `convert --to` accepts.
OUTPUT_FORMATS = ("akn", "text")


def convert(document: Document, to: str) -> str:
    """Render a document in an output format ("akn" or "text")."""
    if to == "akn":
        from safeguard_lint.writers.akn import to_akn

        return to_akn(document)
    if to == "text":
        from safeguard_lint.writers.text import to_text

        return to_text(document)
    raise InputError(f"unknown output format '{to}' (expected one of {', '.join(OUTPUT_FORMATS)})")
