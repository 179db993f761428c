"""Lint rules: the base class and registry, then one module per rule group."""
