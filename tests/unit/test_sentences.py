"""The sentences a mayor reads aloud, and finding a municipality from a link: pure functions, no Streamlit."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dk2020dash import names
from dk2020dash.metrics.mitigation import MunicipalityInputs, PlanTargets, assess_area, assess_municipality
from dk2020dash.views import sentences

TODAY = date(2026, 6, 30)
PLAN = PlanTargets(baseline_year=1990, net_zero_year=2050, targets={2030: 0.70})


def muni(code: int, latest: float, baseline: float = 1000.0) -> MunicipalityInputs:
    # 2022-2024 fall by 30 a year to `latest`, so there is a trend
    return MunicipalityInputs(code=code, series={1990: baseline, 2022: latest + 60, 2023: latest + 30, 2024: latest},
                              plan=PLAN, expected_by_status={"planned": 50.0}, population=1000.0)


def test_area_sentence_reads_like_the_example() -> None:
    # T(2030) = 300, each falls 30 a year: 400 needs (400 − 300)/6 ≈ 17 a year (on track), 590 and 780 need 48 and 80
    # (off track). The area sums 3 of 4 municipalities (75 % < 90 %): it is not judged, and the sentence says so first.
    area = assess_area([muni(101, 400.0), muni(147, 590.0), muni(151, 780.0), MunicipalityInputs(
        code=153, series={}, plan=PLAN, expected_by_status={})], TODAY)
    text = sentences.area_sentence(area, "Region Hovedstaden", "da")
    assert text == ("ℹ️ Region Hovedstaden: kan ikke vurderes for området: 3 af 4 kommuner har en opgørelse. "
                    "Region Hovedstaden har reduceret udledningen med 41\u00a0% siden 1990. Målet for 2030 er 70\u00a0%. "
                    "1 af 4 kommuner er på rette vej. 1 kan ikke beregnes.")
    assert sentences.area_sentence(area, "Region Hovedstaden", "en").startswith(
        "ℹ️ Region Hovedstaden: cannot be assessed for the area: 3 of 4 municipalities have an inventory. Region "
        "Hovedstaden has cut emissions by 41% since 1990. The target for 2030 is 70%. 1 of 4 municipalities")
    # All three assessed: the area's own verdict comes first (its sum falls 90 a year; it needs (1770 − 900)/6 = 145)
    whole = assess_area([muni(101, 400.0), muni(147, 590.0), muni(151, 780.0)], TODAY)
    assert sentences.area_sentence(whole, "Region Hovedstaden", "da").startswith(
        "❌ Region Hovedstaden er ikke på rette vej. Region Hovedstaden har reduceret")


def test_municipality_sentence_has_icon_and_verdict_word() -> None:
    p = assess_municipality(muni(101, 400.0), TODAY)
    assert sentences.municipality_sentence(p, "København", "da") == (
        "✅ København er på rette vej. København har reduceret udledningen med 60\u00a0% siden 1990. "
        "Målet for 2030 er 70\u00a0%.")
    off = assess_municipality(muni(751, 900.0), TODAY)
    assert sentences.municipality_sentence(off, "Aarhus", "en").startswith("❌ Aarhus is off track.")


def test_rising_emissions_are_said_plainly() -> None:
    p = assess_municipality(muni(101, 1100.0), TODAY)
    assert "har øget udledningen med 10\u00a0% siden 1990" in sentences.municipality_sentence(p, "X", "da")
    assert sentences.trajectory_title(p, "da").startswith("Udledningen er steget 10\u00a0% siden 1990")


def test_freshness_note_gives_year_and_lag() -> None:
    p = assess_municipality(muni(101, 400.0), TODAY)
    assert sentences.freshness_note(p, "da") == "Opgørelsesår 2024 · data er 2 år gamle"


def test_resolve_municipality_by_code_name_case_and_old_spelling() -> None:
    munis = pd.DataFrame({"code": [101, 751, 400, 825], "name": ["København", "Aarhus", "Bornholm", "Læsø"]})
    assert names.resolve_municipality(munis, "101") == 101
    assert names.resolve_municipality(munis, "aarhus") == 751
    assert names.resolve_municipality(munis, "Århus") == 751
    assert names.resolve_municipality(munis, "KØBENHAVNS KOMMUNE") == 101
    assert names.resolve_municipality(munis, "laesoe") == 825
    assert names.resolve_municipality(munis, "Bornholms Regionskommune") == 400
    assert names.resolve_municipality(munis, "999") is None
    assert names.resolve_municipality(munis, "Atlantis") is None


def test_danish_sort_puts_ae_oe_aa_last() -> None:
    assert sorted(["Ærø", "Aarhus", "Zealand", "Århus", "Ølstykke"], key=names.danish_sort_key) == [
        "Aarhus", "Zealand", "Ærø", "Ølstykke", "Århus"]


def test_the_verdict_note_says_what_the_verdict_rests_on() -> None:
    # Issue 19 item 1: nothing on screen explained the verdict. 400 falling 30 a year: F(2030) = 400 − 180 = 220
    p = assess_municipality(muni(101, 400.0), TODAY)
    assert sentences.verdict_note(p, "da") == ("Opgørelsesår 2024 · data er 2 år gamle · Trenden fører til 220 t CO2e "
                                               "i 2030 mod et mål på 300 t CO2e.")
    two_years = MunicipalityInputs(code=1, series={1990: 1000.0, 2024: 400.0}, plan=PLAN, expected_by_status={})
    assert sentences.verdict_note(assess_municipality(two_years, TODAY), "en").endswith(
        "Judged from the latest inventory (2024): too few years for a trend.")
