"""Question B of DESIGN.md section 4, defined once: the reduction need, the bridge of the actions' expected 2030
reductions by status (capped at the need in status order) and the manko. Pure functions over plain data."""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dk2020dash.domain import BRIDGE_PART_OF_STATUS, BRIDGE_PARTS

# -- reduction bridge and manko ----------------------------------------------------------------

_BRIDGE_SUMS = ("need", "secured", "in_progress", "planned", "at_risk", "beyond_need", "manko", "cancelled",
                "in_inventory", "in_inventory_actions", "left_out", "left_out_actions", "missing_expected_actions")


@dataclass(frozen=True)
class Bridge:
    """Question B of DESIGN.md section 4: the need N and what the actions cover of it, part by part in status
    order (secured, in progress, planned, at risk), each part capped so the parts never exceed N; what actions
    would reduce beyond the need is `beyond_need` ("ud over behovet", counting nothing); the manko is what is
    left. So parts + manko = need, for a municipality and (as sums of its members') for an area."""

    need: float
    secured: float = 0.0
    in_progress: float = 0.0
    planned: float = 0.0
    at_risk: float = 0.0
    beyond_need: float = 0.0  # the actions' tonnes past the need: shown apart, counting nothing
    manko: float = None  # type: ignore[assignment]  # need − parts, never negative (worked out when not given)
    cancelled: float = 0.0  # shown for information; counts for nothing
    # Completed actions completed in or before the latest inventory year are already in E(latest) ("allerede i
    # opgørelsen"): shown for information, counting nothing (secured holds only those completed after it).
    in_inventory: float = 0.0
    in_inventory_actions: int = 0
    # Actions whose status is unknown or missing are in no part (they cover nothing) but are reported here:
    left_out: float = 0.0  # their expected 2030 reduction, tonnes
    left_out_actions: int = 0  # how many
    left_out_statuses: tuple[str, ...] = ()  # the status values met, sorted; "" stands for a missing status
    # Actions without an expected 2030 reduction are in their part with 0 tonnes; reported here:
    missing_expected_actions: int = 0

    def __post_init__(self) -> None:
        if self.manko is None:
            object.__setattr__(self, "manko", max(0.0, self.need - self.covered))

    @property
    def covered(self) -> float:
        """The parts: what the actions cover of the need (never more than the need)."""
        return self.secured + self.in_progress + self.planned + self.at_risk

    def __add__(self, other: Bridge) -> Bridge:
        """The bridge of two sets of municipalities: every figure summed (an area's manko is its members' manko,
        so one municipality's surplus never covers another's gap)."""
        return Bridge(**{f: getattr(self, f) + getattr(other, f) for f in _BRIDGE_SUMS},
                      left_out_statuses=tuple(sorted(set(self.left_out_statuses) | set(other.left_out_statuses))))


def capped_parts(need: float, expected: Mapping[str, float]) -> tuple[dict[str, float], float, float]:
    """The actions' expected tonnes per bridge part counted toward the need in status order, each part capped at
    what is left of it: (counted parts, beyond the need, manko). The counted parts and the manko add up to
    max(0, need)."""
    left = max(0.0, need)
    counted = {}
    for part in BRIDGE_PARTS:
        counted[part] = min(max(0.0, expected.get(part, 0.0)), left)
        left -= counted[part]
    beyond = sum(max(0.0, expected.get(part, 0.0)) for part in BRIDGE_PARTS) - sum(counted.values())
    return counted, max(0.0, beyond), left


def reduction_need(latest: float, target_2030: float) -> float:
    """N = max(0, E(latest) − T(2030))."""
    return max(0.0, latest - target_2030)


def _is_missing(value: object) -> bool:
    """None, NaN, pd.NA, NaT (a scalar pandas calls missing)."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # not a scalar
        return False


def tonnes_or_none(value: object) -> float | None:
    """An expected reduction as a float, or None where it is missing or not a number."""
    if _is_missing(value) or isinstance(value, bool):
        return None
    try:
        tonnes = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(tonnes) else tonnes


def in_inventory(completed_year: int, latest_year: int) -> bool:
    """A completed action is already in the inventory ("allerede i opgørelsen") when its completion date falls in
    or before the latest inventory year: E(latest) holds its effect, so it must not count again as secured.
    The completion date is the action's end date, else the date of its change to completed in its history,
    else its last update (queries.action_expected works it out)."""
    return completed_year <= latest_year


def reduction_bridge(need: float, expected_by_status: Mapping[str, float],
                     actions_by_status: Mapping[str, int] | None = None, missing_expected: int = 0,
                     completed_by_year: Mapping[int, float] | None = None,
                     completed_actions_by_year: Mapping[int, int] | None = None,
                     latest_year: int | None = None) -> Bridge:
    """Split the actions' expected 2030 reductions by status into the bridge parts (cancelled counts nothing),
    counted toward the need in status order and capped at it (capped_parts).

    `completed_by_year` breaks the completed actions' tonnes (part of expected_by_status["completed"]) down by
    the year of their completion date, `completed_actions_by_year` their number; those completed in or before
    `latest_year` (see in_inventory) leave "secured" for `in_inventory`, which counts nothing. Completed actions
    without a known completion year stay secured.

    Never raises on odd input, so a page with one bad action still shows its bridge:
    - a status that is unknown or missing (None, NaN, pd.NA, "") goes in no part and covers nothing; its
      tonnes, its number of actions and the status values are reported in `left_out*`;
    - a missing expected reduction (None, NaN, pd.NA, not a number) counts as 0 tonnes; the actions of a
      bridge part it concerns are reported in `missing_expected_actions`, added to the caller's own count
      `missing_expected` (actions of a bridge part without an expected reduction, found in the rows).
    `actions_by_status` gives the number of actions behind each status (a status not in it counts as one).
    """
    counts = actions_by_status or {}
    parts = dict.fromkeys(BRIDGE_PARTS, 0.0)
    cancelled = left_out = 0.0
    left_out_actions, left_out_statuses = 0, set()
    missing = int(missing_expected or 0)
    for status, value in expected_by_status.items():
        n = counts.get(status, 1)
        n = 1 if _is_missing(n) else int(n)
        known = isinstance(status, str) and status in BRIDGE_PART_OF_STATUS
        tonnes = tonnes_or_none(value)
        if tonnes is None:
            tonnes = 0.0
            if known and BRIDGE_PART_OF_STATUS[status] is not None:  # only where the tonnes would have counted
                missing += n
        if not known:
            left_out += tonnes
            left_out_actions += n
            left_out_statuses.add("" if _is_missing(status) else str(status))
            continue
        part = BRIDGE_PART_OF_STATUS[status]
        if part is None:
            cancelled += tonnes
        else:
            parts[part] += tonnes
    already, already_actions = 0.0, 0
    if latest_year is not None:
        n_by_year = completed_actions_by_year or {}
        for year, value in (completed_by_year or {}).items():
            if _is_missing(year) or not in_inventory(int(year), latest_year):
                continue
            already += tonnes_or_none(value) or 0.0
            n = n_by_year.get(year, 1)
            already_actions += 1 if _is_missing(n) else int(n)
        parts["secured"] = max(0.0, parts["secured"] - already)
    counted, beyond, manko = capped_parts(need, parts)
    return Bridge(need=max(0.0, need), beyond_need=beyond, manko=manko, cancelled=cancelled, in_inventory=already,
                  in_inventory_actions=already_actions, left_out=left_out, left_out_actions=left_out_actions,
                  left_out_statuses=tuple(sorted(left_out_statuses)), missing_expected_actions=missing, **counted)
