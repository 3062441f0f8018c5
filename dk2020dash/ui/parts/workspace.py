"""The secretariat's workspace: the parts of the Indsatser and Milepæle pages (filters, tables, history, the edit
forms). Every form is shown only to a user who may use it, and every save goes through edits.py, which checks the
permission, validates, refuses a stale version and writes the history in the same transaction."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from dk2020dash import edits, i18n, labels
from dk2020dash.auth import AuthError, can_edit
from dk2020dash.domain import ACTION_STATUSES
from dk2020dash.errors import StoreError
from dk2020dash.logs import mask_url
from dk2020dash.metrics.followup import stale_flags
from dk2020dash.ui.context import Context, show_refusal
from dk2020dash.ui.signin import md
from dk2020dash.ui.tables import milestone_states, sector_label

__all__ = [
    "action_detail", "actions_table", "history_frame", "milestone_dates_with_state", "milestone_forms",
    "milestone_list", "milestones_with_state", "region_counts", "status_totals", "table_columns"
]

_log = logging.getLogger(__name__)


# -- actions ------------------------------------------------------------------------------------------------
def status_totals(totals: pd.DataFrame) -> pd.DataFrame:
    """Count and expected 2030 tonnes per status, every status present, from queries.action_totals."""
    grouped = totals.groupby("status").agg(n=("n", "sum"), tonnes=("tonnes", "sum"))
    return grouped.reindex(list(ACTION_STATUSES), fill_value=0)


def actions_table(ctx: Context, actions: pd.DataFrame, today: date) -> pd.DataFrame:
    """The Indsatser table: title, municipality, sector, status, expected 2030 reduction, responsible, dates,
    last update and the stale mark (all text shown as text)."""
    t, lang = ctx.t, ctx.lang

    def days(column: pd.Series) -> pd.Series:
        # Real dates (sortable; date_columns() formats them): Babel for thousands of rows takes most of a second.
        return pd.to_datetime(column)

    stale = stale_flags(actions, today).map({True: t("mun.stale"), False: ""})
    sectors = {c: "–" if c is None or pd.isna(c) else sector_label(c, lang) for c in actions["sector"].unique()}
    return pd.DataFrame({
        t("ov.col.title"): actions["title"],
        t("act.col.municipality"): actions["municipality_name"],
        t("ov.col.sector"): actions["sector"].map(sectors),
        t("ov.col.status"): actions["status"].map({s: labels.status(s, lang) for s in ACTION_STATUSES}),
        t("ov.col.expected"): actions["expected_2030_t"].round(0),
        t("ov.col.responsible"): actions["responsible"].fillna(""),
        t("act.col.start"): days(actions["start_date"]),
        t("act.col.end"): days(actions["end_date"]),
        t("ov.col.updated"): days(actions["last_updated"]),
        t("ov.col.stale"): stale,
    }).reset_index(drop=True)


def table_columns(ctx: Context) -> dict:
    """st.dataframe column_config for the actions table: dates the language's way, tonnes as whole numbers with the
    reader's thousands separator. Formatting thousands of cells in Python (Babel, or a pandas Styler) took about a
    second per run; the browser does it in no time."""
    fmt = "DD.MM.YYYY" if ctx.lang == "da" else "D MMM YYYY"
    config = {ctx.t(k): st.column_config.DateColumn(format=fmt) for k in ("act.col.start", "act.col.end",
                                                                           "ov.col.updated")}
    config[ctx.t("ov.col.expected")] = st.column_config.NumberColumn(format="localized")
    return config


def history_frame(ctx: Context, rows: list[dict]) -> pd.DataFrame:
    """History rows (edits.action_history / milestone_history) as shown: when, who, field, old → new, note."""
    t = ctx.t

    def field(f: str) -> str:
        key = f"edit.field.{f}"
        return t(key) if key in i18n.STRINGS else f

    def value(f: str, v: object) -> str:
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return "–"
        if f == "status" and v in labels.STATUSES:
            return labels.status(v, ctx.lang)
        return str(v)

    return pd.DataFrame({
        t("act.col.when"): [pd.Timestamp(r["changed_at"]).strftime("%Y-%m-%d %H:%M") for r in rows],
        t("act.col.who"): [r["who"] for r in rows],
        t("act.col.field"): [field(r["field"]) for r in rows],
        t("act.col.old"): [value(r["field"], r["old"]) for r in rows],
        t("act.col.new"): [value(r["field"], r["new"]) for r in rows],
        t("act.col.note"): [r["note"] or "" for r in rows],
    })


def _flash(ctx: Context, key: str) -> None:
    """Show (once) what a save left for the next run: its text, or the refusal (shown in the page's language)."""
    shown = st.session_state.pop(key, None)
    if shown is not None:
        kind, said = shown
        if kind == "ok":
            st.success(md(said), icon="✅")
        else:
            show_refusal(ctx, said)


def action_detail(ctx: Context, action_id: int) -> None:
    """An action's facts and its full history; for a user who may change it, the edit form."""
    t = ctx.t
    row = edits.action(ctx.store, action_id)
    if row is None:
        st.warning(t("act.unknown", id=action_id), icon="⚠️")
        return
    with st.container(border=True, key="act-detail"):
        st.subheader(t("act.detail", title=md(row["title"])))
        st.caption(t("act.detail.facts", municipality=md(row["municipality_name"]),
                     status=labels.status(row["status"], ctx.lang), version=row["version"]))
        _flash(ctx, "act-flash")
        st.markdown(f"**{t('act.history')}**")
        history = edits.action_history(ctx.store, action_id)
        if history:
            st.dataframe(history_frame(ctx, history), hide_index=True, key="act-history")
        else:
            st.caption(t("act.history.none"))
        if can_edit(ctx.user, row["municipality"]):
            _action_form(ctx, row)
        elif ctx.user.role != "viewer":
            # Small text, not a caption: the e-mail is autolinked, and a link in a caption is too faint (WCAG 1.4.3).
            st.markdown(":small[" + t("act.no_edit", reason=t("auth.err.scope", email=md(ctx.user.email),
                                                                name=md(row["municipality_name"]))) + "]")


def _action_form(ctx: Context, row: dict) -> None:
    """The edit form. The version it was opened on is kept for the session until a save or a refusal, so a save
    made on an older view of the row is refused (edits.ConflictError) instead of overwriting someone's change."""
    t = ctx.t
    aid = int(row["id"])
    seen_key = f"act-seen-{aid}"
    seen = st.session_state.setdefault(seen_key, {"version": int(row["version"]), "row": row})
    shown = seen["row"]  # the form's defaults are the values the user saw when it opened
    with st.form(f"act-edit-{aid}-{seen['version']}"):
        st.markdown(f"**{t('act.edit')}**")
        c1, c2, c3 = st.columns(3)
        status = c1.selectbox(t("edit.field.status"), ACTION_STATUSES, index=ACTION_STATUSES.index(shown["status"]),
                              format_func=lambda s: labels.status(s, ctx.lang), key=f"act-status-{aid}")
        start = c2.date_input(t("edit.field.start_date"), value=shown["start_date"], key=f"act-start-{aid}",
                              format="DD.MM.YYYY", min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
        end = c3.date_input(t("edit.field.end_date"), value=shown["end_date"], key=f"act-end-{aid}",
                            format="DD.MM.YYYY", min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
        c4, c5 = st.columns(2)
        expected = shown["expected_2030_t"]
        expected = c4.number_input(t("edit.field.expected_2030_t"), value=None if pd.isna(expected) else float(expected),
                                   step=10.0, key=f"act-expected-{aid}")
        responsible = c5.text_input(t("edit.field.responsible"), value=shown["responsible"] or "",
                                    key=f"act-responsible-{aid}")
        note = st.text_area(t("edit.field.note"), key=f"act-note-{aid}", height=68)
        submitted = st.form_submit_button(t("act.save"), type="primary", key=f"act-save-{aid}")
    if not submitted:
        return
    changes = {"status": status, "start_date": start, "end_date": end, "expected_2030_t": expected,
               "responsible": responsible}
    _save(ctx, lambda: edits.edit_action(ctx.store, ctx.user, aid, seen["version"], changes, note), seen_key,
          "act-flash", lambda saved: t("act.saved", version=saved.version))


def _save(ctx: Context, write: Callable[[], object], seen_key: str, flash_key: str,
          saved_text: Callable[[object], str]) -> None:
    """Run an edit and say how it went: saved; refused because someone saved first (the form opens again on the newer
    row); refused as invalid or not allowed; or not stored because the database went away or refused."""
    try:
        saved = write()
    except edits.ConflictError as exc:
        st.session_state.pop(seen_key, None)
        st.session_state[flash_key] = ("error", exc)
        st.rerun()
    except (edits.EditError, AuthError) as exc:
        show_refusal(ctx, exc)
        return
    except StoreError as exc:
        _log.warning("edit not stored: %s", mask_url(exc))
        show_refusal(ctx, exc, instead="edit.not_stored", icon="🔌", log=False)  # read-only, disk full: says so
        return
    st.session_state.pop(seen_key, None)
    st.session_state[flash_key] = ("ok", saved_text(saved))
    st.rerun()


# -- milestones ----------------------------------------------------------------------------------------------
def milestones_with_state(milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    out = milestones.copy()
    out["state"] = milestone_states(milestones, today) if len(milestones) else pd.Series(dtype=object)
    return out


def milestone_dates_with_state(dates: pd.DataFrame, today: date) -> pd.DataFrame:
    """queries.milestone_dates with each group's state (followup.milestone_state)."""
    return milestones_with_state(dates, today)


def milestone_list(ctx: Context, milestones: pd.DataFrame) -> pd.DataFrame:
    """Municipality, milestone, due, done and note as shown."""
    t, lang = ctx.t, ctx.lang

    def day(v: object) -> str:
        return "–" if v is None or pd.isna(v) else i18n.day(pd.Timestamp(v).date(), lang)

    return pd.DataFrame({
        t("act.col.municipality"): milestones["municipality_name"],
        t("ov.col.milestone"): milestones["kind"].map(lambda k: labels.milestone_kind(k, lang)),
        t("ov.col.due"): milestones["due"].map(day),
        t("ov.col.done"): milestones["done"].map(day),
        t("ov.col.note"): milestones["note"].fillna(""),
    }).reset_index(drop=True)


def region_counts(ctx: Context, dates: pd.DataFrame) -> pd.DataFrame:
    """Per region: milestones overdue, due soon, done and upcoming (from milestone_dates_with_state)."""
    table = (pd.crosstab(dates["region"], dates["state"], values=dates["n"], aggfunc="sum") if len(dates)
             else pd.DataFrame(index=pd.Index([], name="region")))
    table = table.reindex(columns=["overdue", "due_soon", "done", "upcoming"]).fillna(0).astype(int)
    table.columns = [labels.milestone_state(c, ctx.lang) for c in table.columns]
    return table.rename_axis(ctx.t("ms.col.region")).reset_index()


def milestone_forms(ctx: Context, milestones: pd.DataFrame) -> None:
    """For an editor: choose one of the shown milestones they may change, then mark it done or move its due date.
    Each save carries the milestone's version as it was when chosen."""
    t = ctx.t
    mine = milestones[[can_edit(ctx.user, m) for m in milestones["municipality"]]]
    if mine.empty:
        return
    _flash(ctx, "ms-flash")
    st.subheader(t("ms.edit"))
    shown = {int(r.id): f"{r.municipality_name} · {labels.milestone_kind(r.kind, ctx.lang)} · {r.due}"
             for r in mine.itertuples()}
    mid = st.selectbox(t("ms.which"), list(shown), format_func=shown.get, key="ms-which")
    if mid is None:
        return
    current = edits.milestone(ctx.store, mid)
    if current is None:
        return
    seen = st.session_state.setdefault(f"ms-seen-{mid}", int(current["version"]))
    history = edits.milestone_history(ctx.store, mid)
    if history:
        st.caption(t("ms.history"))
        st.dataframe(history_frame(ctx, history), hide_index=True, key="ms-history")
    left, right = st.columns(2)
    result = None
    if current["done"] is None:
        with left.form(f"ms-done-{mid}-{seen}"):
            st.markdown(f"**{t('ms.done')}**")
            done = st.date_input(t("edit.field.done"), value=date.today(), max_value=date.today(),
                                 format="DD.MM.YYYY", key=f"ms-done-date-{mid}")
            note = st.text_input(t("edit.field.note"), key=f"ms-done-note-{mid}")
            if st.form_submit_button(t("ms.done"), type="primary", key=f"ms-done-save-{mid}"):
                result = lambda: edits.mark_done(ctx.store, ctx.user, mid, seen, done, note)  # noqa: E731
    with right.form(f"ms-move-{mid}-{seen}"):
        st.markdown(f"**{t('ms.move')}**")
        due = st.date_input(t("edit.field.due"), value=current["due"], format="DD.MM.YYYY",
                            min_value=date(1990, 1, 1), max_value=date(2100, 12, 31), key=f"ms-due-{mid}")
        reason = st.text_input(t("edit.field.reason"), key=f"ms-reason-{mid}")
        if st.form_submit_button(t("ms.move"), key=f"ms-move-save-{mid}"):
            result = lambda: edits.move_due(ctx.store, ctx.user, mid, seen, due, reason)  # noqa: E731
    if result is None:
        return
    _save(ctx, result, f"ms-seen-{mid}", "ms-flash", lambda _saved: t("ms.saved"))

