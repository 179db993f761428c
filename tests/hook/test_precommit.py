"""The hooks as drafters meet them: installed by pre-commit itself into a throwaway repository.

The project is copied to a temporary git repository and committed, so pre-commit can clone it
at a real `rev` (this checkout may have uncommitted work). pre-commit then pip-installs it, as
it would from a published repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import safeguard_lint as sl
from safeguard_lint.suppress import add_ignores

ROOT = Path(__file__).resolve().parents[2]
BILLS = ROOT / "examples" / "drafting-repo" / "bills"
WEAK = BILLS / "stored-data-access-bill.txt"
STRONG = BILLS / "stored-data-access-bill-rewrite.txt"
PLUGIN = Path(__file__).resolve().parent / "plugin"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Drafter",
    "GIT_AUTHOR_EMAIL": "drafter@example.org",
    "GIT_COMMITTER_NAME": "Drafter",
    "GIT_COMMITTER_EMAIL": "drafter@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    out = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def _snapshot_of_project(dest: Path, env: dict[str, str]) -> str:
    """Copy the checkout's files (tracked and new, not ignored) to a new repo; return HEAD."""
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    dest.mkdir()
    for name in filter(None, listed.split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _git(dest, "init", "-q", env=env)
    _git(dest, "add", "-A", env=env)
    _git(dest, "commit", "-q", "-m", "snapshot", env=env)
    return _git(dest, "rev-parse", "HEAD", env=env)


def _discriminating_codes() -> list[str]:
    """Codes that fire on the weak bill and not on its rewrite (the rules of this checkout)."""
    weak = {f.code for f in sl.check(WEAK.read_text("utf-8")) if f.severity != "info"}
    strong = {f.code for f in sl.check(STRONG.read_text("utf-8"))}
    return sorted(weak - strong)


@dataclass
class Drafts:
    """A drafting repository with the hooks installed."""

    path: Path
    env: dict[str, str]

    def commit(self, *files: str, skip: str = "") -> subprocess.CompletedProcess[str]:
        env = {**self.env, "SKIP": skip}
        _git(self.path, "add", *files, env=env)
        return subprocess.run(
            ["git", "commit", "-m", "draft"],
            cwd=self.path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Drafts]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    codes = _discriminating_codes()
    assert codes, "no rule tells the weak bill from its rewrite"
    base = tmp_path_factory.mktemp("hook")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(base / "cache")}
    env.pop("PRE_COMMIT", None)
    rev = _snapshot_of_project(base / "project", env)
    repo = base / "drafts"
    repo.mkdir()
    _git(repo, "init", "-q", env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"""repos:
  - repo: {(base / "project").as_posix()}
    rev: {rev}
    hooks:
      - id: safeguard-lint
      - id: safeguard-lint-fix
        args: [--extend-select, ZZ01]
        additional_dependencies: [{PLUGIN.as_posix()}]
""",
        encoding="utf-8",
    )
    (repo / "pyproject.toml").write_text(
        f"[tool.safeguard-lint]\nselect = {codes!r}\n".replace("'", '"'), encoding="utf-8"
    )
    (repo / "bills").mkdir()
    _git(repo, "add", ".", env=env)
    _git(repo, "commit", "-q", "-m", "settings", env=env)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=repo, env=env, check=True, capture_output=True)
    installed = subprocess.run(
        [*pre_commit, "install-hooks"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    yield Drafts(repo, env)


def test_weak_bill_commit_fails_with_findings(drafts: Drafts) -> None:
    shutil.copy(WEAK, drafts.path / "bills" / "weak.txt")
    done = drafts.commit("bills/weak.txt", skip="safeguard-lint-fix")
    assert done.returncode != 0
    assert "bills/weak.txt" in done.stdout
    assert any(code in done.stdout for code in _discriminating_codes())
    assert "Found" in done.stdout
    _git(drafts.path, "reset", "-q", "HEAD", "bills/weak.txt", env=drafts.env)
    (drafts.path / "bills" / "weak.txt").unlink()


def test_strong_rewrite_commit_passes(drafts: Drafts) -> None:
    shutil.copy(STRONG, drafts.path / "bills" / "strong.txt")
    done = drafts.commit("bills/strong.txt", skip="safeguard-lint-fix")
    assert done.returncode == 0, done.stdout
    assert "safeguard-lint" in done.stdout and "Passed" in done.stdout


def test_suppressed_findings_pass(drafts: Drafts) -> None:
    text = WEAK.read_text("utf-8")
    findings = [f for f in sl.check(text) if f.code in _discriminating_codes()]
    suppressed = add_ignores(text, sl.parse(text), findings)
    assert suppressed.count("safeguard-lint: ignore[") >= 1
    (drafts.path / "bills" / "accepted.txt").write_text(suppressed, encoding="utf-8")
    done = drafts.commit("bills/accepted.txt", skip="safeguard-lint-fix")
    assert done.returncode == 0, done.stdout


def test_fix_hook_changes_only_what_it_reports(drafts: Drafts) -> None:
    original = STRONG.read_bytes().replace(b"\n", b"\r\n")
    typo = b"shall be notified of the order"
    assert typo in original
    with_slip = original.replace(typo, b"shall be be notified of the order", 1)
    target = drafts.path / "bills" / "typo.txt"
    target.write_bytes(with_slip)
    done = drafts.commit("bills/typo.txt", skip="safeguard-lint")
    assert done.returncode != 0  # pre-commit stops a commit whose files a hook changed
    assert "fixed" in done.stdout and "ZZ01" in done.stdout
    assert "files were modified by this hook" in done.stdout
    assert target.read_bytes() == original
    again = drafts.commit("bills/typo.txt", skip="safeguard-lint")
    assert again.returncode == 0, again.stdout
