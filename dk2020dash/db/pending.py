"""The demo-pending protocol: an import that replaces demo rows removes their parents in a second transaction
(DEMO_PARENTS says why); a process that dies in between leaves a meta row the next open finishes."""
from __future__ import annotations

import duckdb

# Demo rows that an import of a kind leaves without their child rows, by kind: (table, statement removing them).
# DuckDB 1.5 refuses to delete a parent row in the transaction that deleted its child rows (their foreign-key
# index entries stay until commit), however the statements are ordered; rebuilding the child table instead works
# but cannot be replayed from the write-ahead log (see MIGRATIONS). So an import removes the demo's child rows
# and writes its own rows and log in one transaction that also writes meta 'pending:<kind>', and removes these
# parents in the next transaction, which deletes that row. A process that dies in between leaves the row, and
# the next open of the file (or the next import) finishes the step; it is idempotent.
DEMO_PARENTS: dict[str, tuple[str, str]] = {
    "inventory": ("edition", "DELETE FROM edition WHERE is_demo AND NOT EXISTS "
                             "(SELECT 1 FROM emission WHERE emission.edition = edition.id)"),
    "plans": ("plan", "DELETE FROM plan WHERE is_demo AND municipality NOT IN (SELECT municipality FROM plan_target)"),
    "actions": ("action", "DELETE FROM action WHERE is_demo AND id NOT IN (SELECT action_id FROM action_event) "
                          "AND id NOT IN (SELECT action_id FROM action_hazard) "
                          "AND id NOT IN (SELECT action_id FROM action_protection)"),
}
PENDING = "pending:"
def mark_pending(con: duckdb.DuckDBPyConnection, kind: str) -> bool:
    """In an import's transaction: note that demo rows of the kind wait for removal in the next (DEMO_PARENTS);
    False when there are none."""
    if kind not in DEMO_PARENTS:
        return False
    table = DEMO_PARENTS[kind][0]
    if not con.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE is_demo)').fetchone()[0]:  # noqa: S608
        return False
    con.execute("INSERT INTO meta VALUES (?, '1') ON CONFLICT DO NOTHING", [PENDING + kind])
    return True


def finish_pending(con: duckdb.DuckDBPyConnection) -> list[str]:
    """In a transaction after the one that marked them: remove the demo rows left for it; returns the kinds."""
    keys = [k for (k,) in con.execute("SELECT key FROM meta WHERE starts_with(key, ?) ORDER BY key",
                                      [PENDING]).fetchall()]
    for key in keys:
        if key.removeprefix(PENDING) in DEMO_PARENTS:
            con.execute(DEMO_PARENTS[key.removeprefix(PENDING)][1])
    if keys:
        con.execute("DELETE FROM meta WHERE starts_with(key, ?)", [PENDING])
    return [k.removeprefix(PENDING) for k in keys]
