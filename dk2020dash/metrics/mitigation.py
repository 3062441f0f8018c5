"""Every metric of DESIGN.md section 4, defined once, as pure functions over plain data (no SQL, no Streamlit)."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dk2020dash.domain import (
    BRIDGE_PART_OF_STATUS,
    BRIDGE_PARTS,
    DEVIATING_MAX_D,
    ON_TRACK_MAX_D,
    TARGET_YEAR,
    TREND_HORIZON,
    TREND_MIN_YEARS,
    TREND_YEARS,
    Verdict,
)


@dataclass(frozen=True)
class Unavailable:
    """A metric that cannot be computed, with a reason code that i18n turns into a sentence."""

    reason: str  # no_inventory | no_plan | no_baseline | nonpositive_baseline | single_year | too_few_years
    #              | past_target_year | too_few_common_years
    detail: str = ""
    # too_few_common_years: (municipality code, the area's years it lacks) for each member that lacks some,
    # so a page can name the municipalities; `detail` holds the same with codes ("101: 2023–2024; 202: 1990").
    lacking: tuple[tuple[int, tuple[int, ...]], ...] = ()

    def __bool__(self) -> bool:  # lets callers write `if result:` for "computed"
        return False


# -- target path -------------------------------------------------------------------------------

def target_points(baseline_year: int, baseline: float, targets: Mapping[int, float],
                  net_zero_year: int) -> list[tuple[int, float]]:
    """The corners of the target path: (baseline year, B), each (target year, B·(1−pct)), (net-zero year, 0)."""
    points = [(baseline_year, baseline)]
    points += [(y, baseline * (1 - pct)) for y, pct in sorted(targets.items()) if baseline_year < y < net_zero_year]
    points.append((net_zero_year, 0.0))
    return points


def target_value(points: Sequence[tuple[int, float]], year: float) -> float:
    """T(year): straight lines between the points; flat at B before the baseline and 0 after net zero."""
    if year <= points[0][0]:
        return points[0][1]
    for (y0, v0), (y1, v1) in zip(points, points[1:]):
        if year <= y1:
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return points[-1][1]


# -- verdict -----------------------------------------------------------------------------------

def deviation(latest: float, target_latest: float, baseline: float) -> float:
    """d = (E(latest) − T(latest)) / B: how far above the target path, as a share of the baseline."""
    return (latest - target_latest) / baseline


def verdict(d: float) -> Verdict:
    """On track at d ≤ 0, deviating up to 0.05, off track above (thresholds in domain.py)."""
    d = round(d, 12)  # so a d that is 0.05 on paper is not pushed over by float noise
    if d <= ON_TRACK_MAX_D:
        return Verdict.ON_TRACK
    if d <= DEVIATING_MAX_D:
        return Verdict.DEVIATING
    return Verdict.OFF_TRACK


def reduction_so_far(latest: float, baseline: float) -> float:
    """1 − E(latest)/B."""
    return 1 - latest / baseline


# -- trend -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Trend:
    slope: float  # tonnes per year (negative when emissions fall)
    intercept: float
    years: tuple[int, ...]
    latest: float = math.inf  # E(latest): the inventory value of the last year (not the fitted line's)

    def at(self, year: float) -> float:
        return self.intercept + self.slope * year

    @property
    def reached(self) -> bool:
        """E(latest) is already at or below zero: net zero is "nået", nothing to project."""
        return self.latest <= 0

    @property
    def zero_year(self) -> int | None:
        """The first whole year after the latest inventory year in which the line is at or below zero
        ("forventet netto-nul-år"); None when it is already reached (see `reached`) or not by 2100."""
        if self.reached:
            return None
        last = self.years[-1]
        if self.at(last + 1) <= 0:  # the line is at zero already, the data not yet: next year
            return last + 1
        if self.slope >= 0:
            return None
        year = math.ceil(-self.intercept / self.slope - 1e-9)
        return year if year <= TREND_HORIZON else None


def trend_window(latest_year: int) -> tuple[int, int]:
    """The calendar years a trend may use: the five ending at the latest inventory year."""
    return latest_year - TREND_YEARS + 1, latest_year


def trend(series: Mapping[int, float]) -> Trend | Unavailable:
    """Least squares over the inventory years within the five calendar years ending at the latest year;
    at least three of them are needed ("too_few_years" says how many there are, and in which years)."""
    if not series:
        return Unavailable("too_few_years", "0")
    first, last = trend_window(max(series))
    years = sorted(y for y in series if first <= y <= last)
    if len(years) < TREND_MIN_YEARS:
        return Unavailable("too_few_years", str(len(years)))
    n = len(years)
    mean_x = sum(years) / n
    mean_y = sum(series[y] for y in years) / n
    sxx = sum((y - mean_x) ** 2 for y in years)
    slope = sum((y - mean_x) * (series[y] - mean_y) for y in years) / sxx
    return Trend(slope=slope, intercept=mean_y - slope * mean_x, years=tuple(years), latest=series[last])


def required_pace(need: float, latest_year: int) -> float | Unavailable:
    """N / (2030 − latest year): tonnes of reduction needed per year from now, where N is the need (for an area
    the sum of its members' needs, so one's surplus never hides another's gap). Never negative: 0 when N = 0
    ("målet for 2030 er nået")."""
    if latest_year >= TARGET_YEAR:
        return Unavailable("past_target_year", str(latest_year))
    return max(0.0, need) / (TARGET_YEAR - latest_year)


# -- reduction bridge and manko ----------------------------------------------------------------

_BRIDGE_SUMS = ("need", "secured", "in_progress", "planned", "at_risk", "cancelled", "in_inventory",
                "in_inventory_actions", "left_out", "left_out_actions", "missing_expected_actions")


@dataclass(frozen=True)
class Bridge:
    need: float
    secured: float = 0.0
    in_progress: float = 0.0
    planned: float = 0.0
    at_risk: float = 0.0
    cancelled: float = 0.0  # shown for information; counts for nothing
    # Completed actions completed in or before the latest inventory year are already in E(latest) ("allerede i
    # opgørelsen"): shown for information, counting nothing (secured holds only those completed after it).
    in_inventory: float = 0.0
    in_inventory_actions: int = 0
    members_manko: float | None = None  # for a sum of municipalities: the sum of their manko (see assess_area)
    # Actions whose status is unknown or missing are in no part (they cover nothing) but are reported here:
    left_out: float = 0.0  # their expected 2030 reduction, tonnes
    left_out_actions: int = 0  # how many
    left_out_statuses: tuple[str, ...] = ()  # the status values met, sorted; "" stands for a missing status
    # Actions without an expected 2030 reduction are in their part with 0 tonnes; reported here:
    missing_expected_actions: int = 0

    @property
    def covered(self) -> float:
        return self.secured + self.in_progress + self.planned + self.at_risk

    @property
    def manko(self) -> float:
        """The reduction needed by 2030 that no action covers; never negative. For an area it is the sum
        of its municipalities' manko: one's surplus does not cover another's gap."""
        if self.members_manko is not None:
            return self.members_manko
        return max(0.0, self.need - self.covered)

    def __add__(self, other: Bridge) -> Bridge:
        return Bridge(**{f: getattr(self, f) + getattr(other, f) for f in _BRIDGE_SUMS},
                      members_manko=self.manko + other.manko,
                      left_out_statuses=tuple(sorted(set(self.left_out_statuses) | set(other.left_out_statuses))))


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
    """Split the actions' expected 2030 reductions by status into the bridge parts (cancelled counts nothing).

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
    return Bridge(need=need, cancelled=cancelled, in_inventory=already, in_inventory_actions=already_actions,
                  left_out=left_out, left_out_actions=left_out_actions,
                  left_out_statuses=tuple(sorted(left_out_statuses)), missing_expected_actions=missing, **parts)


def per_capita(tonnes: float, population: float | None) -> float | None:
    """Tonnes per inhabitant; None where the population is unknown."""
    if not population or pd.isna(population):
        return None
    return tonnes / population


def data_lag(latest_year: int, today: date) -> int:
    """Years between now and the newest inventory year."""
    return today.year - latest_year


# -- assessments of a municipality or an area ---------------------------------------------------

@dataclass(frozen=True)
class PlanTargets:
    baseline_year: int
    net_zero_year: int
    targets: Mapping[int, float]  # target year -> reduction versus baseline (0.7 = −70 %)


@dataclass(frozen=True)
class Progress:
    """Everything section 4 defines, for a municipality or a sum of municipalities."""

    members: tuple[int, ...]
    series: dict[int, float]  # E(y), all sectors, newest edition
    latest_year: int
    latest: float
    baseline: float
    paths: tuple[tuple[tuple[int, float], ...], ...]  # each member's target-path corners; T is their sum
    deviation: float
    verdict: Verdict
    trend: Trend | Unavailable
    required_pace: float | Unavailable
    bridge: Bridge
    population: float | None
    population_approx: bool
    today: date
    excluded: dict[int, Unavailable] = field(default_factory=dict)
    verdicts: dict[int, Verdict] = field(default_factory=dict)  # per member municipality

    @property
    def reduction(self) -> float:
        return reduction_so_far(self.latest, self.baseline)

    def target_at(self, year: float) -> float:
        """T(year) of the area: the sum of its members' target paths."""
        return sum(target_value(path, year) for path in self.paths)

    @property
    def target_latest(self) -> float:
        return self.target_at(self.latest_year)

    @property
    def target_2030(self) -> float:
        return self.target_at(TARGET_YEAR)

    @property
    def net_zero_year(self) -> int:
        """The year the whole area's target path reaches zero (the latest member's net-zero year)."""
        return max(path[-1][0] for path in self.paths)

    @property
    def target_reduction_2030(self) -> float:
        return 1 - self.target_2030 / self.baseline

    @property
    def per_capita(self) -> float | None:
        return per_capita(self.latest, self.population)

    @property
    def data_lag(self) -> int:
        return data_lag(self.latest_year, self.today)

    @property
    def manko(self) -> float:
        return self.bridge.manko

    @property
    def observed_pace(self) -> float | None:
        """Reduction per year seen in the trend (positive when emissions fall)."""
        return -self.trend.slope if isinstance(self.trend, Trend) else None

    def verdict_counts(self) -> dict[Verdict, int]:
        counts = dict.fromkeys(Verdict, 0)
        for v in self.verdicts.values():
            counts[v] += 1
        return counts


@dataclass(frozen=True)
class MunicipalityInputs:
    """What one municipality's assessment needs, already read from the store."""

    code: int
    series: Mapping[int, float]  # E(y) summed over sectors
    plan: PlanTargets | None
    expected_by_status: Mapping[str, float]
    population: float | None = None
    population_approx: bool = True
    actions_by_status: Mapping[str, int] = field(default_factory=dict)  # number of actions behind each status
    missing_expected: int = 0  # actions of a bridge part (not cancelled) without an expected 2030 reduction
    # The completed actions' expected tonnes (already in expected_by_status["completed"]) and their number, by
    # the year of their completion date; see reduction_bridge and in_inventory.
    completed_by_year: Mapping[int, float] = field(default_factory=dict)
    completed_actions_by_year: Mapping[int, int] = field(default_factory=dict)


def member_bridge(m: MunicipalityInputs, need: float, latest_year: int) -> Bridge:
    """A municipality's bridge when its need is computed at `latest_year`: completed actions up to that year are
    already in the inventory. Its own page uses its latest year; an area the area's year (assess_area)."""
    return reduction_bridge(need, m.expected_by_status, m.actions_by_status, m.missing_expected,
                            m.completed_by_year, m.completed_actions_by_year, latest_year)


def assess_municipality(m: MunicipalityInputs, today: date) -> Progress | Unavailable:
    """The full assessment of one municipality, or why it cannot be made."""
    series = {int(y): float(v) for y, v in m.series.items() if v is not None and not pd.isna(v)}
    if not series:
        return Unavailable("no_inventory")
    if m.plan is None:
        return Unavailable("no_plan")
    if m.plan.baseline_year not in series:
        return Unavailable("no_baseline", str(m.plan.baseline_year))
    baseline = series[m.plan.baseline_year]
    if baseline <= 0:
        return Unavailable("nonpositive_baseline", f"{baseline}")
    if len(series) < 2:
        return Unavailable("single_year")
    latest_year = max(series)
    points = tuple(target_points(m.plan.baseline_year, baseline, m.plan.targets, m.plan.net_zero_year))
    latest = series[latest_year]
    need = reduction_need(latest, target_value(points, TARGET_YEAR))
    d = deviation(latest, target_value(points, latest_year), baseline)
    return Progress(
        members=(m.code,), series=dict(sorted(series.items())), latest_year=latest_year, latest=latest,
        baseline=baseline, paths=(points,), deviation=d, verdict=verdict(d), trend=trend(series),
        required_pace=required_pace(need, latest_year), bridge=member_bridge(m, need, latest_year),
        population=m.population, population_approx=m.population_approx, today=today,
        verdicts={m.code: verdict(d)},
    )


def _year_ranges(years: Iterable[int]) -> str:
    """2020, 2021, 2022, 2024 -> "2020–2022, 2024"."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and out[-1][1] == y - 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in out)


_LACKING_SHOWN = 10  # members listed in Unavailable.detail; the rest as "… (+n)"


def too_few_common_years(series: Mapping[int, Iterable[int]]) -> Unavailable:
    """Why members cannot be summed: which of "the area's years" each member lacks. The area's years are
    those at least half of the members have (so one odd municipality is named, not everyone else); where
    no member lacks any of those, every year any member has."""
    years = {code: set(ys) for code, ys in series.items()}
    held = Counter(y for ys in years.values() for y in ys)
    area_years = {y for y, n in held.items() if 2 * n >= len(years)}
    if all(area_years <= ys for ys in years.values()):
        area_years = set(held)
    lacking = tuple((code, tuple(sorted(area_years - ys))) for code, ys in years.items() if area_years - ys)
    return Unavailable("too_few_common_years", lacking_text(lacking), lacking=lacking)


def lacking_text(lacking: Sequence[tuple[int, Sequence[int]]], label: Callable[[int], str] = str) -> str:
    """"101: 2023–2024; 202: 1990", the first members by `label` (default: the code), the rest as "… (+n)"."""
    shown = [f"{label(code)}: {_year_ranges(ys)}" for code, ys in lacking[:_LACKING_SHOWN]]
    if len(lacking) > _LACKING_SHOWN:
        shown.append(f"… (+{len(lacking) - _LACKING_SHOWN})")
    return "; ".join(shown)


def assess_area(inputs: Iterable[MunicipalityInputs], today: date) -> Progress | Unavailable:
    """An area (region/KKR or Denmark) as the sum of its municipalities that can be assessed.

    E, B, T, the bridge and population are sums. Members that cannot be assessed are left out and listed
    in `excluded`.

    One year for the whole headline: the area's years are those every included member has, and its latest
    year Y is the newest of them. E(latest), T(latest), the verdict, the required pace, the need N and the
    manko all rest on Y, so "Region X mangler N t (opgørelsesår Y)" adds up: each member's need is
    recomputed at Y, N_m = max(0, E_m(Y) − T_m(2030)), and the area's need is their sum; so is each member's
    split of completed actions (those completed in or before Y are already in E_m(Y)). The manko is the
    sum of the members' manko at Y, max(0, N_m − covered_m), because one municipality's surplus does not
    cover another's gap, and the required pace is the area's need over the years left, N / (2030 − Y).
    Where a member has newer inventories than Y, its own page (and `verdicts`, the
    per-member verdict counts) uses its own latest year, so its manko there can differ from its share here.
    Fewer than two common years: Unavailable("too_few_common_years"), saying who lacks which years.
    """
    parts: list[Progress] = []
    member_inputs: list[MunicipalityInputs] = []
    excluded: dict[int, Unavailable] = {}
    for m in inputs:
        p = assess_municipality(m, today)
        if isinstance(p, Unavailable):
            excluded[m.code] = p
        else:
            parts.append(p)
            member_inputs.append(m)
    if not parts:
        return Unavailable("no_inventory") if not excluded else next(iter(excluded.values()))
    common = set.intersection(*(set(p.series) for p in parts))
    if len(common) < 2:
        return too_few_common_years({c: p.series for p in parts for c in p.members})
    series = {y: sum(p.series[y] for p in parts) for y in sorted(common)}
    paths = tuple(path for p in parts for path in p.paths)
    latest_year = max(series)
    latest = series[latest_year]
    baseline = sum(p.baseline for p in parts)
    d = deviation(latest, sum(target_value(path, latest_year) for path in paths), baseline)
    at_area_year = (member_bridge(m, reduction_need(p.series[latest_year], p.target_2030), latest_year)
                    for m, p in zip(member_inputs, parts, strict=True))
    bridge = sum(at_area_year, Bridge(need=0.0))
    pops = [p.population for p in parts]
    population = sum(pops) if all(pops) else None
    return Progress(
        members=tuple(c for p in parts for c in p.members), series=series, latest_year=latest_year,
        latest=latest, baseline=baseline, paths=paths, deviation=d, verdict=verdict(d),
        trend=trend(series), required_pace=required_pace(bridge.need, latest_year),
        bridge=bridge, population=population, population_approx=any(p.population_approx for p in parts),
        today=today, excluded=excluded, verdicts={c: v for p in parts for c, v in p.verdicts.items()},
    )
