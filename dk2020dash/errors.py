"""Every refusal a user sees: the StoreError family (the database refused, and why)."""
from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A problem with the database file that a user can act on; the message says what and where."""


class StoreLocked(StoreError):
    """Another process holds the database."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached (PostgreSQL stopped or the network gone); nothing was written."""


class StoreDamaged(StoreError):
    """The file cannot be opened as this program's database (damaged, truncated, or another program's); a restore
    may replace it (backup.restore with replace_damaged: restore --force, the Data page)."""


class StoreBusy(StoreLocked):
    """Another writer (an import, a restore, init) holds the write lock longer than DK2020_LOCK_WAIT."""


class StoreReadOnly(StoreError):
    """The file (or its folder) cannot be written: reads are served from it read-only, every write is refused before
    it starts. `plain` is the i18n key of the message a page shows."""

    plain = "error.read_only.plain"
    kind = "read_only"

    def __init__(self, path: Path):
        from dk2020dash import i18n

        super().__init__(i18n.t("store.err.read_only", "da", path=path))


class StoreFull(StoreError):
    """The disk is full (or the file may grow no further): the write failed and was rolled back."""

    plain = "error.disk_full.plain"
    kind = "disk_full"

    def __init__(self, path: Path):
        from dk2020dash import i18n

        super().__init__(i18n.t("store.err.disk_full", "da", path=path))


class DataMoved(StoreError):
    """The data moved on from the version a page run read (a write landed meanwhile): the run starts again on the
    new version (ui.shell), so no page shows figures of two versions."""
