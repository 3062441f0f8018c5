"""The demo dataset: deterministic, national sums near the real frame, mixed verdicts, full histories."""
from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dk2020dash import domain
from dk2020dash.db.migrations import TABLES
from dk2020dash.db.store import Store
from dk2020dash.demo import NO_BASELINE_INVENTORY, NO_INVENTORY, REFERENCE_DATE, SEED, fill_demo
from dk2020dash.metrics import adaptation

REF = pd.Timestamp(REFERENCE_DATE)
NEWEST = "(SELECT id FROM edition ORDER BY published DESC NULLS LAST, id DESC LIMIT 1)"
YEARS = [1990, *range(2010, 2025)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("demo") / "a.duckdb")
    store.create(fill_demo)
    return store


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("demo") / "b.duckdb")
    store.create(fill_demo)
    return store


def _table(store: Store, table: str) -> pd.DataFrame:
    cols = store.query(f"SELECT * FROM \"{table}\" LIMIT 0").columns  # noqa: S608 - fixed names
    order = ", ".join(f'"{c}"' for c in cols)
    return store.query(f'SELECT * FROM "{table}" ORDER BY {order}')  # noqa: S608 - fixed names


@pytest.mark.parametrize("table", TABLES)
def test_two_builds_are_identical(store: Store, second: Store, table: str) -> None:
    a, b = _table(store, table), _table(second, table)
    if table == "meta":  # each file gets its own database id (store.DB_ID); everything else is the same
        assert a.loc[a["key"] == "db_id", "value"].item() != b.loc[b["key"] == "db_id", "value"].item()
        a, b = (x[x["key"] != "db_id"].reset_index(drop=True) for x in (a, b))
    pd.testing.assert_frame_equal(a, b)


def test_id_sequences_continue_after_the_demo_rows(store: Store, tmp_path: Path) -> None:
    # The demo inserts explicit ids; a later import using the sequences must not collide with them.
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store.path, copy)
    with Store(copy).transaction() as con:
        for table, seq in [("action", "action_id"), ("action_event", "action_event_id"),
                           ("milestone", "milestone_id"), ("edition", "edition_id"),
                           ("import_log", "import_log_id")]:
            top = con.execute(f'SELECT max(id) FROM "{table}"').fetchone()[0]  # noqa: S608 - fixed names
            assert con.execute(f"SELECT nextval('{seq}')").fetchone()[0] == top + 1, table


def _national(store: Store) -> pd.Series:
    df = store.query(f"SELECT year, sum(tco2e) / 1e6 AS mt FROM emission WHERE edition = {NEWEST} GROUP BY year")  # noqa: S608 - fixed SQL fragments
    return df.set_index("year")["mt"]


def test_national_sums_land_near_the_real_frame(store: Store) -> None:
    mt = _national(store)
    assert 74 <= mt[1990] <= 80
    for year in range(2019, 2025):
        assert 40 <= mt[year] <= 47, (year, mt[year])
    assert mt[2024] < mt[2019] < mt[2010] < mt[1990]


def test_every_sector_and_year_is_present(store: Store) -> None:
    df = store.query(f"SELECT DISTINCT year, sector FROM emission WHERE edition = {NEWEST}")  # noqa: S608 - fixed SQL fragments
    assert sorted(df["year"].unique()) == YEARS
    assert set(df["sector"]) == set(domain.SECTOR_CODES)
    per_muni = store.query(f"SELECT municipality, count(*) AS n FROM emission WHERE edition = {NEWEST} "  # noqa: S608 - fixed SQL fragments
                           "GROUP BY municipality")
    full = len(YEARS) * len(domain.SECTOR_CODES)
    assert (per_muni.set_index("municipality")["n"].drop(NO_BASELINE_INVENTORY) == full).all()


def test_older_edition_stops_a_year_earlier_and_differs_a_little(store: Store) -> None:
    df = store.query(
        "SELECT e.edition, e.year, sum(e.tco2e) AS t FROM emission e GROUP BY ALL"
    ).pivot(index="year", columns="edition", values="t")
    older, newest = sorted(df.columns)
    assert df[older].last_valid_index() == 2023 and df[newest].last_valid_index() == 2024
    per_muni = store.query(
        "SELECT municipality, edition, sum(tco2e) AS t FROM emission WHERE year = 1990 GROUP BY ALL"
    ).pivot(index="municipality", columns="edition", values="t")
    change = (per_muni[newest] / per_muni[older] - 1).abs()
    assert change.max() < 0.15 and change.median() > 0.005


