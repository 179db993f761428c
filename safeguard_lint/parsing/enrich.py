"""Post-processing shared by every reader: definitions table and cross-references."""

from __future__ import annotations

from safeguard_lint.ast import Document


def enrich(document: Document) -> Document:
    """Fill the definitions table and resolve cross-references of a built document."""
    return document
