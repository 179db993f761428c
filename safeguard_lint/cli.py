"""The `safeguard-lint` command line.

`main()` is the console script. Start-up is paid on every commit when the tool runs as a hook,
so `--version` imports nothing, and `check` — the hook's command — parses its options with the
standard library's argparse and imports neither typer nor rich (rich only to colour a terminal)
nor any output format it does not print. Every other command is a typer command; `check` is
registered there too, so it is listed in `safeguard-lint --help` and forwards to the same parser.

Errors are one line on standard error, `safeguard-lint: error: FILE: what is wrong`, exit 2.
"""

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

from safeguard_lint import __version__
from safeguard_lint.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator

    import typer

    from safeguard_lint.ast import Document, Node
    from safeguard_lint.config_files import LoadedConfig
    from safeguard_lint.files import Outcome
    from safeguard_lint.report import FileResult, Report

PROG = "safeguard-lint"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_RANK = {"info": 0, "warning": 1, "error": 2}


class UsageError(Exception):
    """A command-line or configuration problem: reported on one line, exit status 2."""


def error(message: str) -> None:
    """Print one error line to standard error."""
    print(f"{PROG}: error: {message}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def check_parser() -> argparse.ArgumentParser:
    """The options of `safeguard-lint check` (contracts.md)."""
    from safeguard_lint.report import FORMATS

    p = _Parser(prog=f"{PROG} check", description="Lint legislation files and folders.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; `-` for stdin")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format")
    sel = p.add_argument_group("rule selection")
    for flag, what in (
        ("--select", "only these rule codes or prefixes (comma-separated)"),
        ("--extend-select", "add these codes or prefixes to the selection"),
        ("--ignore", "never report these codes or prefixes"),
    ):
        sel.add_argument(flag, type=_codes, action="extend", metavar="CODES", help=what)
    sel.add_argument(
        "--fail-on", choices=list(_RANK), help="lowest severity that fails (default: warning)"
    )
    p.add_argument("--config", type=Path, help="configuration file to use instead of discovery")
    p.add_argument("--stdin-filename", help="the file name standard input stands for")
    p.add_argument("--input-format", help="how to read the input (default: by extension)")
    p.add_argument("--statistics", action="store_true", help="count findings per rule")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    p.add_argument("--jobs", type=int, help="processes to lint with (default: by file count)")
    p.add_argument(
        "--force-exclude", action="store_true", help="apply excludes to files named explicitly"
    )
    base = p.add_argument_group("baseline")
    base.add_argument("--baseline", type=Path, help="report only findings not in this baseline")
    base.add_argument("--write-baseline", type=Path, help="record every finding, exit 0")
    fix = p.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="show fixes as a diff, change nothing")
    fix.add_argument(
        "--add-ignore", action="store_true", help="write an ignore directive for each finding"
    )
    return p


def load_config(args: argparse.Namespace) -> "LoadedConfig":
    """The effective configuration for a `check` run, command-line options last."""
    from safeguard_lint import config_files
    from safeguard_lint.rules.registry import unmatched

    overrides: dict[str, object] = {}
    for key in ("select", "extend_select", "ignore", "fail_on"):
        value = getattr(args, key, None)
        if value is not None:
            overrides[key.replace("_", "-")] = value
    first = next((Path(p) for p in getattr(args, "paths", []) if p != "-"), None)
    if getattr(args, "stdin_filename", None) and first is None:
        first = Path(args.stdin_filename)
    start = None if first is None else (first if first.is_dir() else first.parent)
    if start is not None and not start.exists():
        start = None
    loaded = config_files.load(args.config, start, overrides)
    for key, codes in (
        ("select", loaded.config.select),
        ("extend-select", loaded.config.extend_select),
        ("ignore", loaded.config.ignore),
        ("severity", list(loaded.config.severity)),
        ("rule-options", list(loaded.config.rule_options)),
    ):
        bad = unmatched(codes)
        if bad:
            raise UsageError(f"{loaded.source_of(key)}: `{key}`: no rule matches {bad[0]!r}")
    return loaded


def _color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _print(fmt: str, report: "Report") -> None:
    if fmt == "text" and report.color:
        from safeguard_lint.report.text import print_report

        print_report(report)
        return
    from safeguard_lint.report import render

    sys.stdout.write(render(fmt, report))


def _diff(result: "FileResult") -> str:
    import difflib

    assert result.fixed_source is not None
    return "".join(
        difflib.unified_diff(
            result.source.splitlines(keepends=True),
            result.fixed_source.splitlines(keepends=True),
            fromfile=f"a/{result.path}",
            tofile=f"b/{result.path}",
        )
    )


