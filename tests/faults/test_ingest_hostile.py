"""Hostile files are rejected with the right message, and the database content stays exactly as it was."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from dk2020dash.db.store import Store
from dk2020dash.ingest import MAX_PROBLEMS, run_import
from tests.ingest_helpers import assert_unchanged, snapshot

TODAY = dt.date(2026, 11, 28)
HEADER = "kommune;år;sektor;ton\n"

HOSTILE = {
    "wrong delimiter": ("inventory", b"kommune|aar|sektor|ton\n101|2023|vej|5\n", "x.csv", "semikolon, komma eller tabulator"),
    "decimal comma unquoted in a comma file": ("inventory", b"kommune,aar,sektor,ton\n101,2023,vej,1234,5\n", "x.csv",
                                               "samme antal kolonner"),
    "mixed decimal styles": ("inventory", (HEADER + "101;2023;vej;1.234,5\n101;2023;el;1,234.5\n").encode(), "x.csv",
                             "ét talformat i hele filen"),
    "unknown municipality": ("inventory", (HEADER + "Gotham;2023;vej;5\n").encode(), "x.csv", "de 98 kommuner"),
    "unknown sector": ("inventory", (HEADER + "101;2023;Rumfart;5\n").encode(), "x.csv", "en sektor"),
    "duplicate rows": ("inventory", (HEADER + "101;2023;vej;5\nKøbenhavn;2023;Vejtransport;6\n").encode(), "x.csv",
                       "samme som række 2"),
    "text in number column": ("inventory", (HEADER + "101;2023;vej;mange\n").encode(), "x.csv", "et tal"),
    "empty file": ("inventory", b"", "x.csv", "tom"),
    "header only": ("inventory", HEADER.encode(), "x.csv", "mindst én række"),
    "huge value": ("inventory", (HEADER + "101;2023;vej;250000000000\n").encode(), "x.csv", "højst 100.000.000"),
    "negative outside LULUCF": ("inventory", (HEADER + "101;2023;vej;-5\n").encode(), "x.csv", "kun arealanvendelse"),
    "year before 1990": ("inventory", (HEADER + "101;1989;vej;5\n").encode(), "x.csv", "et år fra 1990 til 2100"),
    "year after 2100": ("inventory", (HEADER + "101;2101;vej;5\n").encode(), "x.csv", "et år fra 1990 til 2100"),
    "wide year column out of range": ("inventory", b"kommune;sektor;1850\n101;vej;5\n", "x.csv", "som kolonneoverskrift"),
    "binary garbage": ("inventory", bytes(range(256)) * 40, "x.csv", "binære data"),
    "csv named .xlsx": ("inventory", (HEADER + "101;2023;vej;5\n").encode(), "ecr.xlsx", "omdøb den til .csv"),
    "missing columns": ("inventory", b"kommune;sektor;noget\n101;vej;5\n", "x.csv", "kolonnerne år (year), ton"),
    "ambiguous number": ("inventory", (HEADER + "101;2023;vej;1.234\n").encode(), "x.csv", "entydigt tal"),
    "bad date": ("milestones", b"kommune;milepael;frist\n101;statusrapport;03/01/2025\n", "x.csv", "en dato som"),
    "target over 100 %": ("plans", "kommune;basisår;nettonul år;mål 2030\n101;1990;2050;170 %\n".encode(), "x.csv",
                          "fra 0 til 100 %"),
    "unknown status": ("actions", b"kommune;titel;status\n101;Cykelsti;maaske\n", "x.csv", "en status"),
    "unknown action id": ("actions", b"id;kommune;titel;status\n99999999;101;Cykelsti;planlagt\n", "x.csv",
                          "et id på en eksisterende handling"),
    "population unknown area": ("population", '"Gotham";"2025K1";"5"\n"101 København";"2025K1";"5"\n'.encode(),
                                "folk.csv", "de 98 kommuner"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_rejected_and_nothing_changes(demo_copy: Store, case: str) -> None:
    kind, data, name, message = HOSTILE[case]
    before = snapshot(demo_copy)
    log_before = len(demo_copy.query("SELECT id FROM import_log"))
    report = run_import(demo_copy, kind, data, name, today=TODAY)
    assert not report.ok and not report.written
    text = " | ".join(report.problem_lines())
    assert message in text, text
    assert_unchanged(before, demo_copy)
    log = demo_copy.query("SELECT outcome, file_name FROM import_log ORDER BY id")
    assert len(log) == log_before + 1 and log["outcome"].iloc[-1] == "rejected"


def test_dry_run_of_a_bad_file_logs_nothing(demo_copy: Store) -> None:
    before_version = demo_copy.data_version()
    report = run_import(demo_copy, "inventory", (HEADER + "101;2023;vej;x\n").encode(), "x.csv", dry_run=True)
    assert not report.ok
    assert demo_copy.data_version() == before_version


def test_problems_listed_up_to_the_limit_then_counted(empty_store: Store) -> None:
    body = "".join(f"101;{1990 + i % 100};vej;tekst{i}\n" for i in range(300))
    report = run_import(empty_store, "inventory", (HEADER + body).encode(), "many.csv")
    assert len(report.problems) == MAX_PROBLEMS
    assert report.more_problems > 0
    assert report.problems[0].row == 2 and report.problems[0].column == "ton"


def test_every_problem_names_row_column_value_and_expected(empty_store: Store) -> None:
    report = run_import(empty_store, "inventory", (HEADER + "101;2023;vej;5\n101;2023;Rumfart;5\n").encode(), "f.csv")
    (p,) = report.problems
    assert (p.file, p.row, p.column, p.value) == ("f.csv", 3, "sektor", "Rumfart")
    assert p.line().startswith("f.csv:3:sektor: Rumfart – forventet en sektor")


def test_reimporting_the_same_file_is_detected_not_duplicated(demo_copy: Store) -> None:
    data = (HEADER + "101;2024;vej;5\n").encode()
    assert run_import(demo_copy, "inventory", data, "ecr.csv").written
    before = snapshot(demo_copy)
    again = run_import(demo_copy, "inventory", data, "ecr-copy.csv")
    assert again.ok and again.duplicate and not again.written
    assert "allerede indlæst" in again.message
    assert_unchanged(before, demo_copy)
    assert demo_copy.query("SELECT outcome FROM import_log ORDER BY id DESC LIMIT 1").iloc[0, 0] == "duplicate"


def test_too_large_file_refused(empty_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DK2020_MAX_IMPORT_MB", "0.001")
    report = run_import(empty_store, "inventory", (HEADER + "101;2024;vej;5\n" * 200).encode(), "big.csv")
    assert not report.ok and "DK2020_MAX_IMPORT_MB" in report.problem_lines()[0]


def test_too_many_rows_refused(empty_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from dk2020dash.ingest import importer

    monkeypatch.setattr(importer, "MAX_ROWS", 5)
    report = run_import(empty_store, "inventory", (HEADER + "101;2024;vej;5\n" * 10).encode(), "rows.csv")
    assert not report.ok and "højst 5 rækker" in " ".join(report.problem_lines())


def test_valid_file_written_in_one_transaction_with_its_log(demo_copy: Store, monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A failure in the middle of writing leaves nothing: not the rows, not the log, not the demo removal."""
    from dk2020dash.ingest import inventory

    def broken(con, frame, ctx, summary):
        con.execute("DELETE FROM emission WHERE edition IN (SELECT id FROM edition WHERE is_demo)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(inventory, "write", broken)
    before = snapshot(demo_copy)
    log_before = len(demo_copy.query("SELECT id FROM import_log"))
    with pytest.raises(RuntimeError):
        run_import(demo_copy, "inventory", (HEADER + "101;2024;vej;5\n").encode(), "ecr.csv")
    assert_unchanged(before, demo_copy)
    assert len(demo_copy.query("SELECT id FROM import_log")) == log_before
    assert os.environ.get("DK2020_MAX_IMPORT_MB") is None
