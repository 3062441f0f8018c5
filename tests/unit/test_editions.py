"""Editions per municipality (issue 9, item 1): each municipality's figures come from its own newest edition
(published date, then import time); a file never changes the figures of municipalities not in it; the inventory
preview shows before -> after with warnings; corrections go into an existing edition; --published in the CLI."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dk2020dash import queries
from dk2020dash.cli import main
from dk2020dash.db.store import Store
from dk2020dash.ingest import run_import
from dk2020dash.queries import history
from tests.conftest import data_page_as_admin
from tests.support import municipality_inputs, page

KBH = b"kommune;aar;sektor;ton\n101;2024;vej;1000\n101;2024;el;2000\n"


def full_edition_csv(store: Store) -> bytes:
    """The demo's newest edition as a real file: every municipality, 1990 and 2010-2024, every sector."""
    rows = store.query("SELECT municipality, year, sector, tco2e FROM emission WHERE edition = 2 ORDER BY ALL")
    return rows.to_csv(index=False).encode()


@pytest.fixture(scope="module")
def full_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with a full real inventory edition (published 2025-10-01) in place of the demo editions."""
    path = tmp_path_factory.mktemp("editions") / "full.duckdb"
    shutil.copy(demo_db, path)
    store = Store(path)
    report = run_import(store, "inventory", full_edition_csv(store), "ecr_2025.csv", who="test",
                        published=dt.date(2025, 10, 1))
    assert report.written, report.problem_lines()
    return path


@pytest.fixture
def full(full_db: Path, tmp_path: Path) -> Store:
    path = tmp_path / "full.duckdb"
    shutil.copy(full_db, path)
    return Store(path)


def others(df: pd.DataFrame, code: int = 101) -> pd.DataFrame:
    return df[df["municipality"] != code].reset_index(drop=True)


def test_a_two_row_file_for_one_municipality_leaves_the_others_figures_unchanged(full: Store) -> None:
    totals = queries.emission_totals(full)
    inputs = municipality_inputs(full)
    quality = queries.data_quality(full, queries.municipalities(full)["code"].tolist())
    by_sector = queries.emissions_by_sector(full, [147, 751])
    assert run_import(full, "inventory", KBH, "kbh.csv", who="test").written

    pd.testing.assert_frame_equal(others(totals), others(queries.emission_totals(full)))
    pd.testing.assert_frame_equal(by_sector, queries.emissions_by_sector(full, [147, 751]))
    after = municipality_inputs(full)
    assert all(after[c].series == inputs[c].series for c in inputs if c != 101)
    assert len([c for c in after if after[c].series]) == len([c for c in inputs if inputs[c].series])
    # København's figures come from the new edition: the two rows, 2024 only.
    assert after[101].series == {2024: 3000.0}
    new_quality = queries.data_quality(full, queries.municipalities(full)["code"].tolist())
    assert (new_quality["rows"] > 0).sum() == (quality["rows"] > 0).sum()
    assert set(new_quality.loc[new_quality["municipality"] != 101, "edition_name"].dropna()) == {"ecr_2025"}
    assert new_quality.set_index("municipality").loc[101, "edition_name"] == "kbh"
    assert queries.latest_inventory_year(full) == 2024


def test_areas_sum_municipalities_each_from_its_own_newest_edition(full: Store) -> None:
    codes = queries.area_codes(queries.municipalities(full), "Hovedstaden")
    before = queries.emissions_by_sector(full, codes)
    run_import(full, "inventory", KBH, "kbh.csv", who="test")
    after = queries.emissions_by_sector(full, codes)
    kbh_old = queries.emissions_by_sector(full, [101], edition=int(queries.editions(full).set_index("name").loc[
        "ecr_2025", "id"]))
    old_2024 = before[before["year"] == 2024]["tco2e"].sum()
    new_2024 = after[after["year"] == 2024]["tco2e"].sum()
    assert new_2024 == pytest.approx(old_2024 - kbh_old[kbh_old["year"] == 2024]["tco2e"].sum() + 3000.0)
    # Earlier years have no København row in its newest edition: not years every municipality has, so the
    # region's sums leave them out (DESIGN.md section 4) rather than sum the others only; the others still have them.
    assert set(after["year"]) == {2024}
    others_after = queries.emissions_by_sector(full, [c for c in codes if c != 101])
    assert others_after[others_after["year"] == 2023]["tco2e"].sum() == pytest.approx(
        before[before["year"] == 2023]["tco2e"].sum() - kbh_old[kbh_old["year"] == 2023]["tco2e"].sum())


def test_newest_per_municipality_by_published_date_then_import_time(full: Store) -> None:
    # Published before the full edition: imported later, but not the newest for København.
    run_import(full, "inventory", KBH, "kbh_2024.csv", who="test", published=dt.date(2024, 10, 1))
    assert municipality_inputs(full)[101].series[2010] > 0  # still the full edition
    newest = queries.newest_editions(full).set_index("municipality")
    assert newest.loc[101, "name"] == "ecr_2025"
    # The same published date as the full edition: the later import wins.
    same_day = KBH.replace(b"1000", b"1500")
    run_import(full, "inventory", same_day, "kbh_same_day.csv", who="test", published=dt.date(2025, 10, 1))
    assert queries.newest_editions(full).set_index("municipality").loc[101, "name"] == "kbh_same_day"
    assert municipality_inputs(full)[101].series == {2024: 3500.0}
    # An edition without a published date counts as published the day it was imported.
    with full.transaction() as con:
        con.execute("UPDATE edition SET published = NULL, created_at = TIMESTAMP '2025-09-30 12:00' "
                    "WHERE name = 'kbh_same_day'")
    assert queries.newest_editions(full).set_index("municipality").loc[101, "name"] == "ecr_2025"
    with full.transaction() as con:
        con.execute("UPDATE edition SET created_at = TIMESTAMP '2025-10-02 08:00' WHERE name = 'kbh_same_day'")
    assert queries.newest_editions(full).set_index("municipality").loc[101, "name"] == "kbh_same_day"
    # The global newest (Metode) follows the same order; a given edition is still honoured.
    assert queries.newest_edition(full)["name"].iloc[0] == "kbh_same_day"
    ecr = int(queries.editions(full).set_index("name").loc["ecr_2025", "id"])
    assert 2010 in municipality_inputs(full, ecr)[101].series


def test_preview_shows_before_and_after_and_warns_about_baseline_and_years(full: Store) -> None:
    report = run_import(full, "inventory", KBH, "kbh.csv", who="test", dry_run=True)
    assert report.ok and not report.written
    s = report.summary
    head = s.headlines.set_index("municipality").loc[101]
    old = municipality_inputs(full)[101].series
    assert head["years_before"] == len(old) == 16 and head["years_after"] == 1
    assert head["latest_year_before"] == 2024 and head["latest_t_before"] == pytest.approx(old[2024])
    assert head["latest_t_after"] == 3000.0
    assert head["baseline_year"] == 1990 and head["baseline_t_before"] == pytest.approx(old[1990])
    assert pd.isna(head["baseline_t_after"]) and bool(head["uses_file"])
    keys = [k for k, _ in s.warnings]
    assert keys == ["imp.warn.baseline", "imp.warn.fewer_years", "imp.warn.correction"]
    lines = "\n".join(s.lines())
    assert "København (1990)" in lines and "København (16 → 1)" in lines and "--into-edition" in lines
    # Compared with København's own newest edition, not with another municipality's rows.
    assert (s.added, s.changed, s.unchanged) == (0, 2, 0)


def test_preview_of_a_complete_file_has_no_warnings(full: Store) -> None:
    rows = full.query("SELECT municipality, year, sector, tco2e * 0.99 AS tco2e FROM emission "
                      "WHERE municipality = 101 ORDER BY ALL")
    report = run_import(full, "inventory", rows.to_csv(index=False).encode(), "kbh_full.csv", who="test",
                        dry_run=True)
    assert report.ok and report.summary.warnings == []
    head = report.summary.headlines.set_index("municipality").loc[101]
    assert head["years_after"] == head["years_before"] == 16


# -- the preview says who loses figures when the demo inventory goes (issue 19, item 3) -------------------------

def demo_only(store: Store, but: tuple[int, ...] = ()) -> list[int]:
    """The municipalities whose figures are demo rows only, in code order, leaving out `but`."""
    rows = store.query("SELECT e.municipality FROM emission e JOIN edition ed ON ed.id = e.edition "
                       "GROUP BY e.municipality HAVING bool_and(ed.is_demo) ORDER BY 1")
    return [int(c) for c in rows["municipality"] if c not in but]


def test_preview_names_the_municipalities_that_lose_their_demo_figures(demo_copy: Store) -> None:
    losing = demo_only(demo_copy, but=(101,))
    names = queries.municipalities(demo_copy).set_index("code")["name"]
    s = run_import(demo_copy, "inventory", KBH, "kbh.csv", who="test", dry_run=True).summary
    assert s.demo_removed > 0 and list(s.losing) == losing and len(losing) > 10
    first = ", ".join(names[c] for c in losing[:10])
    da, en = s.warning_texts("da")[0], s.warning_texts("en")[0]
    assert da == (f"{len(losing)} kommuner mister deres tal (eksempeldata fjernes): {first} og {len(losing) - 10} "
                  "andre. De viser »kan ikke beregnes«, indtil deres egen opgørelse er indlæst.")
    assert en.startswith(f"{len(losing)} municipalities lose their figures (demo data is removed): {first} and "
                         f"{len(losing) - 10} others. They show \"cannot be computed\"")
    # Nobody outside the file keeps figures, so the preview does not say so, in either language (nor the CLI's).
    assert not any("beholder" in n for n in s.note_texts("da")) and not any("keep" in n for n in s.note_texts("en"))
    assert not any("beholder" in line for line in s.lines()) and any("mister deres tal" in line for line in s.lines())
    # What it promised: after the import exactly those municipalities have lost their figures.
    before = municipality_inputs(demo_copy)
    assert run_import(demo_copy, "inventory", KBH, "kbh.csv", who="test").written
    after = municipality_inputs(demo_copy)
    assert [c for c in after if before[c].series and not after[c].series] == losing
    assert after[101].series == {2024: 3000.0}


def test_preview_lists_every_name_of_a_few_and_counts_one_in_the_singular(demo_copy: Store) -> None:
    keep = demo_only(demo_copy, but=(101,))[:3]
    with demo_copy.transaction() as con:  # a store where only three municipalities still have demo figures
        con.execute("DELETE FROM emission WHERE NOT list_contains(?, municipality)", [keep])
    names = queries.municipalities(demo_copy).set_index("code")["name"]
    s = run_import(demo_copy, "inventory", KBH, "kbh.csv", who="test", dry_run=True).summary
    assert s.warning_texts("da")[0].startswith(
        "3 kommuner mister deres tal (eksempeldata fjernes): " + ", ".join(names[c] for c in keep) + ". De viser")
    one = "kommune;aar;sektor;ton\n" + "".join(f"{c};2024;vej;1000\n" for c in keep[:2])
    s = run_import(demo_copy, "inventory", one.encode(), "two.csv", who="test", dry_run=True).summary
    assert s.warning_texts("da")[0] == (f"1 kommune mister sine tal (eksempeldata fjernes): {names[keep[2]]}. "
                                        "Den viser »kan ikke beregnes«, indtil dens egen opgørelse er indlæst.")
    assert s.warning_texts("en")[0].startswith(f"1 municipality loses its figures (demo data is removed): "
                                               f"{names[keep[2]]}. It shows")


def test_preview_says_others_keep_their_figures_only_when_they_have_a_real_edition(demo_copy: Store) -> None:
    assert run_import(demo_copy, "inventory", KBH, "kbh.csv", who="test").written  # the demo inventory is gone
    aarhus = b"kommune;aar;sektor;ton\n751;2024;vej;1000\n"
    s = run_import(demo_copy, "inventory", aarhus, "aarhus.csv", who="test", dry_run=True).summary
    assert s.losing == () and not any(k == "imp.warn.demo_lost" for k, _ in s.warnings)
    kept = "1 kommune, der ikke står i filen, beholder sine tal (dens rigtige udgave røres ikke)"
    assert kept in s.note_texts("da")
    assert "1 municipality not in the file keeps its figures (its real edition is not touched)" in s.note_texts("en")
    assert not any("ældre" in n for n in s.note_texts("da"))  # Aarhus's demo edition is gone, not kept
    # København's real edition stays beside its new one.
    s = run_import(demo_copy, "inventory", KBH.replace(b"1000", b"1100"), "kbh2.csv", who="test", dry_run=True).summary
    assert "den ældre rigtige udgave bevares og kan stadig ses på siden Kommune" in s.note_texts("da")


def test_an_older_published_file_warns_that_it_does_not_become_the_newest(full: Store) -> None:
    report = run_import(full, "inventory", KBH, "kbh.csv", who="test", dry_run=True, published=dt.date(2020, 1, 1))
    head = report.summary.headlines.set_index("municipality").loc[101]
    assert not head["uses_file"] and head["years_after"] == head["years_before"] == 16
    assert [k for k, _ in report.summary.warnings] == ["imp.warn.not_newest"]


def test_correction_replaces_rows_of_the_same_key_in_that_edition_in_one_logged_import(full: Store) -> None:
    ecr = int(queries.editions(full).set_index("name").loc["ecr_2025", "id"])
    before = queries.emission_totals(full)
    old = full.query("SELECT year, sector, tco2e FROM emission WHERE municipality = 101 AND edition = ?", [ecr])
    fix = b"kommune;aar;sektor;ton\n101;2024;vej;1111\n101;2023;el;2222\n"
    preview = run_import(full, "inventory", fix, "kbh_fix.csv", who="test", into_edition="ecr_2025", dry_run=True)
    assert preview.ok and preview.summary.correction and preview.summary.replaced == 2
    assert preview.summary.warnings == []
    head = preview.summary.headlines.set_index("municipality").loc[101]
    assert head["years_after"] == head["years_before"] and head["edition_after"] == ecr

    done = run_import(full, "inventory", fix, "kbh_fix.csv", who="kim", into_edition="ecr_2025")
    assert done.written
    assert len(queries.editions(full)) == 1  # no new edition
    rows = full.query("SELECT year, sector, tco2e FROM emission WHERE municipality = 101 AND edition = ? "
                      "ORDER BY year, sector", [ecr])
    assert len(rows) == len(old)
    fixed = rows.set_index(["year", "sector"])["tco2e"]
    assert fixed[(2024, "vej")] == 1111 and fixed[(2023, "el")] == 2222
    rest = old.set_index(["year", "sector"])["tco2e"].drop([(2024, "vej"), (2023, "el")])
    pd.testing.assert_series_equal(fixed.drop([(2024, "vej"), (2023, "el")]).sort_index(), rest.sort_index())
    pd.testing.assert_frame_equal(others(before), others(queries.emission_totals(full)))
    log = queries.import_log(full).iloc[0]
    assert log["outcome"] == "imported" and log["who"] == "kim" and "rettelse af udgaven: ecr_2025" in log["message"]


@pytest.mark.parametrize(("into", "extra", "expected"), [
    ("findes ikke", {}, "navnet på en udgave, der findes"),
    ("Eksempeldata (demo) – Energi- og CO2-regnskab 2025", {}, "eksempeldata (demo) kan ikke rettes"),
    ("ecr_2025", {"published": dt.date(2025, 1, 1)}, "ikke begge"),
])
def test_a_correction_into_a_missing_or_demo_edition_is_refused(full: Store, demo_copy: Store, into: str,
                                                                 extra: dict, expected: str) -> None:
    store = demo_copy if "demo" in into else full
    report = run_import(store, "inventory", KBH, "kbh.csv", who="test", into_edition=into, **extra)
    assert not report.ok and not report.written
    assert expected in "\n".join(report.problem_lines())


def test_cli_published_and_into_edition(full: Store, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    f = tmp_path / "kbh.csv"
    f.write_bytes(KBH)
    assert main(["import", "inventory", str(f), "--db", str(full.path), "--published", "2024-03-01",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 kommune bruger fortsat en nyere udgave" in out  # København alone, in the singular (issue 18)
    assert main(["import", "inventory", str(f), "--db", str(full.path), "--published", "2024-03-01"]) == 0
    eds = queries.editions(full).set_index("name")
    assert eds.loc["kbh", "published"] == pd.Timestamp("2024-03-01")
    assert queries.newest_editions(full).set_index("municipality").loc[101, "name"] == "ecr_2025"
    g = tmp_path / "fix.csv"
    g.write_bytes(KBH.replace(b"1000", b"1234"))
    assert main(["import", "inventory", str(g), "--db", str(full.path), "--into-edition", "ecr_2025"]) == 0
    assert "rettelse af udgaven: ecr_2025" in capsys.readouterr().out
    assert full.query("SELECT tco2e FROM emission e JOIN edition ed ON ed.id = e.edition WHERE ed.name = 'ecr_2025' "
                      "AND municipality = 101 AND year = 2024 AND sector = 'vej'").iloc[0, 0] == 1234
    with pytest.raises(SystemExit) as exc:
        main(["import", "inventory", str(f), "--db", str(full.path), "--published", "1. marts"])
    assert exc.value.code == 2
    assert "ÅÅÅÅ-MM-DD" in capsys.readouterr().err


# -- pages (AppTest) ---------------------------------------------------------------------------------



def app(path: str, **query: str):
    return page(path, runs=2, timeout=90, **query)


@pytest.fixture
def full_env(full: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("DK2020_DB", str(full.path))
    return full


def test_overblik_after_a_one_municipality_file_still_ranks_the_others(full_env: Store) -> None:
    at = app("pages/overblik.py")
    assert not at.exception
    ranked = len(at.dataframe[0].value)
    assert ranked > 90
    assert run_import(full_env, "inventory", KBH, "kbh.csv", who="test").written
    at = app("pages/overblik.py")
    assert not at.exception
    body = "\n".join(m.value for m in at.markdown)
    assert body.count("Ingen opgørelse af udledninger") <= 1  # the demo's one municipality without any
    assert len(at.dataframe[0].value) == ranked - 1  # København now lacks its baseline year, said by name
    assert "**København**: Ingen opgørelse for basisåret 1990" in body
    assert any(m.label == "Udledning 2024" for m in at.metric)


def test_kommune_shows_any_edition_of_the_municipality(full_env: Store) -> None:
    from datetime import date

    from dk2020dash import i18n
    from dk2020dash.metrics.mitigation import assess_municipality

    assert run_import(full_env, "inventory", KBH, "kbh.csv", who="test").written
    at = app("pages/kommune.py", kommune="København")
    assert not at.exception
    box = at.selectbox(key="udgave")
    eds = queries.editions(full_env).set_index("name")["id"]
    assert box.options == ["kbh", "ecr_2025"] and box.value == int(eds["kbh"])  # its newest first, chosen
    assert "udgave" not in at.query_params
    assert any("Ingen opgørelse for basisåret" in w.value for w in at.warning)
    charts_newest = len(at.get("vega_lite_chart"))

    box.set_value(int(eds["ecr_2025"])).run()
    at.run()
    assert not at.exception
    # (the browser writes the bound choice into ?udgave=; AppTest has no frontend, so the link is tested below)
    p = assess_municipality(municipality_inputs(full_env, int(eds["ecr_2025"]))[101], date.today())
    kpi = {m.label: m.value for m in at.metric}
    assert kpi["Udledning 2024"] == i18n.tonnes(p.latest, "da")
    assert any("Viser den ældre udgave ecr\\_2025" in i.value for i in at.info)
    assert len(at.get("vega_lite_chart")) > charts_newest  # the older edition can be drawn: trajectory, bridge

    # A link to the older edition opens it; another municipality starts from its own newest.
    at = app("pages/kommune.py", kommune="København", udgave="ecr_2025")
    assert at.selectbox(key="udgave").value == int(eds["ecr_2025"])
    assert {m.label: m.value for m in at.metric}["Udledning 2024"] == i18n.tonnes(p.latest, "da")
    at.selectbox(key="kommune").set_value(751).run()
    at.run()
    assert not at.exception
    assert at.selectbox(key="udgave").options == ["ecr_2025"]
    assert not any("Viser den ældre udgave" in i.value for i in at.info)


def data_upload(at, name: str, data: bytes):
    at.selectbox(key="imp-kind").set_value("inventory").run()
    at.file_uploader(key="imp-file").set_value((name, data, "text/csv"))
    return at.run()


def test_data_page_preview_before_after_warnings_and_correction(full_env: Store) -> None:
    at = data_upload(data_page_as_admin(full_env), "kbh.csv", KBH)
    assert not at.exception
    warnings = "\n".join(w.value for w in at.warning)
    assert "står uden tal for planens basisår efter indlæsningen: København (1990)" in warnings
    assert "får færre år end før: København (16 → 1)" in warnings
    heads = next(d.value for d in at.dataframe if "År (før)" in d.value.columns).set_index("Kommunekode")
    assert heads.loc[101, "År (før)"] == 16 and heads.loc[101, "År (efter)"] == 1
    assert heads.loc[101, "Udledning seneste år (t) (efter)"] == 3000
    assert heads.loc[101, "Udgave (før)"] == "ecr_2025" and heads.loc[101, "Udgave (efter)"] == "den nye udgave"

    at.radio(key="imp-mode").set_value("correction").run()
    at.selectbox(key="imp-into").set_value("ecr_2025").run()
    assert not at.exception
    assert not any("basisår" in w.value for w in at.warning)
    assert any("Rettelse af udgaven: ecr\\_2025" in m.value for m in at.markdown)
    at.button(key="imp-apply").click().run()
    assert not at.exception
    assert len(queries.editions(full_env)) == 1
    assert full_env.query("SELECT tco2e FROM emission WHERE municipality = 101 AND year = 2024 AND sector = 'vej'"
                          ).iloc[0, 0] == 1000


def test_data_page_sets_the_published_date(full_env: Store) -> None:
    at = data_upload(data_page_as_admin(full_env), "kbh.csv", KBH)
    at.date_input(key="imp-published").set_value(dt.date(2024, 3, 1)).run()
    assert any("bruger fortsat en nyere udgave" in w.value for w in at.warning)
    at.button(key="imp-apply").click().run()
    assert not at.exception
    eds = queries.editions(full_env).set_index("name")
    assert eds.loc["kbh", "published"] == pd.Timestamp("2024-03-01")
    assert queries.newest_editions(full_env).set_index("municipality").loc[101, "name"] == "ecr_2025"


def test_metode_names_the_editions_in_use(full_env: Store) -> None:
    assert run_import(full_env, "inventory", KBH, "kbh.csv", who="test").written
    at = app("pages/metode.py")
    assert not at.exception
    body = "\n".join(m.value for m in at.markdown)
    assert "I brug nu: kbh (1 kommune); ecr\\_2025 (96 kommuner)." in body  # one municipality (issue 18)


# -- one newest-edition rule (issue 19 item 9): SQL, frames, the preview, the figures before a day, the exports ------

# (name, published, imported, municipalities, factor on the demo's 2025 rows). The demo editions: "…2025" (published
# 2025-10-01, every municipality but Læsø) and "…2024" (2024-10-01).
SEVERAL = (
    ("Real A", dt.date(2025, 10, 1), "2026-01-05 09:00", (101, 147), 0.9),  # ties the demo on its published date
    ("Real B", dt.date(2025, 10, 1), "2026-01-05 09:00", (101,), 0.8),  # ties Real A on both dates: the id decides
    ("Own figures", None, "2025-12-01 10:00", (147, 751), 0.5),  # no published date: counts from its import day
    ("Old release", dt.date(2023, 10, 1), "2026-02-01 08:00", (461,), 0.7),  # imported late, published early
)
PICKED = {101: "Real B", 147: "Own figures", 751: "Own figures", 461: "…2025", 851: "…2024"}


@pytest.fixture
def several(demo_copy: Store) -> Store:
    """The demo with four more editions for some municipalities (SEVERAL), and Aalborg (851) only in the older demo
    edition."""
    with demo_copy.transaction() as con:
        for name, published, imported, codes, factor in SEVERAL:
            (eid,) = con.execute("INSERT INTO edition (name, source, published, is_demo, created_at) "
                                 "VALUES (?, 'test', ?, false, ?) RETURNING id", [name, published, imported]).fetchone()
            con.execute("INSERT INTO emission (municipality, year, sector, edition, tco2e, estimated) "
                        "SELECT municipality, year, sector, ?, tco2e * ?, estimated FROM emission "
                        "WHERE edition = 2 AND list_contains(?, municipality)", [eid, factor, list(codes)])
        con.execute("DELETE FROM emission WHERE edition = 2 AND municipality = 851")
    return demo_copy


def picked(store: Store) -> dict[int, str]:
    newest = queries.newest_editions(store).set_index("municipality")["name"]
    names = {c: newest[c] for c in PICKED}
    return {c: "…" + n[-4:] if n.startswith("Eksempeldata") else n for c, n in names.items()}


def test_sql_and_frames_pick_the_same_newest_edition_for_every_municipality(several: Store) -> None:
    assert picked(several) == PICKED
    held = several.query("SELECT DISTINCT municipality, edition FROM emission")
    eds = several.query("SELECT id, published, created_at FROM edition")
    by_frames = queries.newest_editions_of(held, eds)
    by_sql = queries.newest_editions(several)[["municipality", "edition"]]
    assert by_frames.astype("int64").values.tolist() == by_sql.astype("int64").values.tolist()
    assert len(by_sql) == 97  # Læsø has no inventory
    # The import preview (before -> after) reads each municipality's figures with the same rule.
    file = b"kommune;aar;sektor;ton\n" + b"".join(f"{c};2024;vej;1\n".encode() for c in PICKED)
    report = run_import(several, "inventory", file, "check.csv", who="test", dry_run=True)
    assert report.ok, report.problem_lines()
    heads = report.summary.headlines.set_index("municipality")
    newest = by_sql.set_index("municipality")["edition"]
    totals = queries.emission_totals(several).set_index(["municipality", "year"])["tco2e"]
    for code in PICKED:
        assert heads.loc[code, "edition_before"] == newest[code]
        assert heads.loc[code, "latest_t_before"] == pytest.approx(totals[(code, heads.loc[code, "latest_year_before"])])


def test_figures_before_a_day_use_the_same_rule_among_the_editions_imported_before_it(several: Store) -> None:
    # As the figures stood at the start of a day: the editions imported by then (an edition published earlier but
    # imported since, a late correction, was not known then), each municipality's newest of them by the one rule
    held = several.query("SELECT DISTINCT municipality, edition FROM emission")
    eds = several.query("SELECT id, published, created_at FROM edition")
    rows = several.query("SELECT municipality, year, tco2e, edition FROM emission")
    for day in (dt.date(2025, 11, 1), dt.date(2025, 10, 1), dt.date(2025, 12, 2), dt.date(2024, 1, 1)):
        known = eds[pd.to_datetime(eds["created_at"]).dt.normalize() < pd.Timestamp(day)]
        chosen = rows.merge(queries.newest_editions_of(held, known), on=["municipality", "edition"])
        want = chosen.groupby(["municipality", "year"])["tco2e"].sum()
        got = history.input_frames_before(several, day).emissions.set_index(["municipality", "year"])["tco2e"]
        assert got.to_dict() == pytest.approx(want.to_dict())
    demo_147 = rows[(rows["municipality"] == 147) & (rows["edition"] == 2)]["tco2e"].sum()
    before = history.input_frames_before(several, dt.date(2025, 11, 1)).emissions
    assert before[before["municipality"] == 147]["tco2e"].sum() == pytest.approx(demo_147)  # Real A imported later
    before = history.input_frames_before(several, dt.date(2025, 12, 2)).emissions
    assert before[before["municipality"] == 147]["tco2e"].sum() == pytest.approx(0.5 * demo_147)  # Own figures


def test_data_quality_and_the_export_order_editions_by_the_same_rule(several: Store) -> None:
    from dk2020dash.exports.tables import _import_frames

    newest = queries.newest_editions(several).set_index("municipality")["name"]
    quality = queries.data_quality(several, list(PICKED)).set_index("municipality")
    for code in PICKED:
        assert quality.loc[code, "edition_name"] == newest[code]
        assert quality.loc[code, "editions"][-1] == newest[code]  # oldest first: the one in use last
    # Re-imported in the export's order, each municipality's newest stays its newest: the last file holding it.
    last = {}
    for kind, _, frame, edition in _import_frames(several):
        if kind == "inventory":
            last.update({int(c): edition["name"] for c in frame["municipality"].unique()})
    assert {c: last[c] for c in PICKED} == {c: newest[c] for c in PICKED}


def test_an_edit_checks_an_expected_reduction_against_the_newest_editions_total(several: Store) -> None:
    """The check that an expected reduction is not above the municipality's emissions used its own order (published
    date, editions without one last): Aarhus's newest is "Own figures" (half the demo's), so 3/4 of the demo's
    total is too large."""
    from dk2020dash import auth, edits

    totals = queries.emission_totals(several)
    latest = totals[totals["municipality"] == 751].sort_values("year").iloc[-1]
    action = several.query("SELECT id, version FROM action WHERE municipality = 751 AND kind = 'mitigation' "
                           "ORDER BY id LIMIT 1").iloc[0]
    with pytest.raises(edits.EditError) as err:
        edits.edit_action(several, auth.cli_admin("test"), int(action["id"]), int(action["version"]),
                          {"expected_2030_t": float(latest["tco2e"]) * 1.5})
    assert err.value.key == "edit.err.too_large"
    assert err.value.values["total"] == pytest.approx(float(latest["tco2e"]))


def test_the_decks_notes_name_the_editions_the_areas_figures_come_from(several: Store) -> None:
    from dk2020dash.exports import kkr

    deck = kkr.build(several, "Hovedstaden", dt.date(2025, 6, 1), "da", dt.date(2026, 3, 1))
    notes = deck.slides[0].notes
    demo = queries.editions(several).set_index("id").loc[2, "name"]
    assert f"opgørelser: {demo} (27 kommuner), Own figures (Frederiksberg), Real B (København);" in notes
    english = kkr.build(several, "Midtjylland", dt.date(2025, 6, 1), "en", dt.date(2026, 3, 1)).slides[0].notes
    assert f"inventories: {demo} (18 municipalities), Own figures (Aarhus);" in english


# -- re-dating and withdrawing an edition (issue 20 item 11) ------------------------------------------------------

def edition_id(store: Store, name: str) -> int:
    return int(store.query("SELECT id FROM edition WHERE name = ?", [name]).iloc[0, 0])


def test_a_withdrawn_edition_counts_nowhere_until_it_is_restored(several: Store, capsys: pytest.CaptureFixture) -> None:
    from dk2020dash import auth, edits
    from dk2020dash.exports.tables import _import_frames

    auth.grant(several, auth.cli_admin("test"), "chef@kl.dk", "admin")
    real_b = edition_id(several, "Real B")
    db = ["--db", str(several.path)]
    assert main(["edition", "withdraw", str(real_b), "--reason", "forkert fil", "--by", "chef@kl.dk", *db]) == 0
    assert picked(several)[101] == "Real A"  # the newest of the rest
    held = several.query("SELECT DISTINCT municipality, edition FROM emission")
    eds = several.query("SELECT id, published, created_at, withdrawn_at FROM edition")
    by_sql = queries.newest_editions(several)[["municipality", "edition"]]
    assert queries.newest_editions_of(held, eds).astype("int64").values.tolist() == by_sql.astype("int64").values.tolist()
    assert real_b not in queries.municipality_editions(several, 101)["id"].tolist()  # not offered on Kommune
    assert queries.newest_edition(several)["id"].tolist() != [real_b]
    assert queries.editions(several).set_index("id").at[real_b, "newest_for"] == 0
    real_a = edition_id(several, "Real A")
    totals = queries.emission_totals(several).set_index(["municipality", "year"])["tco2e"]
    assert totals[(101, 2024)] == pytest.approx(several.query(
        "SELECT sum(tco2e) FROM emission WHERE edition = ? AND municipality = 101 AND year = 2024", [real_a]).iloc[0, 0])
    preview = run_import(several, "inventory", b"kommune;aar;sektor;ton\n101;2024;vej;1\n", "p.csv", dry_run=True)
    assert preview.summary.headlines.set_index("municipality").at[101, "edition_before"] == real_a
    exported = [e["name"] for kind, _, _, e in _import_frames(several) if kind == "inventory"]
    assert "Real B" not in exported and "Real A" in exported
    # on record, and a second withdrawal is refused
    audit = several.query("SELECT field, new, who, note FROM audit WHERE table_name = 'edition' AND row_id = ?",
                          [str(real_b)])
    assert audit[["field", "who", "note"]].values.tolist() == [["withdrawn_at", "chef@kl.dk", "forkert fil"]]
    assert main(["edition", "withdraw", str(real_b), "--reason", "igen", "--by", "chef@kl.dk", *db]) == 1
    assert "allerede trukket tilbage" in capsys.readouterr().err
    with pytest.raises(edits.EditError):
        edits.withdraw_edition(several, auth.load_user(several, "chef@kl.dk"), real_a, "  ")  # a reason is needed
    # restored: as before
    assert main(["edition", "restore", str(real_b), "--by", "chef@kl.dk", *db]) == 0
    assert picked(several) == PICKED
    assert several.query("SELECT count(*) FROM audit WHERE table_name = 'edition'").iloc[0, 0] == 2


def test_an_admin_re_dates_an_edition_within_a_plausible_range(several: Store, capsys: pytest.CaptureFixture) -> None:
    from dk2020dash import auth

    cli = auth.cli_admin("test")
    auth.grant(several, cli, "chef@kl.dk", "admin")
    auth.grant(several, cli, "kbh@kk.dk", "editor", municipalities=["København"])
    old = edition_id(several, "Old release")  # Vejle's (461), published 2023: the demo's 2025 edition wins
    db = ["--db", str(several.path)]
    before = picked(several)
    for day in ("2205-03-01", "1989-12-31"):  # would shadow every later edition / older than any inventory
        assert main(["edition", "redate", str(old), "--published", day, "--by", "chef@kl.dk", *db]) == 1
        assert "skal ligge mellem 1990-01-01 og i dag" in capsys.readouterr().err
    assert main(["edition", "redate", str(old), "--published", "2026-01-06", "--by", "kbh@kk.dk", *db]) == 1  # editor
    assert picked(several) == before
    assert main(["edition", "redate", str(old), "--published", "2026-01-06", "--by", "chef@kl.dk", *db]) == 0
    assert picked(several) == {**before, 461: "Old release"}
    capsys.readouterr()
    assert main(["edition", "list", *db]) == 0
    listed = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [str(old), "Old release", "udgivet 2026-01-06", "nyeste for 1 kommune"] in listed
    # reversible: re-dated back, as before; both on record
    assert main(["edition", "redate", str(old), "--published", "2023-10-01", "--by", "chef@kl.dk", *db]) == 0
    assert picked(several) == before
    audit = several.query("SELECT field, old, new, who FROM audit WHERE table_name = 'edition' ORDER BY id")
    assert audit.values.tolist() == [["published", "2023-10-01", "2026-01-06", "chef@kl.dk"],
                                     ["published", "2026-01-06", "2023-10-01", "chef@kl.dk"]]
