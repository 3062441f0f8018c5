"""config.py is the one table of settings: README's list is generated from it, every DK2020_* name in the code is in
it, nothing else reads the environment, and values are read when asked for (not frozen at import)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dk2020dash import config
from dk2020dash.db.store import DEFAULT_DB, Store, database_target, db_path
from dk2020dash.ingest.importer import max_bytes
from dk2020dash.views import maps
from tests.support import ROOT

CODE = sorted([*(ROOT / "dk2020dash").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])


def test_the_readme_lists_the_settings_of_the_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = config.readme_block(readme)
    assert block is not None, f"README.md has no {config.START} … {config.END} block"
    assert block == config.markdown_table(), (
        "README.md's list of settings differs from dk2020dash/config.py's table: regenerate it with "
        "`python -m dk2020dash settings --update-readme`")


def test_every_dk2020_name_in_the_code_is_a_setting() -> None:
    named = {f: set(re.findall(r"\bDK2020_[A-Z0-9_]*[A-Z0-9]", f.read_text(encoding="utf-8"))) for f in CODE}
    everywhere = set().union(*named.values())
    assert "DK2020_LOCK_WAIT" in everywhere, "the scan found no DK2020_ names"
    missing = sorted(everywhere - set(config.BY_NAME))
    assert not missing, f"DK2020_* names in the code that are not in dk2020dash/config.py's SETTINGS: {missing}"
    outside = set().union(*(names for f, names in named.items() if f.name != "config.py"))
    unused = sorted(s.name for s in config.SETTINGS if s.where == "env" and s.name not in outside)
    assert unused == [], f"settings in the table that no code outside config.py names: {unused}"


def test_only_config_reads_the_environment() -> None:
    readers = []
    for f in CODE:
        if f == ROOT / "dk2020dash" / "config.py":
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
                readers.append(f"{f.relative_to(ROOT)}:{node.lineno}")
    assert readers == []


def test_every_setting_is_well_formed() -> None:
    names = [s.name for s in config.SETTINGS]
    assert len(names) == len(set(names))
    for s in config.SETTINGS:
        assert s.where in ("env", "secrets") and s.help.strip()
        if s.where == "env":
            assert s.name.startswith("DK2020_")
        else:
            section, key = config.secret_key(s.name)
            assert section and key and s.default is None
    assert config.secret_key("database.url") == ("database", "url")


def test_values_are_read_when_asked_for(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("DK2020_LOCK_WAIT", "DK2020_DB", "DK2020_DATABASE_URL", "DK2020_MAX_IMPORT_MB",
                 "DK2020_BOUNDARIES"):
        monkeypatch.delenv(name, raising=False)
    assert config.lock_wait() == 15.0 and Store(tmp_path / "a.duckdb").lock_wait == 15.0
    assert db_path() == DEFAULT_DB == ROOT / "data" / "dk2020.duckdb"
    assert database_target() == str(DEFAULT_DB) and config.value("DK2020_DATABASE_URL") is None
    assert max_bytes() == 50 * 1024 * 1024
    assert maps.boundaries_path() == (str(ROOT / "data" / "kommuner.geojson"), False)

    monkeypatch.setenv("DK2020_LOCK_WAIT", "0.25")  # after import: DK2020_LOCK_WAIT is no longer frozen there
    monkeypatch.setenv("DK2020_DB", str(tmp_path / "b.duckdb"))
    monkeypatch.setenv("DK2020_MAX_IMPORT_MB", "2")
    monkeypatch.setenv("DK2020_BOUNDARIES", str(tmp_path / "k.geojson"))
    assert Store(tmp_path / "a.duckdb").lock_wait == 0.25
    assert db_path() == tmp_path / "b.duckdb" and Store().path == tmp_path / "b.duckdb"
    assert max_bytes() == 2 * 1024 * 1024
    assert maps.boundaries_path() == (str(tmp_path / "k.geojson"), True)
    monkeypatch.setenv("DK2020_DATABASE_URL", "postgresql://kim@127.0.0.1:1/x")
    assert database_target() == "postgresql://kim@127.0.0.1:1/x"

    monkeypatch.setenv("DK2020_LOCK_WAIT", "")  # empty is not set
    assert config.lock_wait() == 15.0 and not config.is_set("DK2020_LOCK_WAIT")


def test_a_setting_that_is_not_a_number_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DK2020_LOCK_WAIT", "lang")
    with pytest.raises(ValueError, match="DK2020_LOCK_WAIT='lang' er ikke et tal"):
        config.lock_wait()


def test_unknown_names_and_secrets_are_not_read_from_the_environment() -> None:
    with pytest.raises(KeyError, match="not a setting"):
        config.value("DK2020_NOTHING")
    with pytest.raises(KeyError, match="secrets.toml"):
        config.value("auth.client_secret")
    with pytest.raises(KeyError, match="environment variable"):
        config.secret_key("DK2020_DB")


def test_the_table_replaces_only_the_block_between_the_markers() -> None:
    text = f"before\n{config.START}\nold list\n{config.END}\nafter\n"
    out = config.readme_with_table(text)
    assert out == f"before\n{config.START}\n{config.markdown_table()}\n{config.END}\nafter\n"
    assert config.readme_block(out) == config.markdown_table()
    with pytest.raises(ValueError):
        config.readme_with_table("no markers")


def test_the_settings_command_prints_the_table_and_masks_passwords(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture) -> None:
    from dk2020dash.cli import main

    assert main(["settings", "--markdown"]) == 0
    assert capsys.readouterr().out.strip() == config.markdown_table()
    monkeypatch.setenv("DK2020_DATABASE_URL", "postgresql://kim:hemmelig-pw@127.0.0.1:1/x")
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    assert "postgresql://kim:***@127.0.0.1:1/x" in out and "hemmelig-pw" not in out
    assert all(s.name in out for s in config.SETTINGS if s.where == "env")


def test_the_shipped_upload_limit_is_the_import_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit's upload endpoint refuses a body over server.maxUploadSize (MB) before any page code runs: the
    shipped config sets it to the default import limit, rounded up to whole MB, not Streamlit's 200."""
    import math
    import tomllib

    monkeypatch.delenv("DK2020_MAX_IMPORT_MB", raising=False)
    shipped = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit_mb = math.ceil(config.max_import_bytes() / 1024 / 1024)
    assert shipped.get("server", {}).get("maxUploadSize") == limit_mb


def test_the_shipped_streamlit_config_shows_visitors_no_error_details() -> None:
    """An uncaught exception must not reach a visitor with its traceback and the server's paths (issue 20 item 10).
    Streamlit 1.67 reads false as "stacktrace" (tracebacks still shown); "none" is the setting that hides them."""
    import tomllib

    shipped = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert shipped["client"]["showErrorDetails"] == "none"
