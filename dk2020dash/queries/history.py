"""Reads of the past: the figures and actions as they stood at the start of a day, and what happened since (the
KKR deck's "what changed", metrics.changes). Parameterised SQL only, as queries/__init__.py."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dk2020dash.db.store import Store
from dk2020dash.queries import (
    _COMPLETED_ON,
    _NEWEST_PER_MUNICIPALITY,
    InputFrames,
    _rows,
    municipalities,
    plan_targets,
    plans,
)

# -- KKR meeting pack: what changed since a date (the secretariat's audit history can extend these) ------

def history_start(store: Store):
    """The earliest date the data has history for: the first action status change or inventory edition."""
    df = store.query(
        "SELECT least((SELECT CAST(min(changed_on) AS DATE) FROM action_event), "
        "(SELECT min(coalesce(published, CAST(created_at AS DATE))) FROM edition)) AS first"
    )
    first = df.iloc[0, 0]
    return None if pd.isna(first) else pd.Timestamp(first).date()


def status_changes_since(store: Store, codes: Sequence[int], since, until) -> pd.DataFrame:
    """Action status changes from `since` to `until` (both included), with each action's kind and expected
    2030 reduction, oldest first."""
    return store.query(
        "SELECT e.changed_on, a.municipality, m.name AS municipality_name, a.id AS action_id, a.title, a.kind, "
        "a.expected_2030_t, e.old_status, e.new_status FROM action_event e JOIN action a ON a.id = e.action_id "
        "JOIN municipality m ON m.code = a.municipality "
        "WHERE list_contains(?, a.municipality) AND CAST(e.changed_on AS DATE) BETWEEN ? AND ? "
        "ORDER BY e.changed_on, e.id",
        [list(codes), since, until],
    )


def milestones_changed_since(store: Store, codes: Sequence[int], since, until) -> pd.DataFrame:
    """Milestones completed from `since` to `until`, or due in that time and not done by their due date (those that
    went overdue then: followup.went_overdue)."""
    return store.query(
        "SELECT s.id, s.municipality, m.name AS municipality_name, s.kind, s.due, s.done FROM milestone s "
        "JOIN municipality m ON m.code = s.municipality WHERE list_contains(?, s.municipality) AND "
        "(s.done BETWEEN ? AND ? OR (s.due >= ? AND s.due < ? AND (s.done IS NULL OR s.done > s.due))) "
        "ORDER BY s.municipality, s.due, s.id",
        [list(codes), since, until, since, until],
    )


def editions_imported(store: Store, since, until) -> pd.DataFrame:
    """Inventory editions imported from `since` to `until` (both days included), oldest first, with how many
    municipalities' figures they now give (`newest_for`)."""
    return store.query(
        f"WITH n AS (SELECT edition, count(*) AS newest_for FROM {_NEWEST_PER_MUNICIPALITY} GROUP BY edition) "  # noqa: S608 - fixed SQL fragments
        "SELECT ed.id, ed.name, coalesce(ed.published, CAST(ed.created_at AS DATE)) AS published, "
        "CAST(ed.created_at AS DATE) AS imported, coalesce(n.newest_for, 0) AS newest_for FROM edition ed "
        "LEFT JOIN n ON n.edition = ed.id WHERE CAST(ed.created_at AS DATE) BETWEEN ? AND ? AND ed.withdrawn_at IS NULL "
        "ORDER BY ed.created_at, ed.id",
        [since, until],
    )


def corrections_imported(store: Store, since, until) -> pd.DataFrame:
    """Inventory files imported from `since` to `until` that corrected an existing edition in place (an import that
    made a new edition logs at the edition's own creation time): file name, day, who."""
    return store.query(
        "SELECT l.file_name, CAST(l.logged_at AS DATE) AS imported, l.who FROM import_log l "
        "WHERE l.kind = 'inventory' AND l.outcome = 'imported' AND CAST(l.logged_at AS DATE) BETWEEN ? AND ? "
        "AND NOT EXISTS (SELECT 1 FROM edition ed WHERE ed.created_at = l.logged_at) ORDER BY l.logged_at, l.id",
        [since, until],
    )


