"""Every setting in one table: the DK2020_* environment variables and the .streamlit/secrets.toml entries the app
reads. Values are read when asked for (value(), number(), path()), never at import, so a test's
monkeypatch.setenv works. The README's list of settings is generated from SETTINGS (markdown_table();
tests/test_config.py compares, `python -m dk2020dash settings --update-readme` rewrites it).

No Streamlit here: the secrets entries are listed with their help, and ui code reads them through st.secrets by
the names in the table (secret_key())."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the checkout: app.py, data/, README.md
README = ROOT / "README.md"
START, END = "<!-- settings:start -->", "<!-- settings:end -->"
SECRETS_FILE = ".streamlit/secrets.toml"


@dataclass(frozen=True)
class Setting:
    """One setting. `where` is "env" (a DK2020_* environment variable) or "secrets" (an entry of
    .streamlit/secrets.toml, named "section.key", e.g. "auth.client_id" for client_id under [auth]).
    `default` is what value() gives when the setting is not set (None: nothing); a relative path is in the
    checkout."""

    name: str
    default: str | None
    help: str
    where: str = "env"


SETTINGS: tuple[Setting, ...] = (
    Setting("DK2020_DB", "data/dk2020.duckdb",
            "The database file (the app and the command line; `--db FILE` names one outright). A fresh checkout "
            "gets the demo data in it on the app's first run."),
    Setting("DK2020_DATABASE_URL", None,
            "`postgresql://USER[:PASSWORD]@HOST:PORT/DB`: a PostgreSQL database instead of the file; it wins over "
            "`DK2020_DB` (and, for the app, over `[database] url`; `--database-url URL` names one outright). Put "
            "the password here, in `secrets.toml` or in `~/.pgpass`, never on a command line others can see: "
            "every message and log line shows it as `***`."),
    Setting("DK2020_LOCK_WAIT", "15",
            "Seconds a write (import, restore, `init`, a migration, an edit) waits for another writer to finish, "
            "then stops with \"en anden skriver … er i gang; intet er ændret\"."),
    Setting("DK2020_MAX_IMPORT_MB", "50",
            "The largest file an import takes, in MB (on the command line and the Data page); an import also "
            "stops at 2,000,000 rows. The shipped `.streamlit/config.toml` caps every upload (imports, restores) "
            "at the default through `server.maxUploadSize`: raise that with it."),
    Setting("DK2020_BOUNDARIES", None,
            "A GeoJSON file of municipal boundaries (DAGI, properties `kode` and `navn`) for the maps and the "
            "KKR deck instead of the shipped `data/kommuner.geojson`."),
    Setting("DK2020_LOG_LEVEL", "INFO",
            "The level of the server's log (`debug`, `info`, `warning`, `error`): the app writes its log to "
            "stderr with timestamps, every postgresql:// password masked. The command line logs only when it "
            "is set: `DK2020_LOG_LEVEL=debug` shows the detail behind a one-line error."),
    Setting("DK2020_LOG", None, "The older name of `DK2020_LOG_LEVEL`, still read where that is not set."),
    Setting("database.url", None,
            "For the app: the PostgreSQL URL when `DK2020_DATABASE_URL` is not set.", "secrets"),
    Setting("auth.redirect_uri", None,
            "Single sign-on (`st.login`, OpenID Connect, e.g. Microsoft Entra ID) is on when `[auth]` is there: "
            "`https://<your host>/oauth2callback`, registered with the provider (type Web).", "secrets"),
    Setting("auth.cookie_secret", None,
            "A long random string that signs the sign-in cookie, e.g. from "
            "`python -c 'import secrets; print(secrets.token_hex(32))'`.", "secrets"),
    Setting("auth.client_id", None, "The app's client id at the provider (Entra ID: Application (client) ID).",
            "secrets"),
    Setting("auth.client_secret", None, "The client secret's value from the provider.", "secrets"),
    Setting("auth.server_metadata_url", None,
            "The provider's OpenID configuration, for Entra ID `https://login.microsoftonline.com/<Directory "
            "(tenant) ID>/v2.0/.well-known/openid-configuration`.", "secrets"),
)
BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The table's row for name; KeyError for a name that is not in the table (every read goes through it)."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"{name} is not a setting in dk2020dash/config.py") from None


def is_set(name: str) -> bool:
    """True when the environment variable is set to something (an empty value counts as not set)."""
    return bool(os.environ.get(setting(name).name))


def value(name: str) -> str | None:
    """An environment setting now: the variable if set (and not empty), else the table's default."""
    s = setting(name)
    if s.where != "env":
        raise KeyError(f"{name} is in {SECRETS_FILE}: the app reads it through st.secrets")
    return os.environ.get(name) or s.default


def number(name: str) -> float:
    """A setting that is a number (DK2020_LOCK_WAIT, DK2020_MAX_IMPORT_MB); ValueError naming it if it is not."""
    raw = value(name)
    try:
        return float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{name}={raw!r} er ikke et tal") from None


def path(name: str) -> Path | None:
    """A setting that is a file (DK2020_DB, DK2020_BOUNDARIES): the variable as given, else the default in the
    checkout; None when neither."""
    raw = value(name)
    if not raw:
        return None
    return Path(raw) if is_set(name) else ROOT / raw


def lock_wait() -> float:
    """DK2020_LOCK_WAIT: seconds a write waits for another writer."""
    return number("DK2020_LOCK_WAIT")


def max_import_bytes() -> int:
    """DK2020_MAX_IMPORT_MB in bytes."""
    return int(number("DK2020_MAX_IMPORT_MB") * 1024 * 1024)


def secret_key(name: str) -> tuple[str, str]:
    """A secrets.toml entry's (section, key), e.g. ("database", "url"), for ui code to look up in st.secrets."""
    s = setting(name)
    if s.where != "secrets":
        raise KeyError(f"{name} is an environment variable: use config.value()")
    section, key = s.name.split(".", 1)
    return section, key


# -- the README's list ------------------------------------------------------------------------------------------
def _shown_name(s: Setting) -> str:
    if s.where == "secrets":
        section, key = s.name.split(".", 1)
        return f"`[{section}] {key}`"
    return f"`{s.name}`"


def markdown_table() -> str:
    """The README's list of settings (what goes between the settings:start and settings:end markers)."""
    lines = ["| Setting | Where | Default | What it does |", "|---|---|---|---|"]
    for s in SETTINGS:
        where = "environment" if s.where == "env" else f"`{SECRETS_FILE}`"
        default = f"`{s.default}`" if s.default else "–"
        lines.append(f"| {_shown_name(s)} | {where} | {default} | {s.help.replace('|', chr(92) + '|')} |")
    return "\n".join(lines)


def readme_block(text: str) -> str | None:
    """The part of a README's text between the markers (stripped), None without them."""
    found = re.search(re.escape(START) + r"\n(.*?)\n?" + re.escape(END), text, flags=re.DOTALL)
    return found.group(1).strip() if found else None


def readme_with_table(text: str) -> str:
    """The README's text with the block between the markers replaced by markdown_table()."""
    if readme_block(text) is None:
        raise ValueError(f"README has no {START} … {END} block")
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _m: f"{START}\n{markdown_table()}\n{END}",
                  text, count=1, flags=re.DOTALL)
