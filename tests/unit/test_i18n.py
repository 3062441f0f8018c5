"""The string tables: every key in both languages with the same placeholders, and plural forms for counted phrases
(issue 18: "1 handlinger" and "1 years" no more)."""
from __future__ import annotations

import ast
import re
import string

import pytest

from dk2020dash import errors, i18n
from tests.support import ROOT

COUNTED = sorted(k for k in i18n.STRINGS if i18n.counted(k))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def forms(key: str) -> list[tuple[str, str]]:
    """(Danish, English) of each form of the entry: one pair, or the singular pair and the plural pair."""
    da, en = i18n.STRINGS[key]
    return list(zip(da, en)) if i18n.counted(key) else [(da, en)]


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    da, en = i18n.STRINGS[key]
    assert isinstance(da, str) == isinstance(en, str), key  # counted in both languages or in neither
    for da_text, en_text in forms(key):
        assert isinstance(da_text, str) and isinstance(en_text, str), key
        assert da_text.strip() and en_text.strip(), key
        assert placeholders(da_text) == placeholders(en_text), key


@pytest.mark.parametrize("key", COUNTED)
def test_a_counted_phrase_has_a_singular_and_a_plural_that_take_the_count(key: str) -> None:
    da, en = i18n.STRINGS[key]
    assert len(da) == len(en) == 2, key
    assert da[0] != da[1] or en[0] != en[1], key  # one language at least needs the two forms ("1 år", "1 year")
    for singular, plural in (da, en):
        assert "count" in placeholders(plural), key  # the plural always says how many
        # both forms fill the same values, but for the count a singular may leave out ("Kommunen med størst manko")
        assert placeholders(singular) - {"count"} == placeholders(plural) - {"count"}, key


def test_there_are_counted_phrases_for_actions_years_and_municipalities() -> None:
    assert {"years", "act.count", "mun.actions.count", "bridge.missing_expected", "map.legend.count",
            "n.municipalities", "n.actions"} <= set(COUNTED)


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("da", "1 handling har ingen forventet reduktion og tæller med 0 t.",
     "2 handlinger har ingen forventet reduktion og tæller med 0 t."),
    ("en", "1 action has no expected reduction and counts as 0 t.",
     "2 actions have no expected reduction and count as 0 t."),
])
def test_count_one_picks_the_singular_and_two_the_plural(lang: str, one: str, two: str) -> None:
    assert i18n.t("bridge.missing_expected", lang, count=1) == one
    assert i18n.t("bridge.missing_expected", lang, count=2) == two


def test_actions_and_years_in_both_languages() -> None:
    assert [i18n.t("n.actions", "da", count=n) for n in (0, 1, 2)] == ["0 handlinger", "1 handling", "2 handlinger"]
    assert [i18n.t("n.actions", "en", count=n) for n in (0, 1, 2)] == ["0 actions", "1 action", "2 actions"]
    assert [i18n.t("act.count", "da", count=n) for n in (1, 2)] == ["1 indsats", "2 indsatser"]
    assert [i18n.t("years", "da", count=n) for n in (1, 2)] == ["1 år", "2 år"]
    assert [i18n.t("years", "en", count=n) for n in (1, 2)] == ["1 year", "2 years"]
    assert [i18n.t("n.municipalities", "en", count=n) for n in (1, 98)] == ["1 municipality", "98 municipalities"]


def test_the_count_is_formatted_as_a_number_in_the_language() -> None:
    assert i18n.t("n.actions", "da", count=12345) == "12.345 handlinger"
    assert i18n.t("n.actions", "en", count=12345) == "12,345 actions"
    assert i18n.t("ad.protection.buildings", "en", count=1.0) == "1 building"  # a whole float is counted as one


def test_a_counted_phrase_without_a_count_is_refused() -> None:
    with pytest.raises(TypeError, match="count="):
        i18n.t("act.count", "da")


# -- every call in the code gives a counted phrase its count, and only a counted phrase --------------------------
def _calls() -> list[tuple[str, int, str, bool]]:
    """(file, line, key, gives count=) of every t(...), refusal (AuthError(key, ...)), Phrase(key, ...) and import
    problem (problems.add(row, column, value, key, ...)) with a literal key (or "a" if ... else "b") and every
    (key, {values}) pair the importers hand to Summary.notes / warnings, in the package and the pages."""
    found = []
    files = [*sorted((ROOT / "dk2020dash").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                # t(key, ...), AuthError(key, **values), Phrase(key, **values); problems.add(row, column, value, key)
                translates = name in {"t", "_t", "Phrase"} or name.endswith(("Error", "Refusal"))
                index = 0 if translates else 3 if name == "add" and "ingest" in path.parts else None
                if index is None or len(node.args) <= index:
                    continue
                arg = node.args[index]
                branches = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]  # "a" if ... else "b"
                counts = any(k.arg == "count" for k in node.keywords)
                for b in branches:
                    if isinstance(b, ast.Constant) and b.value in i18n.STRINGS:
                        found.append((path.name, node.lineno, b.value, counts))
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[0], ast.Constant) \
                    and node.elts[0].value in i18n.STRINGS and isinstance(node.elts[1], ast.Dict):
                counts = any(isinstance(k, ast.Constant) and k.value == "count" for k in node.elts[1].keys)
                found.append((path.name, node.lineno, node.elts[0].value, counts))
    return found