def input_frames_before(store: Store, day) -> InputFrames:
    """As input_frames, but as the figures stood at the start of `day`: each municipality from its newest edition
    among those imported before that day (the same rule), and the mitigation actions as they stood then
    (actions_at). Plans and population are today's (their history is not kept)."""
    rows, params = _rows(None, before=day)
    totals = store.query(
        f"SELECT municipality, year, sum(tco2e) AS tco2e, bool_or(estimated) AS any_estimated "  # noqa: S608 - fixed SQL fragments
        f"FROM {rows} GROUP BY municipality, year ORDER BY municipality, year",
        params,
    )
    then = actions_at(store, None, day)
    then = then.loc[then["existed_then"], ["municipality", "status_then", "expected_then", "completed_year_then"]]
    then.columns = ["municipality", "status", "expected_2030_t", "completed_year"]
    return InputFrames(totals, plans(store), plan_targets(store), then.reset_index(drop=True), municipalities(store))


def actions_at(store: Store, codes: Sequence[int] | None, day) -> pd.DataFrame:
    """Every mitigation action (of the given municipalities, or all) now and as it stood at the start of `day`:
    status, expected 2030 reduction and completion year now and then (`*_then`, from the first status change and
    the first audit row of the field on or after the day), and whether it existed then (`existed_then`: not
    inserted on or after the day). The state then follows the same completion rule as now (_COMPLETED_ON)."""
    where, chosen = ("", []) if codes is None else ("AND list_contains(?, a.municipality) ", [list(codes)])
    params = [day, day, *chosen, day, day]
    return store.query(
        "WITH first_event AS (SELECT DISTINCT ON (action_id) action_id, old_status FROM action_event "  # noqa: S608 - fixed SQL fragments
        "  WHERE CAST(changed_on AS DATE) >= ? ORDER BY action_id, changed_on, id), "
        "first_audit AS (SELECT DISTINCT ON (row_id, field) row_id, field, old FROM audit "
        "  WHERE table_name = 'action' AND field IN ('expected_2030_t', 'end_date') AND CAST(changed_at AS DATE) >= ? "
        "  ORDER BY row_id, field, changed_at, id), "
        "now AS (SELECT a.id, a.municipality, m.name AS municipality_name, a.title, a.status, a.expected_2030_t, "
        f"  year({_COMPLETED_ON}) AS completed_year, a.end_date, a.last_updated, f.action_id IS NOT NULL AS changed, "
        "  f.old_status, x.old AS expected_old, x.row_id IS NOT NULL AS expected_changed, "
        "  e.old AS end_old, e.row_id IS NOT NULL AS end_changed "
        "  FROM action a JOIN municipality m ON m.code = a.municipality "
        "  LEFT JOIN first_event f ON f.action_id = a.id "
        "  LEFT JOIN first_audit x ON x.row_id = CAST(a.id AS VARCHAR) AND x.field = 'expected_2030_t' "
        "  LEFT JOIN first_audit e ON e.row_id = CAST(a.id AS VARCHAR) AND e.field = 'end_date' "
        f"  WHERE a.kind = 'mitigation' {where}) "
        "SELECT id, municipality, municipality_name, title, status, expected_2030_t, completed_year, "
        "  NOT (changed AND old_status IS NULL) AS existed_then, "
        "  CASE WHEN changed THEN old_status ELSE status END AS status_then, "
        "  CASE WHEN expected_changed THEN TRY_CAST(expected_old AS DOUBLE) ELSE expected_2030_t END AS expected_then, "
        "  CASE WHEN (CASE WHEN changed THEN old_status ELSE status END) = 'completed' THEN coalesce("
        "    year(CASE WHEN end_changed THEN TRY_CAST(end_old AS DATE) ELSE end_date END), "
        "    (SELECT year(max(ev.changed_on)) FROM action_event ev WHERE ev.action_id = now.id "
        "     AND ev.new_status = 'completed' AND ev.old_status IS NOT NULL AND ev.old_status <> 'completed' "
        "     AND CAST(ev.changed_on AS DATE) < ?), year(least(last_updated, CAST(? AS DATE) - 1))) END AS completed_year_then "
        "FROM now ORDER BY municipality, id",
        params,
    )
