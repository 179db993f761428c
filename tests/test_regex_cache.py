"""The store of compiled regex programs: same behaviour as `re.compile`, faster on later runs."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from safeguard_lint.regex_cache import MAX_STORED, ProgramStore, program_of

PATTERN = r"(?P<kind>article|section)\s+(?P<num>\d+)(?:\((\w)\))?"


def _path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "regex-test.marshal"


def test_a_stored_program_rebuilds_the_same_regex(tmp_path: Path) -> None:
    first = ProgramStore(_path(tmp_path))
    compiled = first.compile(PATTERN, re.IGNORECASE)
    first.save()
    stored = marshal.loads(_path(tmp_path).read_bytes())
    assert set(stored) == {(PATTERN, re.IGNORECASE)}
    rebuilt = ProgramStore(_path(tmp_path)).compile(PATTERN, re.IGNORECASE)
    reference = re.compile(PATTERN, re.IGNORECASE)
    text = "See Section 12(a), ARTICLE 4 and section 9."
    for rx in (compiled, rebuilt):
        assert rx.flags == reference.flags
        assert rx.groupindex == reference.groupindex
        assert [m.groups() for m in rx.finditer(text)] == [
            m.groups() for m in reference.finditer(text)
        ]


def test_flags_are_part_of_the_key(tmp_path: Path) -> None:
    store = ProgramStore(_path(tmp_path))
    assert store.compile("judge").search("a Judge") is None
    assert store.compile("judge", re.IGNORECASE).search("a Judge") is not None


def test_nothing_new_means_nothing_written(tmp_path: Path) -> None:
    store = ProgramStore(_path(tmp_path))
    store.compile("court")
    store.save()
    inode = _path(tmp_path).stat().st_ino
    again = ProgramStore(_path(tmp_path))
    again.compile("court")
    again.save()
    assert _path(tmp_path).stat().st_ino == inode


def test_corrupt_foreign_or_oversized_stores_are_not_used(tmp_path: Path) -> None:
    path = _path(tmp_path)
    path.parent.mkdir(parents=True)
    refused = ("court", 32, [1, 2, 3], 0, {})  # a program the engine will not take
    oversized = {(f"p{i}", 0): program_of(f"p{i}") for i in range(MAX_STORED + 1)}
    for junk in (b"not marshal", marshal.dumps([1, 2]), marshal.dumps({("court", 0): refused})):
        path.write_bytes(junk)
        rx = ProgramStore(path).compile("court")
        assert rx.findall("the court, a court") == ["court", "court"]
    path.write_bytes(marshal.dumps(oversized))
    store = ProgramStore(path)
    store.compile("court")
    store.save()
    assert set(marshal.loads(path.read_bytes())) == {("court", 0)}


def test_an_unwritable_store_still_compiles(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    store = ProgramStore(blocked / "regex.marshal")  # under a file: no directory can be made
    assert store.compile(r"\d+").findall("12 and 34") == ["12", "34"]
    store.save()
    assert blocked.read_text(encoding="utf-8") == ""


def test_a_bad_pattern_raises_as_re_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        ProgramStore(_path(tmp_path)).compile("(unclosed")