def test_every_call_of_a_counted_phrase_gives_the_count() -> None:
    calls = _calls()
    assert len(calls) > 500  # the walk finds the calls
    wrong = [(f, line, key) for f, line, key, counts in calls if counts != i18n.counted(key)]
    assert wrong == []
    assert set(COUNTED) <= {key for _, _, key, _ in calls}  # no counted phrase is left unused


# -- one number formatter (issue 19 item 11, DESIGN.md 4 D) -------------------------------------------------------
@pytest.mark.parametrize(("value", "da", "en"), [
    (9_999.4, "9.999 t CO2e", "9,999 t CO2e"),
    (9_999.6, "10 kt CO2e", "10 kt CO2e"),  # rounds to 10.000 t, so it is written in kt
    (10_000, "10 kt CO2e", "10 kt CO2e"),
    (999_499, "999 kt CO2e", "999 kt CO2e"),
    (999_600, "1,0 mio. t CO2e", "1.0 Mt CO2e"),  # rounds to 1.000 kt, so it is written in mio. t
    (999_999.6, "1,0 mio. t CO2e", "1.0 Mt CO2e"),
    (1_250_000, "1,3 mio. t CO2e", "1.3 Mt CO2e"),  # a half, away from zero
    (-9_999.6, "-10 kt CO2e", "-10 kt CO2e"),
    (-999_600, "-1,0 mio. t CO2e", "-1.0 Mt CO2e"),
    (-999_999.6, "-1,0 mio. t CO2e", "-1.0 Mt CO2e"),
    (0, "0 t CO2e", "0 t CO2e"),
    (-0.4, "0 t CO2e", "0 t CO2e"),  # a rounded zero has no sign
    (None, "–", "–"),
    (float("nan"), "–", "–"),
])
def test_tonnes_picks_the_unit_after_rounding(value: float | None, da: str, en: str) -> None:
    assert i18n.tonnes(value, "da") == da
    assert i18n.tonnes(value, "en") == en


@pytest.mark.parametrize(("value", "text"), [(2.5, "3"), (-2.5, "-3"), (0.5, "1"), (-0.5, "-1"), (1.5, "2"),
                                             (3.5, "4"), (12_344.5, "12.345"), (-0.4, "0")])
def test_halves_round_away_from_zero(value: float, text: str) -> None:
    assert i18n.number(value, "da") == text


def test_halves_round_away_from_zero_in_decimals_percentages_and_tonnes() -> None:
    assert i18n.number(2.675, "da", 2) == "2,68"  # the float is a hair below 2,675; the figure is a half
    assert i18n.number(0.25, "en", 1) == "0.3"
    assert i18n.percent(0.0125, "da", 1) == "1,3\u00a0%"
    assert i18n.percent(0.0125, "en", 1) == "1.3%"
    assert i18n.percent(0.005, "da") == "1\u00a0%"
    assert i18n.percent(-0.005, "en") == "-1%"
    assert i18n.percent(-0.001, "da") == "0\u00a0%"
    assert i18n.tonnes(2.5, "da") == "3 t CO2e"
    assert i18n.tonnes(-2.5, "da") == "-3 t CO2e"
    assert i18n.tonnes(10_500, "en") == "11 kt CO2e"
    assert i18n.t("n.actions", "da", count=2.5) == "3 handlinger"  # a count is formatted by number()


def test_the_formatter_takes_numpy_and_whole_numbers_and_gives_the_same_text_twice() -> None:
    import numpy as np

    assert i18n.number(np.float64(2.5), "da") == i18n.number(2.5, "da") == "3"
    assert i18n.number(np.int64(12345), "en") == "12,345"
    assert i18n.number(1.0, "da") == i18n.number(1, "da") == "1"
    assert i18n.tonnes(np.float64(999_600), "da") == "1,0 mio. t CO2e"
    assert [i18n.number(v, "da", 1) for v in (0.05, 0.05, 0.15)] == ["0,1", "0,1", "0,2"]  # the second from the cache


@pytest.mark.parametrize(("a", "b", "a_text", "b_text"), [
    (2_600_000, 615_000, "2.600 kt CO2e", "615 kt CO2e"),  # issue 19: "2,6 mio. t" beside "615 kt"
    (15_700_000, 3_700_000, "15,7 mio. t CO2e", "3,7 mio. t CO2e"),
    (633_000, 9_999.6, "633 kt CO2e", "10 kt CO2e"),  # 9.999,6 is 10 kt, so the pair is in kt
    (633_000, 9_999.4, "633.000 t CO2e", "9.999 t CO2e"),  # 9.999,4 needs t
    (1_200_000, 0, "1,2 mio. t CO2e", "0,0 mio. t CO2e"),  # a 0 picks no unit
    (1_200_000, None, "1,2 mio. t CO2e", "–"),
    (-18_000, 290_000, "-18 kt CO2e", "290 kt CO2e"),
])
def test_a_figure_and_its_comparison_share_one_unit(a: float, b: float | None, a_text: str, b_text: str) -> None:
    assert i18n.tonnes(a, "da", like=b) == a_text
    assert i18n.tonnes(b, "da", like=a) == b_text


