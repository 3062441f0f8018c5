"""dk2020dash.metrics.mitigation: the metrics of DESIGN.md section 4, checked against hand-computed examples.

Every expected value below is worked out by hand in a comment (small round numbers, B = 1000 etc.),
never copied from running the code.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from dk2020dash import i18n
from dk2020dash.domain import Verdict
from dk2020dash.metrics.bridge import in_inventory, reduction_bridge, reduction_need
from dk2020dash.metrics.followup import is_stale, milestone_state
from dk2020dash.metrics.inputs import inputs_from_frames
from dk2020dash.metrics.mitigation import (
    MunicipalityInputs,
    PlanTargets,
    Progress,
    Trend,
    Unavailable,
    assess_area,
    assess_municipality,
    data_lag,
    deviation,
    per_capita,
    reduction_so_far,
    required_pace,
    target_points,
    target_value,
    too_few_common_years,
    trend,
    verdict,
)
from dk2020dash.views.sentences import bridge_notes

TODAY = date(2026, 6, 1)


def approx(x: float) -> object:
    return pytest.approx(x, rel=1e-9, abs=1e-9)


# -- target path -------------------------------------------------------------------------------
# Plan used below: baseline 2000 with B = 1000, targets 2025: −50 %, 2030: −70 %, net zero 2050.
# Corners: (2000, 1000), (2025, 500), (2030, 300), (2050, 0).
#   2000→2025: 1000→500, i.e. −20 per year
#   2025→2030:  500→300, i.e. −40 per year
#   2030→2050:  300→0,   i.e. −15 per year

@pytest.fixture
def path() -> list[tuple[int, float]]:
    return target_points(2000, 1000.0, {2025: 0.5, 2030: 0.7}, 2050)


def test_target_points_are_baseline_each_target_and_net_zero(path: list[tuple[int, float]]) -> None:
    assert [y for y, _ in path] == [2000, 2025, 2030, 2050]
    # 1000·(1−0.5) = 500, 1000·(1−0.7) = 300
    assert [v for _, v in path] == [approx(1000), approx(500), approx(300), approx(0)]


def test_target_points_are_sorted_by_year_whatever_the_input_order() -> None:
    pts = target_points(2000, 1000.0, {2030: 0.7, 2025: 0.5}, 2050)
    assert [y for y, _ in pts] == [2000, 2025, 2030, 2050]


def test_target_at_or_after_net_zero_year_is_ignored() -> None:
    # 2050 (= net zero) and 2060 (after) are dropped; only 2030 remains between the ends.
    pts = target_points(2000, 1000.0, {2030: 0.7, 2050: 0.9, 2060: 1.0}, 2050)
    assert [y for y, _ in pts] == [2000, 2030, 2050]
    assert pts[-1] == (2050, 0.0)


def test_target_at_or_before_baseline_year_is_ignored() -> None:
    pts = target_points(2000, 1000.0, {1995: 0.1, 2000: 0.2, 2030: 0.7}, 2050)
    assert [y for y, _ in pts] == [2000, 2030, 2050]
    assert pts[0] == (2000, 1000.0)


def test_target_value_between_points(path: list[tuple[int, float]]) -> None:
    assert target_value(path, 2010) == approx(800)  # 1000 − 20·10
    assert target_value(path, 2027) == approx(420)  # 500 − 40·2
    assert target_value(path, 2040) == approx(150)  # 300 − 15·10
    assert target_value(path, 2012.5) == approx(750)  # 1000 − 20·12.5


def test_target_value_exactly_at_points(path: list[tuple[int, float]]) -> None:
    assert target_value(path, 2000) == approx(1000)
    assert target_value(path, 2025) == approx(500)
    assert target_value(path, 2030) == approx(300)
    assert target_value(path, 2050) == approx(0)


def test_target_value_before_baseline_is_flat_at_baseline(path: list[tuple[int, float]]) -> None:
    assert target_value(path, 1990) == 1000.0
    assert target_value(path, 1999) == 1000.0


def test_target_value_beyond_net_zero_is_zero(path: list[tuple[int, float]]) -> None:
    assert target_value(path, 2051) == 0.0
    assert target_value(path, 2100) == 0.0


def test_target_value_without_intermediate_targets_is_one_straight_line() -> None:
    # (2000, 1000) → (2050, 0): −20 per year, so T(2030) = 1000 − 600 = 400
    pts = target_points(2000, 1000.0, {}, 2050)
    assert target_value(pts, 2030) == approx(400)


# -- verdict -----------------------------------------------------------------------------------

def test_verdict_exactly_zero_is_on_track() -> None:
    assert verdict(0.0) is Verdict.ON_TRACK


def test_verdict_negative_is_on_track() -> None:
    assert verdict(-0.2) is Verdict.ON_TRACK


def test_verdict_just_above_zero_is_deviating() -> None:
    assert verdict(0.001) is Verdict.DEVIATING


def test_verdict_exactly_0_05_is_deviating() -> None:
    assert verdict(0.05) is Verdict.DEVIATING


def test_verdict_0_05_computed_via_deviation_is_deviating() -> None:
    # d = (455 − 405) / 1000 = 50 / 1000 = 0.05
    d = deviation(455.0, 405.0, 1000.0)
    assert d == approx(0.05)
    assert verdict(d) is Verdict.DEVIATING


def test_verdict_0_05_on_paper_with_float_noise_is_deviating() -> None:
    # 0.1 + 0.2 − 0.25 is 0.05 on paper but 0.05000000000000002 in floats
    d = 0.1 + 0.2 - 0.25
    assert d > 0.05
    assert verdict(d) is Verdict.DEVIATING


def test_verdict_just_above_0_05_is_off_track() -> None:
    assert verdict(0.0501) is Verdict.OFF_TRACK
    # (456 − 405) / 1000 = 0.051
    assert verdict(deviation(456.0, 405.0, 1000.0)) is Verdict.OFF_TRACK


def test_deviation_is_share_of_baseline() -> None:
    # (300 − 400) / 1000 = −0.1
    assert deviation(300.0, 400.0, 1000.0) == approx(-0.1)


def test_reduction_so_far() -> None:
    # 1 − 600/1000 = 0.4
    assert reduction_so_far(600.0, 1000.0) == approx(0.4)


# -- trend -------------------------------------------------------------------------------------

def test_trend_from_exactly_three_years() -> None:
    # years 2020, 2021, 2022; values 300, 200, 160
    # mean x = 2021, mean y = 660/3 = 220
    # dx = −1, 0, 1; dy = 80, −20, −60
    # Sxy = −80 + 0 − 60 = −140; Sxx = 2; slope = −70
    # intercept = 220 + 70·2021 = 141690
    t = trend({2020: 300.0, 2021: 200.0, 2022: 160.0})
    assert isinstance(t, Trend)
    assert t.years == (2020, 2021, 2022)
    assert t.slope == approx(-70)
    assert t.intercept == approx(141690)
    assert t.at(2030) == approx(-410)  # 220 − 70·9


def test_trend_from_three_years_zero_year_is_ceil_of_crossing() -> None:
    # same series: crossing at 2021 + 220/70 = 2024.14…, so the first whole year at/below 0 is 2025
    # (T(2024) = 220 − 70·3 = 10 > 0, T(2025) = 220 − 70·4 = −60 ≤ 0)
    t = trend({2020: 300.0, 2021: 200.0, 2022: 160.0})
    assert t.zero_year == 2025


def test_trend_from_five_years() -> None:
    # 2020..2024: 1000, 900, 850, 700, 650; mean x = 2022, mean y = 4100/5 = 820
    # dx = −2, −1, 0, 1, 2; dy = 180, 80, 30, −120, −170
    # Sxy = −360 − 80 + 0 − 120 − 340 = −900; Sxx = 10; slope = −90
    # intercept = 820 + 90·2022 = 182800
    t = trend({2020: 1000.0, 2021: 900.0, 2022: 850.0, 2023: 700.0, 2024: 650.0})
    assert isinstance(t, Trend)
    assert t.slope == approx(-90)
    assert t.intercept == approx(182800)
    assert t.at(2030) == approx(100)  # 820 − 90·8
    # crossing at 2022 + 820/90 = 2031.1…, so 2032 (T(2031) = 10, T(2032) = −80)
    assert t.zero_year == 2032


def test_trend_from_seven_years_uses_only_the_last_five() -> None:
    # 2018 and 2019 (5000 each) are outside the last five years and must not change the fit above
    t = trend({2018: 5000.0, 2019: 5000.0,
               2020: 1000.0, 2021: 900.0, 2022: 850.0, 2023: 700.0, 2024: 650.0})
    assert isinstance(t, Trend)
    assert t.years == (2020, 2021, 2022, 2023, 2024)
    assert t.slope == approx(-90)
    assert t.intercept == approx(182800)


def test_trend_from_unordered_input_is_the_same() -> None:
    t = trend({2022: 160.0, 2020: 300.0, 2021: 200.0})
    assert t.years == (2020, 2021, 2022)
    assert t.slope == approx(-70)


def test_trend_zero_year_exact_whole_year_crossing() -> None:
    # 500, 400, 300, 200, 100 over 2020..2024: slope −100, T(2025) = 0 exactly → 2025
    t = trend({2020: 500.0, 2021: 400.0, 2022: 300.0, 2023: 200.0, 2024: 100.0})
    assert t.slope == approx(-100)
    assert t.zero_year == 2025


def test_trend_rising_has_no_zero_year() -> None:
    t = trend({2020: 100.0, 2021: 200.0, 2022: 300.0})
    assert t.slope == approx(100)
    assert t.zero_year is None


def test_trend_flat_has_no_zero_year() -> None:
    t = trend({2020: 100.0, 2021: 100.0, 2022: 100.0})
    assert t.slope == approx(0)
    assert t.zero_year is None


def test_trend_slow_fall_crossing_after_2100_has_no_zero_year() -> None:
    # 1000, 990, 980, 970, 960 over 2020..2024: slope −10, zero at 2024 + 960/10 = 2120 > 2100
    t = trend({2020: 1000.0, 2021: 990.0, 2022: 980.0, 2023: 970.0, 2024: 960.0})
    assert t.slope == approx(-10)
    assert t.zero_year is None


def test_trend_crossing_exactly_2100_counts() -> None:
    # 800, 790, 780, 770, 760 over 2020..2024: slope −10, zero at 2024 + 760/10 = 2100
    t = trend({2020: 800.0, 2021: 790.0, 2022: 780.0, 2023: 770.0, 2024: 760.0})
    assert t.zero_year == 2100


def test_trend_from_two_years_is_unavailable() -> None:
    t = trend({2020: 300.0, 2021: 200.0})
    assert isinstance(t, Unavailable)
    assert t.reason == "too_few_years"
    assert not t


def test_trend_already_at_zero_is_reached_not_a_projected_year() -> None:
    # 200, 100, 0 over 2020..2022: E(2022) = 0 → net zero is reached; no year is projected (was 2022)
    t = trend({2020: 200.0, 2021: 100.0, 2022: 0.0})
    assert t.reached
    assert t.zero_year is None


def test_trend_already_below_zero_is_reached() -> None:
    # 100, 0, −100 over 2020..2022: E(2022) = −100 ≤ 0 → reached
    t = trend({2020: 100.0, 2021: 0.0, 2022: -100.0})
    assert t.reached
    assert t.zero_year is None


def test_trend_line_at_zero_before_the_data_projects_the_next_year_not_a_past_one() -> None:
    # 300, 100, 50 over 2020..2022: slope −125, mean 150 at 2021 → line at 2022 = 25, at 2023 = −100;
    # E(2022) = 50 > 0 is not reached, and the first year after 2022 with the line ≤ 0 is 2023
    t = trend({2020: 300.0, 2021: 100.0, 2022: 50.0})
    assert not t.reached
    assert t.zero_year == 2023
    # 300, 100, 10: slope −145, mean 136.67 at 2021 → line(2022) = −8.3 ≤ 0 already, but E(2022) = 10 > 0:
    # still the next year 2023, never a year that has passed (the old code returned 2022)
    t = trend({2020: 300.0, 2021: 100.0, 2022: 10.0})
    assert t.at(2022) <= 0 and not t.reached
    assert t.zero_year == 2023


def test_trend_uses_only_the_five_calendar_years_ending_at_the_latest() -> None:
    # {1990, 2023, 2024}: only 2023 and 2024 lie in 2020..2024 → too few (used to fit one line across 1990–2024)
    t = trend({1990: 1000.0, 2023: 500.0, 2024: 480.0})
    assert isinstance(t, Unavailable) and t.reason == "too_few_years" and t.detail == "2"
    text = i18n.t("unavailable.too_few_years", "da", detail=t.detail)
    assert "fem" in text and "2" in text
    assert "five" in i18n.t("unavailable.too_few_years", "en", detail=t.detail)


def test_trend_with_gaps_uses_the_years_within_the_window() -> None:
    # 2010, 2015, 2020, 2022, 2024: window 2020..2024 holds 2020, 2022, 2024 → 3 years, slope −50
    t = trend({2010: 9999.0, 2015: 9999.0, 2020: 600.0, 2022: 500.0, 2024: 400.0})
    assert isinstance(t, Trend)
    assert t.years == (2020, 2022, 2024)
    assert t.slope == approx(-50)


# -- required pace -----------------------------------------------------------------------------

def test_required_pace_by_hand() -> None:
    # P = (E(Y) − T(2030)) / (2030 − Y) = (800 − 300) / (2030 − 2025) = 100 tonnes per year
    assert required_pace(800.0, 300.0, 2025) == approx(100)


def test_required_pace_is_negative_below_the_2030_target() -> None:
    # E = 250 below T(2030) = 300: P = −50 / 10 = −5 (pages show max(0, P): "målet for 2030 er nået"); the need is 0
    assert required_pace(250.0, 300.0, 2020) == approx(-5)
    assert reduction_need(250.0, 300.0) == 0.0


@pytest.mark.parametrize("latest_year", [2030, 2031])
def test_required_pace_past_target_year_is_unavailable(latest_year: int) -> None:
    r = required_pace(800.0, 300.0, latest_year)
    assert isinstance(r, Unavailable)
    assert r.reason == "past_target_year"


# -- reduction bridge and manko ----------------------------------------------------------------

def test_bridge_every_status() -> None:
    # need 200; completed 50 → secured; in_progress 40; planned 20; delayed 10 + paused 5 → at_risk 15;
    # cancelled 100 is reported but not counted. covered = 50 + 40 + 20 + 15 = 125; manko = 200 − 125 = 75
    b = reduction_bridge(200.0, {"completed": 50.0, "in_progress": 40.0, "planned": 20.0,
                                 "delayed": 10.0, "paused": 5.0, "cancelled": 100.0})
    assert (b.secured, b.in_progress, b.planned, b.at_risk) == (50.0, 40.0, 20.0, 15.0)
    assert b.cancelled == 100.0
    assert b.covered == 125.0
    assert b.manko == 75.0
    assert b.need == 200.0


def test_bridge_completed_in_or_before_the_latest_year_is_already_in_the_inventory() -> None:
    # completed 50 t: 10 t (1 action) completed 2023, 15 t (2 actions) completed 2024, 25 t (1 action) 2025.
    # Latest inventory year 2024: 10 + 15 = 25 t are in E(2024) already ("allerede i opgørelsen"), secured
    # is only the 25 t completed after it. covered = 25 + 40 = 65; manko = 200 − 65 = 135 (was 200 − 90 = 110)
    b = reduction_bridge(200.0, {"completed": 50.0, "in_progress": 40.0}, {"completed": 4, "in_progress": 3},
                         completed_by_year={2023: 10.0, 2024: 15.0, 2025: 25.0},
                         completed_actions_by_year={2023: 1, 2024: 2, 2025: 1}, latest_year=2024)
    assert b.secured == 25.0
    assert (b.in_inventory, b.in_inventory_actions) == (25.0, 3)
    assert b.covered == 65.0
    assert b.manko == 135.0
    assert in_inventory(2024, 2024) and in_inventory(2023, 2024) and not in_inventory(2025, 2024)


def test_bridge_without_latest_year_keeps_every_completed_action_secured() -> None:
    b = reduction_bridge(200.0, {"completed": 50.0}, completed_by_year={2023: 50.0})
    assert (b.secured, b.in_inventory) == (50.0, 0.0)


def test_bridge_cancelled_alone_covers_nothing() -> None:
    b = reduction_bridge(100.0, {"cancelled": 500.0})
    assert b.covered == 0.0
    assert b.cancelled == 500.0
    assert b.manko == 100.0


def test_bridge_delayed_and_paused_are_at_risk() -> None:
    b = reduction_bridge(100.0, {"delayed": 30.0, "paused": 12.0})
    assert b.at_risk == 42.0  # 30 + 12
    assert b.secured == b.in_progress == b.planned == 0.0


def test_bridge_completed_is_secured() -> None:
    b = reduction_bridge(100.0, {"completed": 60.0})
    assert b.secured == 60.0
    assert b.manko == 40.0  # 100 − 60


def test_bridge_ignores_nan_and_none_expected_values() -> None:
    b = reduction_bridge(100.0, {"completed": None, "planned": float("nan"),
                                 "delayed": np.float64("nan"), "in_progress": 10.0})
    assert (b.secured, b.in_progress, b.planned, b.at_risk, b.cancelled) == (0.0, 10.0, 0.0, 0.0, 0.0)
    assert b.manko == 90.0
    # completed, planned and delayed: three statuses, one action each (no counts given), counted as 0
    assert b.missing_expected_actions == 3
    assert b.left_out_actions == 0


def test_bridge_unknown_and_missing_status_are_left_out_and_reported() -> None:
    # completed 50 → secured. "bogus" 30, None 7, pd.NA 3, "" 2 are in no part: left out 30 + 7 + 3 + 2 = 42,
    # four statuses, one action each; None, pd.NA and "" all read as a missing status "".
    # covered = 50 only → manko = 100 − 50 = 50 (the left-out tonnes cover nothing)
    b = reduction_bridge(100.0, {"completed": 50.0, "bogus": 30.0, None: 7.0, pd.NA: 3.0, "": 2.0})
    assert (b.secured, b.in_progress, b.planned, b.at_risk, b.cancelled) == (50.0, 0.0, 0.0, 0.0, 0.0)
    assert b.left_out == 42.0
    assert b.left_out_actions == 4
    assert b.left_out_statuses == ("", "bogus")
    assert b.covered == 50.0
    assert b.manko == 50.0
    assert b.missing_expected_actions == 0


def test_bridge_counts_actions_behind_each_status() -> None:
    # "bogus" stands for 3 actions with 30 t; 2 planned actions with 20 t → left out 3 actions, 30 t;
    # "Completed" (capital C) is not a known status either: 1 action (no count given), 5 t
    b = reduction_bridge(100.0, {"bogus": 30.0, "planned": 20.0, "Completed": 5.0}, {"bogus": 3, "planned": 2})
    assert b.planned == 20.0
    assert b.left_out == 35.0
    assert b.left_out_actions == 4
    assert b.left_out_statuses == ("Completed", "bogus")
    assert b.manko == 80.0  # 100 − 20


def test_bridge_missing_expected_counts_as_zero_and_is_reported() -> None:
    # completed None (2 actions) and planned pd.NA (1 action) count as 0 t → 3 actions reported;
    # in_progress 10 counts; cancelled None counts nothing anyway and "bogus" None is left out: neither is
    # reported as missing an expected value. The caller's own count (4 found in the rows) is added: 3 + 4 = 7
    b = reduction_bridge(100.0, {"completed": None, "planned": pd.NA, "in_progress": 10.0, "cancelled": None,
                                 "bogus": None, "delayed": "n/a"},
                         {"completed": 2, "planned": 1}, missing_expected=4)
    assert (b.secured, b.in_progress, b.planned, b.at_risk, b.cancelled) == (0.0, 10.0, 0.0, 0.0, 0.0)
    # "n/a" is not a number: delayed counts 0 t and 1 more action is reported → 8
    assert b.missing_expected_actions == 8
    assert b.left_out == 0.0 and b.left_out_actions == 1 and b.left_out_statuses == ("bogus",)
    assert b.manko == 90.0


def test_bridge_sum_adds_the_reports() -> None:
    # left out 30 t (1 action, "bogus") + 7 t (2 actions, missing status); missing expected 1 + 2 = 3
    b1 = reduction_bridge(100.0, {"bogus": 30.0, "planned": None})
    b2 = reduction_bridge(50.0, {"": 7.0, "completed": 10.0}, {"": 2}, missing_expected=2)
    total = b1 + b2
    assert total.left_out == 37.0
    assert total.left_out_actions == 3
    assert total.left_out_statuses == ("", "bogus")
    assert total.missing_expected_actions == 3
    assert total.manko == 100.0 + 40.0  # 100 (nothing covers b1) + (50 − 10)


def test_bridge_notes_say_what_is_left_out_and_counted_as_zero() -> None:
    b = reduction_bridge(100.0, {"bogus": 30.0, None: 10.0, "planned": None}, {"bogus": 2, None: 1, "planned": 4})
    da = bridge_notes(b, "da")
    assert da == [
        i18n.t("bridge.left_out", "da", count=3, statuses="mangler, bogus", tonnes=i18n.tonnes(40.0, "da")),
        i18n.t("bridge.missing_expected", "da", count=4),
    ]
    assert da[0].startswith("3 handlinger med ukendt eller manglende status (mangler, bogus)")
    assert bridge_notes(b, "en")[1] == "4 actions have no expected reduction and count as 0 t."
    assert bridge_notes(reduction_bridge(100.0, {"completed": 10.0}), "da") == []


def test_bridge_manko_never_negative_when_covered_exceeds_need() -> None:
    # covered 150 > need 100 → manko 0, not −50
    b = reduction_bridge(100.0, {"completed": 150.0})
    assert b.manko == 0.0


def test_bridge_with_no_actions_has_manko_equal_to_need() -> None:
    assert reduction_bridge(80.0, {}).manko == 80.0


def test_reduction_need() -> None:
    # max(0, 455 − 300) = 155
    assert reduction_need(455.0, 300.0) == 155.0


def test_reduction_need_never_negative() -> None:
    # max(0, 250 − 300) = 0
    assert reduction_need(250.0, 300.0) == 0.0


# -- freshness ---------------------------------------------------------------------------------

def test_not_stale_at_364_days() -> None:
    assert is_stale("planned", TODAY - timedelta(days=364), TODAY) is False


def test_stale_at_365_days() -> None:
    assert is_stale("planned", TODAY - timedelta(days=365), TODAY) is True


def test_milestone_done_even_if_late() -> None:
    # due a year ago, done a month after the due date: still "done", not "overdue"
    due = TODAY - timedelta(days=365)
    assert milestone_state(due, due + timedelta(days=30), TODAY) == "done"


def test_milestone_overdue_when_due_yesterday_and_not_done() -> None:
    assert milestone_state(TODAY - timedelta(days=1), None, TODAY) == "overdue"


def test_milestone_not_done_when_done_is_nat() -> None:
    assert milestone_state(TODAY - timedelta(days=1), pd.NaT, TODAY) == "overdue"


def test_milestone_due_today_is_due_soon() -> None:
    assert milestone_state(TODAY, None, TODAY) == "due_soon"


def test_milestone_due_in_60_days_is_due_soon() -> None:
    assert milestone_state(TODAY + timedelta(days=60), None, TODAY) == "due_soon"


def test_milestone_due_in_61_days_is_upcoming() -> None:
    assert milestone_state(TODAY + timedelta(days=61), None, TODAY) == "upcoming"


# -- per capita and data lag -------------------------------------------------------------------

def test_per_capita() -> None:
    assert per_capita(1000.0, 200.0) == approx(5)  # 1000 / 200


def test_per_capita_without_population_is_none() -> None:
    assert per_capita(1000.0, None) is None


def test_per_capita_with_nan_population_is_none() -> None:
    assert per_capita(1000.0, float("nan")) is None


def test_data_lag() -> None:
    assert data_lag(2024, date(2026, 6, 1)) == 2
    assert data_lag(2026, date(2026, 1, 1)) == 0


# -- assess_municipality -----------------------------------------------------------------------
# Municipality 101: baseline 1990 with B = 1000, 2030 target −70 %, net zero 2050.
# Path: (1990, 1000), (2030, 300), (2050, 0); 1990→2030 falls 700/40 = 17.5 per year.
#   T(2024) = 1000 − 17.5·34 = 1000 − 595 = 405;  T(2030) = 300
# Series: 1990: 1000, 2020: 575, 2021: 545, 2022: 515, 2023: 485, 2024: 455 (−30 a year since 2020)
#   reduction = 1 − 455/1000 = 0.545
#   d = (455 − 405)/1000 = 0.05 → DEVIATING
#   required pace = (455 − 300)/(2030 − 2024) = 155/6 ≈ 25.83 t/yr
#   trend over 2020..2024: slope −30, mean 515 at 2022; zero at 2022 + 515/30 = 2039.17 → 2040
#   need = max(0, 455 − 300) = 155
#   actions: completed 50, in_progress 40, planned 20, delayed 10, paused 5, cancelled 100
#   → secured 50, in progress 40, planned 20, at risk 15, covered 125, cancelled 100; manko = 155 − 125 = 30
#   population 10 000 → per capita 455/10000 = 0.0455; data lag 2026 − 2024 = 2

PLAN_A = PlanTargets(baseline_year=1990, net_zero_year=2050, targets={2030: 0.7})
SERIES_A = {1990: 1000.0, 2020: 575.0, 2021: 545.0, 2022: 515.0, 2023: 485.0, 2024: 455.0}
ACTIONS_A = {"completed": 50.0, "in_progress": 40.0, "planned": 20.0,
             "delayed": 10.0, "paused": 5.0, "cancelled": 100.0}


def muni_a(**kw: object) -> MunicipalityInputs:
    args: dict = dict(code=101, series=SERIES_A, plan=PLAN_A, expected_by_status=ACTIONS_A,
                      population=10_000.0, population_approx=False)
    args.update(kw)
    return MunicipalityInputs(**args)


@pytest.fixture
def a() -> Progress:
    p = assess_municipality(muni_a(), TODAY)
    assert isinstance(p, Progress)
    return p


def test_assess_municipality_latest_and_baseline(a: Progress) -> None:
    assert a.members == (101,)
    assert a.latest_year == 2024
    assert a.latest == 455.0
    assert a.baseline == 1000.0
    assert list(a.series) == [1990, 2020, 2021, 2022, 2023, 2024]


def test_assess_municipality_reduction(a: Progress) -> None:
    assert a.reduction == approx(0.545)


def test_assess_municipality_target_latest_and_2030(a: Progress) -> None:
    assert a.target_latest == approx(405)
    assert a.target_2030 == approx(300)
    assert a.target_reduction_2030 == approx(0.7)
    assert a.net_zero_year == 2050


def test_assess_municipality_deviation_and_verdict(a: Progress) -> None:
    # The verdict reads the forecast: slope −30 → F(2030) = 455 − 30·6 = 275 below T(2030) = 300:
    # d = (275 − 300) / 1000 = −0.025 → on track (the latest year's position, (455 − 405) / 1000 = 0.05, is not it)
    assert a.verdict_basis == "forecast"
    assert a.forecast_2030 == approx(275)
    assert a.deviation == approx(-0.025)
    assert a.verdict is Verdict.ON_TRACK
    assert a.verdicts == {101: Verdict.ON_TRACK}


def test_assess_municipality_without_a_trend_judges_the_position() -> None:
    # two inventory years only: no trend; d = (E(2024) − T(2024)) / B = (455 − 405) / 1000 = 0.05 → deviating
    p = assess_municipality(muni_a(series={1990: 1000.0, 2024: 455.0}), TODAY)
    assert isinstance(p.trend, Unavailable)
    assert p.verdict_basis == "position"
    assert p.deviation == approx(0.05)
    assert p.verdict is Verdict.DEVIATING
    assert p.forecast_2030 is None


def test_assess_municipality_required_pace(a: Progress) -> None:
    # P = (455 − 300) / (2030 − 2024) = 155 / 6; the observed pace 30 is more, so on track
    assert a.required_pace == approx(155 / 6)


def test_constant_rate_forecast_by_hand() -> None:
    # E falls by 10 % a year: 1000, 900, 810 → ln E slope ln 0.9, r = 0.1; F_rate(2030) = 810 · 0.9^8
    t = trend({2022: 1000.0, 2023: 900.0, 2024: 810.0})
    assert t.rate == approx(0.1)
    assert t.forecast_rate(2030) == approx(810 * 0.9 ** 6)
    assert trend({2022: 10.0, 2023: 0.0, 2024: -5.0}).rate is None  # ln of E ≤ 0 has no meaning


def test_assess_municipality_trend(a: Progress) -> None:
    assert isinstance(a.trend, Trend)
    assert a.trend.years == (2020, 2021, 2022, 2023, 2024)
    assert a.trend.slope == approx(-30)
    assert a.observed_pace == approx(30)
    assert a.trend.zero_year == 2040


def test_assess_municipality_bridge_and_manko(a: Progress) -> None:
    b = a.bridge
    assert b.need == approx(155)
    assert (b.secured, b.in_progress, b.planned, b.at_risk) == (50.0, 40.0, 20.0, 15.0)
    assert b.cancelled == 100.0
    assert b.covered == 125.0
    assert a.manko == approx(30)


def test_assess_municipality_per_capita_and_lag(a: Progress) -> None:
    assert a.per_capita == approx(0.0455)
    assert a.population_approx is False
    assert a.data_lag == 2


def test_assess_municipality_on_track_when_below_path() -> None:
    # 2020–2024: 575, 545, 515, 485, 405 → slope −400/10 = −40; F(2030) = 405 − 240 = 165;
    # d = (165 − 300) / 1000 = −0.135 → on track; need = 405 − 300 = 105
    p = assess_municipality(muni_a(series={**SERIES_A, 2024: 405.0}), TODAY)
    assert p.deviation == approx(-0.135)
    assert p.verdict is Verdict.ON_TRACK
    assert p.bridge.need == approx(105)


def test_assess_municipality_below_the_path_but_too_slow_is_not_on_track() -> None:
    # Issue 19 item 1: below the path in the latest year, falling at half the pace needed. 2020–2024: 440, 435, 430,
    # 425, 400 (T(2024) = 405): slope −9 (−90/10); P = (400 − 300)/6 = 16.7 > 9;
    # F(2030) = 400 − 54 = 346, d = (346 − 300)/1000 = 0.046 → deviating, not on track
    p = assess_municipality(muni_a(series={1990: 1000.0, 2020: 440.0, 2021: 435.0, 2022: 430.0, 2023: 425.0,
                                           2024: 400.0}), TODAY)
    assert p.latest < p.target_latest
    assert p.observed_pace == approx(9)
    assert p.required_pace == approx(100 / 6)
    assert p.deviation == approx(0.046)
    assert p.verdict is Verdict.DEVIATING


def test_assess_municipality_below_2030_target_has_zero_need() -> None:
    # latest 2024 = 250 < T(2030) = 300 → need 0, manko 0; 2020–2024 575, 545, 515, 485, 250: slope −710/10 = −71,
    # F(2030) = 250 − 426 = −176, d = (−176 − 300)/1000 = −0.476
    p = assess_municipality(muni_a(series={**SERIES_A, 2024: 250.0}), TODAY)
    assert p.bridge.need == 0.0
    assert p.manko == 0.0
    assert p.deviation == approx(-0.476)


def test_assess_municipality_drops_missing_values_from_series() -> None:
    # 2024 missing (NaN) → latest is 2023 = 485; T(2023) = 1000 − 17.5·33 = 422.5
    p = assess_municipality(muni_a(series={**SERIES_A, 2024: float("nan")}), TODAY)
    assert p.latest_year == 2023
    assert p.target_latest == approx(422.5)


def test_assess_municipality_empty_series_is_no_inventory() -> None:
    r = assess_municipality(muni_a(series={}), TODAY)
    assert isinstance(r, Unavailable) and r.reason == "no_inventory"


def test_assess_municipality_all_nan_series_is_no_inventory() -> None:
    r = assess_municipality(muni_a(series={2020: float("nan"), 2021: None}), TODAY)
    assert isinstance(r, Unavailable) and r.reason == "no_inventory"


def test_assess_municipality_without_plan_is_no_plan() -> None:
    r = assess_municipality(muni_a(plan=None), TODAY)
    assert isinstance(r, Unavailable) and r.reason == "no_plan"


def test_assess_municipality_baseline_year_missing_is_no_baseline() -> None:
    r = assess_municipality(muni_a(series={y: v for y, v in SERIES_A.items() if y != 1990}), TODAY)
    assert isinstance(r, Unavailable) and r.reason == "no_baseline"


@pytest.mark.parametrize("b", [0.0, -50.0])
def test_assess_municipality_nonpositive_baseline(b: float) -> None:
    r = assess_municipality(muni_a(series={**SERIES_A, 1990: b}), TODAY)
    assert isinstance(r, Unavailable) and r.reason == "nonpositive_baseline"


def test_assess_municipality_only_baseline_year_is_single_year() -> None:
    r = assess_municipality(muni_a(series={1990: 1000.0}), TODAY)
    assert isinstance(r, Unavailable) and r.reason == "single_year"


def test_assess_municipality_two_years_is_computed_without_trend() -> None:
    # 1990: 1000, 2024: 455 → same d = 0.05 as above, but the trend needs three years
    p = assess_municipality(muni_a(series={1990: 1000.0, 2024: 455.0}), TODAY)
    assert isinstance(p, Progress)
    assert p.deviation == approx(0.05)
    assert p.verdict is Verdict.DEVIATING
    assert isinstance(p.trend, Unavailable) and p.trend.reason == "too_few_years"
    assert p.observed_pace is None


def test_assess_municipality_latest_2030_has_no_required_pace() -> None:
    # latest 2030 = 300: T(2030) = 300, d = 0, pace unavailable
    p = assess_municipality(muni_a(series={**SERIES_A, 2030: 300.0}), TODAY)
    assert isinstance(p.required_pace, Unavailable) and p.required_pace.reason == "past_target_year"
    assert p.verdict is Verdict.ON_TRACK


# -- assess_area -------------------------------------------------------------------------------
# Region = municipality 101 (above) + municipality 202, plus 303 without a plan (excluded).
# 202: baseline 2010 with B = 400, 2030 target −50 %, net zero 2045.
#   Path: (2010, 400), (2030, 200), (2045, 0); 2010→2030 falls 10 per year.
#   T(2024) = 400 − 10·14 = 260; T(2030) = 200
#   Series: 2010: 400, 2020..2024: 300, 290, 280, 270, 260 → latest 260, d = 0 → ON_TRACK
#   need = 260 − 200 = 60; actions: planned 20 → manko 40
#   population 5 000
# Area (common years 2020..2024):
#   E(2024) = 455 + 260 = 715; B = 1000 + 400 = 1400
#   T(2024) = 405 + 260 = 665; T(2030) = 300 + 200 = 500
#   2010 is 202's and within 101's span: 101's 2010 is interpolated, 1000 − 425·20/30 (estimated)
#   trend 2020..2024: 875, 835, 795, 755, 715 → slope −40; P = (715 − 500)/6 = 35.8 < 40
#   F(2030) = 715 − 240 = 475; d = (475 − 500)/1400 = −25/1400 → ON_TRACK (the position, 50/1400, is not it)
#   need = 155 + 60 = 215; covered = 125 + 20 = 145; manko = 30 + 40 = 70
#   population 15 000

PLAN_B = PlanTargets(baseline_year=2010, net_zero_year=2045, targets={2030: 0.5})
SERIES_B = {2010: 400.0, 2020: 300.0, 2021: 290.0, 2022: 280.0, 2023: 270.0, 2024: 260.0}


def muni_b(**kw: object) -> MunicipalityInputs:
    args: dict = dict(code=202, series=SERIES_B, plan=PLAN_B, expected_by_status={"planned": 20.0},
                      population=5_000.0, population_approx=True)
    args.update(kw)
    return MunicipalityInputs(**args)


def muni_no_plan() -> MunicipalityInputs:
    return MunicipalityInputs(code=303, series={2020: 999.0, 2024: 999.0}, plan=None,
                              expected_by_status={"completed": 999.0}, population=999.0)


@pytest.fixture
def region() -> Progress:
    p = assess_area([muni_a(), muni_b(), muni_no_plan()], TODAY)
    assert isinstance(p, Progress)
    return p


def test_area_members_exclude_unassessable(region: Progress) -> None:
    assert region.members == (101, 202)
    assert set(region.excluded) == {303}
    assert region.excluded[303].reason == "no_plan"


def test_area_series_is_sum_over_common_years(region: Progress) -> None:
    # 1990 (only 101) lies outside 202's span; 2010 (only 202) inside 101's, whose value there is interpolated
    # between its 1990 and 2020: 1000 − 425·20/30; 2020: 575 + 300 = 875 … 2024: 455 + 260 = 715
    assert region.series == approx({2010: 1000 - 425 * 20 / 30 + 400, 2020: 875.0, 2021: 835.0, 2022: 795.0,
                                    2023: 755.0, 2024: 715.0})
    assert region.estimated_years == (2010,)
    assert region.latest_year == 2024
    assert region.latest == 715.0


def test_area_totals_equal_sum_of_member_assessments(region: Progress) -> None:
    a = assess_municipality(muni_a(), TODAY)
    b = assess_municipality(muni_b(), TODAY)
    assert region.baseline == a.baseline + b.baseline == 1400.0
    for y in (2000, 2024, 2030, 2045, 2050):
        assert region.target_at(y) == approx(a.target_at(y) + b.target_at(y))
    for part in ("need", "secured", "in_progress", "planned", "at_risk", "cancelled"):
        assert getattr(region.bridge, part) == approx(getattr(a.bridge, part) + getattr(b.bridge, part))
    assert region.manko == approx(a.manko + b.manko)
    assert region.population == a.population + b.population


def test_area_totals_by_hand(region: Progress) -> None:
    assert region.target_latest == approx(665)
    assert region.target_2030 == approx(500)
    assert region.deviation == approx(-25 / 1400)
    assert region.verdict is Verdict.ON_TRACK
    assert region.required_pace == approx(215 / 6)
    assert region.observed_pace == approx(40)
    assert region.bridge.need == approx(215)
    assert region.bridge.covered == approx(145)
    assert region.manko == approx(70)
    assert region.population == 15_000.0
    assert region.population_approx is True  # 202 is approximate
    assert region.net_zero_year == 2050  # the later of 2050 and 2045


def test_area_does_not_sum_excluded_members(region: Progress) -> None:
    # 303's 999 tonnes, 999 action tonnes and 999 inhabitants appear nowhere
    assert region.latest == 715.0
    assert region.bridge.secured == 50.0  # 101's completed only
    assert region.population == 15_000.0


def test_area_verdict_counts(region: Progress) -> None:
    # 101: F(2030) = 275 < 300; 202: slope −10, F(2030) = 260 − 60 = 200 = T(2030) → d = 0, on track
    assert region.verdicts == {101: Verdict.ON_TRACK, 202: Verdict.ON_TRACK}
    assert region.verdict_counts() == {Verdict.ON_TRACK: 2, Verdict.DEVIATING: 0, Verdict.OFF_TRACK: 0}


def test_area_verdict_counts_with_off_track_member() -> None:
    # 404: baseline 1990 B = 100, no interim target, net zero 2050: T(2024) = 100 − 100·34/60 ≈ 43.3;
    # series stays at 100: slope 0, F(2030) = 100, T(2030) = 100 − 100·40/60 ≈ 33.3 → d ≈ 0.667 → OFF_TRACK
    off = MunicipalityInputs(code=404, series={1990: 100.0, 2020: 100.0, 2021: 100.0, 2022: 100.0,
                                                2023: 100.0, 2024: 100.0},
                             plan=PlanTargets(1990, 2050, {}), expected_by_status={})
    p = assess_area([muni_a(), muni_b(), off], TODAY)
    assert p.verdicts[404] is Verdict.OFF_TRACK
    assert p.verdict_counts() == {Verdict.ON_TRACK: 2, Verdict.DEVIATING: 0, Verdict.OFF_TRACK: 1}


def test_area_population_unknown_if_any_member_lacks_it() -> None:
    p = assess_area([muni_a(), muni_b(population=None)], TODAY)
    assert p.population is None
    assert p.per_capita is None


def test_area_manko_is_sum_of_member_mankos_not_netted() -> None:
    # 101: need 155, covered 125 → manko 30
    # 202: need 60, completed 100 → covered 100 > 60 → manko 0 (surplus 40)
    # area manko must be 30 + 0 = 30, not max(0, 215 − 225) = 0; 202's secured part is capped at its need 60, the
    # other 40 "ud over behovet" (counting nothing), so the parts (125 + 60) and the manko (30) add up to the need 215
    b = muni_b(expected_by_status={"completed": 100.0})
    own = assess_municipality(b, TODAY)
    assert (own.manko, own.bridge.secured, own.bridge.beyond_need) == (0.0, approx(60), approx(40))
    p = assess_area([muni_a(), b], TODAY)
    assert p.manko == approx(30)
    assert p.bridge.covered == approx(185)
    assert p.bridge.beyond_need == approx(40)
    assert p.bridge.covered + p.manko == approx(p.bridge.need)


def test_area_all_members_unavailable_is_unavailable() -> None:
    r = assess_area([muni_no_plan(), muni_a(series={})], TODAY)
    assert isinstance(r, Unavailable)
    assert r.reason in {"no_plan", "no_inventory"}


def test_area_without_members_is_unavailable() -> None:
    r = assess_area([], TODAY)
    assert isinstance(r, Unavailable) and r.reason == "no_inventory"


# Area with a lagging member: 202 has no 2024 inventory (latest 2023 = 270); 101 has 2024.
# Common years 2020..2023, so the area rests on Y = 2023 throughout:
#   E(2023) = 485 + 270 = 755; T_101(2023) = 1000 − 17.5·33 = 422.5; T_202(2023) = 400 − 10·13 = 270
#   T(2023) = 692.5; B = 1400; trend 2020..2023 875, 835, 795, 755: slope −40; F(2030) = 755 − 280 = 475;
#   d = (475 − 500)/1400 = −25/1400 (on track)
#   need at Y: 101: 485 − 300 = 185 (its own page, at 2024, says 155); 202: 270 − 200 = 70
#   area need = 185 + 70 = 255 = E(2023) − T(2030) = 755 − 500
#   manko at Y: 101: 185 − 125 = 60; 202: 70 − 20 = 50 → 110 (not 30 + 50 = 80 from mixed years)
#   required pace = 255 / (2030 − 2023) = 255/7

SERIES_B_LAGGING = {y: v for y, v in SERIES_B.items() if y != 2024}


@pytest.fixture
def lagging_region() -> Progress:
    p = assess_area([muni_a(), muni_b(series=SERIES_B_LAGGING)], TODAY)
    assert isinstance(p, Progress)
    return p


def test_area_with_lagging_member_rests_on_common_latest_year(lagging_region: Progress) -> None:
    p = lagging_region
    assert p.latest_year == 2023
    assert p.latest == 755.0
    assert p.target_latest == approx(692.5)
    assert p.deviation == approx(-25 / 1400)
    assert p.required_pace == approx(255 / 7)
    assert p.data_lag == 3  # 2026 − 2023


def test_area_need_and_manko_rest_on_the_same_year_as_e_latest(lagging_region: Progress) -> None:
    p = lagging_region
    assert p.bridge.need == approx(255)
    assert p.bridge.need == approx(p.latest - p.target_2030)  # one year for E, T and N
    assert p.bridge.covered == approx(145)  # 125 + 20, the actions do not depend on the year
    assert p.manko == approx(110)  # 60 + 50


def test_area_member_own_page_keeps_its_own_latest_year(lagging_region: Progress) -> None:
    a = assess_municipality(muni_a(), TODAY)
    assert a.latest_year == 2024
    assert a.bridge.need == approx(155) and a.manko == approx(30)
    # the per-member verdicts (counts "x af y kommuner er på rette vej") stay each member's own
    assert lagging_region.verdicts == {101: Verdict.ON_TRACK, 202: Verdict.ON_TRACK}


def test_area_member_surplus_at_common_year_does_not_cover_another_gap() -> None:
    # 202 lagging (Y = 2023) with 100 t completed: need at Y 70, covered 100 → manko 0 (surplus 30)
    # 101 at Y: need 185, covered 125 → manko 60. Area manko = 60 + 0 = 60, not max(0, 255 − 225) = 30.
    # 202's cover is capped at its need (70), the other 30 is beyond it: the bars (195) and the manko (60) make 255
    p = assess_area([muni_a(), muni_b(series=SERIES_B_LAGGING, expected_by_status={"completed": 100.0})], TODAY)
    assert p.bridge.need == approx(255)
    assert p.bridge.covered == approx(195)
    assert p.bridge.beyond_need == approx(30)
    assert p.manko == approx(60)


def test_area_members_below_target_at_common_year_need_nothing() -> None:
    # 101 falls to 250 in 2023 (< T_101(2030) = 300) and rises again to 455 in 2024; at Y = 2023 its need is 0,
    # so only 202's 70 − 20 = 50 is missing; area need = 0 + 70 = 70
    p = assess_area([muni_a(series={**SERIES_A, 2023: 250.0}), muni_b(series=SERIES_B_LAGGING)], TODAY)
    assert p.latest_year == 2023
    assert p.bridge.need == approx(70)
    assert p.manko == approx(50)


def test_area_interpolates_a_member_s_missing_years_within_its_own_span_never_beyond() -> None:
    # 101: 1990, 2020, 2021; 202: 2010, 2022, 2023. Spans 1990–2021 and 2010–2023 overlap in 2010–2021: the area's
    # years are 2010, 2020, 2021. 101's 2010 = 1000 − 425·20/30; 202's 2020 and 2021 lie on its line 2010 → 2022
    # (400 − 10·10 = 300, 290). 2022–2023 are past 101's last year: not extrapolated, so not area years.
    a = muni_a(series={1990: 1000.0, 2020: 575.0, 2021: 545.0})
    b = muni_b(series={2010: 400.0, 2022: 280.0, 2023: 270.0})
    p = assess_area([a, b], TODAY)
    assert isinstance(p, Progress)
    assert p.series == approx({2010: 1000 - 425 * 20 / 30 + 400, 2020: 575.0 + 300.0, 2021: 545.0 + 290.0})
    assert p.estimated_years == (2010, 2020, 2021)
    assert p.latest_year == 2021


def test_area_with_no_common_year_says_who_lacks_which_years() -> None:
    # 101: 1990, 2000, 2005; 202: 2010, 2022, 2023 → the spans do not overlap. With two members every year counts
    # as the area's (held by at least half): 101 lacks 2010, 2022–2023; 202 lacks 1990, 2000, 2005
    a = muni_a(series={1990: 1000.0, 2000: 900.0, 2005: 800.0})
    b = muni_b(series={2010: 400.0, 2022: 280.0, 2023: 270.0})
    r = assess_area([a, b], TODAY)
    assert isinstance(r, Unavailable)
    assert r.reason == "too_few_common_years"
    assert r.lacking == ((101, (2010, 2022, 2023)), (202, (1990, 2000, 2005)))
    assert r.detail == "101: 2010, 2022–2023; 202: 1990, 2000, 2005"
    text = i18n.t(f"unavailable.{r.reason}", "da", detail=r.detail)
    assert "færre end to opgørelsesår til fælles" in text and "101: 2010, 2022–2023" in text
    assert "fewer than two inventory years in common" in i18n.t(f"unavailable.{r.reason}", "en", detail=r.detail)


def test_area_with_a_single_common_year_is_too_few_common_years() -> None:
    # spans 1990–2010 and 2010–2024 meet in 2010 only: 101 lacks 2024, 202 lacks 1990
    r = assess_area([muni_a(series={1990: 1000.0, 2010: 700.0}), muni_b(series={2010: 400.0, 2024: 260.0})], TODAY)
    assert isinstance(r, Unavailable) and r.reason == "too_few_common_years"
    assert r.detail == "101: 2024; 202: 1990"


def test_area_common_year_report_names_the_odd_member_not_everyone_else() -> None:
    # 101 and 202 have 2020..2024; 303 (baseline 1990) has only 1990, 2008, 2009. Common years: none.
    # Years held by at least half of the three: 1990 (101, 303) and 2020..2024 (101, 202) → the area's years.
    # 101 lacks none of them; 202 lacks 1990; 303 lacks 2020–2024. 2008, 2009, 2010 are held by one each: not named.
    odd = MunicipalityInputs(code=303, series={1990: 100.0, 2008: 90.0, 2009: 80.0},
                             plan=PlanTargets(1990, 2050, {}), expected_by_status={})
    r = assess_area([muni_a(), muni_b(), odd], TODAY)
    assert isinstance(r, Unavailable) and r.reason == "too_few_common_years"
    assert r.lacking == ((202, (1990,)), (303, (2020, 2021, 2022, 2023, 2024)))
    assert r.detail == "202: 1990; 303: 2020–2024"


def test_area_common_year_report_falls_back_to_every_year_and_caps_the_list() -> None:
    # 12 members, each with 1990 and one year of its own (2001..2012): the only common year is 1990, which
    # every member has, so the report lists every year any member has; each lacks the eleven others.
    # Ten members are shown, the other two as "… (+2)"
    r = too_few_common_years({100 + i: {1990, 2000 + i} for i in range(1, 13)})
    assert isinstance(r, Unavailable) and r.reason == "too_few_common_years"
    assert len(r.lacking) == 12
    assert r.lacking[0] == (101, tuple(range(2002, 2013)))
    assert r.detail.split("; ")[0] == "101: 2002–2012"
    assert r.detail.split("; ")[1] == "102: 2001, 2003–2012"
    assert r.detail.endswith("; … (+2)")
    assert len(r.detail.split("; ")) == 11


def test_assessments_with_odd_action_statuses_do_not_raise() -> None:
    # 101's actions plus an unknown status and a missing one: the bridge is as before, the extras reported
    odd = {**ACTIONS_A, "bogus": 40.0, None: 5.0, "planned": None}
    a = assess_municipality(muni_a(expected_by_status=odd), TODAY)
    assert a.bridge.planned == 0.0  # planned is now missing → 0
    assert a.bridge.covered == approx(105)  # 50 + 40 + 0 + 15
    assert a.manko == approx(50)  # 155 − 105
    assert (a.bridge.left_out, a.bridge.left_out_actions, a.bridge.missing_expected_actions) == (45.0, 2, 1)
    r = assess_area([muni_a(expected_by_status=odd), muni_b(expected_by_status={"weird": 3.0})], TODAY)
    assert r.bridge.left_out == 48.0 and r.bridge.left_out_actions == 3
    assert r.bridge.left_out_statuses == ("", "bogus", "weird")


# -- inputs_from_frames ------------------------------------------------------------------------

@pytest.fixture
def frames_inputs() -> dict[int, MunicipalityInputs]:
    # 101: inventory, plan with a 2030 target, two actions (NaN expected value sums as 0), population
    # 202: inventory and plan but no actions
    # 303: inventory, no plan, no population
    emissions = pd.DataFrame({
        "municipality": [101, 101, 101, 202, 202, 303],
        "year": [1990, 2023, 2024, 2010, 2024, 2024],
        "tco2e": [1000.0, 485.0, 455.0, 400.0, 260.0, 50.0],
    })
    plans = pd.DataFrame({"municipality": [101, 202], "baseline_year": [1990, 2010],
                          "net_zero_year": [2050, 2045]})
    targets = pd.DataFrame({"municipality": [101], "target_year": [2030], "reduction": [0.7]})
    actions = pd.DataFrame({"municipality": [101, 101, 101], "status": ["completed", "completed", "planned"],
                            "expected_2030_t": [30.0, 20.0, np.nan]})
    munis = pd.DataFrame({"code": [101, 202, 303], "population": [10_000.0, 5_000.0, np.nan],
                          "population_approx": [False, True, True]})
    return inputs_from_frames(emissions, plans, targets, actions, munis)


def test_inputs_from_frames_has_every_municipality(frames_inputs: dict[int, MunicipalityInputs]) -> None:
    assert set(frames_inputs) == {101, 202, 303}


def test_inputs_from_frames_series_plan_and_actions(frames_inputs: dict[int, MunicipalityInputs]) -> None:
    m = frames_inputs[101]
    assert dict(m.series) == {1990: 1000.0, 2023: 485.0, 2024: 455.0}
    assert m.plan == PlanTargets(1990, 2050, {2030: 0.7})
    # completed 30 + 20 = 50; planned NaN sums to 0
    assert m.expected_by_status["completed"] == 50.0
    assert m.expected_by_status.get("planned", 0.0) == 0.0
    assert m.population == 10_000.0 and m.population_approx is False


def test_inputs_from_frames_municipality_without_actions(frames_inputs: dict[int, MunicipalityInputs]) -> None:
    m = frames_inputs[202]
    assert dict(m.expected_by_status) == {}
    assert m.plan == PlanTargets(2010, 2045, {})  # no target rows → no interim targets


def test_inputs_from_frames_municipality_without_plan_or_population(
        frames_inputs: dict[int, MunicipalityInputs]) -> None:
    m = frames_inputs[303]
    assert m.plan is None
    assert m.population is None
    assert dict(m.series) == {2024: 50.0}


def test_inputs_from_frames_counts_odd_actions_per_row() -> None:
    # per-action rows for 101: completed 30, completed NaN, planned pd.NA, status None 10, "bogus" 5,
    # cancelled NaN. completed → 30 t, 2 actions; planned → 0 t, 1 action; "" (missing) 10 t; bogus 5 t.
    # Missing expected in a bridge part: the completed NaN and the planned NA → 2 (the cancelled NaN does not count)
    actions = pd.DataFrame({"municipality": [101] * 6,
                            "status": ["completed", "completed", "planned", None, "bogus", "cancelled"],
                            "expected_2030_t": pd.array([30.0, None, None, 10.0, 5.0, None], dtype="Float64")})
    emissions = pd.DataFrame({"municipality": [101, 101], "year": [1990, 2024], "tco2e": [1000.0, 455.0]})
    plans = pd.DataFrame({"municipality": [101], "baseline_year": [1990], "net_zero_year": [2050]})
    targets = pd.DataFrame({"municipality": [101], "target_year": [2030], "reduction": [0.7]})
    munis = pd.DataFrame({"code": [101], "population": [10_000.0], "population_approx": [False]})
    m = inputs_from_frames(emissions, plans, targets, actions, munis)[101]
    assert m.actions_by_status == {"": 1, "bogus": 1, "cancelled": 1, "completed": 2, "planned": 1}
    assert m.missing_expected == 2
    assert m.expected_by_status["completed"] == 30.0
    p = assess_municipality(m, TODAY)
    b = p.bridge
    # need 155, covered 30 → manko 125; left out 10 + 5 = 15 t in 2 actions
    assert b.secured == 30.0 and b.planned == 0.0
    assert b.manko == approx(125)
    assert (b.left_out, b.left_out_actions, b.left_out_statuses) == (15.0, 2, ("", "bogus"))
    assert b.missing_expected_actions == 2


def test_inputs_from_frames_reads_summed_actions_with_counts() -> None:
    # the shape queries.action_expected returns: one row per status with the number of actions in `actions`,
    # here with a `missing_expected` column too (cancelled's 1 does not count: it covers nothing anyway)
    actions = pd.DataFrame({"municipality": [101, 101, 101], "status": ["completed", "planned", "cancelled"],
                            "expected_2030_t": [50.0, 20.0, 0.0], "actions": [3, 2, 1],
                            "missing_expected": [1, 0, 1]})
    emissions = pd.DataFrame({"municipality": [101, 101], "year": [1990, 2024], "tco2e": [1000.0, 455.0]})
    plans = pd.DataFrame({"municipality": [101], "baseline_year": [1990], "net_zero_year": [2050]})
    munis = pd.DataFrame({"code": [101, 202], "population": [1.0, 2.0], "population_approx": [False, False]})
    inputs = inputs_from_frames(emissions, plans, pd.DataFrame(columns=["municipality", "target_year", "reduction"]),
                                actions, munis)
    m = inputs[101]
    assert m.actions_by_status == {"cancelled": 1, "completed": 3, "planned": 2}
    assert m.missing_expected == 1
    assert inputs[202].actions_by_status == {} and inputs[202].missing_expected == 0
    # without the column nothing is reported missing
    m2 = inputs_from_frames(emissions, plans, pd.DataFrame(columns=["municipality", "target_year", "reduction"]),
                            actions.drop(columns="missing_expected"), munis)[101]
    assert m2.missing_expected == 0


def test_inputs_from_frames_feed_assessments(frames_inputs: dict[int, MunicipalityInputs]) -> None:
    # 101: latest 455, T(2024) = 405 → d = 0.05; need 155, covered 50 → manko 105
    p = assess_municipality(frames_inputs[101], TODAY)
    assert p.verdict is Verdict.DEVIATING
    assert p.manko == approx(105)
    # 202: only two years → computed without a trend. No target rows, so the path is the straight line
    # (2010, 400) → (2045, 0): T(2030) = 400·15/35 = 1200/7 ≈ 171.43.
    # No actions → manko = need = 260 − 1200/7 = 620/7 ≈ 88.57
    q = assess_municipality(frames_inputs[202], TODAY)
    assert isinstance(q.trend, Unavailable)
    assert q.manko == approx(620 / 7)
    # 303: no plan
    assert assess_municipality(frames_inputs[303], TODAY).reason == "no_plan"


# -- issue 9: completed actions already in the inventory, the area's required pace ------------------------

def test_municipality_completed_actions_in_or_before_latest_year_count_nothing() -> None:
    # 101 (latest 2024, need 155): its 50 t completed are 20 t completed 2022 and 30 t completed 2025.
    # The 20 t are in E(2024) already: secured 30, covered 30 + 40 + 20 + 15 = 105, manko 155 − 105 = 50
    # (was 30 when all 50 t counted as secured)
    p = assess_municipality(muni_a(completed_by_year={2022: 20.0, 2025: 30.0},
                                   completed_actions_by_year={2022: 1, 2025: 2}), TODAY)
    assert p.bridge.secured == 30.0
    assert (p.bridge.in_inventory, p.bridge.in_inventory_actions) == (20.0, 1)
    assert p.manko == approx(50)


def test_area_splits_each_member_s_completed_actions_at_the_year_its_need_is_computed_at() -> None:
    # Lagging region (Y = 2023). 101's 50 t completed were completed in 2024: on its own page (latest 2024) they
    # are already in the inventory; in the area, resting on 2023, they are not in E(2023) yet, so secured.
    a = muni_a(completed_by_year={2024: 50.0}, completed_actions_by_year={2024: 2})
    own = assess_municipality(a, TODAY)
    assert (own.bridge.secured, own.bridge.in_inventory) == (0.0, 50.0)
    assert own.manko == approx(155 - 75)  # 40 + 20 + 15 cover 75
    area = assess_area([a, muni_b(series=SERIES_B_LAGGING)], TODAY)
    assert area.latest_year == 2023
    assert (area.bridge.secured, area.bridge.in_inventory) == (50.0, 0.0)
    assert area.manko == approx(110)  # as in test_area_need_and_manko_rest_on_the_same_year_as_e_latest
    # with both members at 2024, 101's 2024 completions are in the inventory in the area too
    area = assess_area([a, muni_b()], TODAY)
    assert (area.bridge.secured, area.bridge.in_inventory, area.bridge.in_inventory_actions) == (0.0, 50.0, 2)


def test_area_required_pace_reads_the_area_as_a_geography_and_the_need_its_plans() -> None:
    # DESIGN §4: question A on the summed series, question B on the members' plans. 101 at 320 in 2024: need
    # 320 − 300 = 20. 202 at 100 in 2024: 100 below T(2030) = 200, need 0. The area's E(2024) = 420 is below its
    # T(2030) = 500: P = (420 − 500)/6 < 0 (shown as "målet for 2030 er nået"), while the plans' need is 20
    p = assess_area([muni_a(series={**SERIES_A, 2024: 320.0}), muni_b(series={**SERIES_B, 2024: 100.0})], TODAY)
    assert p.bridge.need == approx(20)
    assert p.required_pace == approx((420 - 500) / 6)
    assert p.verdict is Verdict.ON_TRACK


def test_inputs_from_frames_reads_completion_years() -> None:
    # query-shaped rows: 101 has completed actions from 2023 (2 actions, 30 t) and 2025 (1, 20 t)
    emissions = pd.DataFrame({"municipality": [101] * 6, "year": list(SERIES_A), "tco2e": list(SERIES_A.values())})
    plans = pd.DataFrame({"municipality": [101], "baseline_year": [1990], "net_zero_year": [2050]})
    targets = pd.DataFrame({"municipality": [101], "target_year": [2030], "reduction": [0.7]})
    actions = pd.DataFrame({"municipality": [101, 101, 101], "status": ["completed", "completed", "planned"],
                            "completed_year": [2023, 2025, None], "expected_2030_t": [30.0, 20.0, 10.0],
                            "actions": [2, 1, 1], "missing_expected": [0, 0, 0]})
    munis = pd.DataFrame({"code": [101], "population": [10_000.0], "population_approx": [False]})
    m = inputs_from_frames(emissions, plans, targets, actions, munis)[101]
    assert m.expected_by_status == {"completed": 50.0, "planned": 10.0}
    assert m.completed_by_year == {2023: 30.0, 2025: 20.0}
    assert m.completed_actions_by_year == {2023: 2, 2025: 1}
    p = assess_municipality(m, TODAY)
    assert (p.bridge.secured, p.bridge.in_inventory, p.bridge.in_inventory_actions) == (20.0, 30.0, 2)


def test_the_worked_example_on_metode_is_what_the_metrics_compute() -> None:
    # Metode's example is muni_a; with 100 t in progress the parts are capped in status order: 50, 100, 5, 0
    p = assess_municipality(muni_a(), TODAY)
    assert (p.forecast_2030, p.deviation, p.verdict) == (approx(275), approx(-0.025), Verdict.ON_TRACK)
    assert (p.required_pace, p.bridge.need, p.manko) == (approx(155 / 6), approx(155), approx(30))
    more = assess_municipality(muni_a(expected_by_status={**ACTIONS_A, "in_progress": 100.0}), TODAY).bridge
    assert (more.secured, more.in_progress, more.planned, more.at_risk) == (50.0, 100.0, approx(5), 0.0)
    assert (more.beyond_need, more.manko) == (approx(30), approx(0))
    text = i18n.t("method.example.body", "da")
    assert "275 t" in text and "25,8 t" in text and "155 − 125 = 30 t" in text and "de 30 t for" in text


def test_bridge_parts_are_capped_at_the_need_in_status_order() -> None:
    # Issue 19 item 2: need 100; secured 30, in progress 50, planned 40, at risk 10 (130 in all):
    # secured 30, in progress 50, planned 20 (what is left), at risk 0; 30 beyond the need; manko 0
    b = reduction_bridge(100.0, {"completed": 30.0, "in_progress": 50.0, "planned": 40.0, "delayed": 10.0})
    assert (b.secured, b.in_progress, b.planned, b.at_risk) == (30.0, 50.0, 20.0, 0.0)
    assert (b.beyond_need, b.manko, b.covered) == (30.0, 0.0, 100.0)
    # no need: nothing counts, all is beyond it
    z = reduction_bridge(0.0, {"planned": 40.0})
    assert (z.planned, z.beyond_need, z.manko) == (0.0, 40.0, 0.0)
