"""What changed since a date, and what needs following up (the KKR meeting pack)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dk2020dash.domain import (
    BRIDGE_PART_OF_STATUS,
    Verdict,
)
from dk2020dash.metrics.mitigation import Progress, Unavailable, tonnes_or_none

# -- what changed since a date, and what needs following up (the KKR meeting pack) ---------------------

def bridge_part(status: object) -> str:
    """The bridge part an action status counts in: a BRIDGE_PARTS name, "cancelled", or "none" (no status yet,
    or unknown)."""
    if not isinstance(status, str) or status not in BRIDGE_PART_OF_STATUS:
        return "none"
    return BRIDGE_PART_OF_STATUS[status] or "cancelled"


@dataclass(frozen=True)
class Changes:
    """What changed in an area between two dates: counts and sums that a slide states."""

    since: date
    until: date
    status_changes: int  # action status changes
    by_municipality: dict[int, int]  # status changes per municipality
    moved: dict[tuple[str, str], float]  # (from part, to part) -> expected 2030 tonnes of mitigation actions
    milestones_done: tuple[tuple[int, str, date], ...]  # (municipality, kind, done)
    milestones_overdue: tuple[tuple[int, str, date], ...]  # (municipality, kind, due): due since, not done by then
    new_editions: tuple[tuple[str, date], ...]  # (name, published)
    verdict_changes: dict[int, tuple[Verdict | None, Verdict | None]]  # municipality -> (before, now)

    @property
    def tonnes_moved(self) -> float:
        return sum(self.moved.values())


def changes_since(events: pd.DataFrame, milestones: pd.DataFrame, editions: pd.DataFrame,
                  before: Mapping[int, Progress | Unavailable], now: Mapping[int, Progress | Unavailable],
                  since: date, until: date) -> Changes:
    """Summarise the frames of queries.status_changes_since, milestones_changed_since and editions_since.

    Tonnes move between bridge parts when a mitigation action's status moves it from one part to another
    (e.g. planned -> in progress); a change within a part (delayed -> paused) moves nothing. `before` and
    `now` are each municipality's assessment on the edition newest before `since` and on the newest edition;
    a municipality whose verdict differs is listed (only when a new edition came since)."""
    moved: dict[tuple[str, str], float] = {}
    for r in events.itertuples():
        if r.kind != "mitigation":
            continue
        old, new = bridge_part(r.old_status), bridge_part(r.new_status)
        tonnes = tonnes_or_none(r.expected_2030_t)
        if old != new and tonnes:
            moved[(old, new)] = moved.get((old, new), 0.0) + tonnes
    by_muni = {int(k): int(v) for k, v in events.groupby("municipality").size().items()} if len(events) else {}

    def day(v: object) -> date:
        return pd.Timestamp(v).date()

    done, overdue = [], []
    for r in milestones.itertuples():
        if not pd.isna(r.done) and since <= day(r.done) <= until:
            done.append((int(r.municipality), str(r.kind), day(r.done)))
        elif since <= day(r.due) < until and (pd.isna(r.done) or day(r.done) > day(r.due)):
            overdue.append((int(r.municipality), str(r.kind), day(r.due)))
    new_editions = tuple((str(r.name), day(r.published)) for r in editions.itertuples())
    changed: dict[int, tuple[Verdict | None, Verdict | None]] = {}
    if new_editions:
        for code in sorted(set(before) | set(now)):
            b, n = before.get(code), now.get(code)
            vb = b.verdict if isinstance(b, Progress) else None
            vn = n.verdict if isinstance(n, Progress) else None
            if vb != vn:
                changed[code] = (vb, vn)
    return Changes(since=since, until=until, status_changes=len(events), by_municipality=by_muni, moved=moved,
                   milestones_done=tuple(done), milestones_overdue=tuple(overdue), new_editions=new_editions,
                   verdict_changes=changed)
