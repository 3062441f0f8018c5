"""Forms that change the database: restore a backup."""
from __future__ import annotations

import streamlit as st

from .. import i18n
from ..store import StoreError
from .context import Context
from .tables import restore_contents_frame


def _made(ctx: Context, created: object) -> str:
    if created is None:
        return ctx.t("exp.restore.unknown_time")
    return f"{i18n.day(created.date(), ctx.lang)} {created:%H:%M}"


def restore_upload(ctx: Context, who: str) -> None:
    """Restore from an uploaded backup: what it holds and when it was made, a warning that it replaces all data,
    and a button that does it. A file that is not an intact backup of this app is refused with the reason, and
    nothing changes. The restore gives the database a data version above any it had, so every cached loader
    reads the restored data on the next run."""
    import io

    from .. import backup

    done = st.session_state.pop("restore-outcome", None)
    if done is not None:
        st.success(ctx.t("exp.restore.done", file=done["file"], when=done["when"]), icon="✅")
    n = st.session_state.get("restore-n", 0)  # a new uploader after each restore: the file is not offered again
    upload = st.file_uploader(ctx.t("exp.restore.file"), key=f"restore-file-{n}")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        held = backup.contents(backup.read_manifest(data, upload.name)[0])
    except backup.BackupError as exc:
        reason = ctx.t(f"exp.restore.reason.{exc.reason}", **exc.values)
        st.error(ctx.t("exp.restore.refused", file=upload.name, reason=reason), icon="🚫")
        st.caption(ctx.t("exp.restore.detail", message=str(exc)))
        return
    st.write(ctx.t("exp.restore.made", when=_made(ctx, held.created), version=held.data_version))
    st.dataframe(restore_contents_frame(ctx, held.rows, ctx.store.table_counts()), hide_index=True,
                 key="restore-contents")
    st.warning(ctx.t("exp.restore.warning"), icon="⚠️")
    if not st.button(ctx.t("exp.restore.confirm"), type="primary", key="restore-apply", icon=":material/restore:"):
        return
    file = io.BytesIO(data)
    file.name = upload.name
    try:
        with st.spinner():
            backup.restore(ctx.store, file, who=who)
    except backup.BackupError as exc:
        reason = ctx.t(f"exp.restore.reason.{exc.reason}", **exc.values)
        st.error(ctx.t("exp.restore.refused", file=upload.name, reason=reason), icon="🚫")
        st.caption(ctx.t("exp.restore.detail", message=str(exc)))
        return
    except StoreError as exc:
        st.error(ctx.t("exp.restore.failed", message=str(exc)), icon="🚫")
        return
    st.session_state["restore-outcome"] = {"file": upload.name, "when": _made(ctx, held.created)}
    st.session_state["restore-n"] = n + 1
    st.session_state.pop("imp-preview", None)
    st.rerun()


