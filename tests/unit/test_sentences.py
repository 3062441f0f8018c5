"""The sentences a mayor reads aloud, and finding a municipality from a link: pure functions, no Streamlit."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dk2020dash import names
from dk2020dash.metrics.mitigation import Bridge, MunicipalityInputs, PlanTargets, assess_area, assess_municipality
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


# -- figures as text (issue 19 item 11): a rise reads as a rise, a figure and its comparison share one unit ----------
def rising(latest: float = 1100.0, step: float = 18.0, baseline: float = 1000.0) -> MunicipalityInputs:
    """Emissions above the 1990 baseline and still rising by `step` a year."""
    return MunicipalityInputs(code=101, series={1990: baseline, 2022: latest - 2 * step, 2023: latest - step,
                                                2024: latest}, plan=PLAN, expected_by_status={}, population=1000.0)


def test_a_rising_trend_is_written_as_a_rise_in_both_languages() -> None:
    # 1.040 kt and rising 18 kt a year; the required pace beside it is (1.040 − 300 kt) / 6 = 123 kt a year
    p = assess_municipality(rising(latest=1_040_000.0, step=18_000.0, baseline=1_000_000.0), TODAY)
    assert p.observed_pace < 0
    assert sentences.required_pace_text(p, "da") == "123 kt CO2e/år"
    assert sentences.observed_text(p, "da") == "Faktisk stigning pr. år (trend): 18 kt CO2e/år"
    assert sentences.observed_text(p, "en") == "Actual rise per year (trend): 18 kt CO2e/yr"
    falling = assess_municipality(muni(101, 400.0), TODAY)  # 30 t a year down
    assert sentences.observed_text(falling, "da") == "Faktisk fald pr. år (trend): 30 t CO2e/år"
    assert sentences.observed_text(falling, "en") == "Actual cut per year (trend): 30 t CO2e/yr"


def test_a_negative_reduction_reads_as_an_increase_and_the_label_keeps_its_start_for_a_reduction() -> None:
    up = assess_municipality(rising(latest=1040.0), TODAY)  # 4 % above 1990
    assert sentences.reduction_card(up, "da") == ("Stigning siden 1990", "4\u00a0%")
    assert sentences.reduction_card(up, "en") == ("Increase since 1990", "4%")
    down = assess_municipality(muni(101, 400.0), TODAY)
    assert sentences.reduction_card(down, "da") == ("Reduktion siden 1990", "60\u00a0%")
    assert sentences.reduction_card(down, "en") == ("Reduction since 1990", "60%")


def test_the_required_pace_and_the_observed_pace_share_one_unit() -> None:
    # E(2024) = 9 Mt falling 615 kt a year; T(2030) = 3 Mt, so the required pace is 6 Mt / 6 years = 1 Mt a year
    series = {1990: 10_000_000.0, 2022: 10_230_000.0, 2023: 9_615_000.0, 2024: 9_000_000.0}
    p = assess_municipality(MunicipalityInputs(code=101, series=series, plan=PLAN, expected_by_status={},
                                               population=1000.0), TODAY)
    assert p.required_pace == pytest.approx(1_000_000)
    assert sentences.required_pace_text(p, "da") == "1.000 kt CO2e/år"  # not "1,0 mio. t" beside "615 kt"
    assert sentences.observed_text(p, "da") == "Faktisk fald pr. år (trend): 615 kt CO2e/år"
    assert sentences.required_pace_text(p, "en") == "1,000 kt CO2e/yr"


def test_the_manko_and_its_need_share_one_unit() -> None:
    assert sentences.manko_texts(Bridge(need=1_200_000, secured=850_000), "da") == ("350 kt CO2e", "1.200 kt CO2e")
    assert sentences.manko_texts(Bridge(need=15_700_000, secured=12_000_000), "en") == ("3.7 Mt CO2e", "15.7 Mt CO2e")
    assert sentences.manko_texts(Bridge(need=1_200_000, secured=1_300_000), "da") == ("0,0 mio. t CO2e",
                                                                                     "1,2 mio. t CO2e")


def test_the_bridge_sentence_gives_every_part_in_one_unit() -> None:
    text = sentences.bridge_summary(Bridge(need=2_600_000, secured=1_985_000, planned=40_000), "da")
    assert "2.600 kt" in text and "1.985 kt" in text and "40 kt" in text and "575 kt" in text
    assert "mio. t" not in text


def test_indexed_summaries_say_a_rise_as_a_rise() -> None:
    up = assess_municipality(rising(latest=1040.0), TODAY)
    down = assess_municipality(muni(147, 400.0), TODAY)
    up_more = assess_municipality(rising(latest=1100.0), TODAY)
    assert sentences.indexed_summary({"Ærø": up}, "da") == (
        "Målt mod sit eget basisår (= 100) har Ærø øget udledningen med 4\u00a0%.")
    assert sentences.indexed_summary({"Ærø": up, "Odense": down}, "en") == (
        "Measured against each one's baseline (= 100), Odense has cut the most (60%), while Ærø has increased its "
        "emissions the most (4%).")
    assert sentences.indexed_summary({"Ærø": up, "Vejle": up_more}, "da") == (
        "Målt mod hver sit basisår (= 100) har alle de valgte øget udledningen: Ærø mindst (4\u00a0%) og Vejle mest "
        "(10\u00a0%).")
    assert "-" not in sentences.indexed_summary({"Ærø": up, "Vejle": up_more}, "en")


def test_the_map_tooltip_says_a_rise_as_a_rise() -> None:
    from dk2020dash.views import maps

    frame = pd.DataFrame({"code": [101, 147], "name": ["København", "Frederiksberg"], "verdict": ["off_track"] * 2,
                          "why": [None, None], "per_capita": [5.0, 4.0], "population_approx": [False, False],
                          "reduction": [-0.04, 0.41], "manko": [1000.0, 0.0], "latest_year": [2024, 2024],
                          "data_lag": [2, 2]})
    tips = maps.tooltip_frame(frame, "da")
    lines = [" ".join(str(v) for v in row) for row in tips.itertuples(index=False)]
    assert "Stigning siden basisår: 4\u00a0%" in lines[0] and "-4" not in lines[0]
    assert "Reduktion siden basisår: 41\u00a0%" in lines[1]
    assert "Increase since baseline: 4%" in " ".join(str(v) for v in maps.tooltip_frame(frame, "en").iloc[0])


def test_the_scatter_summary_says_the_smallest_rise_when_all_chosen_rose() -> None:
    rose = [("Ærø", -0.04, 7.5), ("Vejle", -0.10, 6.1)]
    assert sentences.scatter_summary(98, rose, "da") == (
        "Diagrammet viser 98 kommuner; af de valgte har Vejle den laveste udledning pr. indbygger (6,1 t CO2e pr. "
        "indbygger) og Ærø den mindste stigning (4\u00a0%).")
    assert sentences.scatter_summary(98, rose[:1], "en").endswith("and the smallest increase (4%).")
    fell = [("Odense", 0.41, 5.0), ("Ærø", -0.04, 7.5)]
    assert sentences.scatter_summary(2, fell, "en").endswith("and the largest reduction (41%).")
