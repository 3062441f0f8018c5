"""Plan targets outside the plan (before or in the baseline year, after the net-zero year) are refused on import
with the file, row, column and reason, and nothing is written (issue 9, item 5)."""
from __future__ import annotations

import datetime as dt

import pytest

from dk2020dash import queries
from dk2020dash.db.store import Store
from dk2020dash.ingest import run_import
from tests.ingest_helpers import assert_unchanged, csv_text, snapshot, xlsx_bytes

TODAY = dt.date(2026, 11, 28)
HEADER = ["Kommune", "Basisår", "Nettonul år", "Mål 2025", "Mål 2030", "Mål 2050"]


def refused(store: Store, rows: list[list[object]], name: str = "plans.csv") -> list[str]:
    before = snapshot(store)
    data = xlsx_bytes(rows) if name.endswith(".xlsx") else csv_text(rows).encode()
    r = run_import(store, "plans", data, name, today=TODAY)
    assert not r.ok and not r.written
    assert_unchanged(before, store)
    return r.problem_lines()


@pytest.mark.parametrize("name", ["plans.csv", "plans.xlsx"])
def test_target_before_the_baseline_year_is_refused_with_row_column_and_reason(demo_copy: Store, name: str) -> None:
    # Aarhus's plan starts in 2026: its 2025 target lies before the baseline year (it used to be stored and then
    # silently left out of the target path). København's row is fine, but the file is refused as a whole.
    lines = refused(demo_copy, [HEADER, ["101", "1990", "2050", "50", "70", ""],
                                ["Aarhus", "2026", "2050", "40", "70", ""]], name)
    assert lines == [f"{name}:3:Mål 2025: 40 – forventet et delmål for et år efter basisåret 2026 (målåret 2025 "
                     "ligger før basisåret, så målstien kan ikke bruge det)"]


def test_target_after_the_net_zero_year_is_refused(empty_store: Store) -> None:
    lines = refused(empty_store, [HEADER, ["101", "1990", "2045", "", "70", "100"]])
    assert lines == ["plans.csv:2:Mål 2050: 100 – forventet et delmål senest i nettonul-året 2045 (målåret 2050 "
                     "ligger efter nettonul-året, så målstien kan ikke bruge det)"]


def test_target_in_the_baseline_year_or_short_of_net_zero_in_the_net_zero_year_is_refused(empty_store: Store) -> None:
    lines = refused(empty_store, [HEADER, ["101", "2025", "2050", "10", "70", "90"]])
    assert lines == [
        "plans.csv:2:Mål 2025: 10 – forventet et delmål for et år efter basisåret 2025 (målåret 2025 ligger i "
        "basisåret, så målstien kan ikke bruge det)",
        "plans.csv:2:Mål 2050: 90 – forventet 100 % i nettonul-året 2050 (et delmål i nettonul-året er netto-nul)"]


def test_targets_within_the_plan_and_empty_cells_are_accepted(empty_store: Store) -> None:
    # 2025 empty for a plan from 2026, 2050 = 100 % in its net-zero year: nothing lies outside the plan
    r = run_import(empty_store, "plans", csv_text([HEADER, ["101", "1990", "2050", "50", "70", "100 %"],
                                                   ["751", "2026", "2050", "", "70", ""]]).encode(),
                   "plans.csv", today=TODAY)
    assert r.ok, r.problem_lines()
    targets = queries.plan_targets(empty_store)
    assert {(int(m), int(y)) for m, y, _ in targets.itertuples(index=False)} == {
        (101, 2025), (101, 2030), (101, 2050), (751, 2030)}
