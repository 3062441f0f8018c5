"""The climate adaptation metrics of metrics/: uncovered high risks, the risk matrix, actions by hazard, and
what is overdue or stale."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dk2020dash import domain
from dk2020dash.metrics import adaptation


def risks(*rows: tuple[int, str, str, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["municipality", "hazard", "level", "assessed_year"])


def actions(*rows: tuple) -> pd.DataFrame:
    """(id, municipality, status, hazards[, end_date, last_updated])"""
    full = [(*r, None, pd.Timestamp("2026-06-01")) if len(r) == 4 else r for r in rows]
    return pd.DataFrame(full, columns=["id", "municipality", "status", "hazards", "end_date", "last_updated"])


def test_a_high_risk_is_covered_only_by_an_action_in_progress_or_completed_for_that_hazard() -> None:
    r = risks((101, "skybrud", "meget_hoej", 2023), (101, "stormflod", "hoej", 2023), (101, "toerke", "middel", 2023),
              (147, "skybrud", "hoej", 2022), (151, "hedeboelge", "hoej", 2024), (153, "grundvand", "hoej", 2024))
    a = actions((1, 101, "in_progress", ["skybrud", "hedeboelge"]),   # covers 101 skybrud
                (2, 101, "planned", ["stormflod"]),                    # planned: does not cover
                (3, 101, "delayed", ["stormflod"]),                    # delayed: does not cover
                (4, 147, "completed", ["skybrud"]),                    # covers 147 skybrud
                (5, 151, "cancelled", ["hedeboelge"]),                 # cancelled: nothing
                (6, 101, "in_progress", ["grundvand"]))                # another municipality's hazard
    out = adaptation.uncovered_high_risks(r, a)
    assert out[["municipality", "hazard", "level", "not_under_way"]].values.tolist() == [
        [101, "stormflod", "hoej", 2], [151, "hedeboelge", "hoej", 0], [153, "grundvand", "hoej", 0]]


def test_uncovered_high_risks_put_very_high_first_and_ignore_medium_and_low() -> None:
    r = risks((101, "toerke", "hoej", 2023), (147, "erosion", "meget_hoej", 2023),
              (151, "skybrud", "middel", 2023), (153, "skybrud", "lav", 2023))
    out = adaptation.uncovered_high_risks(r, actions())
    assert out[["municipality", "level"]].values.tolist() == [[147, "meget_hoej"], [101, "hoej"]]
    assert adaptation.uncovered_high_risks(risks(), actions()).empty


def test_risk_matrix_counts_every_hazard_and_level_in_order() -> None:
    r = risks((101, "skybrud", "hoej", 2023), (147, "skybrud", "hoej", 2023), (151, "skybrud", "lav", 2023),
              (101, "erosion", "meget_hoej", 2020))
    m = adaptation.risk_matrix(r)
    assert list(m.index) == list(domain.HAZARD_CODES) and list(m.columns) == list(domain.RISK_LEVELS)
    assert m.loc["skybrud"].tolist() == [1, 0, 2, 0] and m.loc["erosion"].tolist() == [0, 0, 0, 1]
    assert int(m.to_numpy().sum()) == 4
    assert int(adaptation.risk_matrix(risks()).to_numpy().sum()) == 0


def test_actions_by_hazard_count_an_action_under_each_hazard_it_names() -> None:
    a = actions((1, 101, "in_progress", ["skybrud", "hedeboelge"]), (2, 101, "planned", ["skybrud"]),
                (3, 147, "completed", []))
    m = adaptation.adaptation_by_hazard(a)
    assert m.loc["skybrud", "in_progress"] == 1 and m.loc["skybrud", "planned"] == 1
    assert m.loc["hedeboelge", "in_progress"] == 1 and int(m.to_numpy().sum()) == 3


def test_a_risk_assessment_is_stale_after_five_years_by_its_year() -> None:
    today = date(2026, 11, 30)
    assert not adaptation.risk_assessment_is_stale(2021, today)
    assert adaptation.risk_assessment_is_stale(2020, today)


def test_overdue_and_stale_adaptation_actions() -> None:
    today = date(2026, 11, 30)
    a = actions((1, 101, "in_progress", ["skybrud"], pd.Timestamp("2026-01-01"), pd.Timestamp("2026-10-01")),  # overdue
                (2, 101, "completed", ["skybrud"], pd.Timestamp("2025-01-01"), pd.Timestamp("2024-01-01")),   # done
                (3, 101, "planned", ["skybrud"], pd.Timestamp("2028-01-01"), pd.Timestamp("2025-06-01")),     # stale
                (4, 101, "planned", ["skybrud"], None, pd.Timestamp("2026-10-01")))                            # fine
    out = adaptation.adaptation_overdue(a, today)
    assert out[["id", "overdue", "stale"]].values.tolist() == [[1, True, False], [3, False, True]]
