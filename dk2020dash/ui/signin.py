"""Sign-in and sign-out in the sidebar, and the helpers pages use to decide what a user may see and do.

Single sign-on (OpenID Connect, e.g. Microsoft Entra ID) through st.login when secrets.toml has an [auth] section;
otherwise local accounts (argon2 hashes in app_user) through a small form. A provider sign-in is the account bound
to its issuer and subject (dk2020dash.auth.provider_user binds it on the first sign-in with the e-mail verified);
a local one the e-mail it signed in with (auth.load_user). No row means viewer. The permission checks themselves live in
dk2020dash/auth.py and are repeated by every write function; hiding a control here is only the first guard.
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dk2020dash import auth as roles
from dk2020dash import config, i18n, labels
from dk2020dash.errors import StoreError
from dk2020dash.ui.context import Context, show_refusal

__all__ = ["SESSION_KEY", "can_edit", "client_key", "is_admin", "is_writer", "md", "oidc_configured", "sign_in",
           "signed_in_email", "signed_in_user"]

AUTH_SECTION = config.secret_key("auth.client_id")[0]  # [auth]: what st.login reads (the entries: config.py)
SESSION_KEY = "_dk2020_signed_in"  # local accounts: the e-mail that signed in, for this browser session


def md(text: object) -> str:
    """User or file text made safe to show inside Markdown (i18n.literal; None as empty)."""
    return i18n.literal("" if text is None else text)


def oidc_configured() -> bool:
    """True when secrets.toml has an [auth] section, so st.login is the way in."""
    try:
        return AUTH_SECTION in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all, or one that does not parse: no single sign-on
        return False


def signed_in_email() -> str | None:
    """The e-mail the sign-in names (the provider's claim as given, or the local account's); not who the user is:
    signed_in_user decides that."""
    if oidc_configured():
        if not st.user.is_logged_in:
            return None
        return st.user.get("email") or st.user.get("preferred_username")
    return st.session_state.get(SESSION_KEY)


def signed_in_user(ctx: Context) -> tuple[roles.User, roles.AuthError | None]:
    """Who is signed in, and the refusal when the provider's identity may not be the account it names (an
    unverified e-mail, an account bound to another identity, a local account): then a viewer. With single sign-on
    the token's claims decide (auth.provider_user: issuer and subject, bound on the first verified sign-in);
    locally the e-mail this browser session signed in with."""
    if not oidc_configured():
        return roles.load_user(ctx.store, st.session_state.get(SESSION_KEY)), None
    if not st.user.is_logged_in:
        return roles.ANONYMOUS, None
    try:
        return roles.provider_user(ctx.store, st.user.to_dict()), None
    except roles.AuthError as exc:
        return roles.ANONYMOUS, exc


def sign_in(ctx: Context) -> roles.User:
    """The sidebar's sign-in (or who is signed in, and sign-out); returns the signed-in user, a viewer if none."""
    oidc = oidc_configured()
    user, refused = signed_in_user(ctx)
    with st.sidebar:
        st.divider()
        if refused is not None:  # signed in at the provider, but not as the account it names: say so, offer sign-out
            show_refusal(ctx, refused, warning=True)
            if st.button(ctx.t("auth.sign_out"), key="auth-sign-out", icon=":material/logout:"):
                st.logout()
        elif user.signed_in:
            # Small text, not st.caption: the e-mail becomes a mailto link (GFM autolinks it whatever the escaping),
            # and a caption's 60 % opacity makes any link colour fail WCAG's 4.5:1 on the sidebar.
            st.markdown(":small[" + ctx.t("auth.signed_in_as", email=md(user.email),
                                          role=labels.role(user.role, ctx.lang)) + "]")
            if st.button(ctx.t("auth.sign_out"), key="auth-sign-out", icon=":material/logout:"):
                if oidc:
                    st.logout()
                else:
                    st.session_state.pop(SESSION_KEY, None)
                    st.rerun()
        elif oidc:
            if st.button(ctx.t("auth.sign_in"), key="auth-sign-in", icon=":material/login:",
                         help=ctx.t("auth.sign_in.help")):
                st.login()
        else:
            with st.expander(ctx.t("auth.sign_in"), icon=":material/login:"):
                with st.form("auth-form", border=False, enter_to_submit=True):
                    email = st.text_input(ctx.t("edit.field.email"), key="auth-email")
                    password = st.text_input(ctx.t("edit.field.password"), type="password", key="auth-password")
                    submitted = st.form_submit_button(ctx.t("auth.sign_in"), key="auth-submit")
                if submitted:
                    try:
                        found = roles.authenticate(ctx.store, email, password, client=client_key())
                    except (roles.AuthError, StoreError) as exc:  # StoreError: e.g. a read-only file or busy writer
                        show_refusal(ctx, exc)
                    else:
                        st.session_state[SESSION_KEY] = found.email
                        st.rerun()
                st.caption(ctx.t("auth.sign_in.help"))
    return user


def client_key() -> str:
    """Who is signing in, for the throttle's per-client limit: the client's address as Streamlit sees it, else (a
    local or proxied connection, where Streamlit gives none) the browser session."""
    address = st.context.ip_address
    if address:
        return f"ip:{address}"
    run = get_script_run_ctx()
    return f"session:{run.session_id if run is not None else ''}"


def can_edit(ctx: Context, municipality: int) -> bool:
    return roles.can_edit(ctx.user, municipality)


def is_admin(ctx: Context) -> bool:
    return roles.is_admin(ctx.user)


def is_writer(ctx: Context) -> bool:
    return roles.is_writer(ctx.user)
