"""Every refusal a user sees: one Refusal(key, **values), rendered in a language (i18n); the StoreError family (the
database refused, and why).

A refusal holds an i18n key and the values that fill it, never a finished sentence: `message(lang)` is the sentence
in Danish or English, str() the Danish one (the CLI and the log). Where the message names server details (paths,
URLs, database words), the class's `public` key is what a page shows instead (`shown(lang)`). Pages show refusals
through one function, ui.context.show_refusal."""
from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Callable, Mapping
from pathlib import Path

from dk2020dash import i18n

Escape = Callable[[object], str]


class _Localized:
    """A number or date as the message's language writes it, for str.format in an i18n template. The template's
    format spec says how: '' (an int as written, a float as i18n.number, a date as i18n.day), ',' (grouped, as
    i18n.number), ',.1f' (grouped, decimals), '.1f' (decimals, not grouped), '%' (i18n.percent), 'iso' (a date as
    2026-09-01); any other spec is Python's own."""

    __slots__ = ("lang", "value")

    def __init__(self, value: object, lang: str):
        self.value = value
        self.lang = lang

    def __format__(self, spec: str) -> str:
        v, lang = self.value, self.lang
        if isinstance(v, dt.date):
            if spec == "iso":
                return v.isoformat()
            return i18n.day(v, lang) if not spec else format(v, spec)
        if spec == "%":
            return i18n.percent(v, lang)
        if spec == "" and isinstance(v, numbers.Integral):
            return str(int(v))
        grouped = spec.startswith(",")
        rest = spec.removeprefix(",")
        decimals = None
        if rest == "":
            decimals = 0
        elif rest.startswith(".") and rest.endswith("f") and rest[1:-1].isdigit():
            decimals = int(rest[1:-1])
        if decimals is None:
            return format(v, spec)
        return i18n.number(v, lang, decimals, grouped=grouped or spec == "")  # halves away from zero, as everywhere

    def __str__(self) -> str:
        return self.__format__("")

    def __repr__(self) -> str:
        return repr(self.value)


def render(key: str, lang: str, values: Mapping[str, object], escape: Escape | None = None) -> str:
    """The text of key in the language with its values filled in: numbers and dates as the language writes them
    (_Localized), a Phrase or a Refusal in the same language, any other value as text, passed through `escape`
    (i18n.literal on a page: a value a user typed or a file held is shown as written) if given. A `count` value
    goes to t() as the count of a counted phrase (it picks the singular or the plural, and t() formats it)."""
    shown = {k: _value(v, lang, escape) for k, v in values.items() if k != "count"}
    if "count" in values:
        return i18n.t(key, lang, count=values["count"], **shown)
    return i18n.t(key, lang, **shown)


def _value(v: object, lang: str, escape: Escape | None) -> object:
    if isinstance(v, Text):
        return v.text(lang, escape)
    if isinstance(v, Refusal):
        return v.message(lang, escape)
    if isinstance(v, (numbers.Real, dt.date)) and not isinstance(v, bool):
        return _Localized(v, lang)
    return escape(v) if escape is not None else v


class Text:
    """A value that writes itself in the message's language (render calls text(lang, escape))."""

    def text(self, lang: str = i18n.DEFAULT_LANGUAGE, escape: Escape | None = None) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.text()


class Phrase(Text):
    """A piece of text to translate inside another message (a field's name, a reason): a key and its values."""

    __slots__ = ("_items", "key")

    def __init__(self, key: str, /, **values: object):
        self.key = key
        self._items = tuple(values.items())

    @property
    def values(self) -> dict[str, object]:
        return dict(self._items)

    def text(self, lang: str = i18n.DEFAULT_LANGUAGE, escape: Escape | None = None) -> str:
        return render(self.key, lang, self.values, escape)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.key, self._items) == (other.key, other._items)

    def __hash__(self) -> int:
        return hash((self.key, self._items))


def _rebuilt(cls: type, key: str, state: dict) -> Refusal:
    """A Refusal from pickle (st.cache_data, a child process): its state, without calling a subclass's __init__."""
    exc = cls.__new__(cls)
    Exception.__init__(exc, key)
    exc.__dict__.update(state)
    return exc


class Refusal(Exception):
    """Something the program will not do, and why, in words for the user: `key` names the message in i18n,
    `values` fill it (numbers and dates formatted in the message's language). str() is the Danish message."""

    public: str | None = None  # the i18n key a page shows instead, when the message names server details

    def __init__(self, key: str, /, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE, escape: Escape | None = None) -> str:
        return render(self.key, lang, self.values, escape)

    def public_values(self) -> dict[str, object]:
        """The values of the `public` text (none unless a subclass says)."""
        return {}

    def shown(self, lang: str = i18n.DEFAULT_LANGUAGE, escape: Escape | None = None) -> str:
        """What a page shows: the public text when the class has one, else the message."""
        if self.public is not None:
            return render(self.public, lang, self.public_values(), escape)
        return self.message(lang, escape)

    def __str__(self) -> str:
        return self.message(i18n.DEFAULT_LANGUAGE)

    def __reduce__(self):
        return _rebuilt, (type(self), self.key, dict(self.__dict__))


class Rejected(Refusal, ValueError):
    """What a user asked for or gave cannot be used: a sign-in, a permission, an edit, a date, a boundary file, a
    file to import (auth.AuthError, edits.EditError, SinceError, BoundaryError, FileError). Nothing was written.
    A ValueError too, as each of these was before they shared this base."""


class StoreError(Refusal):
    """A problem with the database that a user can act on; the message says what and where (the file's path or
    the masked URL), so a page shows the plain `public` text and the log keeps the message."""

    public = "error.store.plain"


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
    it starts. A page says so in plain words (`public`)."""

    public = "error.read_only.plain"

    def __init__(self, path: Path | str):
        super().__init__("store.err.read_only", path=path)


class StoreFull(StoreError):
    """The disk is full (or the file may grow no further): the write failed and was rolled back."""

    public = "error.disk_full.plain"

    def __init__(self, path: Path | str):
        super().__init__("store.err.disk_full", path=path)


class DataMoved(StoreError):
    """The data moved on from the version a page run read (a write landed meanwhile): the run starts again on the
    new version (ui.shell), so no page shows figures of two versions."""
