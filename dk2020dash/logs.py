"""The package's log: configure_logging() gives the "dk2020dash" logger one handler on stderr with timestamps, at
the level of DK2020_LOG_LEVEL, and a filter that masks every password of a postgresql:// URL (mask_url) in every
record before it is written. Modules log through logging.getLogger(__name__). On the bottom floor: db imports it."""
from __future__ import annotations

import logging
import re
import sys

from dk2020dash import config

PACKAGE = "dk2020dash"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
OFF = logging.CRITICAL + 1  # the command line without DK2020_LOG_LEVEL: its errors are one plain line, no log


def mask_url(text: object) -> str:
    """Any text with the password of every postgresql:// URL (and every password=... setting) replaced by ***."""
    s = str(text)
    s = re.sub(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*(@)", r"\1***\2", s, flags=re.IGNORECASE)
    return re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", s, flags=re.IGNORECASE)


class MaskSecrets(logging.Filter):
    """Formats the record's message (and its traceback) once and masks it: no URL password reaches a handler,
    whatever the caller passed as arguments or exception. Later handlers (pytest's caplog) get the masked record."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - arguments that do not fit the format: the format alone, never the args
            message = f"{record.msg} (the arguments did not fit the message)"
        record.msg, record.args = mask_url(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_url(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_url(record.stack_info)
        return True


class _Stderr(logging.StreamHandler):
    """A stream handler on whatever sys.stderr is when a record comes (pytest swaps it for every test)."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr


def _level_setting() -> str:
    """DK2020_LOG_LEVEL, or its older name DK2020_LOG where only that is set."""
    return "DK2020_LOG" if config.is_set("DK2020_LOG") and not config.is_set("DK2020_LOG_LEVEL") else "DK2020_LOG_LEVEL"


def level() -> int:
    """DK2020_LOG_LEVEL as a logging level; a name logging does not know gives the default (INFO)."""
    found = logging.getLevelName(str(config.value(_level_setting()) or "").upper())
    if isinstance(found, int):
        return found
    return logging.getLevelName(str(config.setting("DK2020_LOG_LEVEL").default))


def configure_logging(*, only_if_set: bool = False) -> logging.Logger:
    """Set up the package's log; idempotent (one handler however often it is called), the level read anew each
    time. The app calls it before the first page, the command line's main with only_if_set: there, without
    DK2020_LOG_LEVEL, the handler drops every record (its errors are one plain line on stderr, as before)."""
    logger = logging.getLogger(PACKAGE)
    handler = next((h for h in logger.handlers if isinstance(h, _Stderr)), None)
    if handler is None:
        handler = _Stderr()
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(MaskSecrets())
        logger.addHandler(handler)
    wanted = level()
    if logger.level != wanted:  # setLevel clears every logger's cache: only on a change (the app calls this per run)
        logger.setLevel(wanted)
    handler.setLevel(OFF if only_if_set and not config.is_set(_level_setting()) else logging.NOTSET)
    return logger
