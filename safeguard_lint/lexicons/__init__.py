"""Shipped lexicons (data files); loaded by safeguard_lint.semantics.lexicon."""
