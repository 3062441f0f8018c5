"""Roles and permissions as plain functions (DESIGN.md section 7), argon2 password hashes, and the user table.

A viewer is anyone (signed in or not) without a row in app_user: reads everything, changes nothing. An editor
changes actions and milestones of the municipalities in their scope (given municipalities and/or whole regions).
An admin may do everything: edit anywhere, import, restore and grant roles. No Streamlit here; the pages ask these
functions, and the write functions (edits.py, grant/revoke here) ask them again, so a hidden button is never the
only guard. This module owns the writes to app_user and app_user_scope (each with its audit rows).
"""
from __future__ import annotations

import hashlib
import logging
import re
import time
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from dk2020dash.db.store import Store
from dk2020dash.domain import REGIONS, parse_id
from dk2020dash.errors import Rejected

VIEWER, EDITOR, ADMIN = "viewer", "editor", "admin"
ROLES: tuple[str, ...] = (EDITOR, ADMIN)  # the roles stored in app_user; everyone else is a viewer
MIN_PASSWORD_LENGTH = 10
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_HASHER = PasswordHasher()  # argon2id with the library's current defaults
# A hash of a password nobody knows: a sign-in attempt for an unknown e-mail verifies against it, so it takes as
# long as one for a known e-mail and the answer does not tell which e-mails have accounts.
_DUMMY_HASH = _HASHER.hash("ingen-bruger-har-denne-adgangskode")

log = logging.getLogger(__name__)


class AuthError(Rejected):
    """A refused grant, sign-in or permission: an auth.err.* key and its values (errors.Refusal); str() is the
    Danish message."""


@dataclass(frozen=True)
class User:
    """Who is using the app or the CLI: e-mail (None when not signed in), role, and the municipality codes they may
    edit (regions expanded). Build one with load_user; never from a text field the user typed."""

    email: str | None
    role: str = VIEWER
    regions: tuple[str, ...] = ()
    municipalities: tuple[int, ...] = ()  # granted one by one
    codes: frozenset[int] = field(default_factory=frozenset)  # everything in scope, regions included
    via: str | None = None  # who acts for the user: the command line, 'cli:<os user>' (see on_command_line)
    operator: bool = False  # the CLI's operator (cli_admin): a role from opening the file, not from app_user

    @property
    def signed_in(self) -> bool:
        return self.email is not None

    @property
    def who(self) -> str | None:
        """The name a write records: the e-mail, or 'cli:<os user> as <e-mail>' for the command line."""
        return f"{self.via} as {self.email}" if self.via else self.email


ANONYMOUS = User(None)


# -- permissions ------------------------------------------------------------------------------------
def is_writer(user: User) -> bool:
    """May change anything at all (decides whether a page shows write controls)."""
    return user.role in ROLES


def is_admin(user: User) -> bool:
    return user.role == ADMIN


def can_edit(user: User, municipality: int) -> bool:
    """May change the actions and milestones of this municipality."""
    return user.role == ADMIN or (user.role == EDITOR and int(municipality) in user.codes)


def can_import(user: User) -> bool:
    return is_admin(user)


def can_restore(user: User) -> bool:
    return is_admin(user)


def can_grant(user: User) -> bool:
    return is_admin(user)


def require_edit(user: User, municipality: int, name: str) -> None:
    """Raise AuthError unless the user may change this municipality's actions and milestones."""
    if not is_writer(user):
        raise AuthError("auth.err.viewer")
    if not can_edit(user, municipality):
        raise AuthError("auth.err.scope", email=user.email, name=name)


def require_admin(user: User) -> None:
    if not is_admin(user):
        raise AuthError("auth.err.admin")


