"""The command line: exit statuses, one-line errors, fixes, baselines, stdin, parallel runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from safeguard_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
BILLS = ROOT / "examples" / "drafting-repo" / "bills"
WEAK = BILLS / "stored-data-access-bill.txt"
STRONG = BILLS / "stored-data-access-bill-rewrite.txt"
SLIP = "shall be be notified"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _one_error_line(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("safeguard-lint: error: ")
    for needle in needles:
        assert needle in lines[0]
    assert "Traceback" not in err


@pytest.fixture
def bills(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bills").mkdir()
    (tmp_path / "bills" / "weak.txt").write_bytes(WEAK.read_bytes())
    (tmp_path / "bills" / "strong.txt").write_bytes(STRONG.read_bytes())
    return tmp_path / "bills"


def test_exit_status_follows_findings_and_fail_on(
    bills: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "check", "bills/weak.txt")
    assert (
        code == 1 and "bills/weak.txt" in out and out.rstrip().splitlines()[-1].startswith("Found")
    )
    assert _run(capsys, "check", "bills/strong.txt")[0] == 0
    assert _run(capsys, "check", "--exit-zero", "bills/weak.txt")[0] == 0
    code, out, _ = _run(capsys, "check", "--format", "json", "bills/weak.txt")
    worst = {f["severity"] for f in json.loads(out)["files"][0]["findings"]}
    expected = 1 if "error" in worst else 0
    assert _run(capsys, "check", "--fail-on", "error", "bills/weak.txt")[0] == expected


def test_select_and_ignore(bills: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "check", "--format", "json", "bills/weak.txt")
    codes = sorted({f["code"] for f in json.loads(out)["files"][0]["findings"]})
    assert len(codes) >= 2
    _, out, _ = _run(capsys, "check", "--format", "json", "--select", codes[0], "bills/weak.txt")
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {codes[0]}
    _, out, _ = _run(capsys, "check", "--format", "json", "--ignore", codes[0], "bills/weak.txt")
    assert codes[0] not in {f["code"] for f in json.loads(out)["files"][0]["findings"]}


def test_folders_are_walked_for_configured_extensions(
    bills: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (bills / "notes.rst").write_text("not a bill", encoding="utf-8")
    (bills / "archive").mkdir()
    (bills / "archive" / "old.txt").write_bytes(WEAK.read_bytes())
    (bills.parent / "safeguard-lint.toml").write_text('extend-exclude = ["archive"]\n', "utf-8")
    _, out, _ = _run(capsys, "check", "--format", "json", "bills")
    assert [f["path"] for f in json.loads(out)["files"]] == ["bills/strong.txt", "bills/weak.txt"]


@pytest.mark.parametrize(
    ("setup", "args", "needles"),
    [
        (lambda d: None, ["check", "bills/missing.txt"], ["bills/missing.txt", "no such file"]),
        (
            lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02" * 50),
            ["check", "bills/bin.txt"],
            ["bills/bin.txt", "binary"],
        ),
        (
            lambda d: (d.parent / "safeguard-lint.toml").write_text("colour = 1\n"),
            ["check", "bills/strong.txt"],
            ["safeguard-lint.toml", "colour"],
        ),
        (lambda d: None, ["check", "--select", "QQ", "bills/strong.txt"], ["QQ"]),
        (lambda d: None, ["check", "--format", "html", "bills/strong.txt"], ["html"]),
        (lambda d: None, ["check", "--baseline", "nope.json", "bills/weak.txt"], ["nope.json"]),
        (lambda d: None, ["rule", "XX99"], ["XX99"]),
        (lambda d: None, ["parse", "bills/missing.txt"], ["bills/missing.txt"]),
    ],
)
def test_errors_are_one_line_and_exit_2(
    bills: Path,
    capsys: pytest.CaptureFixture[str],
    setup: object,
    args: list[str],
    needles: list[str],
) -> None:
    setup(bills)  # type: ignore[operator]
    before = {p: p.read_bytes() for p in bills.rglob("*") if p.is_file()}
    code, _, err = _run(capsys, *args)
    assert code == 2
    _one_error_line(err, *needles)
    assert {p: p.read_bytes() for p in bills.rglob("*") if p.is_file()} == before


def test_fix_changes_only_the_fixed_words(
    bills: Path, capsys: pytest.CaptureFixture[str], repeated_word_rule: str
) -> None:
    original = STRONG.read_bytes().replace(b"\n", b"\r\n")
    slipped = original.replace(b"shall be notified", SLIP.encode(), 1)
    target = bills / "typo.txt"
    target.write_bytes(slipped)
    code, out, _ = _run(capsys, "check", "--select", repeated_word_rule, "--diff", "bills/typo.txt")
    assert code == 1 and "-(4) The subscriber " + SLIP in out and target.read_bytes() == slipped
    code, out, _ = _run(capsys, "check", "--select", repeated_word_rule, "--fix", "bills/typo.txt")
    assert code == 0 and "fixed" in out and repeated_word_rule in out
    assert target.read_bytes() == original


def test_fix_on_stdin_prints_the_fixed_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, repeated_word_rule: str
) -> None:
    import io

    text = "1. Title\nThe the Minister shall report.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, _ = _run(capsys, "check", "--select", repeated_word_rule, "--fix", "-")
    assert code == 0 and out == "1. Title\nThe Minister shall report.\n"


def test_add_ignore_then_passes(bills: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, "check", "--add-ignore", "bills/weak.txt")
    assert code == 1
    assert "# safeguard-lint: ignore[" in (bills / "weak.txt").read_text("utf-8")
    code, out, _ = _run(capsys, "check", "bills/weak.txt")
    assert code == 0, out


def test_baseline_survives_edits_elsewhere(bills: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "check", "--write-baseline", "base.json", "bills/weak.txt")[0] == 0
    weak = bills / "weak.txt"
    weak.write_text("\n\n" + weak.read_text("utf-8").replace("PRELIMINARY", "GENERAL"), "utf-8")
    assert _run(capsys, "check", "--baseline", "base.json", "bills/weak.txt")[0] == 0
    weak.write_text(
        weak.read_text("utf-8") + "\n7. Interception\nThe Minister may intercept "
        "any communication and share any information with a foreign State.\n",
        "utf-8",
    )
    code, out, _ = _run(capsys, "check", "--baseline", "base.json", "bills/weak.txt")
    assert code == 1 and "Section 7" in out


def test_jobs_two_gives_the_same_report(bills: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(4):
        (bills / f"copy{i}.txt").write_bytes(WEAK.read_bytes())
    one = _run(capsys, "check", "--format", "json", "--jobs", "1", "bills")
    two = _run(capsys, "check", "--format", "json", "--jobs", "2", "bills")
    assert one == two and one[0] == 1


def test_rules_rule_parse_config_version(bills: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules")
    assert code == 0
    first = out.splitlines()[1].split()
    assert len(first) == 4
    code, doc, _ = _run(capsys, "rule", first[0])
    assert code == 0 and "What it does" in doc and first[1] in doc
    code, out, _ = _run(capsys, "parse", "--format", "json", "bills/strong.txt")
    tree = json.loads(out)
    assert code == 0 and tree["kind"] == "document" and "diagnostics" in tree
    assert {"kind", "span", "children"} <= set(tree["children"][0])
    code, out, _ = _run(capsys, "parse", "bills/strong.txt")
    assert code == 0 and "#sec_4__subsec_2" in out
    (bills.parent / "safeguard-lint.toml").write_text('fail-on = "error"\n', "utf-8")
    code, out, _ = _run(capsys, "config")
    assert code == 0 and 'fail-on = "error"  # ' + str(bills.parent / "safeguard-lint.toml") in out
    assert _run(capsys, "--version")[1].startswith("safeguard-lint ")


def test_startup_imports_only_what_is_used(tmp_path: Path) -> None:
    probe = (
        "import sys; from safeguard_lint.cli import main; code = main(sys.argv[1:]);"
        "print('MODULES', sorted(m for m in ('typer', 'rich', 'pydantic', 'lark',"
        " 'safeguard_lint.report.sarif', 'safeguard_lint.report.junit') if m in sys.modules))"
    )
    bill = tmp_path / "bill.txt"
    bill.write_bytes(WEAK.read_bytes())
    env = {**os.environ, "NO_COLOR": "1"}

    def modules(*args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env
        ).stdout
        return out.rsplit("MODULES", 1)[1].strip()

    assert modules("--version") == "[]"
    assert modules("check", str(bill)) == "['lark', 'pydantic']"


def test_xml_is_read_by_its_reader_and_never_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = ROOT.parent / "shared" / "corpus" / "akn"
    found = sorted(corpus.rglob("*.xml"))[:1] if corpus.is_dir() else []
    if not found:
        pytest.skip("the shared corpus is not available")
    target = tmp_path / found[0].name
    target.write_bytes(found[0].read_bytes())
    code, out, err = _run(capsys, "check", "--fix", "--add-ignore", str(target))
    assert code in (0, 1) and err == "" and out
    assert target.read_bytes() == found[0].read_bytes()
