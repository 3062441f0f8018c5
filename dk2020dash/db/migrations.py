"""The schema's version history: schema.sql builds the newest version; MIGRATIONS[v] upgrades a file from v-1
to v, UPGRADE_ROWS replays a migration's row changes on a restored older backup; TABLES and when each came."""
from __future__ import annotations

from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("schema.sql")

# Scenarios of a version-1 file are the demo's when the file was filled with the demo and no scenario file was
# ever imported into it (the first real scenario import removed them all).
_V1_SCENARIOS_ARE_DEMO = (
    "EXISTS (SELECT 1 FROM import_log WHERE outcome = 'demo') "
    "AND NOT EXISTS (SELECT 1 FROM import_log WHERE kind = 'scenarios' AND outcome = 'imported')"
)


def _schema_block(first: str, last_line: str) -> str:
    """The statements of schema.sql from the line starting with `first` through the line `last_line`: a migration
    that only adds tables creates them exactly as schema.sql does."""
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    start = text.index(first)
    end = text.index(last_line, start) + len(last_line)
    return text[start:end]


def _table(name: str) -> str:
    """schema.sql's CREATE TABLE statement of one table, so a rebuilt table is exactly what schema.sql creates."""
    return _schema_block(f"CREATE TABLE {name} (", "\n);")


# app_user as version 3 made it (IDENTITY_VERSION rebuilt it with the provider identity), then the other tables of
# version 3 as schema.sql has them.
_V3_APP_USER = """
CREATE TABLE app_user (
    email          VARCHAR PRIMARY KEY CHECK (email = lower(trim(email)) AND contains(email, '@')),
    role           VARCHAR NOT NULL CHECK (role IN ('editor', 'admin')),
    password_hash  VARCHAR CHECK (password_hash IS NULL OR starts_with(password_hash, '$argon2')),
    granted_by     VARCHAR NOT NULL,
    granted_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
"""
_V3_TABLES = _V3_APP_USER + _schema_block("CREATE TABLE app_user_scope (", "    note        VARCHAR\n);")
ADAPTATION_VERSION = 4  # the schema version that added the climate adaptation tables
IDENTITY_VERSION = 5  # the schema version that bound accounts to a provider identity (app_user.idp_*)
_APP_USER = _schema_block("CREATE TABLE app_user (", "    CHECK (password_hash IS NULL OR idp_subject IS NULL)\n);")
THROTTLE_VERSION = 6  # the schema version that added signin_attempt (the sign-in throttle's shared state)
TRAIL_VERSION = 7  # the schema version that made action_event.changed_on a timestamp and added edition.withdrawn_at

# TRAIL_VERSION rebuilds three tables: action_event (changed_on DATE -> TIMESTAMP, old rows at midnight), and
# edition (withdrawn_at) with emission, whose foreign key points at it. Dropping a table whose foreign key points at
# a table with a nextval default does not replay from DuckDB's write-ahead log, so Store._migrate commits every
# migration with an immediate checkpoint (nothing of it goes to the log; see store.run_migrations).
_TRAIL = f"""
    CREATE TEMP TABLE emission_before_trail AS SELECT * FROM emission;
    CREATE TEMP TABLE edition_before_trail AS SELECT * FROM edition;
    CREATE TEMP TABLE action_event_before_trail AS SELECT * FROM action_event;
    DROP TABLE emission;
    DROP TABLE edition;
    DROP TABLE action_event;
    {_table("edition")}
    {_table("emission")}
    {_table("action_event")}
    INSERT INTO edition (id, name, source, published, is_demo, created_at)
        SELECT id, name, source, published, is_demo, created_at FROM edition_before_trail;
    INSERT INTO emission (municipality, year, sector, edition, tco2e, estimated)
        SELECT municipality, year, sector, edition, tco2e, estimated FROM emission_before_trail;
    INSERT INTO action_event (id, action_id, changed_on, who, old_status, new_status, note)
        SELECT id, action_id, CAST(changed_on AS TIMESTAMP), who, old_status, new_status, note
        FROM action_event_before_trail;
    DROP TABLE emission_before_trail;
    DROP TABLE edition_before_trail;
    DROP TABLE action_event_before_trail;
"""  # noqa: S608 - fixed SQL fragments

