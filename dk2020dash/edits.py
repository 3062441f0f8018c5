"""Writes by a signed-in user: edit an action, mark a milestone done, move a milestone's due date.

Each write (DESIGN.md section 7):
- is checked on the server side, inside its write transaction on the user's role and scope as they are then
  (auth.require_edit_now): a viewer is refused, an editor outside their scope is refused, and so is one whose role
  was removed or narrowed after the page read it;
- is validated whole before anything is written (unknown id or status, end before start, a negative expected
  reduction or one larger than the municipality's total emissions, a done date in the future, over-long text);
  text is stored as typed (HTML or script stays text; pages escape it when they show it);
- carries the version it was made on: if someone saved first, it is refused with a ConflictError that holds the
  newer values, never merged silently;
- writes its history in the same transaction as the change: a status change is an action_event row, every other
  field of an action and every milestone change is one audit row per field (table, row, field, old, new, who, when,
  note).

Versions: an action has a version column (bumped by every change, by imports too). A milestone has none, and a
column cannot be added without an ALTER TABLE (see store.MIGRATIONS), so its version is derived from its history:
1 + the number of its audit rows. Every change of a milestone writes at least one audit row in the same
transaction, so the number moves with every change and cannot drift from the row; a milestone import replaces the
rows with new ids (from a sequence, never reused), which start again at version 1.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from dk2020dash import i18n, labels, queries
from dk2020dash.auth import User, require_admin, require_edit_now
from dk2020dash.db.store import Store
from dk2020dash.domain import ACTION_STATUSES, planned_range
from dk2020dash.errors import Escape, Phrase, Rejected, Text

EDITABLE_ACTION_FIELDS: tuple[str, ...] = ("status", "start_date", "end_date", "expected_2030_t", "responsible")
MAX_TEXT = {"responsible": 200, "note": 2000, "reason": 2000, "published": 40}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class EditError(Rejected):
    """A refused write; nothing was written: an edit.err.* key and its values (errors.Refusal, as auth.AuthError);
    str() is the Danish message."""


class ConflictError(EditError):
    """Someone saved first: `current` holds the row as it is now (with its version)."""

    SHOWN = (*EDITABLE_ACTION_FIELDS, "due", "done", "note")

    def __init__(self, current: dict, who: str | None):
        self.current = current
        self.who = who or "?"
        super().__init__("edit.err.conflict", who=self.who, version=current["version"], values=_NewValues(current))


class _NewValues(Text):
    """The row's current values as a conflict message lists them, in the message's language (errors.render calls
    text(lang, escape): field names translated, values as stored)."""

    def __init__(self, current: dict):
        self.current = current

    def text(self, lang: str = "da", escape: Escape | None = None) -> str:
        def shown(field: str, value: object) -> str:
            if field == "status" and value in ACTION_STATUSES:
                return labels.status(value, lang)
            return _text(value) or "–"

        listed = "; ".join(f"{i18n.t(f'edit.field.{f}', lang)}: {shown(f, v)}" for f, v in self.current.items()
                           if f in ConflictError.SHOWN)
        return escape(listed) if escape is not None else listed


@dataclass(frozen=True)
class Saved:
    """What a write did: the row's new version and the history rows it wrote."""

    version: int
    events: int  # action_event rows
    audits: int  # audit rows


# -- reading a row to edit -----------------------------------------------------------------------------
def action(store: Store, action_id: int) -> dict | None:
    """An action as an edit starts from (with its version), or None."""
    with store.connection() as con:
        return _action(con, action_id)


def _action(con, action_id: int) -> dict | None:
    cur = con.execute(
        "SELECT a.id, a.municipality, m.name AS municipality_name, a.title, a.status, a.start_date, a.end_date, "
        "a.expected_2030_t, a.responsible, a.last_updated, a.version FROM action a "
        "JOIN municipality m ON m.code = a.municipality WHERE a.id = ?", [int(action_id)])
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def milestone(store: Store, milestone_id: int) -> dict | None:
    """A milestone as an edit starts from, with its version (1 + its audit rows), or None."""
    with store.connection() as con:
        return _milestone(con, milestone_id)


