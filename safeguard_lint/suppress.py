"""Suppressing findings: directives written in the text, and ignores from the configuration.

Directives are own-line comments read from the raw lines (never from the parse tree), in the
comment style the format allows — `# …` in plain text, `<!-- … -->` in Markdown and XML:

    # safeguard-lint: ignore[JR02] -- reason       the next whole provision or unit
    # safeguard-lint: disable[JR02, RM01]          from here …
    # safeguard-lint: enable[JR02, RM01]           … to here (or to the end of the file)
    # safeguard-lint: file-ignore[OV03]            the whole file

Codes (or code prefixes such as `JR`) are required. A suppression that suppresses nothing is
reported, as is a malformed directive or an unknown code. The configuration adds
`per-file-ignores` (by glob) and `per-provision-ignores` (by eId, for official texts that must
stay untouched).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import PurePath

from safeguard_lint.ast import Diagnostic, Document, Span
from safeguard_lint.config import Config
from safeguard_lint.findings import Finding
from safeguard_lint.regex_cache import compile_regex

#: The code of every diagnostic this module reports.
DIAGNOSTIC_CODE = "SUPPRESS"
KINDS = ("ignore", "disable", "enable", "file-ignore")

_DIRECTIVE = compile_regex(
    r"[ \t]*(?:#|<!--)[ \t]*safeguard-lint[ \t]*:[ \t]*(?P<body>.*?)[ \t]*(?:-->)?[ \t]*$"
)
_BODY = compile_regex(
    r"^(?P<kind>file-ignore|ignore|disable|enable)[ \t]*\[(?P<codes>[^\]]*)\]"
    r"[ \t]*(?:--[ \t]*(?P<reason>.*))?$"
)
_CODE = compile_regex(r"^[A-Z]{2}\d{0,2}$")
_LINE = compile_regex(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Line:
    """One physical line: its 1-based number, start offset and end offset (before the break)."""

    number: int
    start: int
    end: int


def lines(source: str) -> Iterator[Line]:
    """Yield the physical lines of a text with their offsets."""
    for number, m in enumerate(_LINE.finditer(source), start=1):
        if m.start() == len(source) and m.start() > 0:
            return
        yield Line(number, m.start(), m.start() + len(m.group().rstrip("\r\n")))


@dataclass(frozen=True)
class Directive:
    """One suppression directive as written: its kind, codes, reason and line span."""

    kind: str
    codes: tuple[str, ...]
    span: Span
    reason: str = ""


@dataclass
class Suppression:
    """The region of text a directive covers, and the codes it has suppressed so far."""

    directive: Directive
    region: Span
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> str | None:
        """The directive code that suppresses `finding`, or None."""
        if finding.span.start not in self.region and not (
            finding.span.start == self.region.end == finding.span.end
        ):
            return None
        return next((c for c in self.directive.codes if finding.code.startswith(c)), None)


def _diagnostic(span: Span, message: str) -> Diagnostic:
    return Diagnostic(code=DIAGNOSTIC_CODE, severity="warning", message=message, span=span)


def scan(source: str) -> tuple[list[Directive], list[Diagnostic]]:
    """Read every directive of a text; malformed ones become diagnostics."""
    directives: list[Directive] = []
    problems: list[Diagnostic] = []
    if "safeguard-lint" not in source:
        return directives, problems
    for line in lines(source):
        m = _DIRECTIVE.match(source, line.start, line.end)
        if m is None:
            continue
        span = Span(start=line.start, end=line.end)
        body = _BODY.match(m.group("body"))
        if body is None:
            problems.append(
                _diagnostic(
                    span,
                    "malformed directive; write `safeguard-lint: ignore[CODE] -- reason` "
                    f"(kinds: {', '.join(KINDS)})",
                )
            )
            continue
        codes = tuple(c.strip().upper() for c in body.group("codes").split(",") if c.strip())
        bad = [c for c in codes if not _CODE.match(c)]
        if not codes or bad:
            what = f"{bad[0]!r} is not a rule code" if bad else "names no rule code"
            problems.append(_diagnostic(span, f"suppression {what}; codes are required"))
            continue
        reason = (body.group("reason") or "").strip()
        directives.append(Directive(body.group("kind"), codes, span, reason))
    return directives, problems


def _unit_spans(document: Document) -> tuple[list[int], list[Span]]:
    spans = sorted((u.span for u, _ in document.units_with_path()), key=lambda s: (s.start, -s.end))
    return [s.start for s in spans], spans


def _next_region(
    source: str, after: int, starts: list[int], spans: list[Span], skip: set[int]
) -> Span:
    """The whole unit (or block of text) that begins on the first content line after `after`."""
    for line in lines(source[after:]):
        start, end = line.start + after, line.end + after
        if start in skip or not source[start:end].strip():
            continue
        i = bisect.bisect_left(starts, start)
        on_line = spans[i : bisect.bisect_right(starts, end)]
        if on_line:
            return Span(start=start, end=max(s.end for s in on_line))
        blank = re.search(r"\n[ \t]*\r?\n|\r[ \t]*\r", source[start:])
        stop = start + blank.start() if blank else len(source)
        if i < len(starts):
            stop = min(stop, starts[i])
        return Span(start=start, end=stop)
    return Span(start=len(source), end=len(source))


def regions(source: str, document: Document, directives: list[Directive]) -> list[Suppression]:
    """Turn directives into the regions they cover (`enable` closes earlier `disable`s)."""
    starts, spans = _unit_spans(document)
    directive_lines = {d.span.start for d in directives}
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for d in directives:
        if d.kind == "ignore":
            region = _next_region(source, d.span.end, starts, spans, directive_lines)
            out.append(Suppression(d, region))
        elif d.kind == "file-ignore":
            out.append(Suppression(d, Span(start=0, end=len(source))))
        elif d.kind == "disable":
            sup = Suppression(d, Span(start=d.span.end, end=len(source)))
            out.append(sup)
            open_ranges.append(sup)
        else:
            for sup in open_ranges:
                closing = set(d.codes) & set(sup.directive.codes)
                if closing and sup.region.end == len(source):
                    sup.region = Span(start=sup.region.start, end=d.span.start)
    return out


def apply(findings: Iterable[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop the findings a suppression covers, recording which codes each one used."""
    kept: list[Finding] = []
    for finding in findings:
        hit = False
        for sup in suppressions:
            code = sup.covers(finding)
            if code is not None:
                sup.used.add(code)
                hit = True
        if not hit:
            kept.append(finding)
    return kept


