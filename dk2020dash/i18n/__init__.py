"""Danish and English strings, and number and date formatting through Babel (Danish by default)."""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from dk2020dash.i18n import shell, metrics, data, workspace, kkr, adaptation, errors

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
_LOCALE = {"da": "da_DK", "en": "en_GB"}

# key -> (Danish, English), one table per area of the app.
_AREAS = (shell, metrics, data, workspace, kkr, adaptation, errors)
STRINGS: dict[str, tuple[str, str]] = {k: v for area in _AREAS for k, v in area.STRINGS.items()}
assert len(STRINGS) == sum(len(area.STRINGS) for area in _AREAS), "a key is in two areas"


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string for key in the language, with {placeholders} filled in."""
    da, en = STRINGS[key]
    text = en if lang == "en" else da
    return text.format(**values) if values else text


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


# The accessibility statement (webtilgængelighedsloven) on the Metode page: what is checked, how, what does not comply.
STRINGS.update({
    "method.accessibility.title": ("Tilgængelighed", "Accessibility"),
    "method.accessibility.body": (
        "Dashboardet skal leve op til WCAG 2.1 niveau AA, som webtilgængelighedsloven kræver af offentlige "
        "myndigheders websteder.\n\n"
        "**Hvad vi tjekker, og hvordan.** Hver ændring af dashboardet afprøves automatisk i en rigtig browser "
        "(Chromium):\n"
        "- axe-core (Deque Systems) gennemgår hver side i menuen på dansk og på engelsk, alle syv dias i "
        "Præsentation, og som logget ind administrator siderne Data, Brugere, Milepæle og Indsatser med en indsats' "
        "redigeringsformular, med alle udvidelsesfelter åbnet. Ét eneste brud på en af axe-reglerne for WCAG 2.1 A og AA stopper ændringen. Ingen "
        "regler er slået fra.\n"
        "- Hver side er markeret med sit sprog (dansk eller engelsk), så en skærmlæser udtaler teksten rigtigt.\n"
        "- Tastaturet alene: sidemenuen, valg af område og sprog og præsentationens dias (Forrige og Næste med Enter "
        "og mellemrum, diasnumrene og piletasterne ← →), og at fokus ses tydeligt på dem.\n"
        "- Tekst, også småtekst, har en kontrast på mindst 4,5:1 til baggrunden.\n\n"
        "**Det, der ikke lever op til kravene, eller som ikke er afprøvet.**\n"
        "- Automatiske test finder kun en del af WCAG's krav. Om teksterne er forståelige, om fokus altid er tydeligt, "
        "og om siderne fungerer med en skærmlæser, er ikke afprøvet af brugere eller med skærmlæser.\n"
        "- Kortet på siden Kort er tegnet på et lærred (pydeck): en skærmlæser kan ikke læse det, og det kan ikke "
        "betjenes med tastaturet. Kommunernes vurderinger står også i tabellen på Overblik, og siden Kommune vælger "
        "en kommune uden kortet.\n"
        "- Tabellerne er tegnet på et lærred; de kan nås med tastaturet, men en skærmlæser læser dem kun delvist. "
        "Hver tabel kan hentes som CSV og XLSX.\n"
        "- Nogle af Streamlits egne knapper og hjælpetekster er på engelsk, også på de danske sider (fx »Skip to main "
        "content«, tabellernes værktøjslinje og diasnumrenes »Page 2«).",
        "The dashboard is to meet WCAG 2.1 level AA, which the Danish Web Accessibility Act "
        "(webtilgængelighedsloven) requires of public bodies' websites.\n\n"
        "**What we check, and how.** Every change to the dashboard is tested automatically in a real browser "
        "(Chromium):\n"
        "- axe-core (Deque Systems) checks every page in the menu in Danish and in English, all seven slides of the "
        "Presentation, and, signed in as an admin, the Data, Users, Milestones and Actions pages with an action's edit "
        "form, with every expander opened. A single violation of any of axe's WCAG 2.1 A and AA rules stops the change. No rule is switched "
        "off.\n"
        "- Every page is marked with its language (Danish or English), so a screen reader pronounces it right.\n"
        "- The keyboard alone: the page menu, the choice of area and language, and the presentation's slides "
        "(Previous and Next with Enter and Space, the slide numbers and the arrow keys ← →), and that the focus on them "
        "is clearly visible.\n"
        "- Text, small text too, has a contrast of at least 4.5:1 against its background.\n\n"
        "**What does not comply, or is not tested.**\n"
        "- Automated tests find only part of what WCAG requires. Whether the texts are understandable, whether the "
        "focus is always clearly visible, and whether the pages work with a screen reader have not been tested by "
        "users or with a screen reader.\n"
        "- The map on the Map page is drawn on a canvas (pydeck): a screen reader cannot read it and it cannot be "
        "used with the keyboard. The municipalities' verdicts are also in the table on Overview, and the "
        "Municipality page chooses a municipality without the map.\n"
        "- The tables are drawn on a canvas; they can be reached with the keyboard, but a screen reader reads them "
        "only in part. Every table can be downloaded as CSV and XLSX.\n"
        "- Some of Streamlit's own buttons and help texts are in English on the Danish pages too (e.g. \"Skip to main "
        "content\", the tables' toolbar and the slide numbers' \"Page 2\").",
    ),
})


# Errors shown to visitors without the server's paths or the database's own words (those go to the log).
STRINGS.update({
    "error.store.plain": ("Databasen kan ikke bruges lige nu. Detaljerne står i serverens log; kontakt den, der "
                          "driver dashboardet.",
                          "The database cannot be used right now. The details are in the server's log; contact "
                          "whoever runs the dashboard."),
    "imp.failed.plain": ("Indlæsningen mislykkedes; intet er ændret. Detaljerne står i serverens log.",
                         "The import failed; nothing was changed. The details are in the server's log."),
    "exp.restore.failed.plain": ("Gendannelsen mislykkedes; intet er ændret. Detaljerne står i serverens log.",
                                 "The restore failed; nothing was changed. The details are in the server's log."),
})

# A write the database file refuses (issue 14, faults): a read-only file or a full disk. The store's error (CLI, log)
# names the file; the page's message does not. Reads go on being served in both cases.
STRINGS.update({
    "store.err.read_only": ("{path}: databasen er skrivebeskyttet (filen eller dens mappe kan ikke skrives); intet er "
                            "ændret.",
                            "{path}: the database is read-only (the file or its folder cannot be written); nothing "
                            "was changed."),
    "store.err.disk_full": ("{path}: disken er fuld, så ændringen kunne ikke gemmes; intet er ændret. Frigør plads og "
                            "prøv igen.",
                            "{path}: the disk is full, so the change could not be saved; nothing was changed. Free "
                            "some space and try again."),
    "store.err.cannot_upgrade.read_only": ("{path}: databasen har skemaversion {version} og skal opgraderes til "
                                           "{newest}, før den kan bruges, men filen er skrivebeskyttet; intet er ændret.",
                                           "{path}: the database has schema version {version} and must be upgraded to "
                                           "{newest} before it can be used, but the file is read-only; nothing was "
                                           "changed."),
    "store.err.cannot_upgrade.disk_full": ("{path}: databasen har skemaversion {version} og skal opgraderes til "
                                           "{newest}, før den kan bruges, men disken er fuld; intet er ændret.",
                                           "{path}: the database has schema version {version} and must be upgraded to "
                                           "{newest} before it can be used, but the disk is full; nothing was changed."),
    "error.read_only.plain": ("Databasen er skrivebeskyttet: siderne kan læses, men intet kan gemmes. Intet er ændret; "
                              "kontakt den, der driver dashboardet.",
                              "The database is read-only: the pages can be read, but nothing can be saved. Nothing "
                              "was changed; contact whoever runs the dashboard."),
    "error.disk_full.plain": ("Disken er fuld, så ændringen kunne ikke gemmes. Intet er ændret; kontakt den, der "
                              "driver dashboardet.",
                              "The disk is full, so the change could not be saved. Nothing was changed; contact "
                              "whoever runs the dashboard."),
})

# Long lists (bench/scale.py, 100 times the demo): a page shows the first rows, the downloads hold every row.
STRINGS.update({
    "table.first": ("Viser de første {shown} af {n} rækker. Filtrér, eller hent hele listen som CSV eller XLSX.",
                    "Showing the first {shown} of {n} rows. Filter, or download the whole list as CSV or XLSX."),
    "table.first.plain": ("Viser de første {shown} af {n} rækker.", "Showing the first {shown} of {n} rows."),
})