def _milestone(con, milestone_id: int) -> dict | None:
    cur = con.execute(
        "SELECT s.id, s.municipality, m.name AS municipality_name, s.kind, s.due, s.done, s.note, "
        "1 + (SELECT count(*) FROM audit a WHERE a.table_name = 'milestone' AND a.row_id = CAST(s.id AS VARCHAR)) "
        "AS version FROM milestone s JOIN municipality m ON m.code = s.municipality WHERE s.id = ?",
        [int(milestone_id)])
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def _last_writer(con, table: str, row_id: int) -> str | None:
    if table == "action":
        row = con.execute(
            "SELECT who FROM (SELECT who, changed_on AS changed_at, 0 AS o FROM action_event WHERE action_id = ? "
            "UNION ALL SELECT who, changed_at, 1 FROM audit WHERE table_name = 'action' AND row_id = ?) "
            "ORDER BY changed_at DESC, o DESC LIMIT 1", [row_id, str(row_id)]).fetchone()
    else:
        row = con.execute("SELECT who FROM audit WHERE table_name = ? AND row_id = ? ORDER BY id DESC LIMIT 1",
                          [table, str(row_id)]).fetchone()
    return None if row is None else row[0]


# -- values ------------------------------------------------------------------------------------------------
def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)


def _as_date(value, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.date() if hasattr(value, "date") and callable(value.date) else value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise EditError("edit.err.date", field=Phrase(f"edit.field.{field}"), value=str(value)[:40]) from None


def _bounded(day: date | None, field: str) -> date | None:
    """A day within domain.planned_range (a done date is refused in the future first: mark_done), or None."""
    low, high = planned_range()
    if day is not None and not low <= day <= high:
        raise EditError("edit.err.date_range", field=Phrase(f"edit.field.{field}"), value=day.isoformat(),
                        low=low.isoformat(), high=high.isoformat())
    return day


def _as_text(value, field: str) -> str | None:
    if value is None:
        return None
    text = _CONTROL.sub("", str(value)).strip()
    if len(text) > MAX_TEXT[field]:
        raise EditError("edit.err.too_long", field=Phrase(f"edit.field.{field}"), count=MAX_TEXT[field])
    return text or None


def _as_expected(value) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise EditError("edit.err.expected", value=str(value)[:40]) from None
    if not math.isfinite(number):
        raise EditError("edit.err.expected", value=str(value)[:40])
    if number < 0:
        raise EditError("edit.err.negative", value=number)
    return number


def _total_emissions(con, municipality: int) -> tuple[int, float] | None:
    """The municipality's latest total net emissions (year, tCO2e) from its newest edition (queries'
    newest-edition rule, the one every figure uses), or None."""
    return con.execute(
        f"SELECT year, sum(tco2e) FROM emission WHERE municipality = ? AND edition = (SELECT n.edition FROM "  # noqa: S608 - fixed SQL fragments
        f"{queries.newest_per_municipality()} n WHERE n.municipality = ?) "
        "GROUP BY year ORDER BY year DESC LIMIT 1", [municipality, municipality]).fetchone()


# -- actions -----------------------------------------------------------------------------------------------
def edit_action(store: Store, user: User, action_id: int, version: int, changes: Mapping[str, object],
                note: str | None = None, *, today: date | None = None) -> Saved:
    """Change some of an action's fields (status, start_date, end_date, expected_2030_t, responsible) as `user`,
    from the version the edit was made on. Fields not in `changes`, or equal to the stored value, stay as they are.
    Raises EditError (or auth.AuthError, ConflictError) with nothing written."""
    today = today or date.today()
    unknown = set(changes) - set(EDITABLE_ACTION_FIELDS)
    if unknown:
        raise ValueError(f"ikke redigerbare felter: {sorted(unknown)}")
    new: dict[str, object] = {}
    if "status" in changes:
        status = str(changes["status"]).strip()
        if status not in ACTION_STATUSES:
            raise EditError("edit.err.status", status=status[:40], statuses=", ".join(ACTION_STATUSES))
        new["status"] = status
    for f in ("start_date", "end_date"):
        if f in changes:
            new[f] = _bounded(_as_date(changes[f], f), f)
    if "expected_2030_t" in changes:
        new["expected_2030_t"] = _as_expected(changes["expected_2030_t"])
    if "responsible" in changes:
        new["responsible"] = _as_text(changes["responsible"], "responsible")
    note = _as_text(note, "note")

    with store.transaction() as con:
        current = _action(con, action_id)
        if current is None:
            raise EditError("edit.err.unknown_action", id=action_id)
        require_edit_now(con, user, current["municipality"], current["municipality_name"])
        if int(version) != int(current["version"]):
            raise ConflictError(current, _last_writer(con, "action", int(action_id)))
        diff = {f: v for f, v in new.items() if not _same(current[f], v)}
        if not diff:
            raise EditError("edit.err.nothing")
        start = diff.get("start_date", current["start_date"])
        end = diff.get("end_date", current["end_date"])
        if start is not None and end is not None and end < start:
            raise EditError("edit.err.end_before_start", start=start.isoformat(), end=end.isoformat())
        expected = diff.get("expected_2030_t")
        if expected is not None:
            total = _total_emissions(con, int(current["municipality"]))
            if total is not None and expected > max(float(total[1]), 0.0):
                raise EditError("edit.err.too_large", value=float(expected), total=float(total[1]),
                                year=int(total[0]))
        sets = ", ".join(f"{f} = ?" for f in diff)
        con.execute(f"UPDATE action SET {sets}, last_updated = ?, version = version + 1 "  # noqa: S608 - fixed names
                    "WHERE id = ? AND version = ?", [*diff.values(), today, int(action_id), int(version)])
        events = 0
        if "status" in diff:
            con.execute("INSERT INTO action_event (action_id, changed_on, who, old_status, new_status, note) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [int(action_id), _moment(today), user.who, current["status"],
                                                      diff["status"], note])
            events = 1
        audits = [(f, current[f], v) for f, v in diff.items() if f != "status"]
        _audit(con, "action", int(action_id), audits, user.who, note)
    return Saved(int(version) + 1, events, len(audits))


