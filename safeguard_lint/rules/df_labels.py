"""Labels printed in the text that the parser did not make units of.

A label glued to the end of the previous sentence ("…such communications.(11) The
requirements…") stays in the text of the unit before it. Rules on numbering and references
ask whether a label is printed in a span before calling a number missing.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def _label(num: str) -> re.Pattern[str]:
    bare = re.escape(num.strip("() "))
    return re.compile(rf"(?:\({bare}\)|(?<![\w.]){bare}[.)](?=\s))", re.IGNORECASE)


def label_printed(source: str, start: int, end: int, num: str) -> bool:
    """Whether the label `(num)`, `num.` or `num)` is printed in `source[start:end]`."""
    return _label(num).search(source, start, end) is not None