def test_only_lulucf_goes_negative_and_with_both_signs(store: Store) -> None:
    df = store.query("SELECT sector, min(tco2e) AS lo FROM emission GROUP BY sector").set_index("sector")["lo"]
    assert (df.drop("lulucf") >= 0).all()
    signs = store.query(
        f"SELECT count(*) FILTER (WHERE tco2e < 0) AS neg, count(*) FILTER (WHERE tco2e > 0) AS pos "  # noqa: S608 - fixed SQL fragments
        f"FROM emission WHERE edition = {NEWEST} AND sector = 'lulucf' AND year = 2024"
    ).iloc[0]
    assert signs["neg"] >= 5 and signs["pos"] >= 5


def test_agriculture_weighs_more_in_the_countryside(store: Store) -> None:
    df = store.query(
        f"SELECT municipality, sum(tco2e) FILTER (WHERE sector IN ('husdyr', 'marker')) / sum(tco2e) AS agri "  # noqa: S608 - fixed SQL fragments
        f"FROM emission WHERE edition = {NEWEST} AND year = 2024 GROUP BY municipality"
    ).set_index("municipality")["agri"]
    assert df[760] > 0.3 > 0.05 > df[101]  # Ringkøbing-Skjern vs København
    shares = store.query(
        f"SELECT s.sector_group, sum(e.tco2e) / (SELECT sum(tco2e) FROM emission WHERE edition = {NEWEST} "  # noqa: S608 - fixed SQL fragments
        f"AND year = 2024) AS share FROM emission e JOIN sector s ON s.code = e.sector "
        f"WHERE e.edition = {NEWEST} AND e.year = 2024 GROUP BY s.sector_group"
    ).set_index("sector_group")["share"]
    assert 0.18 <= shares["landbrug"] <= 0.28


def test_a_small_share_is_estimated(store: Store) -> None:
    share = store.query("SELECT avg(CASE WHEN estimated THEN 1 ELSE 0 END) AS s FROM emission").iloc[0, 0]
    assert 0.04 <= share <= 0.12


def test_laesoe_has_no_inventory_and_fanoe_no_baseline(store: Store) -> None:
    assert store.query("SELECT count(*) FROM emission WHERE municipality = ?", [NO_INVENTORY]).iloc[0, 0] == 0
    fanoe = store.query("SELECT DISTINCT year FROM emission WHERE municipality = ?", [NO_BASELINE_INVENTORY])
    assert 1990 not in set(fanoe["year"]) and 2024 in set(fanoe["year"])
    plans = store.query("SELECT municipality, baseline_year FROM plan").set_index("municipality")["baseline_year"]
    assert len(plans) == 98 and plans[NO_INVENTORY] == 1990 and plans[NO_BASELINE_INVENTORY] == 1990


def test_editions_and_everything_else_are_marked_demo(store: Store) -> None:
    eds = store.query("SELECT name, source, is_demo FROM edition")
    assert len(eds) >= 1 and eds["is_demo"].all()
    assert eds["name"].str.contains("demo|Eksempeldata", case=False).all()
    for table in ("plan", "scenario", "action", "milestone"):
        assert store.query(f"SELECT bool_and(is_demo) FROM {table}").iloc[0, 0]  # noqa: S608
    log = store.query("SELECT who, kind, outcome, message FROM import_log")
    assert len(log) == 1 and tuple(log.iloc[0, :3]) == ("demo", "demo", "demo")
    assert str(SEED) in log["message"].iloc[0]


def test_plans_baseline_as_adopted_and_targets(store: Store) -> None:
    plans = store.query("SELECT * FROM plan")
    targets = store.query("SELECT * FROM plan_target")
    t2030 = targets[targets["target_year"] == 2030].set_index("municipality")["reduction"]
    assert len(t2030) == 98 and t2030.between(0.5, 0.8).all() and (t2030 == 0.7).mean() > 0.5
    assert (targets["target_year"] == 2025).any()
    assert set(plans["net_zero_year"]) <= {2040, 2045, 2050} and (plans["approved"] < plans["adopted"]).all()
    assert (plans["revision_due"].dt.year == plans["adopted"].dt.year + domain.PLAN_REVISION_YEARS).all()
    scen = store.query("SELECT kind, count(DISTINCT municipality) AS n FROM scenario GROUP BY kind")
    assert set(scen["kind"]) == set(domain.SCENARIO_KINDS) and (scen["n"] >= 97).all()


