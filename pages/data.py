"""Data: upload a file of any kind, see what would change (a dry run), then apply it with one button; export
every table, back up the database, and restore a backup."""
import hashlib

import streamlit as st

from dk2020dash import i18n, labels
from dk2020dash.auth import AuthError, admin_guard, require_admin
from dk2020dash.domain import happened_range
from dk2020dash.errors import StoreError
from dk2020dash.ingest import KINDS, ImportResult, PreviewMoved, run_import
from dk2020dash.ui import context, forms, loaders, shell, signin, tables, widgets

ctx = shell.page_setup(allow_damaged=True)
st.title(ctx.t("data.title"))
if ctx.damaged is not None:  # the database cannot be opened: nothing to import into or export, only a restore helps
    forms.damaged_restore(ctx)
    st.stop()
st.write(ctx.t("data.intro"))

# Imports and restores are an admin's (auth.can_import / can_restore); everyone else sees no control for them. The
# import log and the restore record the signed-in admin's e-mail, never a typed name.
admin = signin.is_admin(ctx)
who = ctx.user.email or ""
upload = None
edition, published, into = "", None, None
if admin:
    kind = st.selectbox(ctx.t("imp.kind"), tuple(KINDS), format_func=lambda k: ctx.t(f"imp.kind.{k}"), key="imp-kind")
    st.caption(ctx.t(f"imp.kind.help.{kind}"))
    upload = st.file_uploader(ctx.t("imp.file"), type=["csv", "txt", "xlsx"], key="imp-file")
    if kind == "inventory":
        # A new edition covers the municipalities in the file; a correction puts the rows into an existing edition.
        real = loaders.load_editions(ctx)
        real = real.loc[~real["is_demo"], "name"].tolist()
        mode = "new"
        if real:
            mode = st.radio(ctx.t("imp.mode"), ("new", "correction"), format_func=lambda m: ctx.t(f"imp.mode.{m}"),
                            horizontal=True, key="imp-mode")
        if mode == "correction":
            into = st.selectbox(ctx.t("imp.into_edition"), real, key="imp-into", help=ctx.t("imp.into_edition.help"))
        else:
            edition = st.text_input(ctx.t("imp.edition"), key="imp-edition", help=ctx.t("imp.edition.help")).strip()
            first, last = happened_range()  # run_import refuses any other (a date far ahead shadows every edition)
            published = st.date_input(ctx.t("imp.published"), value=None, format="YYYY-MM-DD", key="imp-published",
                                      help=ctx.t("imp.published.help"), min_value=first, max_value=last)
else:
    st.info(ctx.t("auth.admin_only"), icon="🔒")


def show_problems(report: ImportResult) -> None:
    st.error(ctx.t("imp.rejected", count=len(report.problems) + report.more_problems), icon="🚫")
    table = report.problem_frame(ctx.lang).rename(columns={c: ctx.t(f"imp.col.{c}") for c in ("row", "column", "value",
                                                                                        "expected")})
    st.dataframe(table, hide_index=True, width="stretch", key="imp-problems")
    widgets.download_table(ctx, table, "importproblemer")  # to work through the file's problems in Excel
    if report.more_problems:
        st.caption(ctx.t("imp.more", count=report.more_problems))


