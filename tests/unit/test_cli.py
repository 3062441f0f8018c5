"""python -m dk2020dash init | info: exit codes 0 ok, 1 error with a one-line message, 2 wrong usage."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dk2020dash.cli import main
from dk2020dash.db.store import Store
from tests.support import ROOT


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dk2020dash", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


def test_init_empty_then_info(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "x.duckdb"
    assert main(["init", "--empty", "--db", str(db)]) == 0
    assert main(["info", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "municipality" in out and "98" in out
    assert "eksempeldata:    nej" in out
    assert "seneste år:      –" in out


def test_init_demo_and_info_says_demo(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "d.duckdb"
    assert main(["init", "--demo", "--db", str(db)]) == 0
    assert main(["info", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "eksempeldata:    ja" in out
    assert "seneste år:      2024" in out


def test_init_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "x.duckdb"
    assert main(["init", "--empty", "--db", str(db)]) == 0
    with Store(db).transaction() as con:
        con.execute("INSERT INTO edition (name, source) VALUES ('rigtige tal', 'test')")
    capsys.readouterr()
    assert main(["init", "--empty", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err
    assert Store(db).table_counts()["edition"] == 1
    assert main(["init", "--empty", "--force", "--db", str(db)]) == 0
    assert Store(db).table_counts()["edition"] == 0


def test_a_file_that_is_not_a_database_gives_exit_1_and_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    db.write_bytes(b"\x00\x01 not a database")
    result = run("info", env={"DK2020_DB": str(db), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert result.stderr.startswith("fejl:") and result.stderr.count("\n") == 1
    assert "ikke en DuckDB-database" in result.stderr
    result = run("init", "--force", "--db", str(db))
    assert result.returncode == 1
    assert db.read_bytes() == b"\x00\x01 not a database"


def test_info_on_a_missing_database_says_how_to_create_it(tmp_path: Path) -> None:
    result = run("info", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert "init" in result.stderr


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["init", "--demo", "--empty"], ["info", "--bogus"]])
def test_wrong_usage_exits_2(args: list[str]) -> None:
    assert run(*args).returncode == 2