# -- passwords --------------------------------------------------------------------------------------
def hash_password(password: str) -> str:
    """An argon2id hash of a password (the password itself is never stored)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError("auth.err.short_password", count=MIN_PASSWORD_LENGTH)
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if the password matches the hash; False for a wrong password, no hash or a damaged hash."""
    try:
        return _HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class Throttle:
    """Slows down guessing of local passwords, with its state in the database (signin_attempt), so every app process
    and server counts the same attempts. Each attempt is reserved before its password is checked, in one
    transaction that counts the recent attempts and inserts the reservation (Store.state_transaction: under the
    writers' lock on the file, a table lock on PostgreSQL), so attempts made at the same moment are counted one
    after the other; a reservation counts as a failure until its sign-in succeeds. An attempt waits when any of
    three limits is reached:

    - per e-mail: after n failures in a row (since its last success) the next waits 1, 2, 4 ... seconds after the
      last (at most MAX_WAIT);
    - per client (the address Streamlit gives, else the browser session): CLIENT_LIMIT failures in CLIENT_WINDOW;
    - in total: GLOBAL_LIMIT failures in GLOBAL_WINDOW, whoever made them.

    A refused attempt is not recorded. Rows older than RETENTION go, and beyond MAX_ROWS the oldest go (never all):
    the global limit keeps the failures of one RETENTION below MAX_ROWS, so eviction by count takes successes only.
    The clock (seconds since 1970, shared by the servers) is injectable for tests."""

    MAX_WAIT = 300.0
    CLIENT_LIMIT, CLIENT_WINDOW = 10, 600.0
    GLOBAL_LIMIT, GLOBAL_WINDOW = 300, 300.0
    RETENTION = 3600.0
    MAX_ROWS = 10_000

    def __init__(self, clock=time.time, **limits: float):
        self._clock = clock
        for name, value in limits.items():  # e.g. Throttle(CLIENT_LIMIT=3) in a test
            if not hasattr(Throttle, name):
                raise TypeError(name)
            setattr(self, name, value)

    def reserve(self, store: Store, email: str, client: str | None) -> str:
        """Reserve an attempt for this e-mail from this client: its token, or AuthError (auth.err.wait) saying how
        long to wait. The reservation counts as a failure until succeeded(token)."""
        now = float(self._clock())
        email_key, client_key = _key("email", normalise_email_loose(email)), _key("client", client or "")
        with store.state_transaction() as con:
            self._evict(con, now)
            n, last = con.execute(
                "SELECT count(*), max(tried_at) FROM signin_attempt WHERE email_key = ? AND NOT ok AND tried_at >= "
                "coalesce((SELECT max(tried_at) FROM signin_attempt WHERE email_key = ? AND ok), -1)",
                [email_key, email_key]).fetchone()
            wait = float(last) + min(self.MAX_WAIT, 2.0 ** (int(n) - 1)) - now if n else 0.0
            for where, params, limit, window in (
                    ("client_key = ?", [client_key], self.CLIENT_LIMIT, self.CLIENT_WINDOW),
                    ("true", [], self.GLOBAL_LIMIT, self.GLOBAL_WINDOW)):
                n, first = con.execute(
                    f"SELECT count(*), min(tried_at) FROM signin_attempt WHERE {where} AND NOT ok "  # noqa: S608 - fixed SQL fragments
                    "AND tried_at > ?", [*params, now - window]).fetchone()
                if int(n) >= limit:
                    wait = max(wait, float(first) + window - now)
            if wait > 0:
                raise AuthError("auth.err.wait", count=int(wait) + 1)
            token = uuid.uuid4().hex
            con.execute("INSERT INTO signin_attempt (token, email_key, client_key, tried_at, ok) "
                        "VALUES (?, ?, ?, ?, false)", [token, email_key, client_key, now])
        return token

    def _evict(self, con, now: float) -> None:
        con.execute("DELETE FROM signin_attempt WHERE tried_at < ?", [now - self.RETENTION])
        extra = int(con.execute("SELECT count(*) FROM signin_attempt").fetchone()[0]) - int(self.MAX_ROWS) + 1
        if extra > 0:  # room for one more: the oldest go, the newest MAX_ROWS - 1 stay
            con.execute("DELETE FROM signin_attempt WHERE token IN (SELECT token FROM signin_attempt "
                        "ORDER BY tried_at, token LIMIT ?)", [extra])

    def succeeded(self, store: Store, token: str) -> None:
        """The reserved attempt signed in: it no longer counts, and the e-mail's failures before it are forgiven."""
        with store.state_transaction() as con:
            con.execute("UPDATE signin_attempt SET ok = true WHERE token = ?", [token])


def _key(kind: str, text: str) -> str:
    """What signin_attempt holds instead of an e-mail or a client address."""
    return hashlib.sha256(f"{kind}:{text}".encode()).hexdigest()[:32]


THROTTLE = Throttle()


