"""python -m dk2020dash import KIND FILE: exit 0 imported or clean dry run, 1 validation failed, 2 usage."""
from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from dk2020dash import auth
from dk2020dash.cli import main
from dk2020dash.db.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    Store(path).create()
    return path


def test_import_exit_0_and_summary(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    f = tmp_path / "ecr.csv"
    f.write_text("kommune;år;sektor;ton\n101;2023;vej;1.234,5\n", encoding="utf-8")
    auth.grant(Store(db), auth.cli_admin("test"), "kim@kommune.dk", "admin")
    assert main(["import", "inventory", str(f), "--db", str(db), "--edition", "ECR 2025", "--who", "kim@kommune.dk"]) == 0
    out = capsys.readouterr().out
    assert "ny udgave af opgørelsen: ECR 2025" in out and "indlæst" in out
    log = Store(db).query("SELECT who, outcome, rows FROM import_log")
    assert log.values.tolist() == [[f"cli:{getpass.getuser()} as kim@kommune.dk", "imported", 1]]


def test_dry_run_exit_0_writes_nothing(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    f = tmp_path / "ecr.csv"
    f.write_text("kommune;år;sektor;ton\n101;2023;vej;5\n", encoding="utf-8")
    version = Store(db).data_version()
    assert main(["import", "inventory", str(f), "--db", str(db), "--dry-run"]) == 0
    assert "prøvekørsel" in capsys.readouterr().out
    assert Store(db).data_version() == version
    assert Store(db).table_counts()["emission"] == 0


def test_validation_failure_exit_1_one_line_per_problem(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
                                                        ) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("kommune;år;sektor;ton\n101;2023;vej;mange\n999;2023;vej;5\n", encoding="utf-8")
    assert main(["import", "inventory", str(f), "--db", str(db)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "bad.csv:2:ton: mange – forventet et tal, fx 1234,5 eller 1.234,5"
    assert out[1].startswith("bad.csv:3:kommune: 999 – forventet en af de 98 kommuner")
    assert Store(db).table_counts()["emission"] == 0


def test_usage_errors_exit_2(db: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import", "weather", str(tmp_path / "x.csv"), "--db", str(db)])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["import", "inventory"])
    assert exc.value.code == 2
    assert main(["import", "inventory", str(tmp_path / "missing.csv"), "--db", str(db)]) == 2


@pytest.mark.parametrize("kind, text, row", [
    ("actions", "kommune;titel;status\n101;Cykelsti;planlagt\n101;" + "x" * 140_000 + ";planlagt\n", 3),
    ("inventory", "\n" + "kommune;år;sektor;" + "y" * 131_073 + "\n101;2023;vej;5\n", 2),  # the header, after a blank
    ("population", "FOLK1A\n101 København;" + "9" * 140_000 + "\n", 2),
])
def test_a_field_longer_than_the_csv_limit_is_one_line_and_logged(db: Path, tmp_path: Path, kind: str, text: str,
                                                                  row: int, capsys: pytest.CaptureFixture) -> None:
    """A field over 131.072 characters raised _csv.Error through the CLI (a traceback) with no import_log row."""
    f = tmp_path / "lang.csv"
    f.write_text(text, encoding="utf-8")
    assert main(["import", kind, str(f), "--db", str(db)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"lang.csv:{row}: et felt er længere end 131.072 tegn; tjek at anførselstegn (\") er lukket"]
    log = Store(db).query("SELECT kind, file_name, outcome, message FROM import_log").values.tolist()
    assert log == [[kind, "lang.csv", "rejected", f"1 problemer, fx {out[0]}"]]