def show_summary(report: ImportResult) -> None:
    s = report.summary
    st.subheader(ctx.t("imp.preview"))
    st.success(ctx.t("imp.valid", count=s.rows), icon="✅")
    if s.edition:
        st.write(ctx.t("imp.edition_correction" if s.correction else "imp.edition_new", name=i18n.literal(s.edition)))
    for warning in s.warning_texts(ctx.lang):
        st.warning(warning, icon="⚠️")
    with st.container(horizontal=True, key="imp-counts"):
        for key, value in (("rows", s.rows), ("added", s.added), ("changed", s.changed),
                           ("unchanged", s.unchanged), ("replaced", s.replaced), ("demo_removed", s.demo_removed)):
            st.metric(ctx.t(f"imp.{key}"), i18n.number(value, ctx.lang))
    if s.demo_removed:
        st.warning(ctx.t("imp.demo_note", count=s.demo_removed), icon="ℹ️")
    if s.notes:
        st.markdown(f"**{ctx.t('imp.notes')}:** " + " · ".join(s.note_texts(ctx.lang)))
    if len(s.municipalities):
        st.write(ctx.t("imp.per_municipality"))
        per = s.municipalities.rename(columns={"municipality": ctx.t("imp.col.municipality"),
                                               "name": ctx.t("imp.col.name"), "rows": ctx.t("imp.rows"),
                                               "added": ctx.t("imp.added"), "changed": ctx.t("imp.changed"),
                                               "unchanged": ctx.t("imp.unchanged")})
        st.dataframe(per, hide_index=True, width="stretch", key="imp-per-municipality")
        widgets.download_table(ctx, per, "import-pr-kommune")
    if len(s.headlines):
        st.write(ctx.t("imp.headlines"))
        st.caption(ctx.t("imp.headlines.caption"))
        editions = loaders.load_editions(ctx)
        names = dict(zip(editions["id"].astype(int), editions["name"]))
        heads = tables.import_headlines_frame(ctx, s.headlines, names)
        st.dataframe(heads, hide_index=True, width="stretch", key="imp-headlines")
        widgets.download_table(ctx, heads, "import-foer-efter")
    if len(s.status_changes):
        st.write(ctx.t("imp.status_changes"))
        changes = s.status_changes.copy()
        for c in ("old_status", "new_status"):
            changes[c] = changes[c].map(lambda v: labels.status(v, ctx.lang) if isinstance(v, str) else "–")
        st.dataframe(changes, hide_index=True, width="stretch", key="imp-status-changes")
        widgets.download_table(ctx, changes, "import-statusaendringer")
    st.write(ctx.t("imp.first_rows"))
    st.dataframe(report.preview, hide_index=True, width="stretch", key="imp-first-rows")


outcome = st.session_state.pop("imp-outcome", None)
if outcome is not None:
    st.success(ctx.t("imp.done", file=i18n.literal(outcome["file"]), message=i18n.literal(outcome["message"])),
               icon="✅")

if upload is not None:
    data = upload.getvalue()
    chosen = (hashlib.sha256(data).hexdigest(), upload.name, kind, edition, published, into)
    key = (*chosen, ctx.version)
    # The preview the admin saw: shown in the run before the one where they clicked Indlæs, so read before this
    # run may show a newer one. The import applies it or nothing (run_import's expect_data_key).
    shown = st.session_state.get("imp-shown")
    cached = st.session_state.get("imp-preview")
    try:
        if cached is None or cached[0] != key:
            with st.spinner():
                report = run_import(ctx.store, kind, data, upload.name, edition_name=edition or None, dry_run=True,
                                    who=who, published=published, into_edition=into)
            st.session_state["imp-preview"] = (key, report)
        else:
            report = cached[1]
    except StoreError as exc:
        context.show_refusal(ctx, exc)
        st.stop()
    if report.duplicate:
        st.info(ctx.t("imp.duplicate", message=i18n.literal(report.message)), icon="ℹ️")
    elif not report.ok:
        show_problems(report)
    else:
        show_summary(report)
        st.session_state["imp-shown"] = (chosen, report.data_key)
        if st.button(ctx.t("imp.apply"), type="primary", key="imp-apply", icon=":material/upload:"):
            seen = shown[1] if shown is not None and shown[0] == chosen else ""
            try:
                require_admin(ctx.user)  # again at the write (and inside it: admin_guard), not only by hiding the control
                done = run_import(ctx.store, kind, data, upload.name, edition_name=edition or None, who=who,
                                  published=published, into_edition=into, expect_data_key=seen,
                                  authorize=admin_guard(ctx.user))
            except PreviewMoved as exc:
                # Nothing written. The preview above is this run's, made on the data as it is now (a write since
                # the last run changed ctx.version); should one land even later, the next click is refused again.
                context.show_refusal(ctx, exc, warning=True, icon="⚠️")
                done = None
            except AuthError as exc:
                context.show_refusal(ctx, exc)
                st.stop()
            except StoreError as exc:
                context.show_refusal(ctx, exc, instead="imp.failed.plain")
                st.stop()
            if done is not None and done.ok:
                st.session_state["imp-outcome"] = {"file": upload.name, "message": done.message}
                st.session_state.pop("imp-preview", None)
                st.rerun()
            if done is not None:
                show_problems(done)

st.divider()
st.subheader(ctx.t("exp.title"))
st.write(ctx.t("exp.body"))
widgets.export_downloads(ctx)

if admin:
    st.subheader(ctx.t("exp.restore"))
    st.write(ctx.t("exp.restore.body"))
    forms.restore_upload(ctx, who)
