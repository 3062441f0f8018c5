"""Large areas (bench/scale.py): the queries that filter, count and cut lists in the database select exactly what
metrics' definitions select row by row, and the Indsatser and Milepæle pages show the first rows of a long
list with how many there are."""
from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, labels, queries
from dk2020dash.db.store import Store
from dk2020dash.metrics.followup import is_stale, milestone_state, milestone_windows, stale_since
from dk2020dash.ui.loaders import TABLE_ROWS
from tests.support import page

DAYS = [date(2024, 6, 1), date(2025, 12, 31), date.today(), date(2027, 3, 1)]


def test_stale_since_is_the_last_stale_day() -> None:
    today = date(2026, 3, 1)
    day = stale_since(today)
    assert is_stale("planned", day, today) and not is_stale("planned", day + timedelta(days=1), today)


def test_milestone_windows_give_the_states_milestone_state_gives() -> None:
    today = date(2026, 3, 1)
    for offset in range(-400, 400):
        due = today + timedelta(days=offset)
        inside = [s for s, (first, until) in milestone_windows(today).items()
                  if (first is None or due >= first) and due < until]
        assert inside == ([] if milestone_state(due, None, today) == "upcoming" else [milestone_state(due, None, today)])


def _reference(actions: pd.DataFrame, today: date, sectors=(), statuses=(), kind=None, stale=False, search=""):
    """The actions the filters select, one row at a time with followup.is_stale and str.casefold."""
    keep = actions
    if sectors:
        keep = keep[keep["sector"].isin(sectors)]
    if statuses:
        keep = keep[keep["status"].isin(statuses)]
    if kind:
        keep = keep[keep["kind"] == kind]
    if stale:
        keep = keep[[is_stale(s, pd.Timestamp(d).date(), today) for s, d in zip(keep["status"], keep["last_updated"])]]
    if search:
        keep = keep[[search.casefold() in t.casefold() for t in keep["title"]]]
    return keep


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    df = df.reset_index(drop=True).astype(object)
    return df.where(df.notna(), None)


@pytest.mark.parametrize("filters", [
    {}, {"statuses": ["delayed", "paused"]}, {"sectors": ["vej", "el"], "kind": "mitigation"},
    {"stale": True}, {"search": "Cykel"}, {"kind": "adaptation", "stale": True, "search": "a"},
])
def test_action_filters_totals_and_first_rows_match_the_rows(demo_store: Store, filters: dict) -> None:
    codes = queries.municipalities(demo_store)["code"].astype(int).tolist()
    everything = queries.actions(demo_store, codes)
    for today in DAYS[:3]:
        ref = _reference(everything, today, **filters)
        args = (codes, filters.get("sectors", ()), filters.get("statuses", ()), filters.get("kind"),
                stale_since(today) if filters.get("stale") else None, filters.get("search", ""))
        got = queries.actions_filtered(demo_store, *args)
        assert got["id"].tolist() == ref["id"].tolist()  # same rows, same order
        pd.testing.assert_frame_equal(_plain(got), _plain(ref))  # (an all-empty column comes as None or NaN)
        first = queries.actions_filtered(demo_store, *args, 37)
        assert first["id"].tolist() == ref["id"].head(37).tolist()
        totals = queries.action_totals(demo_store, *args).set_index(["status", "kind"])
        want = ref.groupby(["status", "kind"]).agg(n=("id", "size"), tonnes=("expected_2030_t", "sum"),
                                                  missing=("expected_2030_t", lambda s: int(s.isna().sum())))
        assert totals["n"].to_dict() == want["n"].to_dict()
        assert totals["missing_expected"].to_dict() == want["missing"].to_dict()
        assert totals["tonnes"].to_dict() == pytest.approx(want["tonnes"].to_dict(), rel=1e-12)


def test_milestone_counts_and_lists_match_milestone_state(demo_store: Store) -> None:
    munis = queries.municipalities(demo_store)
    codes = munis["code"].astype(int).tolist()
    rows = queries.milestones(demo_store, codes).merge(munis[["code", "region"]], left_on="municipality",
                                                         right_on="code")
    for today in DAYS:
        rows["state"] = [milestone_state(pd.Timestamp(d).date(), None if pd.isna(x) else x, today)
                         for d, x in zip(rows["due"], rows["done"])]
        dates = queries.milestone_dates(demo_store, codes)
        dates["state"] = [milestone_state(pd.Timestamp(d).date(), None if pd.isna(x) else x, today)
                          for d, x in zip(dates["due"], dates["done"])]
        assert dates.groupby(["region", "state"])["n"].sum().to_dict() == rows.groupby(["region", "state"]).size().to_dict()
        for state, (first, until) in milestone_windows(today).items():
            want = rows[rows["state"] == state].sort_values(["due", "municipality_name", "id"])
            got = queries.open_milestones(demo_store, codes, first, until)
            assert got["id"].tolist() == want["id"].tolist()
            assert queries.open_milestones(demo_store, codes, first, until, 5)["id"].tolist() == want["id"].head(5).tolist()
            assert queries.action_status_counts(demo_store, codes).set_index("status")["n"].sum() == \
                queries.actions(demo_store, codes).shape[0]


