"""Forms that change the database: restore a backup."""
from __future__ import annotations

import logging

import streamlit as st

from dk2020dash import i18n
from dk2020dash.auth import AuthError, require_admin
from dk2020dash.errors import StoreError
from dk2020dash.ui.context import Context, show_refusal
from dk2020dash.ui.tables import restore_contents_frame

__all__ = ["checked_backup", "damaged_restore", "restore_upload"]

_log = logging.getLogger(__name__)


def _made(ctx: Context, created: object) -> str:
    if created is None:
        return ctx.t("exp.restore.unknown_time")
    return f"{i18n.day(created.date(), ctx.lang)} {created:%H:%M}"


def restore_upload(ctx: Context, who: str) -> None:
    """Restore from an uploaded backup: what it holds and when it was made, a warning that it replaces all data,
    and a button that does it. A file that is not an intact backup of this app is refused with the reason, and
    nothing changes. The restore gives the database a new id (Store.data_key), so every cached loader reads the
    restored data on the next run. Over a damaged database (ctx.damaged) the damaged file is kept beside.
    auth.can_restore decides who may (and is asked again at the write)."""
    import io

    from dk2020dash import auth
    from dk2020dash.exports import backup

    done = st.session_state.pop("restore-outcome", None)
    if done is not None:
        st.success(ctx.t("exp.restore.done", file=i18n.literal(done["file"]), when=done["when"]), icon="✅")
        if done.get("kept"):
            st.info(ctx.t("exp.damaged.kept", name=i18n.literal(done["kept"])), icon="ℹ️")
        if done.get("kept_replaced"):
            st.info(ctx.t("exp.restore.kept", name=i18n.literal(done["kept_replaced"])), icon="ℹ️")
    if not auth.can_restore(ctx.user):
        st.info(ctx.t("exp.damaged.not_allowed"), icon="🔒")
        return
    n = st.session_state.get("restore-n", 0)  # a new uploader after each restore: the file is not offered again
    upload = st.file_uploader(ctx.t("exp.restore.file"), key=f"restore-file-{n}")
    if upload is None:
        return
    data = upload.getvalue()
    held = checked_backup(data, upload.name)
    if isinstance(held, backup.BackupError):
        show_refusal(ctx, held, log=False)  # logged once, when checked
        return
    st.write(ctx.t("exp.restore.made", when=_made(ctx, held.created), version=held.data_version))
    now = None if ctx.damaged is not None else ctx.store.table_counts()
    st.dataframe(restore_contents_frame(ctx, held.rows, now), hide_index=True, key="restore-contents")
    st.warning(ctx.t("exp.restore.warning"), icon="⚠️")
    if not st.button(ctx.t("exp.restore.confirm"), type="primary", key="restore-apply", icon=":material/restore:"):
        return
    file = io.BytesIO(data)
    file.name = upload.name
    try:
        require_admin(ctx.user)  # again at the write, not only by hiding the control
        with st.spinner():
            report = backup.restore(ctx.store, file, who=who, replace_damaged=ctx.damaged is not None,
                                    authorize=auth.admin_guard(ctx.user))
    except AuthError as exc:
        show_refusal(ctx, exc)
        return
    except backup.BackupError as exc:
        _log.warning("restore of %s refused: %s", upload.name, exc)
        show_refusal(ctx, exc, log=False)
        return
    except StoreError as exc:
        show_refusal(ctx, exc, instead="exp.restore.failed.plain")
        return
    st.session_state["restore-outcome"] = {"file": upload.name, "when": _made(ctx, held.created),
                                           "kept": report.kept_damaged.name if report.kept_damaged else None,
                                           "kept_replaced": report.kept_replaced.name if report.kept_replaced else None}
    st.session_state["restore-n"] = n + 1
    st.session_state.pop("imp-preview", None)
    st.rerun()


def checked_backup(data: bytes, name: str):
    """backup.contents of an uploaded backup, or the BackupError why it cannot be restored. Checked once per
    file and session (by its sha256): reading a large backup is not repeated on every rerun of the page."""
    import hashlib
    import io

    from dk2020dash.exports import backup

    key = (hashlib.sha256(data).hexdigest(), name)
    cached = st.session_state.get("restore-checked")
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        result = backup.contents(backup.check(io.BytesIO(data), name))
    except backup.BackupError as exc:
        _log.info("uploaded backup %s refused: %s", name, exc)  # the page shows the translated reason only
        result = exc
    st.session_state["restore-checked"] = (key, result)
    return result


def damaged_restore(ctx: Context) -> None:
    """The Data page when the database cannot be opened (context() has shown the store's error): what is wrong and
    how an administrator restores a backup. Not an upload: the roles are in the damaged file, so nobody can be
    known to be an administrator here."""
    st.subheader(ctx.t("exp.damaged.title"))
    st.markdown(ctx.t("exp.damaged.body"))
