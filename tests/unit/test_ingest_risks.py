"""Climate risks and the hazards of adaptation actions: dialects, synonyms, every refusal, demo replacement, CLI."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dk2020dash import queries
from dk2020dash.cli import main
from dk2020dash.db.store import Store
from dk2020dash.ingest import run_import
from tests.ingest_helpers import assert_unchanged, csv_text, snapshot, xlsx_bytes

TODAY = dt.date(2026, 11, 28)


def ok(report) -> None:
    assert report.ok and report.written, report.problem_lines()


def risks(store: Store) -> dict[tuple[int, str], tuple]:
    df = store.query("SELECT municipality, hazard, level, assessed_year, assessed_on, note, is_demo FROM risk")
    return {(int(r.municipality), r.hazard): (r.level, int(r.assessed_year),
                                               None if r.assessed_on is None or str(r.assessed_on) == "NaT"
                                               else str(r.assessed_on)[:10],
                                               None if not isinstance(r.note, str) else r.note, bool(r.is_demo))
            for r in df.itertuples(index=False)}


def hazards(store: Store) -> dict[str, list[str]]:
    df = store.query("SELECT a.title, list_sort(list(h.hazard)) AS hz FROM action a "
                     "JOIN action_hazard h ON h.action_id = a.id GROUP BY a.title")
    return {t: list(h) for t, h in zip(df["title"], df["hz"], strict=True)}


# -- dialects and synonyms ----------------------------------------------------------------------------

def test_danish_excel_csv_semicolon_cp1252_any_case_old_spellings_and_synonyms(empty_store: Store) -> None:
    rows = [["Kommunenavn", "Klimafare", "Risikoniveau", "Vurderingsår", "Bemærkning"],
            ["KØBENHAVN", "Skybrud", "MEGET HØJ", "2023", "Skybrudsplan 2012 opdateret"],
            ["Århus", "oversvømmelse fra vandløb", "Høj", "01-05-2022", ""],
            ["0147", "Hedebølge", "middel", "1.5.2021", ""],
            ["Høje Taastrup", "stigende grundvand", "lav", "2024-03-15", ""],
            ["Lolland", "Havvandsstigning", "Meget_høj", "2020", "Lavtliggende"],
            ["Lolland", "højvande", "3", "2020", ""],
            ["Ringkøbing", "Tørke", "Moderat", "2019", ""],
            ["Lemvig", "kysterosion", "stor", "2025", ""]]
    ok(run_import(empty_store, "risks", csv_text(rows, ";").encode("cp1252"), "risici.csv", today=TODAY))
    assert risks(empty_store) == {
        (101, "skybrud"): ("meget_hoej", 2023, None, "Skybrudsplan 2012 opdateret", False),
        (751, "vandloeb"): ("hoej", 2022, "2022-05-01", None, False),
        (147, "hedeboelge"): ("middel", 2021, "2021-05-01", None, False),
        (169, "grundvand"): ("lav", 2024, "2024-03-15", None, False),
        (360, "havvandsstigning"): ("meget_hoej", 2020, None, "Lavtliggende", False),
        (360, "stormflod"): ("hoej", 2020, None, None, False),
        (760, "toerke"): ("middel", 2019, None, None, False),
        (665, "erosion"): ("hoej", 2025, None, None, False),
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_english_headers_and_values_comma_separated(empty_store: Store, encoding: str) -> None:
    rows = [["Municipality", "Hazard", "Risk level", "Assessed", "Notes"],
            ["Copenhagen", "Cloudburst", "Very high", "2023", "from the cloudburst plan"],
            ["Esbjerg", "storm surge", "HIGH", "2022-09-01", ""],
            ["Esbjerg", "Sea level rise", "medium", "2022", ""],
            ["Esbjerg", "heatwave", "low", "2022", ""],
            ["Fanø", "Coastal erosion", "critical", "2024", ""],
            ["Randers", "River flooding", "High", "2024", ""],
            ["Randers", "Drought", "Low", "2024", ""],
            ["Randers", "Groundwater", "Moderate", "2024", ""]]
    ok(run_import(empty_store, "risks", csv_text(rows, ",").encode(encoding), "risks.csv", today=TODAY))
    got = {k: v[0] for k, v in risks(empty_store).items()}
    assert got == {(101, "skybrud"): "meget_hoej", (561, "stormflod"): "hoej", (561, "havvandsstigning"): "middel",
                   (561, "hedeboelge"): "lav", (563, "erosion"): "meget_hoej", (730, "vandloeb"): "hoej",
                   (730, "toerke"): "lav", (730, "grundvand"): "middel"}


def test_xlsx_with_typed_years_and_dates_and_an_aar_column(empty_store: Store) -> None:
    data = xlsx_bytes([["kommune", "klimafare", "risiko", "år"],
                       [101, "skybrud", "høj", 2023],
                       [147, "hedebølge", "lav", dt.datetime(2024, 2, 29)]], sheet="risks")
    ok(run_import(empty_store, "risks", data, "risici.xlsx", today=TODAY))
    assert risks(empty_store) == {(101, "skybrud"): ("hoej", 2023, None, None, False),
                                  (147, "hedeboelge"): ("lav", 2024, "2024-02-29", None, False)}


# -- refusals: the whole file, every bad value named with its row, nothing changed ----------------------

def test_every_bad_value_is_named_with_its_row_and_nothing_changes(demo_copy: Store) -> None:
    before = snapshot(demo_copy)
    rows = [["kommune", "klimafare", "risiko", "vurderet"],
            ["101", "skybrud", "høj", "2023"],
            ["Atlantis", "skybrud", "høj", "2023"],          # 3: unknown municipality
            ["101", "tsunami", "høj", "2023"],               # 4: unknown hazard
            ["147", "hedebølge", "katastrofal", "2023"],     # 5: unknown level
            ["147", "skybrud", "", "2023"],                  # 6: empty level
            ["151", "skybrud", "lav", ""],                   # 7: no year
            ["153", "skybrud", "lav", "1850"],               # 8: year out of range
            ["155", "skybrud", "lav", "31-02-2023"],         # 9: not a real day
            ["101", "Skybrud", "middel", "2024"],            # 10: (101, skybrud) again
            ["157", "skybrud; stormflod", "lav", "2023"]]    # 11: one hazard per row
    report = run_import(demo_copy, "risks", csv_text(rows).encode(), "risici.csv", today=TODAY)
    assert not report.ok and not report.written
    found = {(p.row, p.column, p.value) for p in report.problems}
    assert found == {(3, "kommune", "Atlantis"), (4, "klimafare", "tsunami"), (5, "risiko", "katastrofal"),
                     (6, "risiko", ""), (7, "vurderet", ""), (8, "vurderet", "1850"), (9, "vurderet", "31-02-2023"),
                     (10, "klimafare", "Skybrud"), (11, "klimafare", "skybrud; stormflod")}
    assert "samme som række 2" in next(p.expected for p in report.problems if p.row == 10)
    lines = report.problem_lines()
    assert any(line.startswith("risici.csv:4:klimafare: tsunami – forventet en klimafare") for line in lines)
    assert_unchanged(before, demo_copy)
    assert "risks" in queries.demo_kinds(demo_copy)


def test_missing_columns_are_named(empty_store: Store) -> None:
    report = run_import(empty_store, "risks", b"kommune;risiko\n101;lav\n", "r.csv", today=TODAY)
    assert not report.ok
    assert "klimafare (hazard)" in report.problems[0].expected and "vurderet (assessed)" in report.problems[0].expected
    assert empty_store.table_counts()["risk"] == 0


# -- replacing: demo risks go, the file's municipalities get exactly the file's hazards ------------------

def test_real_risks_replace_all_demo_risks_and_each_municipality_as_a_whole(demo_copy: Store) -> None:
    demo_count = demo_copy.query("SELECT count(*) FROM risk WHERE is_demo").iloc[0, 0]
    assert demo_count > 300
    first = "kommune;klimafare;risiko;vurderet\n101;skybrud;høj;2023\n101;stormflod;middel;2023\n751;hedebølge;lav;2024\n"
    report = run_import(demo_copy, "risks", first.encode(), "a.csv", today=TODAY)
    ok(report)
    assert report.summary.demo_removed == demo_count and report.summary.added == 3
    assert "risks" not in queries.demo_kinds(demo_copy)
    assert set(risks(demo_copy)) == {(101, "skybrud"), (101, "stormflod"), (751, "hedeboelge")}

    second = "kommune;klimafare;risiko;vurderet\n101;skybrud;meget høj;2025\n101;grundvand;lav;2025\n"
    report = run_import(demo_copy, "risks", second.encode(), "b.csv", today=TODAY, dry_run=True)
    s = report.summary
    assert (s.added, s.changed, s.unchanged, s.replaced, s.demo_removed) == (1, 1, 0, 1, 0)
    ok(run_import(demo_copy, "risks", second.encode(), "b.csv", today=TODAY))
    assert risks(demo_copy) == {(101, "skybrud"): ("meget_hoej", 2025, None, None, False),
                                (101, "grundvand"): ("lav", 2025, None, None, False),
                                (751, "hedeboelge"): ("lav", 2024, None, None, False)}  # Aarhus untouched


# -- actions: klimafare and protection targets ---------------------------------------------------------

def test_actions_name_one_or_several_hazards_and_a_protection_target(empty_store: Store) -> None:
    rows = [["Kommune", "Titel", "Type", "Status", "Klimafare", "Gentagelsesperiode", "Beskyttede bygninger",
             "Forventet 2030"],
            ["101", "Skybrudstunnel", "Tilpasning", "I gang", "Skybrud", "100", "1.250", "0,5"],
            ["101", "Havnedige", "", "Planlagt", "Stormflod, havvandsstigning; Erosion", "", "", ""],
            ["101", "Cykelsti", "", "Planlagt", "", "", "", "2,5"]]
    ok(run_import(empty_store, "actions", csv_text(rows).encode("cp1252"), "h.csv", today=TODAY))
    assert hazards(empty_store) == {"Skybrudstunnel": ["skybrud"],
                                    "Havnedige": ["erosion", "havvandsstigning", "stormflod"]}
    kinds = dict(empty_store.query("SELECT title, kind FROM action").values.tolist())
    assert kinds == {"Skybrudstunnel": "adaptation", "Havnedige": "adaptation", "Cykelsti": "mitigation"}
    prot = empty_store.query("SELECT kind, value FROM action_protection ORDER BY kind").values.tolist()
    assert prot == [["buildings_protected", 1250.0], ["return_period_years", 100.0]]

    # A file without the hazard column leaves hazards alone; one with an empty cell clears them.
    ok(run_import(empty_store, "actions", "kommune;titel;status\n101;Havnedige;i gang\n".encode(), "s.csv",
                  today=TODAY))
    assert hazards(empty_store)["Havnedige"] == ["erosion", "havvandsstigning", "stormflod"]
    report = run_import(empty_store, "actions", "kommune;titel;type;status;klimafare\n101;Havnedige;tilpasning;i gang;"
                        "stormflod\n".encode(), "t.csv", today=TODAY)
    ok(report)
    assert report.summary.changed == 1
    assert hazards(empty_store)["Havnedige"] == ["stormflod"]
    assert empty_store.query("SELECT version FROM action WHERE title = 'Havnedige'").iloc[0, 0] == 3


def test_actions_hazard_refusals(empty_store: Store) -> None:
    before = snapshot(empty_store)
    rows = [["kommune", "titel", "type", "status", "klimafare", "gentagelsesperiode"],
            ["101", "Dige", "tilpasning", "i gang", "stormflod; tsunami", ""],   # 2: unknown hazard
            ["101", "Solceller", "reduktion", "i gang", "skybrud", ""],         # 3: hazard on mitigation
            ["101", "Bassin", "tilpasning", "i gang", "skybrud", "-5"],         # 4: return period not > 0
            ["101", "Vindmølle", "reduktion", "i gang", "", "100"]]             # 5: target on mitigation
    report = run_import(empty_store, "actions", csv_text(rows).encode(), "a.csv", today=TODAY)
    assert not report.ok
    found = {(p.row, p.column, p.value) for p in report.problems}
    assert found == {(2, "klimafare", "tsunami"), (3, "klimafare", "skybrud"), (4, "gentagelsesperiode", "-5"),
                     (5, "gentagelsesperiode", "100")}
    assert_unchanged(before, empty_store)


def test_an_actions_import_removes_demo_hazards_with_the_demo_actions(demo_copy: Store) -> None:
    assert demo_copy.query("SELECT count(*) FROM action_hazard").iloc[0, 0] > 0
    ok(run_import(demo_copy, "actions", "kommune;titel;status;klimafare\n101;Dige;i gang;stormflod\n".encode(),
                  "a.csv", today=TODAY))
    assert demo_copy.query("SELECT count(*) FROM action").iloc[0, 0] == 1
    assert hazards(demo_copy) == {"Dige": ["stormflod"]}
    assert demo_copy.query("SELECT count(*) FROM action_protection").iloc[0, 0] == 0


# -- command line --------------------------------------------------------------------------------------

def test_cli_import_risks(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "cli.duckdb"
    Store(db).create()
    good = tmp_path / "risici.csv"
    good.write_bytes("kommune;klimafare;risiko;vurderet\n101;Skybrud;Høj;2023\n".encode("cp1252"))
    assert main(["import", "risks", str(good), "--db", str(db)]) == 0
    assert "1 række (risks) fra 1 kommune" in capsys.readouterr().out  # not "1 rækker ... fra 1 kommuner"
    bad = tmp_path / "forkert.csv"
    bad.write_bytes("kommune;klimafare;risiko;vurderet\n101;Tsunami;Høj;2023\n".encode())
    assert main(["import", "risks", str(bad), "--db", str(db)]) == 1
    assert "forkert.csv:2:klimafare: Tsunami – forventet en klimafare" in capsys.readouterr().out
    assert list(risks(Store(db))) == [(101, "skybrud")]
