"""Settings files: discovery (closest wins), validation naming file and key, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard_lint.config_files import ConfigError, find_config, load


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_closest_file_wins_and_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.safeguard-lint]\nfail-on = "error"\n')
    _write(tmp_path / "bills" / "pyproject.toml", '[project]\nname = "x"\n')
    inner = _write(tmp_path / "bills" / "draft" / "safeguard-lint.toml", 'fail-on = "info"\n')
    assert find_config(tmp_path / "bills" / "draft") == inner
    assert find_config(tmp_path / "bills") == tmp_path / "pyproject.toml"
    loaded = load(start=tmp_path / "bills")
    assert loaded.config.fail_on == "error"
    assert loaded.source_of("fail-on") == str(tmp_path / "pyproject.toml")
    assert loaded.source_of("select") == "default"


def test_every_key_is_read(tmp_path: Path) -> None:
    _write(
        tmp_path / "safeguard-lint.toml",
        """select = ["JR", "RM01"]
extend-select = ["OV"]
ignore = ["jr04"]
fail-on = "error"
extensions = ["bill", ".txt"]
extend-exclude = ["archive/", "drafts/old/*"]
[severity]
RM01 = "warning"
[per-file-ignores]
"enacted/*.txt" = ["PL"]
[per-provision-ignores]
"art_24__para_2" = ["JR01"]
[rule-options.PL01]
max-days = 30
[lexicons.authorisers]
judicial = ["magistrates?"]
""",
    )
    config = load(start=tmp_path).config
    assert config.select == ["JR", "RM01"] and config.ignore == ["JR04"]
    assert config.extensions == [".bill", ".txt"]
    assert config.severity == {"RM01": "warning"}
    assert config.per_file_ignores == {f"{tmp_path.as_posix()}/enacted/*.txt": ["PL"]}
    assert config.extend_exclude == ["archive/", f"{tmp_path.as_posix()}/drafts/old/*"]
    assert config.rule_options == {"PL01": {"max-days": 30}}
    assert config.lexicons == {"authorisers": {"judicial": ["magistrates?"]}}


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("selekt = ['JR']\n", "selekt"),
        ("fail-on = 'fatal'\n", "fail-on"),
        ("select = 'JR'\n", "select"),
        ("select = ['judicial']\n", "select"),
        ("[severity]\nJR01 = 'loud'\n", "severity.JR01"),
        ("[lexicons.no_such_lexicon]\nx = ['a']\n", "lexicons.no_such_lexicon"),
        ("[lexicons.authorisers]\njudicial = ['(unclosed']\n", "lexicons.authorisers.judicial"),
    ],
)
def test_bad_settings_name_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    path = _write(tmp_path / "safeguard-lint.toml", body)
    with pytest.raises(ConfigError) as info:
        load(start=tmp_path)
    message = str(info.value)
    assert message.startswith(str(path)) and f"`{key}`" in message
    assert "\n" not in message


def test_invalid_toml_and_explicit_missing_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "safeguard-lint.toml", "select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load(start=tmp_path)
    with pytest.raises(ConfigError, match="no such configuration file"):
        load(explicit=tmp_path / "missing.toml")
    assert path.exists()


def test_command_line_overrides_win(tmp_path: Path) -> None:
    _write(tmp_path / "safeguard-lint.toml", 'fail-on = "info"\nignore = ["JR"]\n')
    loaded = load(start=tmp_path, overrides={"fail-on": "error"})
    assert loaded.config.fail_on == "error" and loaded.config.ignore == ["JR"]
    assert loaded.source_of("fail-on") == "command line"