def _target_share(year: int, targets: pd.DataFrame, net_zero: int) -> float:
    xs = [1990, *targets["target_year"], net_zero]
    ys = [1.0, *(1 - targets["reduction"]), 0.0]
    return float(np.interp(year, xs, ys))


def _need_and_verdicts(store: Store) -> pd.DataFrame:
    """d and N per municipality, computed here from plain SQL (independent of metrics/)."""
    totals = store.query(
        f"SELECT municipality, year, sum(tco2e) AS e FROM emission WHERE edition = {NEWEST} GROUP BY ALL"  # noqa: S608 - fixed SQL fragments
    ).pivot(index="municipality", columns="year", values="e")
    plans = store.query("SELECT municipality, net_zero_year FROM plan").set_index("municipality")
    targets = store.query("SELECT * FROM plan_target ORDER BY municipality, target_year")
    rows = []
    for code, e in totals.iterrows():
        if pd.isna(e.get(1990)):
            continue
        mine = targets[targets["municipality"] == code]
        nz = int(plans.loc[code, "net_zero_year"])
        b = e[1990]
        d = (e[2024] - b * _target_share(2024, mine, nz)) / b
        need = max(0.0, e[2024] - b * _target_share(2030, mine, nz))
        rows.append({"municipality": code, "d": d, "need": need})
    return pd.DataFrame(rows).set_index("municipality")


def test_verdicts_are_mixed(store: Store) -> None:
    d = _need_and_verdicts(store)["d"]
    assert len(d) == 96  # all but Læsø (no inventory) and Fanø (no 1990)
    on = (d <= domain.ON_TRACK_MAX_D).mean()
    dev = ((d > domain.ON_TRACK_MAX_D) & (d <= domain.DEVIATING_MAX_D)).mean()
    off = (d > domain.DEVIATING_MAX_D).mean()
    assert min(on, dev, off) >= 0.15, (on, dev, off)


def test_actions_cover_the_need_unevenly(store: Store) -> None:
    need = _need_and_verdicts(store)["need"]
    counted = store.query(
        "SELECT municipality, sum(expected_2030_t) AS t FROM action "
        "WHERE kind = 'mitigation' AND status <> 'cancelled' GROUP BY municipality"
    ).set_index("municipality")["t"]
    with_need = need[need > 0]
    coverage = counted.reindex(with_need.index) / with_need
    assert (coverage >= 1).mean() >= 0.15  # some fully covered
    assert coverage.between(0.5, 0.9).mean() >= 0.4  # many with a manko of 10-50 %


def test_actions_per_municipality_and_statuses(store: Store) -> None:
    per = store.query("SELECT municipality, count(*) AS n FROM action GROUP BY municipality")
    assert len(per) == 98 and 55 <= per["n"].mean() <= 75 and per["n"].between(40, 90).all()
    mix = store.query("SELECT status, count(*) AS n FROM action GROUP BY status").set_index("status")["n"]
    assert set(mix.index) == set(domain.ACTION_STATUSES)
    share = mix / mix.sum()
    assert 0.25 <= share["in_progress"] <= 0.35 and 0.03 <= share["cancelled"] <= 0.08
    kinds = store.query("SELECT kind, sector, expected_2030_t FROM action")
    assert set(kinds["kind"]) == set(domain.ACTION_KINDS)
    assert kinds.loc[kinds["kind"] == "mitigation", "sector"].notna().all()
    assert (kinds.loc[kinds["kind"] == "adaptation", "expected_2030_t"].fillna(0) == 0).all()
    titles = store.query("SELECT count(DISTINCT regexp_replace(title, '[0-9]', '', 'g')) FROM action").iloc[0, 0]
    assert titles >= 30


def test_some_actions_are_stale(store: Store) -> None:
    df = store.query("SELECT last_updated FROM action")
    assert df["last_updated"].min() >= pd.Timestamp("2023-01-01") and df["last_updated"].max() <= REF
    stale = (df["last_updated"] < REF - timedelta(days=domain.STALE_AFTER_DAYS)).mean()
    assert 0.12 <= stale <= 0.3