def run_check(argv: list[str]) -> int:
    """`safeguard-lint check`: lint, report, and return the exit status."""
    args = check_parser().parse_args(argv)
    if not args.paths:
        raise UsageError("check: no PATH given (use `-` for standard input)")
    from safeguard_lint.config_files import ConfigError
    from safeguard_lint.files import Failure, Linter, Options, expand, lint_paths, read_stdin
    from safeguard_lint.report import FileResult, Report

    try:
        config = load_config(args).config
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    options = Options(
        fix=args.fix or args.unsafe_fixes,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        add_ignore=args.add_ignore,
        input_format=args.input_format,
    )
    outcomes: list[Outcome] = []
    stdin_fixed: str | None = None
    if "-" in args.paths:
        display = args.stdin_filename or "-"
        try:
            result = Linter(config, options).lint_bytes(read_stdin(), Path(display), display)
            stdin_fixed = result.fixed_source
            outcomes.append(result)
        except Exception as exc:
            outcomes.append(Failure(display, f"{type(exc).__name__}: {exc}"))
    files = expand([p for p in args.paths if p != "-"], config, force_exclude=args.force_exclude)
    outcomes.extend(lint_paths(files, config, options, args.jobs))

    failures = [o for o in outcomes if isinstance(o, Failure)]
    results = [o for o in outcomes if isinstance(o, FileResult)]
    for failure in failures:
        error(f"{failure.path}: {failure.message}")

    if args.diff:
        changed = [r for r in results if r.fixed_source is not None]
        sys.stdout.write("".join(_diff(r) for r in changed))
        return EXIT_ERROR if failures else (EXIT_FINDINGS if changed else EXIT_OK)
    if stdin_fixed is not None:
        sys.stdout.write(stdin_fixed)
        return EXIT_ERROR if failures else EXIT_OK
    if args.write_baseline is not None:
        from safeguard_lint import baseline

        count = baseline.write(args.write_baseline, results)
        print(f"Wrote {count} findings to {args.write_baseline}.", file=sys.stderr)
        return EXIT_ERROR if failures else EXIT_OK
    if args.baseline is not None:
        from safeguard_lint import baseline

        try:
            known = baseline.read(args.baseline)
        except InputError as exc:
            raise UsageError(f"{args.baseline}: {exc}") from None
        baseline.subtract(results, known, args.baseline.parent)

    report = Report(results, statistics=args.statistics, color=_color())
    if results or not failures:
        _print(args.format, report)
    if failures:
        return EXIT_ERROR
    threshold = _RANK[config.fail_on]
    failing = any(_RANK[f.severity] >= threshold for _, f in report.findings())
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _read_document(path: str, input_format: str | None) -> "Document":
    from safeguard_lint.files import load_document, read_stdin
    from safeguard_lint.source import read_bytes

    data = read_stdin() if path == "-" else read_bytes(Path(path))
    return load_document(Path(path), data, input_format)


def _tree_lines(node: "Node", source: str, depth: int = 0) -> "Iterator[str]":
    from safeguard_lint.ast import Reference, Unit, Unparsed

    parts = [node.kind]
    if isinstance(node, Unit):
        parts += [p for p in (node.num, node.eid and f"#{node.eid}") if p]
        if node.heading:
            parts.append(repr(node.heading))
    if isinstance(node, Reference):
        parts.append(f"-> {node.target or '?'}")
    if isinstance(node, Unparsed) and node.message:
        parts.append(f"({node.message})")
    parts.append(f"[{node.span.start}:{node.span.end}]")
    if not node.children and not isinstance(node, Unit):
        text = " ".join(node.text(source).split())
        parts.append(repr(text if len(text) <= 60 else text[:57] + "..."))
    yield "  " * depth + " ".join(parts)
    for child in node.children:
        yield from _tree_lines(child, source, depth + 1)


