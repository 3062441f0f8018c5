"""The metric inputs assembled from the frames queries.py returns (the input side of metrics/)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from dk2020dash.domain import (
    BRIDGE_PART_OF_STATUS,
)
from dk2020dash.metrics.mitigation import MunicipalityInputs, PlanTargets


def inputs_from_frames(
    emissions: pd.DataFrame,
    plans: pd.DataFrame,
    targets: pd.DataFrame,
    actions: pd.DataFrame,
    municipalities: pd.DataFrame,
) -> dict[int, MunicipalityInputs]:
    """Assemble per-municipality inputs from the frames queries.py returns.

    emissions: municipality, year, tco2e (summed over sectors) · plans: municipality, baseline_year,
    net_zero_year · targets: municipality, target_year, reduction · actions: municipality, status,
    expected_2030_t (mitigation only) · municipalities: code, population, population_approx.

    actions may be one row per action, or already summed per status with the number of actions in a column
    `actions` (and, optionally, those without an expected reduction in `missing_expected`). A missing status
    becomes "" (left out of the bridge and reported, see reduction_bridge); a missing expected reduction sums
    as 0 and, in rows per action, is counted in `missing_expected`. An optional column `completed_year` gives
    the year of a completed action's completion date (queries.action_expected), so the bridge can tell the
    completed actions already in the inventory from those that are secured (see in_inventory).
    """
    series = {int(c): dict(zip(g["year"].astype(int), g["tco2e"].astype(float)))
              for c, g in emissions.groupby("municipality")}
    tgt = {int(c): dict(zip(g["target_year"].astype(int), g["reduction"].astype(float)))
           for c, g in targets.groupby("municipality")}
    plan = {int(r.municipality): PlanTargets(int(r.baseline_year), int(r.net_zero_year), tgt.get(int(r.municipality), {}))
            for r in plans.itertuples()}
    sums = action_sums(actions)
    out = {}
    for r in municipalities.itertuples():
        code = int(r.code)
        pop = None if pd.isna(r.population) else float(r.population)
        out[code] = MunicipalityInputs(code=code, series=series.get(code, {}), plan=plan.get(code),
                                       population=pop, population_approx=bool(r.population_approx),
                                       **sums.get(code, {}))
    return out


def action_sums(actions: pd.DataFrame) -> dict[int, dict]:
    """Per municipality, the action fields of its MunicipalityInputs (expected_by_status, actions_by_status,
    missing_expected, completed_by_year, completed_actions_by_year) from rows per action or per status (see
    inputs_from_frames)."""
    acts = actions.assign(status=actions["status"].astype(object).where(actions["status"].notna(), ""))
    acts = acts.assign(expected_2030_t=pd.to_numeric(acts["expected_2030_t"], errors="coerce").astype(float))
    in_part = acts["status"].map(lambda s: BRIDGE_PART_OF_STATUS.get(s) is not None)
    if "actions" in acts:
        acts = acts.assign(_n=acts["actions"].fillna(0).astype(int),
                           _missing=acts["missing_expected"].fillna(0).astype(int).where(in_part, 0)
                           if "missing_expected" in acts else 0)
    else:
        acts = acts.assign(_n=1, _missing=(acts["expected_2030_t"].isna() & in_part).astype(int))
    out: dict[int, dict] = {}
    for c, g in acts.groupby("municipality"):
        by_status = g.groupby("status", sort=True)
        fields = out[int(c)] = {"expected_by_status": by_status["expected_2030_t"].sum().to_dict(),
                                "actions_by_status": {k: int(v) for k, v in by_status["_n"].sum().items()},
                                "missing_expected": int(g["_missing"].sum())}
        if "completed_year" in g:
            completed = g[(g["status"] == "completed") & g["completed_year"].notna()]
            by_year = completed.groupby(completed["completed_year"].astype(int), sort=True)
            fields["completed_by_year"] = {int(y): float(v) for y, v in by_year["expected_2030_t"].sum().items()}
            fields["completed_actions_by_year"] = {int(y): int(v) for y, v in by_year["_n"].sum().items()}
    return out


def with_actions(inputs: Mapping[int, MunicipalityInputs], actions: pd.DataFrame) -> dict[int, MunicipalityInputs]:
    """The same municipalities with only the given actions (a selection, e.g. Indsatser's filters, as
    queries.action_expected returns it): what members_bridge needs to build the bridge of that selection."""
    sums = action_sums(actions)
    empty = {"expected_by_status": {}, "actions_by_status": {}, "missing_expected": 0, "completed_by_year": {},
             "completed_actions_by_year": {}}
    return {code: replace(m, **sums.get(code, empty)) for code, m in inputs.items()}