@pytest.fixture
def private_demo(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    path = tmp_path / "scale.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("DK2020_DB", str(path))
    return Store(path)


def _open(path: str, **query: str) -> AppTest:
    return page(path, timeout=120, **query)


def test_indsatser_shows_the_first_rows_of_a_long_list_and_how_many(private_demo: Store) -> None:
    at = _open("pages/indsatser.py")
    assert not at.exception
    total = int(private_demo.query("SELECT count(*) FROM action").iloc[0, 0])
    assert total > TABLE_ROWS  # the demo's 6,000 actions of Denmark
    (table,) = [d.value for d in at.dataframe if d.key == "ind-table"]
    assert len(table) == TABLE_ROWS
    note = i18n.t("table.first", "da", shown=i18n.number(TABLE_ROWS, "da"), count=total)
    assert note in [c.value for c in at.caption]
    assert i18n.t("act.count", "da", count=total) in [c.value for c in at.caption]
    largest = private_demo.query("SELECT title FROM action ORDER BY expected_2030_t DESC NULLS LAST, id LIMIT 1").iloc[0, 0]
    assert table.iloc[0, 0] == largest
    # A filter that leaves fewer rows than a page shows: all of them, and no note.
    at.multiselect(key="ind-kommune").set_value(["Aarhus"]).run()
    (table,) = [d.value for d in at.dataframe if d.key == "ind-table"]
    assert len(table) == private_demo.query("SELECT count(*) FROM action WHERE municipality = 751").iloc[0, 0]
    assert not [c.value for c in at.caption if c.value.startswith("Viser de første")]


def test_milepaele_counts_every_milestone_per_region(private_demo: Store) -> None:
    at = _open("pages/milepaele.py")
    assert not at.exception
    (regions,) = [d.value for d in at.dataframe if "Region" in d.value.columns]
    overdue = int(private_demo.query("SELECT count(*) FROM milestone WHERE done IS NULL AND due < current_date").iloc[0, 0])
    done = int(private_demo.query("SELECT count(*) FROM milestone WHERE done IS NOT NULL").iloc[0, 0])
    assert regions[labels.milestone_state("overdue", "da")].sum() == overdue
    assert regions[labels.milestone_state("done", "da")].sum() == done
    assert regions.iloc[:, 1:].to_numpy().sum() == private_demo.query("SELECT count(*) FROM milestone").iloc[0, 0]
    assert i18n.t("ms.overdue", "da", n=i18n.number(overdue, "da")) in [s.value for s in at.subheader]


# -- one version per page run (bench/load.py's mixed check) ----------------------------------------------------------
def test_a_snapshot_reads_the_version_it_began_on_and_refuses_a_moved_one(demo_copy: Store) -> None:
    import threading

    from dk2020dash.errors import DataMoved

    count = "SELECT count(*) FROM action WHERE status = 'cancelled'"
    key = demo_copy.data_key()
    before = int(demo_copy.query(count).iloc[0, 0])

    def write() -> None:  # another session's edit, committed while the snapshot is open
        with demo_copy.transaction() as con:
            con.execute("UPDATE action SET status = 'cancelled' WHERE id = (SELECT min(id) FROM action "
                        "WHERE status = 'planned')")

    with demo_copy.snapshot(key):
        assert int(demo_copy.query(count).iloc[0, 0]) == before
        writer = threading.Thread(target=write)
        writer.start()
        writer.join()
        assert int(demo_copy.query(count).iloc[0, 0]) == before  # still the version the snapshot began on
    assert int(demo_copy.query(count).iloc[0, 0]) == before + 1
    with pytest.raises(DataMoved):
        with demo_copy.snapshot(key):
            pass


def test_a_loader_never_keeps_newer_data_under_an_older_version(demo_copy: Store) -> None:
    from dk2020dash.errors import DataMoved
    from dk2020dash.ui.context import Context
    from dk2020dash.ui.loaders import cached

    ctx = Context(lang="da", area="DK", store=demo_copy, version=demo_copy.data_key())  # a run read the key...
    with demo_copy.transaction() as con:  # ...then a write landed, before the run's loader ran
        con.execute("UPDATE action SET status = 'cancelled' WHERE municipality = 101")
    load = cached(queries.action_status_counts)
    with pytest.raises(DataMoved):  # not the new counts kept under the old key
        load(ctx, [101])
    fresh = Context(lang="da", area="DK", store=demo_copy, version=demo_copy.data_key())
    assert load(fresh, [101]).set_index("status")["n"].to_dict() == {
        "cancelled": int(demo_copy.query("SELECT count(*) FROM action WHERE municipality = 101").iloc[0, 0])}
