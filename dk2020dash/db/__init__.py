"""The only package that opens the database: store (the Store interface and the DuckDB file), postgres (the same
interface on PostgreSQL), migrations, pending (the demo rows an import replaces), cache (open files, data keys,
snapshots), pg_copy (PostgreSQL's in-memory copies). open_store() picks the store for a target."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from dk2020dash.db.postgres import PgStore, is_url
from dk2020dash.db.store import Store, database_target
from dk2020dash.errors import StoreError


def open_store(target: str | Path | None = None, **options) -> Store:
    """The store for a target: a PgStore for a postgresql:// URL (masked or not), else the DuckDB file. Without a
    target: DK2020_DATABASE_URL if set, else DK2020_DB, else data/dk2020.duckdb."""
    target = database_target() if target is None else target
    return PgStore(str(target), **options) if is_url(target) else Store(target, **options)


def open_or_create(target: str | Path | None = None,
                   fill: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> Store:
    """The app's entry: open the database, creating it with `fill` (the demo) on a fresh checkout."""
    store = open_store(target)
    if isinstance(store, PgStore):
        if not store.exists():
            try:
                store.create(fill)
            except StoreError:
                if not store.exists():  # another server created it meanwhile: fine
                    raise
        store.data_version()
        return store
    if not store.exists():
        with store.write_lock():
            if not store.exists():
                store.create(fill)
    with store.connection():
        pass
    return store