def set_status(store: Store, user: User, action_id: int, status: str, note: str | None = None, *,
               version: int | None = None, today: date | None = None) -> Saved:
    """Change only an action's status (the CLI's `action set-status`); without a version, the current one."""
    if version is None:
        current = action(store, action_id)
        if current is None:
            raise EditError("edit.err.unknown_action", id=action_id)
        version = int(current["version"])
    return edit_action(store, user, action_id, version, {"status": status}, note, today=today)


# -- milestones ----------------------------------------------------------------------------------------------
def mark_done(store: Store, user: User, milestone_id: int, version: int | None, done: object,
              note: str | None = None, *, today: date | None = None) -> Saved:
    """Mark a milestone done on a date (not in the future), with an optional note that becomes its note."""
    today = today or date.today()
    day = _as_date(done, "done") or today
    if day > today:
        raise EditError("edit.err.future", done=day.isoformat())
    _bounded(day, "done")  # nor before domain.DATE_MIN
    note = _as_text(note, "note")
    return _edit_milestone(store, user, milestone_id, version, {"done": day, **({"note": note} if note else {})},
                           note)


def move_due(store: Store, user: User, milestone_id: int, version: int | None, due: object, reason: str) -> Saved:
    """Move a milestone's due date; a reason is required and is recorded with the change."""
    day = _bounded(_as_date(due, "due"), "due")
    reason = _as_text(reason, "reason")
    if day is None:
        raise EditError("edit.err.date", field=Phrase("edit.field.due"), value="")
    if not reason:
        raise EditError("edit.err.reason")
    return _edit_milestone(store, user, milestone_id, version, {"due": day}, reason)


def _edit_milestone(store: Store, user: User, milestone_id: int, version: int | None, new: dict,
                    note: str | None) -> Saved:
    with store.transaction() as con:
        current = _milestone(con, milestone_id)
        if current is None:
            raise EditError("edit.err.unknown_milestone", id=milestone_id)
        require_edit_now(con, user, current["municipality"], current["municipality_name"])
        if version is not None and int(version) != int(current["version"]):
            raise ConflictError(current, _last_writer(con, "milestone", int(milestone_id)))
        if "done" in new and current["done"] is not None:
            raise EditError("edit.err.already_done", done=current["done"].isoformat())
        diff = {f: v for f, v in new.items() if not _same(current[f], v)}
        if not diff:
            raise EditError("edit.err.nothing")
        sets = ", ".join(f"{f} = ?" for f in diff)
        con.execute(f"UPDATE milestone SET {sets} WHERE id = ?",  # noqa: S608 - fixed names
                    [*diff.values(), int(milestone_id)])
        audits = [(f, current[f], v) for f, v in diff.items()]
        _audit(con, "milestone", int(milestone_id), audits, user.who, note)
    return Saved(int(current["version"]) + len(audits), 0, len(audits))


def _moment(day: date) -> datetime:
    """When a change made on `day` happened: that day at the time of day it is now (the day is today but in tests),
    so two changes of one day are in the order they were made."""
    return datetime.combine(day, datetime.now().time())


# -- inventory editions (admins) -----------------------------------------------------------------------------
EARLIEST_PUBLISHED = date(1990, 1, 1)  # no inventory edition is older than the first inventory year


