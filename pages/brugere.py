"""Brugere: who may change what. Admins grant and remove roles; everyone else reads that only admins can."""
import streamlit as st

from dk2020dash import auth, labels, names
from dk2020dash.domain import REGIONS
from dk2020dash.ui import context, loaders, shell, signin

ctx = shell.page_setup()
t = ctx.t
st.title(t("users.title"))
st.write(t("users.intro"))
if not signin.is_admin(ctx):
    st.info(t("auth.err.admin"), icon="🔒")
    st.stop()

done = st.session_state.pop("users-flash", None)
if done:
    st.success(done, icon="✅")  # built with signin.md around the e-mail
users = auth.list_users(ctx.store)
if users.empty:
    st.caption(t("users.none"))
else:
    st.dataframe(users.rename(columns={
        "email": t("edit.field.email"), "role": t("users.role"), "regions": t("users.regions"),
        "municipalities": t("users.municipalities"), "local_password": t("users.col.local"),
        "granted_by": t("users.col.granted_by"), "granted_at": t("users.col.granted_at"),
        "identity": t("users.col.identity"), "bound_at": t("users.col.bound_at")}),
        hide_index=True, key="users-table")

munis = loaders.load_municipalities(ctx)
with st.form("users-grant"):
    st.subheader(t("users.grant"))
    email = st.text_input(t("edit.field.email"), key="users-email")
    role = st.selectbox(t("users.role"), auth.ROLES, format_func=lambda r: labels.role(r, ctx.lang), key="users-role")
    regions = st.multiselect(t("users.regions"), REGIONS, key="users-regions")
    chosen = st.multiselect(t("users.municipalities"), sorted(munis["name"], key=names.danish_sort_key),
                            key="users-municipalities")
    password = st.text_input(t("users.password"), type="password", key="users-password")
    if st.form_submit_button(t("users.save"), type="primary", key="users-save"):
        try:
            user = auth.grant(ctx.store, ctx.user, email, role, regions=regions, municipalities=chosen,
                              password=password or None)
        except auth.AuthError as exc:
            context.show_refusal(ctx, exc)
        else:
            st.session_state["users-flash"] = t("users.saved", email=signin.md(user.email),
                                                role=labels.role(user.role, ctx.lang))
            st.rerun()

others = [e for e in users["email"] if e != ctx.user.email]
if others:
    st.subheader(t("users.remove"))
    gone = st.selectbox(t("edit.field.email"), others, index=None, key="users-remove",
                        placeholder=t("users.remove.placeholder"))
    if gone and st.button(t("users.remove.button"), key="users-remove-button"):
        try:
            auth.revoke(ctx.store, ctx.user, gone)
        except auth.AuthError as exc:
            context.show_refusal(ctx, exc)
        else:
            st.session_state["users-flash"] = t("users.removed", email=signin.md(gone))
            st.rerun()

bound = users.loc[users["identity"].notna(), "email"].tolist()
if bound:
    st.subheader(t("users.unbind"))
    st.caption(t("users.unbind.help"))
    unbind = st.selectbox(t("edit.field.email"), bound, index=None, key="users-unbind",
                          placeholder=t("users.remove.placeholder"))
    if unbind and st.button(t("users.unbind.button"), key="users-unbind-button"):
        try:
            auth.reset_identity(ctx.store, ctx.user, unbind)
        except auth.AuthError as exc:
            context.show_refusal(ctx, exc)
        else:
            st.session_state["users-flash"] = t("users.unbound", email=signin.md(unbind))
            st.rerun()
