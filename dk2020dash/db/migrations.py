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


_V3_TABLES = _schema_block("CREATE TABLE app_user (", "    note        VARCHAR\n);")
ADAPTATION_VERSION = 4  # the schema version that added the climate adaptation tables
TRAIL_VERSION = 5  # the schema version that made action_event.changed_on a timestamp and added edition.withdrawn_at

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
    # v5: action_event.changed_on a timestamp (old rows at midnight); edition.withdrawn_at (see _TRAIL).
    TRAIL_VERSION: _TRAIL,
}
SCHEMA_VERSION = 1 + len(MIGRATIONS)

# What a migration does to existing rows beyond giving new columns their defaults: applied after a backup made by
# an older version is loaded into the newest schema (backup.restore), so it ends as if restored and migrated.
UPGRADE_ROWS: dict[int, str] = {
    2: f"UPDATE scenario SET is_demo = true WHERE {_V1_SCENARIOS_ARE_DEMO}",  # noqa: S608 - fixed SQL fragments
    3: "SELECT 1",  # new tables only; a backup from before has none of their rows
    ADAPTATION_VERSION: "SELECT 1",  # new tables only: an older backup has no rows for them
    TRAIL_VERSION: "SELECT 1",  # loaded by name: a day becomes that day at midnight, withdrawn_at stays NULL
}

TABLES = (
    "meta", "sector", "municipality", "edition", "emission", "plan", "plan_target", "scenario",
    "action", "action_event", "milestone", "import_log", "app_user", "app_user_scope", "audit",
    "risk", "action_hazard", "action_protection",
)
# Tables added after version 1, by the schema version that added them: a backup made before has none of them.
TABLE_SINCE: dict[str, int] = {"app_user": 3, "app_user_scope": 3, "audit": 3, "risk": ADAPTATION_VERSION,
                               "action_hazard": ADAPTATION_VERSION, "action_protection": ADAPTATION_VERSION}
