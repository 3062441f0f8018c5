"""Every date a user or a file gives lies in a plausible range (issue 20, item 11; domain.happened_range and
planned_range): an edition published in 2205 would shadow every later one, a milestone done in year 1 is a typo.
Refused with one message naming the field, nothing written: the CLI, the edit functions the forms call, the
importers."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from dk2020dash import auth, edits
from dk2020dash.cli import main
from dk2020dash.db.store import Store
from dk2020dash.domain import DATE_MIN, PLANNED_DATE_MAX, happened_range, planned_range
from dk2020dash.edits import EditError
from dk2020dash.ingest import run_import

EDITOR = "kbh@kk.dk"


def test_the_ranges() -> None:
    assert planned_range() == (date(1990, 1, 1), date(2100, 12, 31)) == (DATE_MIN, PLANNED_DATE_MAX)
    assert happened_range(date(2026, 12, 4)) == (date(1990, 1, 1), date(2027, 12, 4))
    assert happened_range(date(2028, 2, 29)) == (date(1990, 1, 1), date(2029, 2, 28))


@pytest.fixture
def editor(demo_copy: Store) -> auth.User:
    auth.grant(demo_copy, auth.cli_admin("test"), EDITOR, "editor", municipalities=["101"])
    return auth.load_user(demo_copy, EDITOR)


def open_milestone(store: Store) -> int:
    return int(store.query("SELECT min(id) FROM milestone WHERE municipality = 101 AND done IS NULL").iloc[0, 0])


def test_cli_milestone_done_in_year_1_is_exit_1_naming_the_field(demo_copy: Store, editor, capsys) -> None:
    version = demo_copy.data_version()
    assert main(["milestone", "done", str(open_milestone(demo_copy)), "--date", "0001-01-01", "--by", EDITOR,
                 "--db", str(demo_copy.path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Udført: 0001-01-01 ligger ikke mellem 1990-01-01 og 2100-12-31" in err
    assert demo_copy.data_version() == version


def test_cli_import_published_in_2205_is_refused_naming_the_field(tmp_path: Path, capsys) -> None:
    db = tmp_path / "d.duckdb"
    assert main(["init", "--empty", "--db", str(db)]) == 0
    f = tmp_path / "ecr.csv"
    f.write_text("kommune;år;sektor;ton\n101;2024;vej;1234\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "inventory", str(f), "--published", "2205-03-01", "--db", str(db)]) == 1
    out = capsys.readouterr()
    last = happened_range()[1].isoformat()
    assert f"published: 2205-03-01 – forventet en dato fra 1990-01-01 til {last}" in out.out + out.err
    assert Store(db).query("SELECT count(*) FROM edition").iloc[0, 0] == 0


def test_the_data_pages_published_date_is_refused_by_run_import_too(empty_store: Store) -> None:
    data = b"kommune;aar;sektor;ton\n101;2024;vej;1234\n"
    for day in (date(1989, 12, 31), happened_range()[1] + timedelta(days=1)):
        report = run_import(empty_store, "inventory", data, "ecr.csv", published=day, who="admin@kl.dk")
        assert not report.ok and [(p.column, p.key) for p in report.problems] == [("published", "imp.p.date_range")]
    assert run_import(empty_store, "inventory", data, "ecr.csv", published=date(2025, 3, 1), who="a@kl.dk").written


@pytest.mark.parametrize(("call", "field"), [
    (lambda s, u, m, a: edits.mark_done(s, u, m, None, "1989-12-31"), "Udført"),
    (lambda s, u, m, a: edits.move_due(s, u, m, None, "2205-03-01", "Ny frist"), "Frist"),
    (lambda s, u, m, a: edits.move_due(s, u, m, None, date(1066, 10, 14), "Ny frist"), "Frist"),
    (lambda s, u, m, a: edits.edit_action(s, u, a["id"], a["version"], {"start_date": "1066-10-14"}), "Start"),
    (lambda s, u, m, a: edits.edit_action(s, u, a["id"], a["version"], {"end_date": "2101-01-01"}), "Slut"),
])
def test_the_forms_edits_refuse_a_date_out_of_range(demo_copy: Store, editor, call, field) -> None:
    aid = int(demo_copy.query("SELECT min(id) FROM action WHERE municipality = 101").iloc[0, 0])
    version = demo_copy.data_version()
    with pytest.raises(EditError) as refused:
        call(demo_copy, editor, open_milestone(demo_copy), edits.action(demo_copy, aid))
    assert refused.value.key == "edit.err.date_range"
    assert refused.value.message("da").startswith(f"{field}: ")
    assert demo_copy.data_version() == version


@pytest.mark.parametrize(("kind", "text", "column"), [
    ("actions", "kommune;titel;status;start\n101;Cykelsti;planlagt;1066-10-14\n", "start"),
    ("actions", "kommune;titel;status;slut\n101;Cykelsti;planlagt;31-12-2101\n", "slut"),
    ("actions", "kommune;titel;status;last_updated\n101;Cykelsti;planlagt;2205-03-01\n", "last_updated"),
    ("milestones", "kommune;type;frist;udført\n101;statusrapport;2027-01-01;01-01-0001\n", "udført"),
    ("milestones", "kommune;type;frist\n101;statusrapport;2205-03-01\n", "frist"),
    ("plans", "kommune;basisår;basis;nettonul år;vedtaget\n101;2009;2000000;2050;2205-03-01\n", "vedtaget"),
    ("risks", "kommune;klimafare;risiko;vurderet\n101;skybrud;høj;2205-03-01\n", "vurderet"),
])
def test_a_file_date_out_of_range_is_a_problem_naming_its_column(empty_store: Store, kind: str, text: str,
                                                               column: str) -> None:
    report = run_import(empty_store, kind, text.encode(), f"{kind}.csv", dry_run=True, who="a@kl.dk")
    assert not report.ok
    assert [(p.column, p.key) for p in report.problems] == [(column, "imp.p.date_range")], report.problem_lines()
    assert "forventet en dato fra 1990-01-01 til" in report.problem_lines()[0]
