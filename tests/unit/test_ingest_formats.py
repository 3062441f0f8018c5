"""Well-formed files of every kind, layout, encoding, delimiter and number style import with the right values."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dk2020dash import queries
from dk2020dash.db.store import Store
from dk2020dash.ingest import run_import
from tests.ingest_helpers import csv_text, xlsx_bytes

TODAY = dt.date(2026, 11, 28)


def emissions(store: Store) -> dict[tuple[int, int, str], float]:
    df = store.query("SELECT municipality, year, sector, tco2e FROM emission WHERE edition = "
                     "(SELECT id FROM edition ORDER BY published DESC, id DESC LIMIT 1)")
    return {(int(m), int(y), s): float(t) for m, y, s, t in df.itertuples(index=False)}


def ok(report) -> None:
    assert report.ok, report.problem_lines()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_long_inventory_in_every_encoding_and_delimiter(empty_store: Store, encoding: str, delimiter: str) -> None:
    # Decimal comma with a comma delimiter must be quoted; csv_text quotes cells that contain the delimiter.
    rows = [["Kommune", "År", "Sektor", "Ton CO2e"],
            ["København", "2023", "Vejtransport", "1.234,5"],
            ["Århus", "2023", "Landbrug - husdyr", "12,25"],
            ["Høje Taastrup", "2022", "Arealanvendelse", "-3.500,75"],
            ["0101", "2022", "El", "7"]]
    data = csv_text(rows, delimiter).encode(encoding)
    ok(run_import(empty_store, "inventory", data, "ecr.csv", today=TODAY))
    assert emissions(empty_store) == {(101, 2023, "vej"): 1234.5, (751, 2023, "husdyr"): 12.25,
                                      (169, 2022, "lulucf"): -3500.75, (101, 2022, "el"): 7.0}


def test_english_numbers_and_headers(empty_store: Store) -> None:
    rows = [["municipality", "YEAR", "sector", "tonnes"], ["Aabenraa", "2021", "Road transport", "1,234.5"],
            ["Faaborg-Midtfyn", "2021", "District heating", "12.5"],
            ["Lyngby-Taarbæk", "2021", "Electricity", "1,234"]]  # settled by the others: thousands
    ok(run_import(empty_store, "inventory", csv_text(rows, ",").encode(), "en.csv", today=TODAY))
    assert emissions(empty_store) == {(580, 2021, "vej"): 1234.5, (430, 2021, "fjernvarme"): 12.5,
                                      (173, 2021, "el"): 1234.0}


def test_danish_file_settles_an_ambiguous_value(empty_store: Store) -> None:
    data = "kommune;år;sektor;ton\n101;2021;vej;1.234\n101;2021;el;0,5\n".encode()
    ok(run_import(empty_store, "inventory", data, "da.csv", today=TODAY))
    assert emissions(empty_store)[(101, 2021, "vej")] == 1234.0


def test_spaces_and_nbsp_as_thousands(empty_store: Store) -> None:
    data = "kommune;år;sektor;ton\n101;2021;vej;1 234,5\n101;2021;el;2\u00a0000,25\n".encode()
    ok(run_import(empty_store, "inventory", data, "sp.csv", today=TODAY))
    assert emissions(empty_store) == {(101, 2021, "vej"): 1234.5, (101, 2021, "el"): 2000.25}


def test_wide_inventory_with_empty_cells_and_estimated_long(empty_store: Store) -> None:
    rows = [["Kommune", "Sektor", "1990", "2022", "2023"], ["Aarhus", "Vejtrafik", "100,5", "", "90"],
            ["Brønderslev-Dronninglund", "Fjernvarme", "10", "9", "8,25"]]
    r = run_import(empty_store, "inventory", csv_text(rows).encode("cp1252"), "wide.csv", today=TODAY)
    ok(r)
    assert r.rows == 5
    assert emissions(empty_store) == {(751, 1990, "vej"): 100.5, (751, 2023, "vej"): 90.0,
                                      (810, 1990, "fjernvarme"): 10.0, (810, 2022, "fjernvarme"): 9.0,
                                      (810, 2023, "fjernvarme"): 8.25}
    data = "kommune;år;sektor;ton;estimeret\n101;2024;vej;5;ja\n101;2024;el;6;\n".encode()
    ok(run_import(empty_store, "inventory", data, "est.csv", today=TODAY))
    est = empty_store.query("SELECT sector, estimated FROM emission e JOIN edition d ON d.id = e.edition "
                            "WHERE d.name = 'est' ORDER BY sector")
    assert est["estimated"].tolist() == [False, True]


def test_xlsx_inventory_typed_cells_and_sheet_named_like_the_kind(empty_store: Store) -> None:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Forside"
    wb.active.append(["Denne fane er ikke data"])
    ws = wb.create_sheet("Inventory")
    for r in (["Kommune", "År", "Sektor", "Ton"], [101, 2023, "vej", 1234.5], ["Odense", 2023, "Husdyr", 7]):
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    ok(run_import(empty_store, "inventory", buf.getvalue(), "ecr.xlsx", today=TODAY))
    assert emissions(empty_store) == {(101, 2023, "vej"): 1234.5, (461, 2023, "husdyr"): 7.0}


def test_each_inventory_is_a_new_edition_and_the_newest_is_used(empty_store: Store) -> None:
    ok(run_import(empty_store, "inventory", b"kommune;aar;sektor;ton\n101;2022;vej;1\n", "a.csv", today=TODAY))
    ok(run_import(empty_store, "inventory", b"kommune;aar;sektor;ton\n101;2022;vej;2\n", "b.csv",
                  edition_name="ECR 2026", today=TODAY))
    eds = queries.editions(empty_store)
    assert set(eds["name"]) == {"a", "ECR 2026"}
    assert emissions(empty_store) == {(101, 2022, "vej"): 2.0}
    older = int(eds.loc[eds["name"] == "a", "id"].iloc[0])
    assert queries.emission_totals(empty_store, older)["tco2e"].tolist() == [1.0]


def test_real_inventory_removes_the_demo_and_says_so(demo_copy: Store) -> None:
    data = b"kommune;aar;sektor;ton\n101;2024;vej;1000\n"
    dry = run_import(demo_copy, "inventory", data, "ecr.csv", dry_run=True, today=TODAY)
    assert dry.ok and dry.summary.demo_removed > 0 and not dry.written
    assert "inventory" in queries.demo_kinds(demo_copy)
    ok(run_import(demo_copy, "inventory", data, "ecr.csv", today=TODAY))
    assert "inventory" not in queries.demo_kinds(demo_copy)
    assert queries.editions(demo_copy)["name"].tolist() == ["ecr"]


def test_plans_percent_styles_and_replacing(demo_copy: Store) -> None:
    rows = [["Kommune", "Vedtaget", "Godkendt", "Basisår", "Basisudledning", "Mål 2025", "Mål 2030",
             "Nettonul år", "Revision"],
            ["101", "01-03-2021", "1.2.2021", "1990", "2.500.000", "50 %", "0,7", "2050", "2026-03-01"],
            ["Aarhus", "2020-06-15", "", "2010", "", "40", "70%", "2045", ""]]
    r = run_import(demo_copy, "plans", csv_text(rows).encode(), "plans.csv", today=TODAY)
    ok(r)
    plans = queries.plans(demo_copy).set_index("municipality")
    assert len(plans) == 2 and not plans["is_demo"].any()
    assert plans.loc[101, "adopted"] == pd.Timestamp(2021, 3, 1) and plans.loc[101, "approved"] == pd.Timestamp(2021, 2, 1)
    assert plans.loc[101, "baseline_tco2e"] == 2_500_000 and plans.loc[751, "net_zero_year"] == 2045
    targets = queries.plan_targets(demo_copy)
    assert {(int(m), int(y)): round(v, 6) for m, y, v in targets.itertuples(index=False)} == {
        (101, 2025): 0.5, (101, 2030): 0.7, (751, 2025): 0.4, (751, 2030): 0.7}
    assert "plans" not in queries.demo_kinds(demo_copy)
    again = "kommune;basisår;nettonul år;mål 2030\n101;1990;2050;60\n".encode()
    r2 = run_import(demo_copy, "plans", again, "plans2.csv", today=TODAY)
    ok(r2)
    assert r2.summary.replaced == 1
    targets = queries.plan_targets(demo_copy)
    assert targets[targets["municipality"] == 101]["reduction"].tolist() == [0.6]


@pytest.mark.parametrize("layout", ["long", "wide"])
def test_scenarios_long_and_wide(demo_copy: Store, layout: str) -> None:
    if layout == "long":
        data = "kommune;scenarie;år;ton\n101;BAU;2030;900\n101;Klimaplan;2030;300,5\n".encode()
    else:
        data = "kommune,type,2030\n101,bau,900\n101,plan,\"300,5\"\n".encode()
    ok(run_import(demo_copy, "scenarios", data, "sc.csv", today=TODAY))
    df = demo_copy.query("SELECT municipality, kind, year, tco2e FROM scenario ORDER BY kind")
    assert df.values.tolist() == [[101, "bau", 2030, 900.0], [101, "plan", 2030, 300.5]]


def test_actions_update_by_title_and_id_with_events(empty_store: Store) -> None:
    first = ("kommune;titel;sektor;type;status;start;slut;forventet 2030;ansvarlig;budget\n"
             "101;Cykelsti;vej;reduktion;Planlagt;2025-01-01;31-12-2027;1.500;Teknik;2.000.000\n"
             "101;Skybrud;;klimatilpasning;I gang;;;;;\n").encode()
    ok(run_import(empty_store, "actions", first, "a1.csv", who="anna", today=TODAY))
    acts = empty_store.query("SELECT id, title, status, version, expected_2030_t, kind FROM action ORDER BY id")
    assert acts["status"].tolist() == ["planned", "in_progress"] and acts["version"].tolist() == [1, 1]
    assert acts["kind"].tolist() == ["mitigation", "adaptation"]
    bike = int(acts["id"].iloc[0])
    second = f"id;kommune;titel;sektor;status;forventet 2030\n{bike};101;Cykelsti;vej;Forsinket;1500\n".encode()
    r = run_import(empty_store, "actions", second, "a2.csv", who="bo", today=TODAY)
    ok(r)
    assert r.summary.changed == 1 and len(r.summary.status_changes) == 1
    row = empty_store.query("SELECT status, version FROM action WHERE id = ?", [bike]).iloc[0]
    assert row["status"] == "delayed" and row["version"] == 2
    ev = empty_store.query("SELECT old_status, new_status, who FROM action_event WHERE action_id = ? ORDER BY id",
                           [bike])
    assert ev.astype(object).where(ev.notna(), None).values.tolist() == [
        [None, "planned", "anna"], ["planned", "delayed", "bo"]]


def test_an_imported_completed_action_is_completed_when_it_says_not_on_the_import_day(demo_copy: Store) -> None:
    """Issue 19 item 6: importing an action that is already completed (no end date) writes a none -> completed event
    dated the import day; that event is no change of status, so the completion date falls back to the action's last
    update and, in or before Aarhus's latest inventory year (2024), the action is "already in the inventory", not
    secured. An edit that changes a planned action to completed still dates its completion."""
    from dk2020dash import auth, edits
    from dk2020dash.metrics.mitigation import assess_municipality
    from tests.support import municipality_inputs

    today = dt.date(2026, 6, 1)
    data = ("kommune;titel;sektor;status;forventet 2030;opdateret\n"
            "751;Varmeplan 2022;fjernvarme;Gennemført;1000;2024-03-01\n"
            "751;Cykelsti langs Ringgaden;vej;Planlagt;500;2026-01-10\n").encode()
    ok(run_import(demo_copy, "actions", data, "aarhus.csv", today=today))
    events = demo_copy.query("SELECT e.changed_on, e.old_status, e.new_status FROM action_event e "
                             "JOIN action a ON a.id = e.action_id WHERE a.title = 'Varmeplan 2022'")
    assert events["old_status"].isna().all() and events["new_status"].tolist() == ["completed"]
    assert events["changed_on"].dt.normalize().tolist() == [pd.Timestamp(today)]  # the import's event, that day
    rows = queries.actions(demo_copy, [751]).set_index("title")
    assert rows.loc["Varmeplan 2022", "completed_on"] == pd.Timestamp(2024, 3, 1)  # its last update, not today
    p = assess_municipality(municipality_inputs(demo_copy)[751], today)
    assert p.latest_year == 2024
    assert (p.bridge.in_inventory, p.bridge.in_inventory_actions, p.bridge.secured) == (1000.0, 1, 0.0)

    bike = int(rows.loc["Cykelsti langs Ringgaden", "id"])
    edits.set_status(demo_copy, auth.cli_admin("test"), bike, "completed", today=today)
    rows = queries.actions(demo_copy, [751]).set_index("title")
    assert rows.loc["Cykelsti langs Ringgaden", "completed_on"] == pd.Timestamp(today)  # planned -> completed counts
    p = assess_municipality(municipality_inputs(demo_copy)[751], today)
    assert (p.bridge.in_inventory, p.bridge.secured) == (1000.0, 500.0)


def test_milestones_replace_and_demo_removed(demo_copy: Store) -> None:
    data = "kommune;milepæl;frist;udført;note\n101;Statusrapport;2025-06-01;1.6.2025;ok\n101;revision;01-03-2026;;\n"
    ok(run_import(demo_copy, "milestones", data.encode(), "m.csv", today=TODAY))
    df = demo_copy.query("SELECT municipality, kind, due, done, is_demo FROM milestone ORDER BY due")
    assert df["kind"].tolist() == ["status_report", "plan_revision"]
    assert df["done"].iloc[0] == pd.Timestamp(2025, 6, 1) and not df["is_demo"].any()
    assert "milestones" not in queries.demo_kinds(demo_copy)


FOLK1A_LONG = (
    '"Befolkningen den 1. i kvartalet efter område, køn, alder og tid"\n'
    '"Enhed: antal"\n'
    '\n'
    '"Hele landet";"I alt";"2025K1";"5.992.734"\n'
    '"Region Hovedstaden";"I alt";"2025K1";"1.901.325"\n'
    '"101 København";"I alt";"2024K4";"650.001"\n'
    '"101 København";"I alt";"2025K1";"653.491"\n'
    '"751 Aarhus";"I alt";"2025K1";"367.095"\n'
    '"411 Christiansø";"I alt";"2025K1";"84"\n'
)
FOLK1A_COLUMNS = "OMRÅDE;TID;INDHOLD\nKøbenhavn;2025K2;654000\nÅrhus;2025K2;368000\n"
FOLK1A_WIDE = ('"FOLK1A: Befolkningen den 1. i kvartalet"\n;"2024K4";"2025K1"\n'
               '"Hele landet";"5.980.000";"5.992.734"\n"Odense";"207.000";"208.000"\n')


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    (FOLK1A_LONG, "cp1252", {101: (653491, 2025), 751: (367095, 2025)}),
    (FOLK1A_LONG, "utf-8-sig", {101: (653491, 2025), 751: (367095, 2025)}),
    (FOLK1A_COLUMNS, "utf-8", {101: (654000, 2025), 751: (368000, 2025)}),
    (FOLK1A_WIDE, "cp1252", {461: (208000, 2025)}),
])
def test_population_from_statbank(empty_store: Store, text: str, encoding: str, expected: dict) -> None:
    ok(run_import(empty_store, "population", text.encode(encoding), "FOLK1A.csv", today=TODAY))
    df = empty_store.query("SELECT code, population, population_year, population_approx FROM municipality")
    got = {int(c): (int(p), int(y)) for c, p, y, a in df.itertuples(index=False) if not a}
    assert got == expected


def test_xlsx_plans(empty_store: Store) -> None:
    data = xlsx_bytes([["Kommune", "Basisår", "Nettonul år", "Target 2030", "Adopted"],
                       ["Ikast-Brande", 1990, 2050, 0.7, dt.datetime(2021, 5, 1)]])
    ok(run_import(empty_store, "plans", data, "plans.xlsx", today=TODAY))
    plans = queries.plans(empty_store)
    assert plans["municipality"].tolist() == [756] and plans["adopted"].iloc[0] == pd.Timestamp(2021, 5, 1)


def test_action_titles_differing_only_in_brackets_are_two_actions(empty_store: Store) -> None:
    data = ("kommune;titel;sektor;status\n101;Solcellepark ved Amager (9 MW);el;planlagt\n"
            "101;Solcellepark ved Amager (12 MW);el;i gang\n").encode()
    ok(run_import(empty_store, "actions", data, "a.csv", today=TODAY))
    assert len(empty_store.query("SELECT id FROM action")) == 2


def test_xlsx_typed_numbers_do_not_settle_text_numbers(empty_store: Store) -> None:
    """A typed 12.5 in a cell is no English-style writing, so "1.234" typed as text stays ambiguous; Danish
    text beside typed numbers reads fine."""
    head = ["Kommune", "År", "Sektor", "Ton"]
    data = xlsx_bytes([head, [101, 2023, "vej", 12.5], [101, 2022, "el", "1.234"]])
    report = run_import(empty_store, "inventory", data, "ambiguous.xlsx", today=TODAY)
    assert not report.ok and [p.row for p in report.problems] == [3]
    assert "entydigt" in report.problems[0].expected
    data = xlsx_bytes([head, [101, 2023, "vej", 12.5], [101, 2023, "el", "1.234,5"], [101, 2022, "el", "1.234"]])
    ok(run_import(empty_store, "inventory", data, "fine.xlsx", today=TODAY))
    assert emissions(empty_store) == {(101, 2023, "vej"): 12.5, (101, 2023, "el"): 1234.5, (101, 2022, "el"): 1234.0}


def test_edition_source_and_published_date(empty_store: Store) -> None:
    ok(run_import(empty_store, "inventory", b"kommune;aar;sektor;ton\n101;2022;vej;1\n", "ecr.csv",
                  edition_name="Energi- og CO2-regnskab 2025", source="Energistyrelsen",
                  published=dt.date(2025, 10, 1), today=TODAY))
    ed = queries.newest_edition(empty_store).iloc[0]
    assert (ed["name"], ed["source"], ed["published"]) == ("Energi- og CO2-regnskab 2025", "Energistyrelsen",
                                                           pd.Timestamp(2025, 10, 1))


def test_a_newer_last_update_is_a_change_that_bumps_the_version(empty_store: Store) -> None:
    """Issue 9 item 9: re-importing an action whose only change is its last update must store the new date (so it
    is no longer stale), count as changed in the preview and bump the version; the same date again changes nothing."""
    from dk2020dash.metrics.followup import is_stale

    old = "kommune;titel;sektor;status;opdateret\n101;Cykelsti;vej;I gang;2024-01-15\n".encode()
    ok(run_import(empty_store, "actions", old, "a1.csv", today=TODAY))
    assert is_stale("in_progress", empty_store.query("SELECT last_updated FROM action").iloc[0, 0].date(), TODAY)
    new = old.replace(b"2024-01-15", b"2026-11-01")
    preview = run_import(empty_store, "actions", new, "a2.csv", today=TODAY, dry_run=True)
    ok(preview)
    assert (preview.summary.changed, preview.summary.unchanged) == (1, 0)
    ok(run_import(empty_store, "actions", new, "a2.csv", today=TODAY))
    row = empty_store.query("SELECT last_updated, version FROM action").iloc[0]
    assert row["last_updated"] == pd.Timestamp(2026, 11, 1) and row["version"] == 2
    assert not is_stale("in_progress", row["last_updated"].date(), TODAY)
    # The same date in another file (and a file without the column) is no change.
    for data in (new.replace(b"I gang", b"i gang"), b"kommune;titel;sektor;status\n101;Cykelsti;vej;I gang\n"):
        again = run_import(empty_store, "actions", data, "a3.csv", today=TODAY)
        ok(again)
        assert (again.summary.changed, again.summary.unchanged) == (0, 1)
    assert empty_store.query("SELECT version FROM action").iloc[0, 0] == 2