# Upgrades of older files, applied in order: MIGRATIONS[v] takes a file from version v-1 to v.
# schema.sql always creates the newest version directly.
#
# DuckDB 1.5 cannot replay a write-ahead log holding an ALTER TABLE (nor a DROP TABLE of a table whose foreign
# key points at a table with nextval or other function defaults): a process that dies after such a commit and
# before the next checkpoint leaves a file that will not open. So a migration rebuilds a table (create beside,
# copy, drop, create) only where that replays, and _migrate checkpoints right after its commit; tests/unit/test_store.py
# kills a process at that point to prove the file still opens.
MIGRATIONS: dict[int, str] = {
    # v2: scenario.is_demo, so demo scenarios are labelled like the demo's other rows.
    2: f"""
        CREATE TEMP TABLE scenario_v1 AS SELECT * FROM scenario;
        DROP TABLE scenario;
        CREATE TABLE scenario (
            municipality INTEGER NOT NULL REFERENCES municipality (code),
            kind         VARCHAR NOT NULL CHECK (kind IN ('bau', 'plan')),
            year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
            tco2e        DOUBLE NOT NULL CHECK (isfinite(tco2e)),
            is_demo      BOOLEAN NOT NULL DEFAULT false,
            PRIMARY KEY (municipality, kind, year)
        );
        INSERT INTO scenario SELECT municipality, kind, year, tco2e, {_V1_SCENARIOS_ARE_DEMO} FROM scenario_v1;
        DROP TABLE scenario_v1;
    """,  # noqa: S608 - fixed SQL fragments
    # v3: app_user, app_user_scope and audit (sign-in, roles, the record of every change); new tables only.
    3: _V3_TABLES,
    # v4: climate adaptation: risk assessments, the hazards adaptation actions address and their protection
    # targets; new tables only.
    ADAPTATION_VERSION: _schema_block("CREATE TABLE risk (", "    PRIMARY KEY (action_id, kind)\n);"),
    # app_user gains the provider identity it is bound to (idp_issuer, idp_subject, idp_bound_at): rebuilt, not
    # altered (see above); every account starts unbound and binds on its next single sign-on.
    IDENTITY_VERSION: f"""
        CREATE TEMP TABLE app_user_before AS SELECT * FROM app_user;
        DROP TABLE app_user;
        {_APP_USER}
        INSERT INTO app_user (email, role, password_hash, granted_by, granted_at)
            SELECT email, role, password_hash, granted_by, granted_at FROM app_user_before;
        DROP TABLE app_user_before;
    """,  # noqa: S608 - fixed SQL from schema.sql
    # v6: signin_attempt, the sign-in throttle's state shared by every process and server; a new table only.
    THROTTLE_VERSION: _schema_block("CREATE TABLE signin_attempt (", "    ok         BOOLEAN NOT NULL DEFAULT false\n);"),
    # v7: action_event.changed_on a timestamp (old rows at midnight); edition.withdrawn_at (see _TRAIL).
    TRAIL_VERSION: _TRAIL,
}
SCHEMA_VERSION = 1 + len(MIGRATIONS)

# What a migration does to existing rows beyond giving new columns their defaults: applied after a backup made by
# an older version is loaded into the newest schema (backup.restore), so it ends as if restored and migrated.
UPGRADE_ROWS: dict[int, str] = {
    2: f"UPDATE scenario SET is_demo = true WHERE {_V1_SCENARIOS_ARE_DEMO}",  # noqa: S608 - fixed SQL fragments
    3: "SELECT 1",  # new tables only; a backup from before has none of their rows
    ADAPTATION_VERSION: "SELECT 1",  # new tables only: an older backup has no rows for them
    IDENTITY_VERSION: "SELECT 1",  # new columns only: an older backup's accounts are unbound
    THROTTLE_VERSION: "SELECT 1",  # a transient table no backup holds
    TRAIL_VERSION: "SELECT 1",  # loaded by name: a day becomes that day at midnight, withdrawn_at stays NULL
}

TABLES = (
    "meta", "sector", "municipality", "edition", "emission", "plan", "plan_target", "scenario",
    "action", "action_event", "milestone", "import_log", "app_user", "app_user_scope", "audit",
    "risk", "action_hazard", "action_protection",
)
# Tables added after version 1, by the schema version that added them: a backup made before has none of them.
# Tables of the app's own transient state, not data: never exported or backed up (a restore starts them empty).
TRANSIENT_TABLES = ("signin_attempt",)
TABLE_SINCE: dict[str, int] = {"app_user": 3, "app_user_scope": 3, "audit": 3, "risk": ADAPTATION_VERSION,
                               "action_hazard": ADAPTATION_VERSION, "action_protection": ADAPTATION_VERSION}
