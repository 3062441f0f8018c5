"""The "since" date of the KKR meeting pack (the last meeting): read from text or a date, refused with a SinceError
when it cannot be used."""
from __future__ import annotations

from datetime import date, datetime

from dk2020dash.errors import Rejected

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y")


class SinceError(Rejected):
    """A "since" date that cannot be used: the key is kkr.since.<reason> in i18n; the dates in `values` are written
    in the message's language."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(f"kkr.since.{reason}", **values)

    @property
    def reason(self) -> str:
        return self.key.removeprefix("kkr.since.")


def parse_since(value: str | date | None, first: date | None, today: date, lang: str = "da") -> date:
    """The since date from text (2026-09-01, 01-09-2026, 1.9.2026) or a date; refuses one that cannot be read,
    lies after today, or lies before any history (the first status change or inventory edition). `lang` is kept for
    callers: the refusal is written in whichever language it is shown in (SinceError.message)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        since = value
    else:
        text = (value or "").strip()
        since = None
        for fmt in _DATE_FORMATS:
            try:
                since = datetime.strptime(text, fmt).date()
                break
            except ValueError:
                continue
        if since is None:
            raise SinceError("unreadable", text=text)
    if since > today:
        raise SinceError("future", since=since, today=today)
    if first is None or since < first:
        raise SinceError("before_history", since=since, first=first if first else "–")
    return since