def test_the_shared_unit_is_the_smallest_any_figure_needs_and_the_same_for_each() -> None:
    figures = [2_600_000, 615_000, 40]
    texts = [i18n.tonnes(v, "en", like=[o for o in figures if o is not v]) for v in figures]
    assert texts == ["2,600,000 t CO2e", "615,000 t CO2e", "40 t CO2e"]
    assert i18n.tonnes_unit(figures) == (1.0, "unit.t")
    assert i18n.tonnes_unit([2_600_000, 615_000]) == (1_000.0, "unit.kt")
    assert i18n.tonnes_unit([999_600, 0, None]) == (1_000_000.0, "unit.mt")
    assert i18n.tonnes(9_999.6, "da", like=[]) == "10 kt CO2e"  # nothing beside it: its own unit


# -- counts take plural forms, and no text says a word twice (issue 19 item 11) ------------------------------------
# The nouns a number counts, in either language: after a {placeholder} (or "{a} af {b}") they mean the entry must be
# a counted phrase, so that 1 reads "1 kommune", not "1 kommuner".
COUNT_WORDS = ("dage", "days", "år", "years", "rækker", "rows", "kolonner", "columns", "celler", "cells", "tegn",
               "characters", "bytes", "kommuner", "municipalities", "handlinger", "actions", "indsatser",
               "milepæle", "milestones", "kalenderår", "calendar years", "opgørelsesår", "inventory years",
               "sekunder", "seconds", "bygninger", "buildings", "risici", "risks", "udgaver", "editions")
_COUNTED_NUMBER = re.compile(r"\{\w+(?::[^}]*)?\}\s+(?:(?:af|of) \{\w+(?::[^}]*)?\}\s+)?(?:" +
                             "|".join(COUNT_WORDS) + r")\b")


@pytest.mark.parametrize("key", sorted(k for k in i18n.STRINGS if not i18n.counted(k)))
def test_a_number_with_a_count_word_is_a_counted_phrase(key: str) -> None:
    for text in i18n.STRINGS[key]:
        found = _COUNTED_NUMBER.search(text)
        assert found is None, f"{key}: {found.group(0)!r} needs plural forms (a counted phrase, or a n.* phrase as value)"


def test_the_count_scan_finds_what_it_is_for() -> None:
    for text in ("fra {n} kommuner", "for {assessed} af {n} kommuner i {area}", "{n:,} rækker", "{days} days",
                 "of {n} municipalities"):
        assert _COUNTED_NUMBER.search(text), text
    for text in ("Nr. {rank} af {n} på reduktion", "i {year} udledte", "{n} af {total}"):
        assert not _COUNTED_NUMBER.search(text), text


@pytest.mark.parametrize(("key", "values", "one", "many"), [
    ("kkr.notes.source", {"area": "X", "editions": "E", "today": "i dag"}, "for 1 kommune i X", "for 2 kommuner i X"),
    ("table.first.plain", {"shown": "1"}, "af 1 række.", "af 2 rækker."),
    ("ms.due_soon", {"n": "3"}, "inden for 1 dag (3)", "inden for 2 dage (3)"),
    ("act.stale", {}, "i 1 dag)", "i 2 dage)"),
    ("imp.p.rows", {}, "1 række", "2 rækker"),
])
def test_counts_that_read_with_a_fixed_plural_take_the_singular_for_one(key: str, values: dict, one: str,
                                                                       many: str) -> None:
    assert one in i18n.t(key, "da", count=1, **values)
    assert many in i18n.t(key, "da", count=2, **values)


def test_a_text_with_several_counts_takes_counted_phrases_as_values() -> None:
    from dk2020dash.ingest import read

    refused = read.FileError("imp.file.xlsx_cells", max=errors.Phrase("n.cells", count=1),
                             rows=errors.Phrase("n.rows", count=1), columns=errors.Phrase("n.columns", count=2))
    assert "over 1 celle (1 række × 2 kolonner)" in refused.message("da")
    assert "over 1 cell (1 row × 2 columns)" in refused.message("en")
    assert i18n.t("n.days", "en", count=1) == "1 day" and i18n.t("n.days", "da", count=365) == "365 dage"


def _texts(key: str) -> list[str]:
    return [x for v in i18n.STRINGS[key] for x in ((v,) if isinstance(v, str) else v)]


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_no_text_says_a_word_twice(key: str) -> None:
    # Metode said "summer af kommunernes behov og manko manko i det år"
    for text in _texts(key):
        doubled = re.search(r"(?i)\b(\w+)\s+\1\b", text)
        assert doubled is None, f"{key}: {doubled.group(0)!r}"
