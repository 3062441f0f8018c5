"""What a restore keeps of the database it replaces (DESIGN.md section 7): the record of what happened since the
backup, and versions that no form opened before the restore can match.

backup.restore reads the replaced database under the writers' lock (read_replaced), then, in the new database
after the backup's rows are in (carry_forward):
- every action_event, audit and import_log row of the replaced database that the backup does not hold is added
  (compared on every column but the id, as multisets; a row keeps its id unless the backup uses it). A status change
  of an action the backup does not have goes into audit instead (table action, field status), as action_event's
  foreign key needs the action;
- each id sequence stands past both databases' (backup._advance_sequences), so no id is handed out twice;
- every action's version moves past the largest version of the replaced database, and every milestone that both
  hold gets an audit row 'restored' (a milestone's version is 1 + its audit rows, edits.py): a save made on a
  version read before the restore is refused as a conflict, never applied over the restored row;
- one audit row records the restore itself (table database, field restore: the data version replaced and the
  backup's, who, and where the replaced file was kept)."""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from dk2020dash.db.store import DB_ID, Store

TRAIL_TABLES = ("action_event", "audit", "import_log")


@dataclass
class Replaced:
    """The replaced database as far as a restore carries it forward."""

    tables: dict[str, object]  # TRAIL_TABLES -> Arrow table
    sequences: dict[str, int]  # sequence -> last value handed out
    action_version: int  # the largest action version
    milestones: object  # Arrow table of the milestone ids
    data_version: int
    db_id: str
    carried: dict[str, int] = field(default_factory=dict)


def read_replaced(store: Store) -> Replaced:
    """The trail, sequences and versions of the database a restore is about to replace, in one read transaction
    (the caller holds the writers' lock)."""
    with store.connection() as con:
        con.execute("BEGIN TRANSACTION")
        try:
            tables = {t: con.execute(f'SELECT * FROM "{t}"').to_arrow_table() for t in TRAIL_TABLES}  # noqa: S608
            sequences = {name: int(last) for name, last in con.execute(
                "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE last_value IS NOT NULL").fetchall()}
            version = con.execute("SELECT coalesce(max(version), 0) FROM action").fetchone()[0]
            milestones = con.execute("SELECT id FROM milestone").to_arrow_table()
            meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('data_version', ?)", [DB_ID]).fetchall())
        finally:
            con.execute("ROLLBACK")
    return Replaced(tables, sequences, int(version), milestones, int(meta.get("data_version", 0)),
                    str(meta.get(DB_ID, "")))


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                      "AND schema_name = 'main' ORDER BY column_index", [table]).fetchall()]


def _new_rows(con: duckdb.DuckDBPyConnection, table: str, old: str) -> str:
    """SQL: the rows of `old` (the replaced database's `table`) that the restored `table` does not hold, as multisets
    over every column but id (NULLs equal), each with its id."""
    cols = [c for c in _columns(con, table) if c != "id"]
    same = " AND ".join(f'o."{c}" IS NOT DISTINCT FROM n."{c}"' for c in cols)
    part = ", ".join(f'"{c}"' for c in cols)
    return (f'(SELECT o.* EXCLUDE (k) FROM (SELECT *, row_number() OVER (PARTITION BY {part} ORDER BY id) AS k '  # noqa: S608
            f'FROM {old}) o ANTI JOIN (SELECT *, row_number() OVER (PARTITION BY {part} ORDER BY id) AS k '
            f'FROM main."{table}") n ON {same} AND o.k = n.k)')


def carry_forward(con: duckdb.DuckDBPyConnection, replaced: Replaced, who: str, label: str,
                  note: str) -> dict[str, int]:
    """Into the restored database (its sequences already past both): the replaced database's trail rows that the
    backup does not hold, versions past the old ones, and the restore's own audit row (new value `label`, the
    backup; note `note`, its file). Returns rows carried per table."""
    carried: dict[str, int] = {}
    for table, rows in replaced.tables.items():
        con.register(f"_old_{table}", rows)
    con.register("_old_milestone", replaced.milestones)
    try:
        sequence = {"action_event": "action_event_id", "audit": "audit_id", "import_log": "import_log_id"}
        new_events = _new_rows(con, "action_event", "_old_action_event")
        orphans = con.execute(f"CREATE TEMP TABLE _orphan_events AS SELECT * FROM {new_events} e "  # noqa: S608
                              "WHERE NOT EXISTS (SELECT 1 FROM action a WHERE a.id = e.action_id)").fetchone()[0]
        for table in TRAIL_TABLES:
            cols = [c for c in _columns(con, table) if c != "id"]
            listed = ", ".join(f'"{c}"' for c in cols)
            extra = ("WHERE EXISTS (SELECT 1 FROM action a WHERE a.id = r.action_id) " if table == "action_event" else "")
            n = con.execute(
                f'INSERT INTO "{table}" (id, {listed}) SELECT CASE WHEN r.id IN (SELECT id FROM main."{table}") '  # noqa: S608
                f"THEN nextval('{sequence[table]}') ELSE r.id END, {', '.join(f'r.{c}' for c in cols)} "
                f"FROM {_new_rows(con, table, f'_old_{table}')} r {extra}ORDER BY r.id").fetchone()[0]
            carried[table] = int(n)
        # A status change of an action the backup does not have: kept in audit (action_event needs the action).
        con.execute("INSERT INTO audit (table_name, row_id, field, old, new, who, changed_at, note) "
                    "SELECT 'action', CAST(action_id AS VARCHAR), 'status', old_status, new_status, who, changed_on, "
                    "note FROM _orphan_events ORDER BY id")
        carried["audit"] += int(orphans)
        con.execute("DROP TABLE _orphan_events")
        con.execute("UPDATE action SET version = version + ?", [replaced.action_version])
        con.execute("INSERT INTO audit (table_name, row_id, field, old, new, who, note) "
                    "SELECT 'milestone', CAST(id AS VARCHAR), 'restored', NULL, ?, ?, ? FROM milestone "
                    "WHERE id IN (SELECT id FROM _old_milestone) ORDER BY id", [label, who, note])
        con.execute("INSERT INTO audit (table_name, row_id, field, old, new, who, note) "
                    "VALUES ('database', ?, 'restore', ?, ?, ?, ?)",
                    [replaced.db_id or "?", f"dataversion {replaced.data_version}", label, who, note])
    finally:
        for table in TRAIL_TABLES:
            con.unregister(f"_old_{table}")
        con.unregister("_old_milestone")
    return carried