def test_every_action_has_a_consistent_history(store: Store) -> None:
    ev = store.query("SELECT * FROM action_event ORDER BY action_id, changed_on, id")
    acts = store.query("SELECT id, status, last_updated, version FROM action").set_index("id")
    assert set(ev["action_id"]) == set(acts.index)
    first = ev.groupby("action_id").head(1).set_index("action_id")
    last = ev.groupby("action_id").tail(1).set_index("action_id")
    assert first["old_status"].isna().all()
    assert (last["new_status"] == acts["status"].reindex(last.index)).all()
    assert (last["changed_on"] <= acts["last_updated"].reindex(last.index)).all()
    assert (ev.groupby("action_id").size() == acts["version"].reindex(last.index)).all()
    # Each change starts from the status the one before ended in.
    prev = ev.groupby("action_id")["new_status"].shift()
    assert (prev.isna() | (prev == ev["old_status"])).all()
    assert ev["changed_on"].min().year == 2021 and ev["changed_on"].max() <= REF
    quarters = set(zip(ev["changed_on"].dt.year, ev["changed_on"].dt.quarter, strict=True))
    assert {(2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2)} <= quarters


def test_milestones_include_overdue_and_due_soon(store: Store) -> None:
    ms = store.query("SELECT * FROM milestone")
    assert set(ms["kind"]) == set(domain.MILESTONE_KINDS)
    assert (ms.groupby("municipality").size() >= 9).all()
    open_ = ms[ms["done"].isna()]
    overdue = open_[open_["due"] < REF]
    soon = open_[(open_["due"] > REF) & (open_["due"] <= REF + timedelta(days=domain.DUE_SOON_DAYS))]
    assert len(overdue) >= 5 and len(soon) >= 5
    assert set(overdue["kind"]) >= {"status_report", "plan_revision"}
    assert (ms["done"].dropna() <= REF).all()


# -- climate adaptation ---------------------------------------------------------------------------------

def test_demo_risks_follow_the_coast_and_are_marked_demo(store: Store) -> None:
    from dk2020dash.demo import INLAND, NO_RISK_ASSESSMENT

    risks = store.query("SELECT municipality, hazard, level, assessed_year, is_demo FROM risk")
    assert risks["is_demo"].all()
    assessed = set(risks["municipality"])
    assert len(assessed) == 97 and NO_RISK_ASSESSMENT not in assessed
    coastal_hazards = risks[risks["hazard"].isin(["stormflod", "havvandsstigning", "erosion"])]
    assert not set(coastal_hazards["municipality"]) & INLAND  # no storm surge inland
    for code in (360, 563, 665):  # Lolland, Fanø, Lemvig: storm surge assessed high or very high
        level = risks[(risks["municipality"] == code) & (risks["hazard"] == "stormflod")]["level"].iloc[0]
        assert level in ("hoej", "meget_hoej"), code
    assert risks.set_index(["municipality", "hazard"]).loc[(147, "skybrud"), "level"] in ("hoej", "meget_hoej")
    assert set(risks["level"]) == set(domain.RISK_LEVELS) and set(risks["hazard"]) == set(domain.HAZARD_CODES)
    assert risks["assessed_year"].between(2018, 2025).all() and (risks["assessed_year"] <= 2020).any()


def test_demo_adaptation_actions_name_hazards_their_municipality_faces(store: Store) -> None:
    from dk2020dash.demo import INLAND

    tagged = store.query(
        "SELECT a.id, a.municipality, a.kind, a.title, h.hazard FROM action a JOIN action_hazard h ON h.action_id = a.id")
    assert (tagged["kind"] == "adaptation").all()
    untagged = store.query("SELECT count(*) FROM action a WHERE kind = 'adaptation' AND NOT EXISTS "
                           "(SELECT 1 FROM action_hazard h WHERE h.action_id = a.id)").iloc[0, 0]
    assert untagged == 0
    assert not set(tagged.loc[tagged["hazard"] == "stormflod", "municipality"]) & INLAND
    assert tagged[tagged["title"].str.startswith("Højvandsdige")]["hazard"].isin(["stormflod", "havvandsstigning"]).all()
    titles = store.query("SELECT municipality, title FROM action")
    assert not titles.duplicated().any()  # retitled adaptation actions stay unique per municipality
    protection = store.query("SELECT p.kind, a.kind AS action_kind FROM action_protection p JOIN action a ON a.id = p.action_id")
    assert len(protection) > 50 and (protection["action_kind"] == "adaptation").all()
    from dk2020dash import queries

    codes = queries.area_codes(queries.municipalities(store), "DK")
    uncovered = adaptation.uncovered_high_risks(queries.risks(store, codes), queries.adaptation_actions(store, codes))
    high = store.query("SELECT count(*) FROM risk WHERE level IN ('hoej', 'meget_hoej')").iloc[0, 0]
    assert 0 < len(uncovered) < high  # some high risks are covered, some are not
