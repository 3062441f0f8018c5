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

def account_action(emails: list[str], name: str, act, done: str, help_key: str | None = None) -> None:
    """A heading, an account to pick and a button that runs act(store, admin, email) (auth's own check refuses
    with the reason); on success the page reruns with `done` as its message."""
    if not emails:
        return
    st.subheader(t(f"users.{name}"))
    if help_key:
        st.caption(t(help_key))
    email = st.selectbox(t("edit.field.email"), emails, index=None, key=f"users-{name}",
                         placeholder=t("users.remove.placeholder"))
    if email and st.button(t(f"users.{name}.button"), key=f"users-{name}-button"):
        try:
            act(ctx.store, ctx.user, email)
        except auth.AuthError as exc:
            context.show_refusal(ctx, exc)
        else:
            st.session_state["users-flash"] = t(done, email=signin.md(email))
            st.rerun()


account_action([e for e in users["email"] if e != ctx.user.email], "remove", auth.revoke, "users.removed")
account_action(users.loc[users["identity"].notna(), "email"].tolist(), "unbind", auth.reset_identity,
               "users.unbound", help_key="users.unbind.help")