def parse_command(path: str, fmt: str, input_format: str | None) -> int:
    """`safeguard-lint parse`: the document tree as an indented outline or as JSON."""
    if fmt not in ("tree", "json"):
        raise UsageError(f"parse: --format must be tree or json, not {fmt!r}")
    try:
        document = _read_document(path, input_format)
    except InputError as exc:
        raise UsageError(f"{path}: {exc}") from None
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(document.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return EXIT_OK
    from safeguard_lint.source import LineIndex

    sys.stdout.write("".join(f"{line}\n" for line in _tree_lines(document, document.source)))
    index = LineIndex(document.source)
    for diag in document.diagnostics:
        line, col = index.position(diag.span.start)
        print(f"{path}:{line}:{col}: {diag.severity}: {diag.code}: {diag.message}")
    return EXIT_OK


def rules_command() -> int:
    """`safeguard-lint rules`: one line per rule."""
    from safeguard_lint.rules.registry import all_rules

    rows = [(c.code, c.name, c.severity, c.group) for c in all_rules().values()]
    width = max((len(r[1]) for r in rows), default=4)
    print(f"{'code':<6}{'name':<{width + 2}}{'severity':<10}group")
    for code, name, severity, group in rows:
        print(f"{code:<6}{name:<{width + 2}}{severity:<10}{group}")
    return EXIT_OK


def rule_command(code: str, *, color: bool) -> int:
    """`safeguard-lint rule CODE`: the rule's documentation."""
    import inspect

    from safeguard_lint.rules.registry import all_rules

    cls = all_rules().get(code.upper())
    if cls is None:
        raise UsageError(f"{code}: no such rule (see `safeguard-lint rules`)")
    doc = inspect.cleandoc(cls.__doc__ or "")
    header = f"# {cls.code} {cls.name}\n\nSeverity: {cls.severity}. Group: {cls.group}.\n\n"
    text = header + doc + "\n"
    if color:
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def config_command(explicit: Path | None, start: Path) -> int:
    """`safeguard-lint config`: every setting, its value, and where it came from."""
    import json

    from safeguard_lint import config_files

    try:
        loaded = config_files.load(explicit, start)
    except config_files.ConfigError as exc:
        raise UsageError(str(exc)) from None
    print(f"# configuration file: {loaded.path or 'none found (defaults)'}")
    values = loaded.config.model_dump(mode="json")
    for key, (field_name, _) in config_files.KEYS.items():
        value = json.dumps(values[field_name], ensure_ascii=False)
        print(f"{key} = {value}  # {loaded.source_of(key)}")
    return EXIT_OK


def build_app() -> "typer.Typer":
    """The typer application: every command but `--version`."""
    import typer

    app = typer.Typer(
        name=PROG,
        help="A linter for legislation: missing or weakened human-rights safeguards.",
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        no_args_is_help=True,
    )

    @app.command(
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )
    def check(ctx: typer.Context) -> None:
        """Lint files and folders (see `safeguard-lint check --help`)."""
        raise typer.Exit(run_check(list(ctx.args)))

    @app.command()
    def parse(
        path: Annotated[str, typer.Argument(help="a file, or `-` for standard input")],
        fmt: Annotated[str, typer.Option("--format", help="tree or json")] = "tree",
        input_format: Annotated[str | None, typer.Option("--input-format")] = None,
    ) -> None:
        """Print the document tree of a file (unparsed regions are listed, exit 0)."""
        raise typer.Exit(parse_command(path, fmt, input_format))

    @app.command()
    def rules() -> None:
        """List every rule: code, name, severity, group."""
        raise typer.Exit(rules_command())

    @app.command()
    def rule(code: Annotated[str, typer.Argument(help="a rule code such as JR01")]) -> None:
        """Show the documentation of one rule."""
        raise typer.Exit(rule_command(code, color=_color()))

    @app.command()
    def config(
        path: Annotated[Path | None, typer.Option("--config", help="configuration file")] = None,
        start: Annotated[Path, typer.Argument(help="where to look for settings")] = Path("."),
    ) -> None:
        """Show the effective settings and where each came from."""
        raise typer.Exit(config_command(path, start))

    @app.command()
    def convert(
        path: Annotated[str, typer.Argument(help="a file, or `-` for standard input")],
        to: Annotated[str, typer.Option("--to", help="akn or text")] = "text",
        input_format: Annotated[str | None, typer.Option("--input-format")] = None,
    ) -> None:
        """Convert a file (text, Akoma Ntoso, USLM, .docx) to Akoma Ntoso 3.0 or plain text."""
        raise typer.Exit(convert_command(path, to, input_format))

    return app


def convert_command(path: str, to: str, input_format: str | None) -> int:
    """`safeguard-lint convert`: the document in another format, on standard output."""
    from safeguard_lint.readers import read_document
    from safeguard_lint.writers import convert

    try:
        data = sys.stdin.buffer.read() if path == "-" else None
        sys.stdout.write(convert(read_document(Path(path), data, input_format), to))
    except InputError as exc:
        raise UsageError(f"{path}: {exc}") from None
    return EXIT_OK


def _run_typer(argv: list[str]) -> int:
    import typer

    command = typer.main.get_command(build_app())
    try:
        outcome = command.main(argv, prog_name=PROG, standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return EXIT_ERROR
    except typer.TyperException as exc:
        error(exc.format_message())
        return EXIT_ERROR
    return outcome if isinstance(outcome, int) else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """The console script: dispatch, and turn every error into one line and exit status 2."""
    args = (sys.argv[1:] if argv is None else argv) or ["--help"]
    if args[:1] in (["--version"], ["-V"]):
        print(f"{PROG} {__version__}")
        return EXIT_OK
    try:
        if args[:1] == ["check"]:
            return run_check(args[1:])
        return _run_typer(args)
    except UsageError as exc:
        error(str(exc))
    except KeyboardInterrupt:
        error("interrupted")
    except BrokenPipeError:
        sys.stderr.close()
    except Exception as exc:  # never a traceback: one line naming what went wrong
        error(f"internal error: {type(exc).__name__}: {exc}")
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
