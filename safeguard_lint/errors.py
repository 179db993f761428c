"""Errors raised for input that cannot be read as legislation."""

from __future__ import annotations


class InputError(Exception):
    """Input that cannot be read: missing, a directory, binary, hostile or undecodable.

    The message is one line and names what is wrong; the CLI prefixes it with the file name.
    """

    def __init__(self, message: str, *, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset
