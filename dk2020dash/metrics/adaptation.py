"""Climate adaptation metrics (DESIGN.md section 4) over the risk and adaptation frames."""
from __future__ import annotations

import math
from collections import Counter
from datetime import date

import pandas as pd

from dk2020dash.domain import (
    ACTION_STATUSES,
    COVERING_STATUSES,
    HAZARD_CODES,
    HIGH_RISK_LEVELS,
    RISK_LEVELS,
    RISK_RANK,
    RISK_STALE_AFTER_YEARS,
)
from dk2020dash.metrics.followup import stale_flags

# -- climate adaptation (klimatilpasning) --------------------------------------------------------------------
# risks: one row per assessed (municipality, hazard) with level and assessed_year (queries.risks).
# adaptation: one row per adaptation action with municipality, status, end_date, last_updated and hazards, a list
# of hazard codes (queries.adaptation_actions).

def is_high_risk(level: str) -> bool:
    """A high risk is one assessed høj or meget høj."""
    return level in HIGH_RISK_LEVELS


def covers(status: str) -> bool:
    """An adaptation action covers its hazards once it is in progress or completed."""
    return status in COVERING_STATUSES


def _action_hazard_pairs(adaptation: pd.DataFrame) -> pd.DataFrame:
    """One row per (action, hazard it names)."""
    cols = ["id", "municipality", "status", "hazard"]
    if adaptation.empty:
        return pd.DataFrame(columns=cols)
    pairs = adaptation.assign(hazard=adaptation["hazards"].map(lambda h: list(h) if h is not None and
                                                                not (isinstance(h, float) and math.isnan(h)) else []))
    pairs = pairs.explode("hazard")
    return pairs[pairs["hazard"].notna()][cols].reset_index(drop=True)


def uncovered_high_risks(risks: pd.DataFrame, adaptation: pd.DataFrame) -> pd.DataFrame:
    """Uncovered high risks: every (municipality, hazard) assessed høj or meget høj for which the municipality has
    no adaptation action naming that hazard with status in progress or completed. Planned, delayed or paused
    actions for the hazard do not cover it (they are counted in `not_under_way`); cancelled ones count for
    nothing. Sorted by level (meget høj first), then municipality and hazard."""
    cols = ["municipality", "hazard", "level", "assessed_year", "not_under_way"]
    high = risks[risks["level"].map(is_high_risk)] if len(risks) else risks
    if high.empty:
        return pd.DataFrame(columns=cols)
    pairs = _action_hazard_pairs(adaptation)
    covered = {(int(m), h) for m, h, s in zip(pairs["municipality"], pairs["hazard"], pairs["status"], strict=True)
               if covers(s)}
    waiting = Counter((int(m), h) for m, h, s in zip(pairs["municipality"], pairs["hazard"], pairs["status"], strict=True)
                      if not covers(s) and s != "cancelled")
    keys = list(zip(high["municipality"].astype(int), high["hazard"], strict=True))
    out = high.assign(not_under_way=[waiting.get(k, 0) for k in keys])
    out = out[[k not in covered for k in keys]]
    out = out.assign(_rank=out["level"].map(lambda v: -RISK_RANK[v]))
    return out.sort_values(["_rank", "municipality", "hazard"])[cols].reset_index(drop=True)


def risk_matrix(risks: pd.DataFrame) -> pd.DataFrame:
    """Number of municipalities per hazard (rows, domain order) and risk level (columns, lav .. meget høj)."""
    counts = (risks.groupby(["hazard", "level"]).size() if len(risks)
              else pd.Series(dtype=int, index=pd.MultiIndex.from_tuples([], names=["hazard", "level"])))
    matrix = counts.unstack("level") if len(counts) else pd.DataFrame()
    return matrix.reindex(index=list(HAZARD_CODES), columns=list(RISK_LEVELS)).fillna(0).astype(int)


def adaptation_by_hazard(adaptation: pd.DataFrame) -> pd.DataFrame:
    """Adaptation actions per hazard they name (rows, domain order) and status (columns); an action naming two
    hazards counts under both."""
    pairs = _action_hazard_pairs(adaptation)
    counts = pairs.groupby(["hazard", "status"]).size().unstack("status") if len(pairs) else pd.DataFrame()
    return counts.reindex(index=list(HAZARD_CODES), columns=list(ACTION_STATUSES)).fillna(0).astype(int)


def risk_assessment_is_stale(assessed_year: int, today: date) -> bool:
    """A risk assessment made more than five years before this year (by its year) is due for reassessment."""
    return today.year - int(assessed_year) > RISK_STALE_AFTER_YEARS


def adaptation_overdue(adaptation: pd.DataFrame, today: date) -> pd.DataFrame:
    """Adaptation actions that need attention: overdue (end date passed, not completed or cancelled) or stale
    (followup.is_stale, the same rule as every action). Columns: the action's, plus overdue and stale."""
    if adaptation.empty:
        return adaptation.assign(overdue=pd.Series(dtype=bool), stale=pd.Series(dtype=bool))
    end = pd.to_datetime(adaptation["end_date"])
    open_ = ~adaptation["status"].isin(["completed", "cancelled"])
    overdue = open_ & end.notna() & (end < pd.Timestamp(today))
    stale = stale_flags(adaptation, today)
    out = adaptation.assign(overdue=overdue.to_numpy(dtype=bool), stale=stale.to_numpy(dtype=bool))
    return out[out["overdue"] | out["stale"]].reset_index(drop=True)
