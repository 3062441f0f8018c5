"""run_import: the one path from file bytes to the store, used by the CLI and the Data page."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import getpass
import hashlib
import logging
from collections.abc import Callable, Iterator
from types import ModuleType

import duckdb
import pandas as pd

from dk2020dash import config
from dk2020dash.db.pending import finish_pending, mark_pending
from dk2020dash.db.store import Store
from dk2020dash.domain import happened_range
from dk2020dash.errors import Phrase, Refusal, StoreError
from dk2020dash.ingest import actions, inventory, milestones, plans, population, risks, scenarios
from dk2020dash.ingest.common import Reference
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.read import FileError, Table, read_table
from dk2020dash.ingest.result import ImportJob, ImportResult

KINDS: dict[str, ModuleType] = {
    "inventory": inventory, "plans": plans, "scenarios": scenarios, "actions": actions,
    "milestones": milestones, "population": population, "risks": risks,
}
MAX_ROWS = 2_000_000
PREVIEW_ROWS = 20

log = logging.getLogger(__name__)


class PreviewMoved(Refusal):
    """The data moved on since the preview the user saw (another import, an edit, a restore): the import would not
    apply that preview, so nothing was written; show the new preview and let them apply that one."""


def max_bytes() -> int:
    return config.max_import_bytes()


def default_who() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "ukendt"


def _plain_database_errors(run: Callable[..., ImportResult]) -> Callable[..., ImportResult]:
    """A problem with the database raises StoreError with a plain message naming the file, never a raw DuckDB error
    (the detail is logged); StoreBusy (a StoreError) when another writer holds the lock past DK2020_LOCK_WAIT."""

    @functools.wraps(run)
    def wrapper(store: Store, kind: str, data: bytes, file_name: str, **options: object) -> ImportResult:
        try:
            return run(store, kind, data, file_name, **options)
        except duckdb.Error as exc:
            log.warning("import of %s (%s) failed in the database", file_name, kind, exc_info=True)
            raise StoreError("store.err.import_failed", file=file_name, error=type(exc).__name__) from exc

    return wrapper


@_plain_database_errors
def run_import(store: Store, kind: str, data: bytes, file_name: str, *, edition_name: str | None = None,
               dry_run: bool = False, who: str | None = None, today: dt.date | None = None,
               source: str | None = None, published: dt.date | None = None,
               into_edition: str | None = None, expect_data_key: str | None = None,
               authorize: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> ImportResult:
    """Validate the whole file; if it is clean (and not a dry run) write it in one transaction and log it.

    A rejected file changes nothing but one import_log row saying so (not even that on a dry run). An inventory
    becomes a new edition named edition_name (else after the file), with source and published (else today), or,
    with into_edition, a correction of that existing edition (its rows of the same municipality, year and sector
    are replaced).

    Every report carries the data key (Store.data_key: database id and data version) its summary was made on. A
    write with expect_data_key (the key of the preview the user saw) raises PreviewMoved, with nothing written,
    when the data inside its write transaction is another version: the preview is what is applied, or nothing.
    `authorize` (auth.admin_guard of the page's user) is asked first inside the write transaction, on the roles as
    they are then; it raises to refuse, and nothing is written."""
    if kind not in KINDS:
        raise ValueError(f"ukendt slags data: {kind!r}; vælg en af {', '.join(KINDS)}")
    module = KINDS[kind]
    sha = hashlib.sha256(data).hexdigest()
    ctx = ImportJob(kind, file_name, sha, who or default_who(), today or dt.date.today(), edition_name, source, published,
                  into_edition)
    report = ImportResult(kind, file_name, sha, dry_run=dry_run)
    problems = Problems(file_name)

    low, high = happened_range(ctx.today)
    if published is not None and not low <= published <= high:  # else it would shadow every later edition
        problems.add(None, "published", published.isoformat(), "imp.p.date_range", low=low.isoformat(),
                     high=high.isoformat())
        return _reject(store, report, problems, ctx)
    limit = max_bytes()
    if len(data) > limit:
        problems.add(None, None, Phrase("imp.p.size", mb=len(data) / 1024 / 1024), "imp.p.max_size",
                     mb=limit / 1024 / 1024)
        return _reject(store, report, problems, ctx)

    with store.connection() as con:  # early; a real import checks again inside its write transaction (_write)
        duplicate = _duplicate(con, report, ctx)
    if duplicate:
        if not dry_run:
            _log(store, ctx, 0, "duplicate", report.message)
        return report

    ref = Reference.load(store)
    try:
        frame = _parse(module, data, file_name, kind, ref, problems)
    except FileError as exc:
        problems.add(exc.row, None, "", exc.key, **exc.values)
        return _reject(store, report, problems, ctx)
    report.rows = len(frame)
    if report.rows > MAX_ROWS:
        problems.add(None, None, Phrase("imp.p.rows", count=report.rows), "imp.p.max_rows", count=MAX_ROWS)
    if not problems and report.rows == 0:
        problems.add(2, None, "", "imp.p.no_rows")
    if problems:
        return _reject(store, report, problems, ctx)

    if dry_run:
        with store.connection() as con:
            with _one_version(con):  # the key and the summary from one version of the data
                report.data_key = data_key(con)
                summary = module.summarise(con, frame, ctx, ref, problems)
        if problems:  # e.g. an edition name that already exists
            return _reject(store, report, problems, ctx)
        _accept(report, summary, frame)
        report.message = "prøvekørsel: filen er gyldig; intet er skrevet"
        return report
    return _write(store, module, frame, ctx, ref, problems, report, expect_data_key, authorize)


@contextlib.contextmanager
def _one_version(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """A read transaction around the block, unless con is in one already (a page run's Store.snapshot)."""
    try:
        con.execute("BEGIN TRANSACTION")
    except duckdb.TransactionException:
        yield
        return
    try:
        yield
    finally:
        con.execute("ROLLBACK")


def data_key(con: duckdb.DuckDBPyConnection) -> str:
    """The data key of what con sees (as Store.data_key): '<database id>:<data version>'."""
    found = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('db_id', 'data_version')").fetchall())
    return f"{found.get('db_id', '')}:{found.get('data_version')}"


def _write(store: Store, module: ModuleType, frame: pd.DataFrame, ctx: ImportJob, ref: Reference, problems: Problems,
           report: ImportResult, expect_data_key: str | None = None,
           authorize: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> ImportResult:
    """The import is one write transaction, under the writers' lock of every thread and process (store.write_lock):
    the duplicate check, the comparison with the stored data (the summary), the file's rows, the demo rows of the
    kind and the log row. So two imports of the same file store it once (the second is a duplicate), and what is
    written is compared with the database it is written to, even if a restore or another import came in between.
    Only demo parent rows whose child rows it removed (demo editions, plans, actions) must wait for the next
    transaction, as DuckDB cannot delete them in this one; a meta row marks them, so a process that dies in between
    leaves a file whose next open removes them (store.DEMO_PARENTS)."""
    with store.transaction() as con:
        if authorize is not None:
            authorize(con)
        report.data_key = data_key(con)
        if expect_data_key is not None and report.data_key != expect_data_key:
            log.info("import of %s refused: the data moved from %s to %s since the preview", ctx.file_name,
                     expect_data_key, report.data_key)
            raise PreviewMoved("imp.err.moved", file=ctx.file_name)  # rolls the transaction back: nothing written
        if _duplicate(con, report, ctx):
            _insert_log(con, ctx, 0, "duplicate", report.message)
            return report
        summary = module.summarise(con, frame, ctx, ref, problems)
        if problems:  # e.g. an edition name that already exists
            _reject_in(con, report, problems, ctx)
            return report
        finish_pending(con)  # an earlier import's second step, if it never ran
        module.write(con, frame, ctx, summary)
        pending = mark_pending(con, ctx.kind)
        message = "; ".join(summary.lines())
        _insert_log(con, ctx, report.rows, "imported", message)
    _accept(report, summary, frame)
    report.written = True
    if pending:
        try:
            with store.transaction() as con:
                finish_pending(con)
        except (duckdb.Error, StoreError):  # the import is in; the marked demo rows go with the next open or import
            pass
    report.message = "indlæst: " + message
    return report


def _duplicate(con: duckdb.DuckDBPyConnection, report: ImportResult, ctx: ImportJob) -> bool:
    """Whether this file (same content, same kind) was imported already; if so the report says so."""
    previous = con.execute("SELECT logged_at FROM import_log WHERE sha256 = ? AND kind = ? AND outcome = 'imported' "
                           "ORDER BY id DESC LIMIT 1", [ctx.sha256, ctx.kind]).fetchone()
    if previous is None:
        return False
    report.ok, report.duplicate = True, True
    report.message = (f"filen er allerede indlæst ({pd.Timestamp(previous[0]):%Y-%m-%d %H:%M}); "
                      "intet er ændret")
    return True


def _accept(report: ImportResult, summary, frame: pd.DataFrame) -> None:
    report.summary = summary
    report.preview = _preview(frame)
    report.ok = True


def _parse(module: ModuleType, data: bytes, file_name: str, kind: str, ref: Reference,
           problems: Problems) -> pd.DataFrame:
    if hasattr(module, "parse_bytes"):  # population reads Statbank's layout itself
        return module.parse_bytes(data, file_name, ref, problems)
    table: Table = read_table(data, file_name, sheet_hint=kind)
    if len(table.frame) > MAX_ROWS:
        raise FileError("imp.file.too_many_rows", rows=Phrase("n.rows", count=len(table.frame)),
                        max=Phrase("n.rows", count=MAX_ROWS))
    return module.parse(table, ref, problems)


def _preview(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.head(PREVIEW_ROWS).copy()
    if "_row" in out.columns:
        out = out.rename(columns={"_row": "row"})
        out = out[["row", *[c for c in out.columns if c != "row"]]]
    return out


def _reject(store: Store, report: ImportResult, problems: Problems, ctx: ImportJob) -> ImportResult:
    line = _rejected(report, problems)
    if not report.dry_run:
        _log(store, ctx, report.rows, "rejected", line)
    return report


def _reject_in(con: duckdb.DuckDBPyConnection, report: ImportResult, problems: Problems, ctx: ImportJob) -> None:
    """_reject inside the import's transaction: only the log row is written."""
    _insert_log(con, ctx, report.rows, "rejected", _rejected(report, problems))


def _rejected(report: ImportResult, problems: Problems) -> str:
    """Fill the report in for a rejected file; returns the log line."""
    listed = problems.first()
    report.problems = listed
    report.more_problems = max(0, problems.total - len(listed))
    report.ok = False
    report.message = f"afvist: {problems.total} problemer; intet er ændret"
    first = listed[0].line() if listed else ""
    return f"{problems.total} problemer, fx {first}"[:2000]


def _log(store: Store, ctx: ImportJob, rows: int, outcome: str, message: str) -> None:
    """A log row in its own small transaction (rejections and duplicates write nothing else)."""
    with store.transaction() as con:
        _insert_log(con, ctx, rows, outcome, message)


def _insert_log(con, ctx: ImportJob, rows: int, outcome: str, message: str) -> None:
    con.execute("INSERT INTO import_log (who, kind, file_name, sha256, rows, outcome, message) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", [ctx.who, ctx.kind, ctx.file_name, ctx.sha256, rows, outcome, message])


__all__ = ["KINDS", "ImportResult", "PreviewMoved", "data_key", "run_import"]