def unused(
    suppressions: list[Suppression], active: Collection[str], known: Collection[str]
) -> list[Diagnostic]:
    """Diagnostics for codes that are unknown or that suppressed nothing although their rule ran."""
    out: list[Diagnostic] = []
    for sup in suppressions:
        d = sup.directive
        for code in d.codes:
            if not any(k.startswith(code) for k in known):
                out.append(_diagnostic(d.span, f"suppression names unknown rule code {code}"))
            elif code not in sup.used and any(a.startswith(code) for a in active):
                where = "this file" if d.kind == "file-ignore" else "the text it covers"
                out.append(_diagnostic(d.span, f"unused suppression: no {code} finding in {where}"))
    return out


def _matches(codes: Iterable[str], code: str) -> bool:
    return any(c == "ALL" or code.startswith(c) for c in codes)


def file_ignores(path: str | None, config: Config) -> list[str]:
    """Codes ignored in `path` by `per-file-ignores` (globs, absolute or by name)."""
    if not path or not config.per_file_ignores:
        return []
    absolute = PurePath(path).as_posix()
    name = PurePath(path).name
    return [
        code
        for pattern, codes in config.per_file_ignores.items()
        if fnmatch(absolute, pattern) or fnmatch(name, pattern) or fnmatch(path, pattern)
        for code in codes
    ]


def provision_ignored(finding: Finding, config: Config) -> bool:
    """Whether `per-provision-ignores` suppresses a finding (an eId covers its sub-units)."""
    eid = finding.provision.eid
    if not eid:
        return False
    for key, codes in config.per_provision_ignores.items():
        if not _matches(codes, finding.code):
            continue
        if key.endswith("*") and eid.startswith(key[:-1]):
            return True
        if eid == key or eid.startswith(f"{key}__"):
            return True
    return False


@dataclass
class Filtered:
    """Findings left after every suppression, and the diagnostics suppressions produced."""

    findings: list[Finding]
    diagnostics: list[Diagnostic]


def filter_findings(
    findings: list[Finding],
    document: Document,
    config: Config,
    *,
    path: str | None = None,
    active: Collection[str] = (),
    known: Collection[str] = (),
) -> Filtered:
    """Apply configured ignores and in-text directives to the findings of one document."""
    ignored = file_ignores(path, config)
    kept = [
        f for f in findings if not _matches(ignored, f.code) and not provision_ignored(f, config)
    ]
    directives, problems = scan(document.source)
    if not directives:
        return Filtered(kept, problems)
    sups = regions(document.source, document, directives)
    kept = apply(kept, sups)
    return Filtered(kept, problems + unused(sups, active, known))


def _newline(source: str) -> str:
    i = source.find("\n")
    return "\r\n" if i > 0 and source[i - 1] == "\r" else "\n"


def _anchor_line(source: str, document: Document, offset: int) -> int:
    """The start of the line where a directive covering `offset` must be inserted."""
    best: Span | None = None
    for unit, _ in document.units_with_path():
        if unit.span.start <= offset < unit.span.end and (
            best is None or unit.span.start >= best.start
        ):
            best = unit.span
    if best is not None:
        at = best.start
    else:
        blank = max(source.rfind("\n\n", 0, offset), source.rfind("\n\r\n", 0, offset))
        at = blank + 1 if blank >= 0 else 0
        while at < offset and source[at] in "\r\n":
            at += 1
    return max(source.rfind("\n", 0, at), source.rfind("\r", 0, at)) + 1


def add_ignores(
    source: str, document: Document, findings: list[Finding], *, markdown: bool = False
) -> str:
    """Return `source` with an `ignore[...]` directive above each unit holding a finding."""
    by_line: dict[int, list[str]] = {}
    for finding in findings:
        codes = by_line.setdefault(_anchor_line(source, document, finding.span.start), [])
        if finding.code not in codes:
            codes.append(finding.code)
    newline = _newline(source)
    out: list[str] = []
    previous = 0
    for at in sorted(by_line):
        indent = re.match(r"[ \t]*", source[at:]).group()  # type: ignore[union-attr]
        body = f"safeguard-lint: ignore[{', '.join(sorted(by_line[at]))}] -- added by --add-ignore"
        comment = f"<!-- {body} -->" if markdown else f"# {body}"
        out.append(source[previous:at])
        out.append(f"{indent}{comment}{newline}")
        previous = at
    out.append(source[previous:])
    return "".join(out)