def _edition(con, edition_id: int) -> dict:
    cur = con.execute("SELECT id, name, published, withdrawn_at FROM edition WHERE id = ?", [int(edition_id)])
    row = cur.fetchone()
    if row is None:
        raise EditError("edit.err.unknown_edition", id=edition_id)
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def redate_edition(store: Store, user: User, edition_id: int, published: object, note: str | None = None, *,
                   today: date | None = None) -> Saved:
    """Set an edition's published date (an admin's; audited, and reversible by setting it back). The date decides
    which edition is each municipality's newest (queries), so it must lie between EARLIEST_PUBLISHED and today: a
    date in the future would make the edition shadow every later one."""
    require_admin(user)
    today = today or date.today()
    day = _as_date(published, "published")
    if day is None:
        raise EditError("edit.err.date", field=Phrase("edit.field.published"), value="")
    if not EARLIEST_PUBLISHED <= day <= today:
        raise EditError("edit.err.published_range", published=day.isoformat(), first=EARLIEST_PUBLISHED.isoformat(),
                        today=today.isoformat())
    note = _as_text(note, "note")
    with store.transaction() as con:
        current = _edition(con, edition_id)
        if current["published"] == day:
            raise EditError("edit.err.nothing")
        con.execute("UPDATE edition SET published = ? WHERE id = ?", [day, int(edition_id)])
        _audit(con, "edition", int(edition_id), [("published", current["published"], day)], user.email, note)
    return Saved(1, 0, 1)


def withdraw_edition(store: Store, user: User, edition_id: int, reason: str) -> Saved:
    """Withdraw an edition (an admin's, with a reason; audited): while withdrawn it counts nowhere, and each
    municipality's figures come from its newest edition among the rest. restore_edition undoes it."""
    require_admin(user)
    reason = _as_text(reason, "reason")
    if not reason:
        raise EditError("edit.err.withdraw_reason")
    with store.transaction() as con:
        current = _edition(con, edition_id)
        if current["withdrawn_at"] is not None:
            raise EditError("edit.err.edition_withdrawn", name=current["name"])
        when = datetime.now().replace(microsecond=0)
        con.execute("UPDATE edition SET withdrawn_at = ? WHERE id = ?", [when, int(edition_id)])
        _audit(con, "edition", int(edition_id), [("withdrawn_at", None, when.isoformat(sep=" "))], user.email, reason)
    return Saved(1, 0, 1)


def restore_edition(store: Store, user: User, edition_id: int, note: str | None = None) -> Saved:
    """Let a withdrawn edition count again (an admin's; audited)."""
    require_admin(user)
    note = _as_text(note, "note")
    with store.transaction() as con:
        current = _edition(con, edition_id)
        if current["withdrawn_at"] is None:
            raise EditError("edit.err.edition_not_withdrawn", name=current["name"])
        con.execute("UPDATE edition SET withdrawn_at = NULL WHERE id = ?", [int(edition_id)])
        _audit(con, "edition", int(edition_id), [("withdrawn_at", current["withdrawn_at"].isoformat(sep=" "), None)],
               user.email, note)
    return Saved(1, 0, 1)


def _same(old, new) -> bool:
    if old is None or (isinstance(old, float) and math.isnan(old)):
        return new is None
    if new is None:
        return False
    if isinstance(old, float) or isinstance(new, float):
        return math.isclose(float(old), float(new), rel_tol=0, abs_tol=1e-9)
    return old == new


def _audit(con, table: str, row_id: int, changes: list[tuple[str, object, object]], who: str, note: str | None) -> None:
    if not changes:
        return
    con.executemany(
        "INSERT INTO audit (table_name, row_id, field, old, new, who, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(table, str(row_id), f, _text(o) or None, _text(n) or None, who, note) for f, o, n in changes])


# -- history, for the pages ----------------------------------------------------------------------------------
def action_history(store: Store, action_id: int) -> list[dict]:
    """Every recorded change of an action, newest first: status changes (action_event) and field changes (audit),
    each with when, who, field, old, new and note."""
    df = store.query(
        "SELECT changed_on AS changed_at, who, 'status' AS field, old_status AS old, new_status AS new, note, "
        "id AS k, 0 AS src FROM action_event WHERE action_id = ? "
        "UNION ALL SELECT changed_at, who, field, old, new, note, id, 1 FROM audit WHERE table_name = 'action' AND row_id = ? "
        "ORDER BY changed_at DESC, src DESC, k DESC", [int(action_id), str(int(action_id))])
    return df.drop(columns=["k", "src"]).to_dict("records")


def milestone_history(store: Store, milestone_id: int) -> list[dict]:
    df = store.query("SELECT changed_at, who, field, old, new, note FROM audit WHERE table_name = 'milestone' AND row_id = ? "
                     "ORDER BY id DESC", [str(int(milestone_id))])
    return df.to_dict("records")
