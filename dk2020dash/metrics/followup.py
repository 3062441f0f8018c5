"""Follow-up (DESIGN.md section 4 C): which actions are stale, which milestones are overdue or due soon, and which
municipalities need following up. One rule each, here; the SQL that stands for a rule (queries.STALE_ACTION,
queries.open_milestones, queries.milestones_changed_since) is given its bounds by these functions and is tested to
select exactly the rows the rule selects (tests/unit/test_followup.py)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

from dk2020dash.domain import DUE_SOON_DAYS, OPEN_STATUSES, STALE_AFTER_DAYS


def _day(value: object) -> date | None:
    """A date from a date, datetime, pandas Timestamp or text; None for a missing value (None, NaT, NaN)."""
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    if isinstance(value, datetime):
        return None if pd.isna(value) else value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


# -- stale actions ---------------------------------------------------------------------------------------------

def stale_since(today: date) -> date:
    """The last day of update that makes an open action stale: one updated on or before it is not updated for 365
    days or more (queries.STALE_ACTION takes it, so a page need not fetch every row to test each)."""
    return today - timedelta(days=STALE_AFTER_DAYS)


def is_stale(status: object, last_updated: object, today: date) -> bool:
    """An action in an open status (planned, in progress, delayed, paused) not updated for 365 days or more is
    stale; a completed or cancelled action never is (nor one without a last update)."""
    day = _day(last_updated)
    return status in OPEN_STATUSES and day is not None and day <= stale_since(today)


def stale_flags(actions: pd.DataFrame, today: date) -> pd.Series:
    """is_stale of every row of an actions frame (columns status, last_updated), as booleans on its index: the rule
    once per distinct (status, last update), not once per row."""
    if actions.empty:
        return pd.Series(dtype=bool, index=actions.index)
    pairs = list(zip(actions["status"], actions["last_updated"], strict=True))
    seen = {p: is_stale(p[0], p[1], today) for p in set(pairs)}
    return pd.Series([seen[p] for p in pairs], index=actions.index, dtype=bool)


# -- milestones --------------------------------------------------------------------------------------------------

def milestone_windows(today: date) -> dict[str, tuple[date | None, date]]:
    """The due dates (from, included, or None for no bound; to, excluded) of milestones not done that are overdue
    (past due) and due soon (due within 60 days); every other milestone not done is upcoming. milestone_state
    reads these, and queries.open_milestones selects the milestones of a state with them."""
    return {"overdue": (None, today), "due_soon": (today, today + timedelta(days=DUE_SOON_DAYS + 1))}


def milestone_state(due: date, done: date | None, today: date) -> str:
    """done | overdue (past due, not done) | due_soon (due within 60 days) | upcoming."""
    if done is not None and not pd.isna(done):
        return "done"
    for state, (first, until) in milestone_windows(today).items():
        if (first is None or due >= first) and due < until:
            return state
    return "upcoming"


def went_overdue(due: object, done: object, since: date, until: date) -> bool:
    """Whether a milestone went overdue between `since` and `until`: it fell due in that time (since ≤ due < until)
    and was not done by its due date, so on the day after it milestone_state, with the done date known then, says
    overdue (a milestone done late went overdue all the same). queries.milestones_changed_since selects these."""
    due_day, done_day = _day(due), _day(done)
    if due_day is None or not since <= due_day < until:
        return False
    known = done_day if done_day is not None and done_day <= due_day else None
    return milestone_state(due_day, known, due_day + timedelta(days=1)) == "overdue"


# -- who needs following up --------------------------------------------------------------------------------------

def follow_up(actions: pd.DataFrame, milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    """Per municipality: overdue milestones and stale actions today (columns municipality, overdue, stale), most in
    need of follow-up first; municipalities with neither are left out. The rules are is_stale and milestone_state,
    so frames already cut to the stale actions and overdue milestones in SQL give the same counts."""
    stale = actions[stale_flags(actions, today)] if len(actions) else actions
    states = [milestone_state(_day(r.due), _day(r.done), today) for r in milestones.itertuples()]
    overdue = milestones.loc[[s == "overdue" for s in states]]
    out = pd.DataFrame({"overdue": overdue.groupby("municipality").size(),
                        "stale": stale.groupby("municipality").size()}, columns=["overdue", "stale"])
    out = out.fillna(0).astype(int)
    out.index.name = "municipality"
    out = out.reset_index()
    return out.sort_values(["overdue", "stale", "municipality"], ascending=[False, False, True], ignore_index=True)
