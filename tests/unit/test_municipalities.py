"""data/municipalities.csv: the 98 municipalities, their regions and the facts loaded on init."""
from __future__ import annotations

import pandas as pd
import pytest

from dk2020dash.db.store import MUNICIPALITIES_CSV, Store
from tests.support import REFERENCE

REFERENCE_CSV = REFERENCE / "municipalities_98.csv"


@pytest.fixture(scope="module")
def munis() -> pd.DataFrame:
    return pd.read_csv(MUNICIPALITIES_CSV, encoding="utf-8")


def test_98_municipalities_with_unique_codes_and_names(munis: pd.DataFrame) -> None:
    assert len(munis) == 98
    assert munis["code"].is_unique and munis["name"].is_unique


def test_region_counts(munis: pd.DataFrame) -> None:
    assert munis["region"].value_counts().to_dict() == {
        "Hovedstaden": 29, "Syddanmark": 22, "Midtjylland": 19, "Sjælland": 17, "Nordjylland": 11,
    }


def test_cohorts_match_the_known_counts(munis: pd.DataFrame) -> None:
    assert munis["cohort"].value_counts().to_dict() == {
        "round_2020": 46, "2021_or_later": 31, "pilot_2019": 20, "c40_own_plan": 1,
    }


def test_population_is_present_and_marked_approximate(munis: pd.DataFrame) -> None:
    assert (munis["population"] > 0).all()
    assert munis["population_approx"].all()
    assert 5_500_000 < munis["population"].sum() < 6_200_000


def test_known_facts(munis: pd.DataFrame) -> None:
    by_code = munis.set_index("code")
    assert by_code.loc[101, "name"] == "København"
    assert by_code.loc[400, "region"] == "Hovedstaden"  # Bornholm
    assert by_code.loc[825, "name"] == "Læsø"


@pytest.mark.skipif(not REFERENCE_CSV.exists(), reason="../shared/reference is not beside the checkout")
def test_agrees_with_the_reference_file(munis: pd.DataFrame) -> None:
    ref = pd.read_csv(REFERENCE_CSV, encoding="utf-8").set_index("kommunekode")
    ours = munis.set_index("code")
    assert (ours["name"] == ref.loc[ours.index, "navn"]).all()
    assert (ours["region"] == ref.loc[ours.index, "region"]).all()
    assert (ours["label_lat"] == ref.loc[ours.index, "label_lat"]).all()


def test_loaded_into_the_store(empty_store: Store) -> None:
    df = empty_store.query("SELECT region, count(*) AS n FROM municipality GROUP BY region")
    assert dict(df.itertuples(index=False)) == {
        "Hovedstaden": 29, "Syddanmark": 22, "Midtjylland": 19, "Sjælland": 17, "Nordjylland": 11,
    }
