"""Metode states the definitions of issue 9 in Danish and English: completed actions already in the inventory,
the required pace from the need, and the trend over the five calendar years ending at the latest year."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import page


def metode(**query: str) -> str:
    at = page("pages/metode.py", runs=2, timeout=60, **query)
    assert not at.exception
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize(("lang", "phrases"), [
    ("Dansk", ["»allerede i opgørelsen« og tæller ikke", "gennemført efter seneste opgørelsesår",
               "slutdato, ellers datoen for en redigering, der ændrede dens status til gennemført",
               "P = (E(seneste) − T(2030)) / (2030 − seneste år)", "»ud over behovet«", "»målet for 2030 er nået«",
               "F(2030) = E(seneste) − s · (2030 − seneste år)", "d = (F(2030) − T(2030)) / B",
               "inden for de 5 kalenderår op til og med det seneste opgørelsesår", "mindst 3", "»nået«"]),
    ("English", ["\"already in the inventory\" and counts nothing", "completed after the latest inventory year",
                 "end date, else the date of an edit that changed its status to completed",
                 "P = (E(latest) − T(2030)) / (2030 − latest year)", "\"beyond the need\"",
                 "F(2030) = E(latest) − s · (2030 − latest year)", "d = (F(2030) − T(2030)) / B",
                 "\"the 2030 target is reached\"", "within the 5 calendar years up to and including the latest",
                 "At least 3", "\"reached\""]),
])
def test_metode_states_the_new_definitions(demo_env: Path, lang: str, phrases: list[str]) -> None:
    body = metode(lang=lang)
    for phrase in phrases:
        assert phrase in body, phrase
    # issue 19 item 11: "behov og manko manko i det år"; counts in words with their plural
    doubled = re.search(r"(?i)\b(\w+)\s+\1\b", body)
    assert doubled is None, doubled.group(0)
    days = "ikke er opdateret i 365 dage, er forældet" if lang == "Dansk" else "not updated for 365 days is stale"
    assert days in body


@pytest.mark.parametrize(("lang", "title", "phrases"), [
    ("Dansk", "Tilgængelighed", ["WCAG 2.1 niveau AA", "webtilgængelighedsloven", "axe-core",
                                 "på dansk og på engelsk", "Tastaturet alene", "ikke lever op til kravene",
                                 "Kortet på siden Kort", "skærmlæser"]),
    ("English", "Accessibility", ["WCAG 2.1 level AA", "webtilgængelighedsloven", "axe-core",
                                  "in Danish and in English", "The keyboard alone", "does not comply",
                                  "The map on the Map page", "screen reader"]),
])
def test_metode_has_the_accessibility_statement(demo_env: Path, lang: str, title: str, phrases: list[str]) -> None:
    """The accessibility statement (webtilgængelighedsloven): what is checked, how, and what does not comply."""
    at = page("pages/metode.py", runs=2, timeout=60, lang=lang)
    assert not at.exception
    assert title in [s.value for s in at.subheader]
    (section,) = [m.value for m in at.markdown if "axe-core" in m.value]
    for phrase in phrases:
        assert phrase in section, phrase
