"""The human report: findings grouped by file, the offending words in context, a summary line.

The layout is built once as styled segments; on a terminal it is printed in colour with rich,
elsewhere (a hook, a CI log, a pipe) as plain text without importing rich at all.
"""

from __future__ import annotations

from safeguard_lint.findings import Finding
from safeguard_lint.report import SEVERITIES, FileResult, Report

#: A run of text and its rich style (None: unstyled).
Segment = tuple[str, str | None]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
#: Characters of context shown on each side of the offending words.
CONTEXT = 40
#: Longest run of offending words shown in full.
WIDTH = 80


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _context(result: FileResult, finding: Finding) -> list[Segment]:
    """The line of the finding, trimmed around the offending words, with a caret line."""
    source = result.source
    line, _ = result.index.position(finding.span.start)
    line_start = result.index.line_start(line)
    line_end = len(source)
    for brk in ("\n", "\r"):
        at = source.find(brk, finding.span.start)
        if at != -1:
            line_end = min(line_end, at)
    start, end = finding.span.start, max(finding.span.start, min(finding.span.end, line_end))
    left = max(line_start, start - CONTEXT)
    right = min(line_end, end + CONTEXT)
    before = ("…" if left > line_start else "") + source[left:start]
    words = source[start:end] or " "
    if len(words) > WIDTH:
        words, after = words[: WIDTH - 1], "…"
    else:
        after = source[end:right] + ("…" if right < line_end else "")
    before, words, after = (s.replace("\t", " ") for s in (before, words, after))
    pad = "      "
    return [
        (f"{pad}{before}", None),
        (words, "bold " + _STYLE[finding.severity].split()[-1]),
        (f"{after}\n", None),
        (f"{pad}{' ' * len(before)}{'^' * len(words)}\n", _STYLE[finding.severity]),
    ]


def segments(report: Report) -> list[Segment]:
    """The whole report as styled segments."""
    out: list[Segment] = []
    for result in report.files:
        if not result.findings and not result.diagnostics and not result.fixed:
            continue
        out.append((f"{result.path}\n", "bold underline"))
        for finding in result.fixed:
            line, col = result.index.position(finding.span.start)
            out.append((f"  {line}:{col}  fixed    {finding.code}  {finding.message}\n", "green"))
        for finding in result.sorted_findings():
            line, col = result.index.position(finding.span.start)
            out.append((f"  {line}:{col}  ", "dim"))
            out.append((f"{finding.severity:<8} ", _STYLE[finding.severity]))
            out.append((f"{finding.code}  ", "bold"))
            out.append((finding.message, None))
            if finding.provision.label:
                out.append((f"  [{finding.provision.label}]", "dim"))
            out.append(("\n", None))
            out.extend(_context(result, finding))
            for rel in finding.related:
                rline, rcol = result.index.position(rel.span.start)
                where = f" [{rel.label}]" if rel.label else ""
                out.append((f"      see {rline}:{rcol}{where}: {rel.message}\n", "dim"))
        for diag in result.diagnostics:
            line, col = result.index.position(diag.span.start)
            out.append((f"  {line}:{col}  note     {diag.code}  {diag.message}\n", "dim"))
        out.append(("\n", None))
    if report.statistics:
        for code, name, count in report.by_code():
            out.append((f"{count:>5}  {code}  {name}\n", None))
        out.append(("\n", None))
    out.append(_summary(report))
    return out


def _summary(report: Report) -> Segment:
    files = _plural(len(report.files), "file")
    fixed = sum(len(r.fixed) for r in report.files)
    fixed_note = f" ({_plural(fixed, 'finding')} fixed)" if fixed else ""
    if not report.total:
        return (f"All checks passed: {files}{fixed_note}.\n", "green")
    counts = report.by_severity()
    detail = ", ".join(
        f"{counts[s]} {s}" if s == "info" else _plural(counts[s], s) for s in SEVERITIES
    )
    found = _plural(report.total, "finding")
    return (f"Found {found} ({detail}) in {files}{fixed_note}.\n", "bold")


def render(report: Report) -> str:
    """Render as plain text (the colour path is `print_report`)."""
    return "".join(text for text, _ in segments(report))


def print_report(report: Report) -> None:
    """Print the report to a terminal in colour, with rich."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    text = Text()
    for chunk, style in segments(report):
        text.append(chunk, style=style or "")
    console.print(text, end="")
