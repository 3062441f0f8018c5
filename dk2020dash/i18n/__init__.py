"""Danish and English strings, and number and date formatting through Babel (Danish by default)."""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _decimal(value: object) -> Decimal:
    """The value as the decimal it reads as: 0.1 is 0.1, not 0.1000000000000000055511151231257827."""
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:  # a number whose text is not a decimal (True, numpy's bool)
        return Decimal(repr(float(value)))  # type: ignore[arg-type]


def _rounded(value: object, decimals: int) -> Decimal:
    """The value rounded to `decimals` places, halves away from zero (2,5 → 3, −2,5 → −3; Babel would round half
    to even), from the value's shortest decimal text (so 1,25 is a half, though the float is a hair below it); a
    rounded zero has no sign."""
    d = _decimal(value)
    if not d.is_finite():
        return d
    r = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return abs(r) if r.is_zero() else r


def number(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0, grouped: bool = True) -> str:
    """1.234,5 in Danish, 1,234.5 in English (1234,5 and 1234.5 not grouped), halves rounded away from zero; an en
    dash for a missing value."""
    if _missing(value):
        return "–"
    try:
        return _number_once(value, decimals, locale(lang), grouped)
    except TypeError:  # not hashable
        return _number_text(value, decimals, locale(lang), grouped)


def _number_text(value: object, decimals: int, loc: str, grouped: bool = True) -> str:
    fmt = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")
    return format_decimal(_rounded(value, decimals), format=fmt, locale=loc)


# Babel per table cell was a twentieth of a warm page run (issue 14), so each text is remembered; typed, so 1 and
# 1.0 are each formatted as themselves.
_number_once = functools.lru_cache(maxsize=65536, typed=True)(_number_text)


@functools.lru_cache(maxsize=65536, typed=True)
def _formatted_once(how: Callable[..., str], value: object, fmt: str, loc: str) -> str:
    return how(value, format=fmt, locale=loc)


def _formatted(how: Callable[..., str], value: object, fmt: str, loc: str) -> str:
    """Babel's text of a value, remembered (see _number_once)."""
    try:
        return _formatted_once(how, value, fmt, loc)
    except TypeError:  # not hashable
        return how(value, format=fmt, locale=loc)


def percent(share: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A share (0.413) as a percentage: 41 % in Danish, 41% in English; halves away from zero (1,25 % → 1,3 %)."""
    if _missing(share):
        return "–"
    try:
        return _percent_once(share, decimals, locale(lang))
    except TypeError:  # not hashable
        return _percent_text(share, decimals, locale(lang))


def _percent_text(share: object, decimals: int, loc: str) -> str:
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "") + ("%" if loc == _LOCALE["en"] else "\u00a0%")
    return format_percent(_rounded(share, decimals + 2), format=fmt, locale=loc)  # 0.0125 at one decimal: 1.3 %


_percent_once = functools.lru_cache(maxsize=65536, typed=True)(_percent_text)


# The scales of tonnes: (tonnes per unit, decimals, unit key, the largest rounded figure shown in that unit).
_SCALES = ((0, 0, "unit.t", 10_000), (3, 0, "unit.kt", 1_000), (6, 1, "unit.mt", None))


def _scale(value: float) -> int:
    """The scale a value is written in, chosen after rounding: t below 10.000 t, kt below 1.000 kt, else mio. t,
    each judged on the figure as it would be shown (9.999,6 t rounds to 10.000 t, so it is 10 kt)."""
    size = abs(_decimal(value))
    for i, (places, decimals, _, limit) in enumerate(_SCALES):
        if limit is None or _rounded(size.scaleb(-places), decimals) < limit:
            return i
    raise AssertionError("unreachable")


def _shown(value: object) -> bool:
    """A figure that picks a unit: present, finite and not 0 once rounded to the tonne."""
    return not _missing(value) and math.isfinite(float(value)) and not _rounded(value, 0).is_zero()


def tonnes(value: float | None, lang: str = DEFAULT_LANGUAGE, like: float | Iterable[float | None] | None = None
           ) -> str:
    """Tonnes CO2e at a readable scale, the unit chosen after rounding: "9.999 t CO2e", "10 kt CO2e" (for 9.999,6),
    "1,0 mio. t CO2e" (for 999.600).

    `like` names the figures shown beside this one (a card's comparison, the other parts of a sum): all of them
    are then written in one unit, the smallest any of them needs, so none loses digits and they read side by side
    ("2.600 kt" beside "615 kt", not "2,6 mio. t" beside "615 kt"). Give each figure the others as `like`; a
    missing figure or a 0 picks no unit."""
    if _missing(value):
        return "–"
    if not math.isfinite(float(value)):
        return number(value, lang)
    others = [] if like is None else [like] if not isinstance(like, Iterable) else list(like)
    places, decimals, key, _ = _SCALES[_shared_scale([value, *others])]
    return f"{number(_decimal(value).scaleb(-places), lang, decimals)} {t(key, lang)}"


def _shared_scale(values: Iterable[float | None]) -> int:
    return min((_scale(v) for v in values if _shown(v)), default=0)


def tonnes_unit(values: Iterable[float | None]) -> tuple[float, str]:
    """The divisor and unit key tonnes() writes these figures in when each has the others as `like`: for a chart
    whose axis and labels show them side by side."""
    places, _, key, _ = _SCALES[_shared_scale(values)]
    return 10.0 ** places, key


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


