"""logs.configure_logging: one handler with timestamps, the level from DK2020_LOG_LEVEL, every password of a
postgresql:// URL masked in every record; every module logs through getLogger(__name__)."""
from __future__ import annotations

import ast
import logging
import re
from collections.abc import Iterator

import pytest

from dk2020dash import logs
from tests.support import PG_PASSWORD, ROOT

URL = f"postgresql://postgres:{PG_PASSWORD}@127.0.0.1:5432/dk2020"
STAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}"


@pytest.fixture
def package_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """The package logger as configure_logging leaves it; its handlers and level put back afterwards."""
    logger = logging.getLogger(logs.PACKAGE)
    handlers, level = list(logger.handlers), logger.level
    monkeypatch.delenv("DK2020_LOG_LEVEL", raising=False)
    yield logger
    logger.handlers[:] = handlers
    logger.setLevel(level)


def ours(logger: logging.Logger) -> list[logging.Handler]:
    return [h for h in logger.handlers if isinstance(h, logs._Stderr)]


def test_configure_logging_is_idempotent_with_timestamps_and_the_level_from_config(
        package_log: logging.Logger, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    logs.configure_logging()
    logs.configure_logging()
    assert len(ours(package_log)) == 1 and package_log.level == logging.INFO
    logging.getLogger("dk2020dash.db.store").info("opened %s", "x.duckdb")
    logging.getLogger("dk2020dash.db.store").debug("not at INFO")
    err = capsys.readouterr().err
    assert re.fullmatch(STAMP + r" INFO dk2020dash\.db\.store: opened x\.duckdb\n", err), err
    monkeypatch.setenv("DK2020_LOG_LEVEL", "debug")
    logs.configure_logging()
    assert len(ours(package_log)) == 1 and package_log.level == logging.DEBUG
    monkeypatch.setenv("DK2020_LOG_LEVEL", "snakkesalig")  # not a level: the default
    assert logs.level() == logging.INFO


def test_a_record_with_a_url_password_comes_out_masked(package_log: logging.Logger,
                                                       capsys: pytest.CaptureFixture) -> None:
    logs.configure_logging()
    log = logging.getLogger("dk2020dash.db.postgres")
    log.warning("cannot reach %s", URL)  # in the arguments
    log.warning(f"cannot reach {URL}")  # noqa: G004 - formatted by the caller
    log.warning("dsn: host=h user=kim password=%s dbname=x", PG_PASSWORD)
    try:
        raise ConnectionError(f"connection to {URL} failed")
    except ConnectionError:
        log.exception("connect failed")  # and in the traceback
    log.warning("%s %s", "one argument too few")  # a message that does not format: the args are left out
    err = capsys.readouterr().err
    assert PG_PASSWORD not in err
    assert err.count("postgresql://postgres:***@127.0.0.1:5432/dk2020") == 3
    assert "password=*** dbname=x" in err and "ConnectionError" in err


def test_later_handlers_get_the_masked_record(package_log: logging.Logger, caplog: pytest.LogCaptureFixture) -> None:
    logs.configure_logging()
    with caplog.at_level(logging.INFO, logger=logs.PACKAGE):
        logging.getLogger("dk2020dash.ui.context").warning("error.unavailable: %s", URL)
    assert caplog.records and PG_PASSWORD not in caplog.text and "postgres:***@" in caplog.text


def test_the_command_line_logs_only_when_asked(package_log: logging.Logger, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture) -> None:
    logs.configure_logging(only_if_set=True)
    logging.getLogger("dk2020dash.cli").warning("init failed in the database")
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("DK2020_LOG_LEVEL", "warning")
    logs.configure_logging(only_if_set=True)
    logging.getLogger("dk2020dash.cli").warning("init failed in the database")
    assert capsys.readouterr().err.endswith(" WARNING dk2020dash.cli: init failed in the database\n")
    assert len(ours(package_log)) == 1


def test_every_module_logs_through_its_own_name() -> None:
    found = []
    for f in sorted((ROOT / "dk2020dash").rglob("*.py")):
        if f.name == "logs.py":
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "getLogger"
                    and not (len(node.args) == 1 and isinstance(node.args[0], ast.Name)
                             and node.args[0].id == "__name__")):
                found.append(f"{f.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_the_older_name_dk2020_log_still_sets_the_level(monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    from dk2020dash import logs

    monkeypatch.delenv("DK2020_LOG_LEVEL", raising=False)
    monkeypatch.setenv("DK2020_LOG", "debug")
    assert logs.level() == logging.DEBUG
    monkeypatch.setenv("DK2020_LOG_LEVEL", "warning")  # the new name wins
    assert logs.level() == logging.WARNING