def authenticate(store: Store, email: str, password: str, throttle: Throttle = THROTTLE,
                 client: str | None = None) -> User:
    """Sign in with a local account: the user, or AuthError (wrong e-mail or password, or too many tries: wait).
    The attempt is reserved (throttle.reserve) before the password is checked. The answer is the same for an
    unknown e-mail as for a wrong password. `client`: the client's address, else its session."""
    key = normalise_email(email)  # a look-alike or invisible character is refused with the reason
    token = throttle.reserve(store, key, client)
    row = store.query("SELECT password_hash FROM app_user WHERE email = ?", [key])
    stored = None if row.empty else row.iloc[0, 0]
    if not verify_password(None if pd.isna(stored) else stored, password):
        raise AuthError("auth.err.bad_login")
    throttle.succeeded(store, token)
    return load_user(store, key)


# -- the user table -----------------------------------------------------------------------------------
def normalise_email_loose(text: str) -> str:
    return (text or "").strip().lower()


def normalise_email(text: str | None) -> str:
    """The one spelling of an e-mail wherever one enters (the CLI, the Brugere form, every sign-in): Unicode NFKC
    (a full-width or ligature letter becomes the plain one), surrounding spaces stripped, lower case. Then it must be
    plain ASCII: an invisible character (a zero-width space, a control or format character, a space inside) or a
    non-ASCII letter (a Cyrillic 'с' that looks like a Latin 'c') is refused, naming it, so two accounts can never
    look alike. An internationalised domain is written in its ASCII form (xn--...). AuthError otherwise."""
    raw = text or ""
    email = unicodedata.normalize("NFKC", raw).strip().lower()
    shown = "".join(ch for ch in raw if ch.isprintable() and not ch.isspace())[:80]
    for ch in email:
        if ch.isascii() and ch.isprintable() and not ch.isspace():
            continue
        code = f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
        if ch.isspace() or not ch.isprintable() or unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            raise AuthError("auth.err.email_invisible", email=shown, char=code)
        raise AuthError("auth.err.email_lookalike", email=shown, char=ch, code=code)
    if not _EMAIL.match(email) or len(email) > 254:
        raise AuthError("auth.err.email", email=raw.strip()[:80])
    return email


def load_user(store: Store, email: str | None) -> User:
    """The user behind a signed-in e-mail: their role and scope, or a viewer when the e-mail has no row."""
    if not email:
        return ANONYMOUS
    with store.connection() as con:
        return _read_user(con, normalise_email_loose(email))


def _with_scope(store: Store, row: pd.DataFrame) -> User:
    """The user of an app_user row (its e-mail first) with their role and scope."""
    with store.connection() as con:
        return _read_user(con, str(row.iloc[0, 0]))


def _read_user(con, key: str) -> User:
    """The user as `con` holds them (portable SQL with ? parameters: also PostgreSQL through db's Qmark)."""
    row = con.execute("SELECT role FROM app_user WHERE email = ?", [key]).fetchone()
    if row is None:
        return User(key)
    scope = con.execute("SELECT region, municipality FROM app_user_scope WHERE email = ?", [key]).fetchall()
    regions = tuple(sorted(r for r, _ in scope if r is not None))
    munis = tuple(sorted(int(m) for _, m in scope if m is not None))
    codes = {int(c) for c, region in con.execute("SELECT code, region FROM municipality").fetchall()
             if region in regions or int(c) in munis}
    return User(key, str(row[0]), regions, munis, frozenset(codes))


# -- the actor, again inside a write ---------------------------------------------------------------------
def current(con, user: User) -> User:
    """The user's role and scope as the write's own transaction holds them (`con`: the transaction's connection, or
    None when there is no database to read). A page reads the user at the start of its run; a write asks again here,
    so a role removed or narrowed meanwhile (on any server) no longer holds. The CLI's operator (cli_admin) holds
    no row: their right comes from opening the file, and stays."""
    if user.operator:
        return user
    if user.email is None or con is None:
        return ANONYMOUS if user.email is None else User(user.email)
    return _read_user(con, user.email)


def _still(check, con, user: User, *args) -> User:
    """check(user, *args) on the user as the write sees them now: the refusal a page's user gets anyway, or
    auth.err.changed when the role they opened the page with allowed it and it no longer does."""
    now = current(con, user)
    try:
        check(now, *args)
    except AuthError:
        try:
            check(user, *args)
        except AuthError:
            raise
        raise AuthError("auth.err.changed", email=user.email or "") from None
    return now


def require_edit_now(con, user: User, municipality: int, name: str) -> User:
    """require_edit inside the write's transaction, on the user as it holds them now."""
    return _still(require_edit, con, user, municipality, name)


def require_admin_now(con, user: User) -> User:
    """require_admin inside the write's transaction, on the user as it holds them now."""
    return _still(require_admin, con, user)


