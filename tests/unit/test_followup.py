"""Follow-up (issue 19 item 7; DESIGN.md section 4 C): one stale rule (open statuses only) and one overdue rule, in
metrics/followup.py, and the SQL that stands for each selects exactly what the rule selects over the demo data; the
deck, Indsatser and Kommune count the same stale actions."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from dk2020dash import i18n, queries
from dk2020dash.db.store import Store
from dk2020dash.domain import ACTION_STATUSES, OPEN_STATUSES
from dk2020dash.exports import kkr
from dk2020dash.metrics import adaptation
from dk2020dash.metrics.followup import (
    follow_up,
    is_stale,
    milestone_state,
    milestone_windows,
    stale_flags,
    stale_since,
    went_overdue,
)
from dk2020dash.queries import history
from dk2020dash.ui.context import Context
from dk2020dash.ui.parts import workspace
from dk2020dash.ui.tables import actions_frame

TODAY = date.today()
DAYS = [date(2024, 6, 1), date(2025, 12, 31), TODAY, date(2027, 3, 1)]


def ctx(store: Store) -> Context:
    return Context(lang="da", area="DK", store=store, version=store.data_version())


def everything(store: Store) -> list[int]:
    return queries.municipalities(store)["code"].astype(int).tolist()


# -- the stale rule ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", ACTION_STATUSES)
def test_only_an_open_action_not_updated_for_365_days_is_stale(status: str) -> None:
    old, recent = TODAY - timedelta(days=365), TODAY - timedelta(days=364)
    assert is_stale(status, old, TODAY) is (status in OPEN_STATUSES)
    assert is_stale(status, pd.Timestamp(old), TODAY) is (status in OPEN_STATUSES)  # a Timestamp as a date
    assert is_stale(status, recent, TODAY) is False
    assert is_stale(status, None, TODAY) is False and is_stale(status, pd.NaT, TODAY) is False


def test_completed_and_cancelled_actions_are_never_stale_and_open_ones_are() -> None:
    assert set(OPEN_STATUSES) == set(ACTION_STATUSES) - {"completed", "cancelled"}
    frame = pd.DataFrame({"status": list(ACTION_STATUSES), "last_updated": [date(2020, 1, 1)] * 6}, index=range(10, 16))
    flags = stale_flags(frame, TODAY)
    assert flags.index.tolist() == frame.index.tolist()
    assert dict(zip(frame["status"], flags, strict=True)) == {s: s in OPEN_STATUSES for s in ACTION_STATUSES}


@pytest.mark.parametrize("today", DAYS)
def test_the_sql_stale_filter_selects_what_is_stale_selects_in_every_municipality(demo_store: Store,
                                                                                  today: date) -> None:
    codes = everything(demo_store)
    rows = queries.actions(demo_store, codes)
    want = rows[[is_stale(s, d, today) for s, d in zip(rows["status"], rows["last_updated"], strict=True)]]
    got = queries.actions_filtered(demo_store, codes, stale_since=stale_since(today))
    assert sorted(got["id"]) == sorted(want["id"])
    assert set(got["status"]) <= set(OPEN_STATUSES)
    totals = queries.action_totals(demo_store, codes, stale_since=stale_since(today))
    per_municipality = got.groupby("municipality").size().to_dict()
    assert per_municipality == want.groupby("municipality").size().to_dict()
    assert int(totals["n"].sum()) == len(want)
    if today == TODAY:
        assert len(want) and {"completed", "cancelled"} & set(rows.loc[rows["last_updated"] <= pd.Timestamp(
            stale_since(today)), "status"])  # the demo has old completed and cancelled actions, left out


def test_deck_indsatser_and_kommune_count_the_same_stale_actions_in_nordjylland(demo_store: Store) -> None:
    """Issue 19 item 7: the deck said 320, Indsatser's "Kun forældede" 398 (completed and cancelled included) and
    Kommune marked completed actions stale."""
    codes = queries.area_codes(queries.municipalities(demo_store), "Nordjylland")
    rows = queries.actions(demo_store, codes)
    rule = sum(is_stale(s, d, TODAY) for s, d in zip(rows["status"], rows["last_updated"], strict=True))
    deck = kkr.build(demo_store, "Nordjylland", TODAY - timedelta(days=90), "da", TODAY)
    (slide,) = [s for s in deck.slides if s.key == "follow_up"]
    figures = {f.label: f.value for f in slide.figures}
    assert figures[i18n.t("kkr.fig.stale", "da")] == i18n.number(rule, "da")
    indsatser = queries.action_totals(demo_store, codes, stale_since=stale_since(TODAY))
    assert int(indsatser["n"].sum()) == rule
    mark, c = i18n.t("mun.stale", "da"), ctx(demo_store)
    kommune = sum(int((actions_frame(c, queries.actions(demo_store, [code]), TODAY)[i18n.t("ov.col.stale", "da")]
                       == mark).sum()) for code in codes)
    assert kommune == rule
    table = workspace.actions_table(c, rows, TODAY)  # Indsatser's table marks the same rows
    assert int((table[i18n.t("ov.col.stale", "da")] == mark).sum()) == rule
    marked = rows.loc[(table[i18n.t("ov.col.stale", "da")] == mark).to_numpy(), "status"]
    assert set(marked) <= set(OPEN_STATUSES)


def test_adaptation_attention_uses_the_same_stale_rule(demo_store: Store) -> None:
    rows = queries.adaptation_actions(demo_store, everything(demo_store))
    att = adaptation.adaptation_overdue(rows, TODAY)
    want = {int(i) for i, s, d in zip(rows["id"], rows["status"], rows["last_updated"], strict=True)
            if is_stale(s, d, TODAY)}
    assert {int(i) for i in att.loc[att["stale"], "id"]} == want and want


# -- the overdue rule --------------------------------------------------------------------------------------------

def test_follow_up_on_the_rows_cut_in_sql_is_follow_up_on_every_row(demo_store: Store) -> None:
    codes = everything(demo_store)
    for today in DAYS:
        full = follow_up(queries.actions(demo_store, codes), queries.milestones(demo_store, codes), today)
        cut = follow_up(queries.actions_filtered(demo_store, codes, stale_since=stale_since(today)),
                        queries.open_milestones(demo_store, codes, *milestone_windows(today)["overdue"]), today)
        pd.testing.assert_frame_equal(full, cut)
        overdue = queries.open_milestones(demo_store, codes, *milestone_windows(today)["overdue"])
        assert full.set_index("municipality")["overdue"].loc[lambda s: s > 0].to_dict() == \
            overdue.groupby("municipality").size().to_dict()


def test_milestones_changed_since_selects_those_done_or_gone_overdue_in_the_period(demo_store: Store) -> None:
    codes = everything(demo_store)
    every = queries.milestones(demo_store, codes)
    for since, until in ((date(2025, 6, 1), TODAY), (date(2024, 1, 1), date(2025, 1, 1)), (TODAY, TODAY)):
        got = history.milestones_changed_since(demo_store, codes, since, until)
        done = {int(i) for i, d in zip(every["id"], every["done"], strict=True)
                if not pd.isna(d) and since <= d.date() <= until}
        gone = {int(i) for i, u, d in zip(every["id"], every["due"], every["done"], strict=True)
                if went_overdue(u, d, since, until)}
        assert {int(i) for i in got["id"]} == done | gone
        assert since == until or gone  # the demo has milestones that went overdue in these periods


def test_went_overdue_is_milestone_state_on_the_day_after_the_due_date() -> None:
    since, until, due = date(2026, 1, 1), date(2026, 7, 1), date(2026, 3, 1)
    assert went_overdue(due, None, since, until)
    assert went_overdue(due, due + timedelta(days=1), since, until)  # done late: it went overdue all the same
    assert not went_overdue(due, due, since, until)  # done on the due date
    assert not went_overdue(until, None, since, until) and not went_overdue(since - timedelta(days=1), None, since,
                                                                               until)
    assert milestone_state(due, None, due + timedelta(days=1)) == "overdue"
