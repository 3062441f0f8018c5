"""What the store keeps per process: open files shared by threads, each file's data key by its stat, and the
read snapshot a page run pins to its thread."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

pinned_read = threading.local()  # this thread's read snapshot (Store.snapshot): (file key, cursor) or None



class OpenFiles:
    """Database files this process has open, each shared by all threads through cursors and closed when
    its last user is done, so another process (the CLI) can take the file between runs. Opening and
    closing go through one lock: DuckDB refuses to open a file while the same process is closing it."""

    lock = threading.Lock()
    open: dict[str, list] = {}  # resolved path -> [base connection, users]

    @classmethod
    @contextmanager
    def cursor(cls, key: str, connect: Callable[[], duckdb.DuckDBPyConnection]) -> Iterator[duckdb.DuckDBPyConnection]:
        with cls.lock:
            entry = cls.open.get(key)
            if entry is None:
                entry = cls.open[key] = [connect(), 0]
            entry[1] += 1
            cur = entry[0].cursor()
        try:
            yield cur
        finally:
            cur.close()
            with cls.lock:
                entry[1] -= 1
                if entry[1] == 0:
                    entry[0].close()
                    del cls.open[key]


class DataKeys:
    """Each file's data key as last read, with the file's (and its write-ahead log's) stat from just before the read:
    Store.data_key() serves it again while both are unchanged instead of opening the file on every page run. Any
    write changes the file or the log (another process's import, restore or init --force: a new inode, size or
    modification time); this process's writers also forget the key when they let go of the writers' lock. A stat
    whose modification time is within SETTLE seconds of the read is not trusted (a write in the same clock tick
    leaves the time as it was), so for a moment after each write every run reads the file again."""

    SETTLE = 2.0
    lock = threading.Lock()
    known: dict[str, tuple[tuple, str]] = {}  # path -> (stat signature, data key)

    @staticmethod
    def signature(path: Path) -> tuple | None:
        sig = []
        for name in (str(path), str(path) + ".wal"):
            try:
                st = os.stat(name)
            except FileNotFoundError:
                sig.append(None)
                continue
            except OSError:
                return None
            sig.append((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
        return tuple(sig) if sig[0] is not None else None

    @classmethod
    def get(cls, path: Path) -> str | None:
        sig = cls.signature(path)
        with cls.lock:
            known = cls.known.get(str(path))
        return known[1] if sig is not None and known is not None and known[0] == sig else None

    @classmethod
    def put(cls, path: Path, sig: tuple | None, read_at: float, key: str) -> None:
        newest = max((s[3] for s in sig or () if s is not None), default=None)
        if newest is None or newest / 1e9 > read_at - cls.SETTLE:
            return  # no stat, or one too recent to tell a later write in the same tick apart
        with cls.lock:
            cls.known[str(path)] = (sig, key)

    @classmethod
    def forget(cls, path: Path) -> None:
        with cls.lock:
            cls.known.pop(str(path), None)