def admin_guard(user: User):
    """What an import or a restore asks inside its write (run_import's and backup.restore's `authorize`): the user
    is still an admin."""
    def guard(con) -> None:
        require_admin_now(con, user)
    return guard


def _keep_an_admin(con, email: str) -> None:
    """Refuse to remove or demote the last admin (checked inside the write, so two at once cannot both pass)."""
    others = con.execute("SELECT count(*) FROM app_user WHERE role = ? AND email <> ?", [ADMIN, email]).fetchone()[0]
    if int(others) == 0:
        raise AuthError("auth.err.last_admin", email=email)


def resolve_municipalities(store: Store, names_or_codes: Iterable[str | int]) -> list[int]:
    """Municipality codes for names (any case) or codes; AuthError naming the first unknown one."""
    munis = store.query("SELECT code, name FROM municipality")
    by_name = {str(n).casefold(): int(c) for c, n in zip(munis["code"], munis["name"], strict=True)}
    known = set(by_name.values())
    out: list[int] = []
    for item in names_or_codes:
        text = str(item).strip()
        code = parse_id(text) if parse_id(text) in known else by_name.get(text.casefold())
        if code is None:
            raise AuthError("auth.err.municipality", name=text[:80])
        if code not in out:
            out.append(code)
    return out


def _scope_text(regions: Sequence[str], codes: Sequence[int]) -> str | None:
    parts = [f"region:{r}" for r in sorted(regions)] + [str(c) for c in sorted(codes)]
    return ", ".join(parts) or None


def list_users(store: Store) -> pd.DataFrame:
    """Every user with a role: e-mail, role, scope (regions and municipality names), whether a local password is set,
    who granted it and when, and the provider identity it is bound to (issuer · subject) and since when. Never the
    hash."""
    return store.query(
        "SELECT u.email, u.role, "
        "string_agg(s.region, ', ' ORDER BY s.region) FILTER (WHERE s.region IS NOT NULL) AS regions, "
        "string_agg(m.name, ', ' ORDER BY m.name) FILTER (WHERE s.municipality IS NOT NULL) AS municipalities, "
        "u.password_hash IS NOT NULL AS local_password, u.granted_by, u.granted_at, "
        "u.idp_issuer || ' · ' || u.idp_subject AS identity, u.idp_bound_at AS bound_at "
        "FROM app_user u LEFT JOIN app_user_scope s ON s.email = u.email "
        "LEFT JOIN municipality m ON m.code = s.municipality "
        "GROUP BY ALL ORDER BY u.email")


def grant(store: Store, by: User, email: str, role: str, *, regions: Sequence[str] = (),
          municipalities: Sequence[str | int] = (), password: str | None = None) -> User:
    """Give (or change) a user's role and scope, and set a local password if one is given; only an admin may.
    Writes the user, the scope and their audit rows in one transaction; returns the user as now stored."""
    require_admin(by)
    email = normalise_email(email)
    if role not in ROLES:
        raise AuthError("auth.err.role", role=str(role)[:40])
    bad = [r for r in regions if r not in REGIONS]
    if bad:
        raise AuthError("auth.err.region", region=str(bad[0])[:40], regions=", ".join(REGIONS))
    codes = resolve_municipalities(store, municipalities)
    if role == EDITOR and not regions and not codes:
        raise AuthError("auth.err.no_scope")
    if role == ADMIN:
        regions, codes = (), []  # an admin may change everything; a scope would only mislead
    if by.email == email and role != ADMIN:
        raise AuthError("auth.err.self")
    new_hash = hash_password(password) if password is not None else None
    new_scope = _scope_text(regions, codes)
    with store.transaction() as con:
        require_admin_now(con, by)
        old = con.execute("SELECT role, password_hash IS NOT NULL, idp_issuer || ' ' || idp_subject FROM app_user "
                          "WHERE email = ?", [email]).fetchone()
        if old is not None and old[0] == ADMIN and role != ADMIN:
            _keep_an_admin(con, email)
        old_scope = con.execute(
            "SELECT list(region) FILTER (WHERE region IS NOT NULL), list(municipality) FILTER "
            "(WHERE municipality IS NOT NULL) FROM app_user_scope WHERE email = ?", [email]).fetchone()
        old_scope_text = _scope_text(old_scope[0] or [], old_scope[1] or []) if old else None
        if old is None:
            con.execute("INSERT INTO app_user (email, role, password_hash, granted_by) VALUES (?, ?, ?, ?)",
                        [email, role, new_hash, by.email])
        else:
            # A local password makes it a local account, which the provider never reaches: any binding goes.
            con.execute("UPDATE app_user SET role = ?, granted_by = ?, granted_at = current_timestamp, "
                        "password_hash = coalesce(?, password_hash), idp_issuer = CASE WHEN ? THEN NULL ELSE "
                        "idp_issuer END, idp_subject = CASE WHEN ? THEN NULL ELSE idp_subject END, idp_bound_at = "
                        "CASE WHEN ? THEN NULL ELSE idp_bound_at END WHERE email = ?",
                        [role, by.email, new_hash, *[new_hash is not None] * 3, email])
        con.execute("DELETE FROM app_user_scope WHERE email = ?", [email])
        scope_rows = [(email, r, None) for r in regions] + [(email, None, c) for c in codes]
        if scope_rows:
            con.executemany("INSERT INTO app_user_scope (email, region, municipality) VALUES (?, ?, ?)", scope_rows)
        changes = []
        if old is None or old[0] != role:
            changes.append(("role", None if old is None else old[0], role))
        if old_scope_text != new_scope:
            changes.append(("scope", old_scope_text, new_scope))
        if new_hash is not None:  # the fact, never the hash
            changes.append(("password", "set" if old is not None and old[1] else None, "set"))
            if old is not None and old[2] is not None:
                changes.append(("identity", old[2], None))
        _audit_user(con, email, changes, by.email)
    return load_user(store, email)


