"""Danish and English strings, and number and date formatting through Babel (Danish by default)."""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from dk2020dash.i18n import adaptation, data, errors, kkr, metrics, shell, workspace

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
_LOCALE = {"da": "da_DK", "en": "en_GB"}

# A text, or for a counted phrase the pair (singular, plural): ("{count} handling", "{count} handlinger").
Text = str | tuple[str, str]
# key -> (Danish, English), one table per area of the app.
_AREAS = (shell, metrics, data, workspace, kkr, adaptation, errors)
STRINGS: dict[str, tuple[Text, Text]] = {k: v for area in _AREAS for k, v in area.STRINGS.items()}
assert len(STRINGS) == sum(len(area.STRINGS) for area in _AREAS), "a key is in two areas"


def counted(key: str) -> bool:
    """Whether the entry has a singular and a plural form, so t() needs count=."""
    return isinstance(STRINGS[key][0], tuple)


def t(key: str, lang: str = DEFAULT_LANGUAGE, count: float | None = None, **values: object) -> str:
    """The string for key in the language, with {placeholders} filled in.

    A counted phrase takes count=: the number picks the singular or the plural form by the language's plural rule
    (1 handling, 2 handlinger; 1 action, 2 actions) and is filled into {count}, formatted by number()."""
    da, en = STRINGS[key]
    text = en if lang == "en" else da
    if count is not None:
        if isinstance(text, tuple):
            text = text[0] if _singular(count, lang) else text[1]
        values = {**values, "count": number(count, lang)}
    elif isinstance(text, tuple):
        raise TypeError(f"{key} is a counted phrase: give t() count=")
    return text.format(**values) if values else text


@functools.lru_cache(maxsize=8)
def _plural_rule(loc: str) -> Callable[[float], str]:
    return Locale.parse(loc).plural_form


def _singular(count: float, lang: str) -> bool:
    """Babel's (CLDR's) plural rule of the language: 1 is "one" in Danish and English, 0 and 2 are "other"."""
    n = int(count) if float(count).is_integer() else count  # 1.0 buildings is one building
    return _plural_rule(locale(lang))(n) == "one"


def locale(lang: str) -> str:
    return _LOCALE.get(lang, _LOCALE[DEFAULT_LANGUAGE])


def number(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1.234,5 in Danish, 1,234.5 in English; an en dash for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _formatted(format_decimal, value, fmt, locale(lang))


@functools.lru_cache(maxsize=65536, typed=True)
def _formatted_once(how: Callable[..., str], value: object, fmt: str, loc: str) -> str:
    return how(value, format=fmt, locale=loc)


def _formatted(how: Callable[..., str], value: object, fmt: str, loc: str) -> str:
    """Babel's text of a value, remembered (issue 14: Babel per table cell was a twentieth of a warm page run);
    typed, so 1 and 1.0 are each formatted as themselves."""
    try:
        return _formatted_once(how, value, fmt, loc)
    except TypeError:  # not hashable
        return how(value, format=fmt, locale=loc)


def percent(share: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A share (0.413) as a percentage: 41 % in Danish, 41% in English."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    if lang == "en":
        fmt = fmt.replace("\u00a0", "")
    return _formatted(format_percent, share, fmt, locale(lang))


def tonnes(value: float | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Tonnes CO2e at a readable scale: Mt above a million, kt above ten thousand, else t."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    size = abs(value)
    if size >= 1_000_000:
        return f"{number(value / 1_000_000, lang, 1)} {t('unit.mt', lang)}"
    if size >= 10_000:
        return f"{number(value / 1_000, lang, 0)} {t('unit.kt', lang)}"
    return f"{number(value, lang, 0)} {t('unit.t', lang)}"


def listed(items: list[str], lang: str = DEFAULT_LANGUAGE, shown: int = 10) -> str:
    """"a, b og c", or past `shown` items "a, b, … og 12 andre" ("and 12 others")."""
    items = [str(i) for i in items]
    if len(items) > shown:
        return ", ".join(items[:shown]) + t("list.others", lang, count=len(items) - shown)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("list.and", lang) + items[-1]


def day(value: date | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date as 28. nov. 2026 (Danish) or 28 Nov 2026 (English)."""
    if value is None:
        return "–"
    return _formatted(format_date, value, "medium", locale(lang))


# -- user and file text on a page (issue 9) ---------------------------------------------------------------
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#~$:@])")  # enough to stop links, images, HTML, emphasis, math
_WWW = re.compile(r"(?i)(www)\.")


def literal(text: object) -> str:
    """Text a user typed or a file held, made safe to put into markdown (st.markdown, st.write of a string,
    st.caption, st.warning, st.info, st.error, st.success, st.title, labels): shown exactly as written, never as
    a link, an image, HTML, a heading, colour or math. Line breaks become spaces. Dataframes need none of this."""
    flat = " ".join(str(text).splitlines())
    return _WWW.sub(r"\1\\.", _MARKDOWN_SPECIAL.sub(r"\\\1", flat))


