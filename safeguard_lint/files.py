"""Linting files: expanding paths, reading, checking, suppressing, fixing, in parallel.

Folders are walked for the configured extensions, minus `exclude`/`extend-exclude` and the
usual tool folders; files named explicitly are always linted unless `force_exclude` is set (as
a pre-commit hook does, so that excludes also apply to the files it is handed). Each file is
linted independently, so a process pool (`jobs`) splits the work, and so can pre-commit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from safeguard_lint.ast import Diagnostic, Document
from safeguard_lint.config import Config
from safeguard_lint.errors import InputError
from safeguard_lint.findings import Finding
from safeguard_lint.report import FileResult
from safeguard_lint.source import Decoded, decode, read_bytes

#: Folders never walked into.
SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox"}
)
#: Suffixes read as plain text (the only files fixes and added suppressions are written to).
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
#: From this many files on, the default is one process per CPU.
PARALLEL_THRESHOLD = 8


@dataclass(frozen=True)
class Options:
    """How each file is handled beyond checking."""

    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    add_ignore: bool = False
    input_format: str | None = None


@dataclass
class Failure:
    """A file that could not be linted, with a one-line reason."""

    path: str
    message: str


Outcome = FileResult | Failure


def _excluded(path: Path, patterns: list[str]) -> bool:
    absolute = path.resolve().as_posix()
    for pattern in patterns:
        bare = pattern.rstrip("/")
        if "/" in bare:
            if fnmatch(absolute, bare) or fnmatch(absolute, f"{bare}/*"):
                return True
        elif any(fnmatch(part, bare) for part in path.resolve().parts):
            return True
    return False


def expand(paths: list[str], config: Config, *, force_exclude: bool = False) -> list[Path]:
    """The files to lint, in the order given, folders walked in sorted order, no duplicates."""
    patterns = [*config.exclude, *config.extend_exclude]
    suffixes = {s.lower() for s in config.extensions}
    seen: set[Path] = set()
    out: list[Path] = []

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                if found.suffix.lower() in suffixes and not _excluded(found, patterns):
                    add(found)
        elif not (force_exclude and _excluded(path, patterns)):
            add(path)
    return out


def _walk(root: Path) -> Iterator[Path]:
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            yield Path(directory) / name


def load_document(path: Path, data: bytes, input_format: str | None = None) -> Document:
    """Build the document of a file's bytes with the reader its format (or name) calls for."""
    from safeguard_lint.readers import read_document

    return read_document(path, data, input_format)


class Linter:
    """Lints one file at a time with a fixed configuration and options."""

    def __init__(self, config: Config, options: Options | None = None) -> None:
        from safeguard_lint.rules.registry import all_rules, selected_rules

        self.config = config
        self.options = options or Options()
        self.known = list(all_rules())
        self.active = [cls.code for cls in selected_rules(config)]

    def findings(self, document: Document, path: str) -> tuple[list[Finding], list[Diagnostic]]:
        """Checked and suppression-filtered findings, with diagnostics, for a document."""
        from safeguard_lint.engine import check
        from safeguard_lint.suppress import filter_findings

        raw = check(document, self.config)
        kept = filter_findings(
            raw, document, self.config, path=path, active=self.active, known=self.known
        )
        return kept.findings, [*document.diagnostics, *kept.diagnostics]

    def lint_bytes(self, data: bytes, path: Path, display: str) -> FileResult:
        """Lint (and, as the options say, fix or annotate) a file's bytes; never writes."""
        document = load_document(path, data, self.options.input_format)
        findings, diagnostics = self.findings(document, str(path))
        result = FileResult(display, document.source, findings, diagnostics)
        decoded = self._editable(data, path, document)
        if decoded is None:
            return result
        if self.options.fix or self.options.diff:
            self._fix(result, path)
        if self.options.add_ignore and result.findings:
            from safeguard_lint.suppress import add_ignores

            base = result.fixed_source if result.fixed_source is not None else result.source
            doc = document if base == result.source else load_document(path, base.encode())
            result.fixed_source = add_ignores(
                base, doc, result.findings, markdown=path.suffix.lower() in {".md", ".markdown"}
            )
        return result

    def _editable(self, data: bytes, path: Path, document: Document) -> Decoded | None:
        """The decoded text when fixes may be written back to this file, else None.

        Only plain text and Markdown whose document is the decoded text itself qualify; a
        UTF-16 file with a BOM is left alone, as the byte order of its BOM is not kept.
        """
        if self.options.input_format not in (None, "text"):
            return None
        if path.suffix.lower() not in TEXT_SUFFIXES:
            return None
        decoded = decode(data)
        if decoded.text != document.source or decoded.encoding == "utf-16":
            return None
        return decoded

    def _fix(self, result: FileResult, path: Path) -> None:
        from safeguard_lint.fixes import fix_text
        from safeguard_lint.parsing import parse

        def lint(text: str) -> list[Finding]:
            return self.findings(parse(text), str(path))[0]

        fixed = fix_text(result.source, lint, unsafe=self.options.unsafe_fixes)
        if fixed.changed:
            result.fixed = fixed.fixed
            result.fixed_source = fixed.source
            if not self.options.diff:
                result.findings = fixed.remaining

    def lint_path(self, path: Path) -> Outcome:
        """Lint one file and write fixes or suppressions back if asked; never raises."""
        display = str(path)
        try:
            data = read_bytes(path)
            result = self.lint_bytes(data, path, display)
            if result.fixed_source is not None and not self.options.diff:
                from safeguard_lint.fixes import write_atomic

                write_atomic(path, result.fixed_source, decode(data).encoding)
            return result
        except InputError as exc:
            return Failure(display, str(exc))
        except Exception as exc:  # a bug must name the file, not end the whole run
            return Failure(display, f"internal error: {type(exc).__name__}: {exc}")


def read_stdin() -> bytes:
    """Read standard input's bytes."""
    return sys.stdin.buffer.read()


_WORKER: Linter | None = None


def _init_worker(config: Config, options: Options) -> None:
    global _WORKER
    _WORKER = Linter(config, options)


def _work(path: Path) -> Outcome:
    assert _WORKER is not None
    return _WORKER.lint_path(path)


def default_jobs(files: int) -> int:
    """One process unless there are many files, then one per CPU."""
    return 1 if files < PARALLEL_THRESHOLD else max(1, os.cpu_count() or 1)


def lint_paths(
    files: list[Path], config: Config, options: Options, jobs: int | None = None
) -> list[Outcome]:
    """Lint files, in a process pool when `jobs` > 1; results keep the order of `files`."""
    jobs = default_jobs(len(files)) if jobs is None or jobs < 1 else jobs
    jobs = min(jobs, len(files))
    if jobs <= 1:
        linter = Linter(config, options)
        return [linter.lint_path(p) for p in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The first file is linted here: the grammar, rules and lexicons it loads are then
    # inherited by forked workers instead of being built again in each.
    first = Linter(config, options).lint_path(files[0])
    rest = files[1:]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(rest) // (jobs * 4))
    with ProcessPoolExecutor(jobs, context, _init_worker, (config, options)) as pool:
        return [first, *pool.map(_work, rest, chunksize=chunk)]