def revoke(store: Store, by: User, email: str) -> None:
    """Remove a user's role (they become a viewer; a local account loses its password); only an admin may."""
    require_admin(by)
    email = normalise_email_loose(email)
    if by.email == email:
        raise AuthError("auth.err.self")
    with store.transaction() as con:
        old = con.execute("SELECT role FROM app_user WHERE email = ?", [email]).fetchone()
        require_admin_now(con, by)
        if old is None:
            raise AuthError("auth.err.unknown_user", email=email[:80])
        if old[0] == ADMIN:
            _keep_an_admin(con, email)
        old_scope = con.execute(
            "SELECT list(region) FILTER (WHERE region IS NOT NULL), list(municipality) FILTER "
            "(WHERE municipality IS NOT NULL) FROM app_user_scope WHERE email = ?", [email]).fetchone()
        con.execute("DELETE FROM app_user_scope WHERE email = ?", [email])
        con.execute("DELETE FROM app_user WHERE email = ?", [email])
        changes = [("role", old[0], None)]
        scope = _scope_text(old_scope[0] or [], old_scope[1] or [])
        if scope:
            changes.append(("scope", scope, None))
        _audit_user(con, email, changes, by.email)


def _audit_user(con, email: str, changes: list[tuple[str, str | None, str | None]], who: str) -> None:
    if changes:
        con.executemany("INSERT INTO audit (table_name, row_id, field, old, new, who) VALUES ('app_user', ?, ?, ?, ?, ?)",
                        [(email, f, o, n, who) for f, o, n in changes])


# -- single sign-on: an account is bound to one provider identity ------------------------------------------------
@dataclass(frozen=True)
class Identity:
    """Who the provider says signed in: issuer and subject (the binding), the e-mail it gave and whether it vouches
    for that e-mail."""

    issuer: str | None
    subject: str | None
    email: str | None
    verified: bool

    @property
    def text(self) -> str:
        return f"{self.issuer} {self.subject}"


def _claim(claims: Mapping[str, object], name: str) -> str | None:
    value = claims.get(name)
    return str(value).strip() or None if value is not None else None


def identity_of(claims: Mapping[str, object]) -> Identity:
    """The identity in an ID token's claims (st.user). Microsoft Entra ID (a token with `tid` and `oid`): the tenant
    and the object id, which are the same person for every app (its `sub` is per app), and a tenant-managed `email`
    or `upn`/`preferred_username` counts as verified unless the token says `email_verified` false. Any other
    provider: `iss` and `sub`, and the `email` only when `email_verified` is true (`preferred_username` is a name
    the user may choose, so it is never verified)."""
    tid, oid = _claim(claims, "tid"), _claim(claims, "oid")
    said = claims.get("email_verified")
    verified = said is True or str(said).lower() == "true"
    if tid and oid:
        email = _claim(claims, "email") or _claim(claims, "upn") or _claim(claims, "preferred_username")
        return Identity(f"entra:{tid.lower()}", oid.lower(), email, said is None or verified)
    email = _claim(claims, "email")
    return Identity(_claim(claims, "iss"), _claim(claims, "sub"),
                    email or _claim(claims, "preferred_username"), verified and email is not None)


