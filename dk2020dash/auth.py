"""Roles and permissions as plain functions (DESIGN.md section 7), argon2 password hashes, and the user table.

A viewer is anyone (signed in or not) without a row in app_user: reads everything, changes nothing. An editor
changes actions and milestones of the municipalities in their scope (given municipalities and/or whole regions).
An admin may do everything: edit anywhere, import, restore and grant roles. No Streamlit here; the pages ask these
functions, and the write functions (edits.py, grant/revoke here) ask them again, so a hidden button is never the
only guard. This module owns the writes to app_user and app_user_scope (each with its audit rows).
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Sequence
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

    @property
    def signed_in(self) -> bool:
        return self.email is not None


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
    """Slows down guessing: after each failed sign-in for an e-mail, the next attempt for it must wait
    1, 2, 4 ... seconds (at most MAX_WAIT). Process-wide; the clock is injectable for tests."""

    MAX_WAIT = 300.0
    MAX_TRACKED = 10_000

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}  # e-mail -> (failures in a row, not before)

    def wait(self, email: str) -> float:
        """Seconds before the next attempt for this e-mail is allowed (0 = now)."""
        with self._lock:
            entry = self._failures.get(normalise_email_loose(email))
        return 0.0 if entry is None else max(0.0, entry[1] - self._clock())

    def failed(self, email: str) -> float:
        """Record a failure; returns the wait before the next attempt."""
        key = normalise_email_loose(email)
        with self._lock:
            if len(self._failures) >= self.MAX_TRACKED:
                self._failures.clear()
            n = self._failures.get(key, (0, 0.0))[0] + 1
            delay = min(self.MAX_WAIT, 2.0 ** (n - 1))
            self._failures[key] = (n, self._clock() + delay)
        return delay

    def succeeded(self, email: str) -> None:
        with self._lock:
            self._failures.pop(normalise_email_loose(email), None)


THROTTLE = Throttle()


def authenticate(store: Store, email: str, password: str, throttle: Throttle = THROTTLE) -> User:
    """Sign in with a local account: the user, or AuthError (wrong e-mail or password, or too many tries: wait).
    The answer is the same for an unknown e-mail as for a wrong password."""
    wait = throttle.wait(email)
    if wait > 0:
        raise AuthError("auth.err.wait", count=int(wait) + 1)
    key = normalise_email_loose(email)
    row = store.query("SELECT password_hash FROM app_user WHERE email = ?", [key])
    stored = None if row.empty else row.iloc[0, 0]
    if not verify_password(None if pd.isna(stored) else stored, password):
        throttle.failed(email)
        raise AuthError("auth.err.bad_login")
    throttle.succeeded(email)
    return load_user(store, key)


# -- the user table -----------------------------------------------------------------------------------
def normalise_email_loose(text: str) -> str:
    return (text or "").strip().lower()


def normalise_email(text: str) -> str:
    """An e-mail in lower case, or AuthError if it does not look like one."""
    email = normalise_email_loose(text)
    if not _EMAIL.match(email) or len(email) > 254:
        raise AuthError("auth.err.email", email=(text or "")[:80])
    return email


def load_user(store: Store, email: str | None) -> User:
    """The user behind a signed-in e-mail: their role and scope, or a viewer when the e-mail has no row."""
    if not email:
        return ANONYMOUS
    key = normalise_email_loose(email)
    row = store.query("SELECT role FROM app_user WHERE email = ?", [key])
    if row.empty:
        return User(key)
    scope = store.query(
        "SELECT s.region, s.municipality FROM app_user_scope s WHERE s.email = ? ORDER BY s.region, s.municipality",
        [key])
    regions = tuple(r for r in scope["region"].dropna())
    munis = tuple(int(m) for m in scope["municipality"].dropna())
    codes = store.query(
        "SELECT code FROM municipality WHERE list_contains(?, region) OR list_contains(?, code)",
        [list(regions), list(munis)])["code"].astype(int)
    return User(key, str(row.iloc[0, 0]), regions, munis, frozenset(codes.tolist()))


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
    who granted it and when. Never the hash."""
    return store.query(
        "SELECT u.email, u.role, "
        "string_agg(s.region, ', ' ORDER BY s.region) FILTER (WHERE s.region IS NOT NULL) AS regions, "
        "string_agg(m.name, ', ' ORDER BY m.name) FILTER (WHERE s.municipality IS NOT NULL) AS municipalities, "
        "u.password_hash IS NOT NULL AS local_password, u.granted_by, u.granted_at "
        "FROM app_user u LEFT JOIN app_user_scope s ON s.email = u.email "
        "LEFT JOIN municipality m ON m.code = s.municipality "
        "GROUP BY u.email, u.role, u.password_hash, u.granted_by, u.granted_at ORDER BY u.email")


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
        old = con.execute("SELECT role, password_hash IS NOT NULL FROM app_user WHERE email = ?", [email]).fetchone()
        old_scope = con.execute(
            "SELECT list(region) FILTER (WHERE region IS NOT NULL), list(municipality) FILTER "
            "(WHERE municipality IS NOT NULL) FROM app_user_scope WHERE email = ?", [email]).fetchone()
        old_scope_text = _scope_text(old_scope[0] or [], old_scope[1] or []) if old else None
        if old is None:
            con.execute("INSERT INTO app_user (email, role, password_hash, granted_by) VALUES (?, ?, ?, ?)",
                        [email, role, new_hash, by.email])
        else:
            con.execute("UPDATE app_user SET role = ?, granted_by = ?, granted_at = current_timestamp, "
                        "password_hash = coalesce(?, password_hash) WHERE email = ?", [role, by.email, new_hash, email])
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
        if old is None:
            raise AuthError("auth.err.unknown_user", email=email[:80])
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


def cli_admin(login: str) -> User:
    """The operator of the command line: whoever may open the database file may also replace it, so the CLI acts
    as an admin, recorded as cli:<login name>."""
    return User(f"cli:{login}", ADMIN)
