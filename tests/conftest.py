"""Shared fixtures: a demo database built once per test session, and fresh empty ones per test."""
from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dk2020dash.db import open_store
from dk2020dash.db.store import Store
from tests import support
from tests.support import page


@pytest.fixture(autouse=True)
def package_log_as_before() -> Iterator[None]:
    """The app and the CLI configure the "dk2020dash" logger for their process (logs.configure_logging); here many
    of them run in one process, so a test's AppTest run or main() leaves no handler behind for the next test (whose
    stderr, read by capsys, would get its records)."""
    logger = logging.getLogger("dk2020dash")
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once; tests that write must copy it (see demo_copy)."""
    from dk2020dash.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    Store(path).create(fill_demo)
    return path


@pytest.fixture
def demo_store(demo_db: Path) -> Store:
    """A read-only view of the shared demo database (do not write to it)."""
    return Store(demo_db)


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Store:
    """A private copy of the demo database that a test may change."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, path)
    return Store(path)


@pytest.fixture
def demo_env(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app opens the shared demo database (DK2020_DB), not PostgreSQL, with the boundaries shipped in data/."""
    monkeypatch.setenv("DK2020_DB", str(demo_db))
    monkeypatch.delenv("DK2020_DATABASE_URL", raising=False)
    monkeypatch.delenv("DK2020_BOUNDARIES", raising=False)
    return demo_db


@pytest.fixture
def empty_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "empty.duckdb")
    store.create()
    return store


# -- a throwaway PostgreSQL server (issue 11) --------------------------------------------------------------------
class PgServer:
    """A PostgreSQL cluster of Debian's postgresql package, run as the postgres user on a free loopback port with
    trust authentication, in a directory of its own; stopped and removed at the end of the session."""

    def __init__(self, bindir: Path, root: Path):
        import socket

        self.bindir, self.root = bindir, root
        self.data, self.sock = root / "data", root / "sock"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.n = 0

    def _run(self, *args: str) -> None:
        import subprocess

        subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        import shutil as sh

        self.sock.mkdir(parents=True)
        sh.chown(self.root, "postgres")
        sh.chown(self.sock, "postgres")
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync")
        self.start()

    def start(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.root / "log"), "-o",
                  f"-p {self.port} -k {self.sock} -c listen_addresses=127.0.0.1 -c fsync=off "
                  "-c synchronous_commit=off -c max_connections=200", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "-m", mode, "stop")

    def url(self, db: str = "postgres", password: str = support.PG_PASSWORD) -> str:
        # trust ignores the password: it is there so tests can check that no message shows it
        return f"postgresql://postgres:{password}@127.0.0.1:{self.port}/{db}"

    def createdb(self, prefix: str = "t") -> str:
        """A new empty database; returns its URL."""
        import psycopg

        self.n += 1
        name = f"{prefix}_{self.n}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server; skipped where the postgresql package is missing, except in CI (fails)."""
    import os
    import tempfile

    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found or shutil.which("runuser") is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (apt-get install postgresql): .ci/run installs it")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="dk2020-pg-"))
    server = PgServer(found[-1].parent, root)
    server.init()
    yield server
    try:
        server.stop("immediate")
    except Exception:  # noqa: BLE001 - a test may have stopped it already
        pass
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return pg_server.createdb()


@pytest.fixture(scope="session")
def pg_demo_url(pg_server, demo_db: Path) -> str:
    """The demo database copied into PostgreSQL once (do not write to it)."""
    from dk2020dash.db.postgres import migrate_to_postgres

    url = pg_server.createdb("demo")
    migrate_to_postgres(open_store(demo_db), open_store(url))
    return url


@pytest.fixture
def pg_demo_copy(pg_server, demo_db: Path) -> Store:
    """A private PostgreSQL copy of the demo database that a test may change."""
    from dk2020dash.db.postgres import migrate_to_postgres

    url = pg_server.createdb("democopy")
    store = open_store(url)
    migrate_to_postgres(open_store(demo_db), store)
    return store


@pytest.fixture(params=["file", "postgres"])
def demo_backend(request: pytest.FixtureRequest, demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pages on the demo data, once from the file and once from PostgreSQL holding the same rows; returns the file
    (what tests compute their expectations from)."""
    monkeypatch.setenv("DK2020_DB", str(demo_db))
    monkeypatch.delenv("DK2020_DATABASE_URL", raising=False)
    if request.param == "postgres":
        monkeypatch.setenv("DK2020_DATABASE_URL", request.getfixturevalue("pg_demo_url"))
    return demo_db


ADMIN = "admin@kommune.dk"


def data_page_as_admin(store: Store, **query: str):
    """The Data page in AppTest, signed in (a local-account session) as an admin of the store: imports and restores
    are an admin's."""

    from dk2020dash import auth
    from dk2020dash.ui.signin import SESSION_KEY

    if auth.load_user(store, ADMIN).role != "admin":
        auth.grant(store, auth.cli_admin("test"), ADMIN, "admin")
    return page("pages/data.py", session={SESSION_KEY: ADMIN}, timeout=90, **query)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for every browser test of the session: Playwright's sync API runs one instance
    at a time, so the test files share it. Missing Chromium: skipped, except in CI where it is an error."""
    import os

    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium for the browser tests")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# -- no secret in any app server's log ---------------------------------------------------------------------------
_LEAKS: list[str] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Every app server the tests started wrote its output into support.server_logs(): a line there holding one of
    support.TEST_SECRETS (a test password, the PostgreSQL password, the OIDC client secret) fails the run. The folder
    is removed after a clean run, kept (and named in the summary) otherwise."""
    if not support._server_logs:
        return
    _LEAKS[:] = support.secrets_in_logs(support.server_logs())
    if _LEAKS:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif session.exitstatus == pytest.ExitCode.OK:
        shutil.rmtree(support.server_logs(), ignore_errors=True)


def pytest_terminal_summary(terminalreporter, exitstatus: int) -> None:
    if _LEAKS:
        terminalreporter.write_sep("=", "a test secret in an app server's log", red=True)
        terminalreporter.write_line(f"{len(_LEAKS)} line(s) hold one of tests/support.py's TEST_SECRETS "
                                    "(shown here as ***):", red=True)
        for line in _LEAKS[:20]:
            terminalreporter.write_line(f"  {line}")
    if support._server_logs and support.server_logs().exists():
        terminalreporter.write_line(f"App server logs: {support.server_logs()}")
