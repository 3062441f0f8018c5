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
from dk2020dash.metrics.bridge import in_inventory, tonnes_or_none
from dk2020dash.metrics.followup import went_overdue
from dk2020dash.metrics.mitigation import Progress, Unavailable

# -- what changed since a date, and what needs following up (the KKR meeting pack) ---------------------

def bridge_part(status: object) -> str:
    """The bridge part an action status counts in: a BRIDGE_PARTS name, "cancelled", or "none" (no status yet,
    or unknown)."""
    if not isinstance(status, str) or status not in BRIDGE_PART_OF_STATUS:
        return "none"
    return BRIDGE_PART_OF_STATUS[status] or "cancelled"


def action_part(status: object, completed_year: object, latest_year: int | None) -> str:
    """Where one action stands in the bridge resting on `latest_year`: its status's part, or "in_inventory" for a
    completed action completed in or before that year (reduction_bridge's rule for the sums)."""
    part = bridge_part(status)
    if part == "secured" and latest_year is not None and not pd.isna(completed_year) \
            and in_inventory(int(completed_year), latest_year):
        return "in_inventory"
    return part


@dataclass(frozen=True)
class Move:
    """One action whose place in the bridge changed between the two dates (or whose expected tonnes did)."""

    action_id: int
    municipality: int
    title: str
    old: str  # bridge part then ("none": the action did not exist yet)
    new: str  # bridge part now
    tonnes: float  # its expected 2030 reduction now (then, if it has none now)
    tonnes_before: float


@dataclass(frozen=True)
class Changes:
    """What changed in an area between two dates: the same figures (assessment, bridge, verdicts) computed at both
    points by the same functions, and the actions, editions and corrections that moved them."""

    since: date
    until: date
    before: Progress | Unavailable  # the area as it stood at the start of `since`
    now: Progress | Unavailable
    moves: tuple[Move, ...]  # largest first
    status_changes: int  # action status changes in the period
    by_municipality: dict[int, int]  # status changes per municipality
    milestones_done: tuple[tuple[int, str, date], ...]  # (municipality, kind, done)
    milestones_overdue: tuple[tuple[int, str, date], ...]  # (municipality, kind, due): due since, not done by then
    new_editions: tuple[tuple[str, date, int], ...]  # (name, published, municipalities it now gives figures for)
    corrections: tuple[tuple[str, date], ...]  # (file name, day imported): corrections of an existing edition
    verdict_changes: dict[int, tuple[Verdict | None, Verdict | None]]  # municipality -> (before, now)

    @property
    def tonnes_moved(self) -> float:
        """The expected tonnes of the actions that changed bridge part."""
        return sum(m.tonnes for m in self.moves if m.old != m.new)

    def figure(self, name: str) -> tuple[float | None, float | None]:
        """A bridge figure ("manko", "need", "covered", a part, "beyond_need", "in_inventory") then and now."""
        def of(p: Progress | Unavailable) -> float | None:
            return getattr(p.bridge, name) if isinstance(p, Progress) else None
        return of(self.before), of(self.now)

    @property
    def verdict_change(self) -> tuple[Verdict | None, Verdict | None]:
        """The area's own verdict then and now (None where it cannot be judged)."""
        def of(p: Progress | Unavailable) -> Verdict | None:
            return p.verdict if isinstance(p, Progress) and p.headline else None
        return of(self.before), of(self.now)


def moves_between(actions: pd.DataFrame, year_then: int | None, year_now: int | None) -> tuple[Move, ...]:
    """The actions (rows of queries.actions_at) whose bridge part differs between then and now, or whose expected
    tonnes changed, largest first."""
    out = []
    for r in actions.itertuples():
        old = action_part(r.status_then, r.completed_year_then, year_then) if r.existed_then else "none"
        new = action_part(r.status, r.completed_year, year_now)
        now_t, then_t = tonnes_or_none(r.expected_2030_t), tonnes_or_none(r.expected_then)
        tonnes = now_t if now_t is not None else (then_t or 0.0)
        if old != new or (now_t or 0.0) != (then_t or 0.0):
            out.append(Move(int(r.id), int(r.municipality), str(r.title), old, new, tonnes, then_t or 0.0))
    return tuple(sorted(out, key=lambda m: (-max(m.tonnes, m.tonnes_before), m.action_id)))


def changes_between(before: Progress | Unavailable, now: Progress | Unavailable,
                    each_before: Mapping[int, Progress | Unavailable], each_now: Mapping[int, Progress | Unavailable],
                    actions: pd.DataFrame, events: pd.DataFrame, milestones: pd.DataFrame, editions: pd.DataFrame,
                    corrections: pd.DataFrame, since: date, until: date) -> Changes:
    """The difference between the area's assessment at the start of `since` and at `until` (both from
    metrics.mitigation.assess on the inputs as they stood then and now), with each municipality's verdict at both
    points, the actions that moved (queries.actions_at), the status changes, milestones, editions and corrections
    of the period (queries.status_changes_since, milestones_changed_since, editions_imported,
    corrections_imported)."""
    year_then = before.latest_year if isinstance(before, Progress) else None
    year_now = now.latest_year if isinstance(now, Progress) else None
    by_muni = {int(k): int(v) for k, v in events.groupby("municipality").size().items()} if len(events) else {}

    def day(v: object) -> date:
        return pd.Timestamp(v).date()

    done, overdue = [], []
    for r in milestones.itertuples():
        if not pd.isna(r.done) and since <= day(r.done) <= until:
            done.append((int(r.municipality), str(r.kind), day(r.done)))
        elif went_overdue(r.due, r.done, since, until):
            overdue.append((int(r.municipality), str(r.kind), day(r.due)))
    changed: dict[int, tuple[Verdict | None, Verdict | None]] = {}
    for code in sorted(set(each_before) | set(each_now)):
        b, n = each_before.get(code), each_now.get(code)
        vb = b.verdict if isinstance(b, Progress) else None
        vn = n.verdict if isinstance(n, Progress) else None
        if vb != vn:
            changed[code] = (vb, vn)
    return Changes(
        since=since, until=until, before=before, now=now, moves=moves_between(actions, year_then, year_now),
        status_changes=len(events), by_municipality=by_muni, milestones_done=tuple(done),
        milestones_overdue=tuple(overdue),
        new_editions=tuple((str(r.name), day(r.published), int(r.newest_for)) for r in editions.itertuples()),
        corrections=tuple((str(r.file_name), day(r.imported)) for r in corrections.itertuples()),
        verdict_changes=changed)