def provider_user(store: Store, claims: Mapping[str, object]) -> User:
    """The user behind a provider sign-in (DESIGN.md section 7). An account already bound to this identity is
    that account, whatever e-mail the token carries now. Otherwise the e-mail (normalise_email) is looked up: no
    row is a viewer; an unbound account is bound to this identity, in one audited transaction, when the provider
    verified the e-mail; and AuthError (logged, never a token) for a local-password account, an account bound to
    another identity, or an e-mail the provider did not verify."""
    ident = identity_of(claims)
    if not ident.issuer or not ident.subject:
        raise _refused(ident, "auth.err.sso_no_identity")
    bound = store.query("SELECT email, role FROM app_user WHERE idp_issuer = ? AND idp_subject = ?",
                        [ident.issuer, ident.subject])
    if not bound.empty:  # as many queries per page run as load_user
        return _with_scope(store, bound)
    try:
        email = normalise_email(ident.email)
    except AuthError as exc:
        raise _refused(ident, exc.key, **exc.values) from None
    account = "SELECT password_hash IS NOT NULL, idp_issuer IS NOT NULL FROM app_user WHERE email = ?"
    row = store.query(account, [email])
    if row.empty:
        return User(email)  # no role: a viewer, whatever the provider says about the e-mail
    _may_bind(ident, email, tuple(row.iloc[0]))
    with store.transaction() as con:  # checked again under the writers' lock: of two first sign-ins one binds
        found = con.execute(account, [email]).fetchone()
        if found is None:
            return User(email)
        _may_bind(ident, email, found)
        con.execute("UPDATE app_user SET idp_issuer = ?, idp_subject = ?, idp_bound_at = current_timestamp "
                    "WHERE email = ?", [ident.issuer, ident.subject, email])
        _audit_user(con, email, [("identity", None, ident.text)], email)
    log.info("single sign-on bound %s to %s", email, ident.text)
    return load_user(store, email)


def _may_bind(ident: Identity, email: str, account: tuple) -> None:
    """Refuse binding an account (local password?, bound already?) to this identity, or an unverified e-mail."""
    if account[0]:
        raise _refused(ident, "auth.err.sso_local", email=email)
    if account[1]:
        raise _refused(ident, "auth.err.sso_bound", email=email)
    if not ident.verified:
        raise _refused(ident, "auth.err.sso_unverified", email=email)


def _refused(ident: Identity, key: str, **values: object) -> AuthError:
    log.warning("single sign-on refused (%s): issuer %s, subject %s, e-mail %r, verified %s", key,
                ident.issuer, ident.subject, (ident.email or "")[:80], ident.verified)
    return AuthError(key, **values)


def reset_identity(store: Store, by: User, email: str) -> None:
    """Unbind an account from its provider identity (audited); its next provider sign-in with the e-mail verified
    binds it again. Only an admin may."""
    require_admin(by)
    email = normalise_email_loose(email)
    with store.transaction() as con:
        old = con.execute("SELECT idp_issuer || ' ' || idp_subject FROM app_user WHERE email = ?", [email]).fetchone()
        if old is None:
            raise AuthError("auth.err.unknown_user", email=email[:80])
        if old[0] is None:
            raise AuthError("auth.err.not_bound", email=email[:80])
        con.execute("UPDATE app_user SET idp_issuer = NULL, idp_subject = NULL, idp_bound_at = NULL WHERE email = ?",
                    [email])
        _audit_user(con, email, [("identity", old[0], None)], by.who)


def on_command_line(store: Store, login: str, email: str) -> User:
    """The user named by --by or --who on the command line, acting through the operator: their role and scope, and
    recorded as 'cli:<login> as <e-mail>'. AuthError for a malformed e-mail or one without a role."""
    user = load_user(store, normalise_email(email))
    if not is_writer(user):
        raise AuthError("auth.err.unknown_user", email=user.email)
    return User(user.email, user.role, user.regions, user.municipalities, user.codes, via=f"cli:{login}")


def cli_admin(login: str) -> User:
    """The operator of the command line: whoever may open the database file may also replace it, so the CLI acts
    as an admin, recorded as cli:<login name>."""
    return User(f"cli:{login}", ADMIN, operator=True)
