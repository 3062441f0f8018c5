"""Every metric of DESIGN.md section 4, defined once, as pure functions over plain data (no SQL, no Streamlit)."""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .domain import (
    BRIDGE_PART_OF_STATUS,
    BRIDGE_PARTS,
    DEVIATING_MAX_D,
    DUE_SOON_DAYS,
    ON_TRACK_MAX_D,
    STALE_AFTER_DAYS,
    TARGET_YEAR,
    TREND_HORIZON,
    TREND_MIN_YEARS,
    TREND_YEARS,
    Verdict,
)


@dataclass(frozen=True)
class Unavailable:
    """A metric that cannot be computed, with a reason code that i18n turns into a sentence."""

    reason: str  # no_inventory | no_plan | no_baseline | nonpositive_baseline | single_year | too_few_years | past_target_year
    detail: str = ""

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

    def at(self, year: float) -> float:
        return self.intercept + self.slope * year

    @property
    def zero_year(self) -> int | None:
        """First whole year the trend is at or below zero ("forventet netto-nul-år"); None if not by 2100."""
        last = self.years[-1]
        if self.at(last) <= 0:
            return last
        if self.slope >= 0:
            return None
        year = math.ceil(-self.intercept / self.slope - 1e-9)
        return year if year <= TREND_HORIZON else None


def trend(series: Mapping[int, float]) -> Trend | Unavailable:
    """Least squares over the last five inventory years; at least three are needed."""
    years = sorted(series)[-TREND_YEARS:]
    if len(years) < TREND_MIN_YEARS:
        return Unavailable("too_few_years", f"{len(years)}")
    n = len(years)
    mean_x = sum(years) / n
    mean_y = sum(series[y] for y in years) / n
    sxx = sum((y - mean_x) ** 2 for y in years)
    slope = sum((y - mean_x) * (series[y] - mean_y) for y in years) / sxx
    return Trend(slope=slope, intercept=mean_y - slope * mean_x, years=tuple(years))


def required_pace(latest: float, latest_year: int, target_2030: float) -> float | Unavailable:
    """(E(latest) − T(2030)) / (2030 − latest year): tonnes of reduction needed per year from now."""
    if latest_year >= TARGET_YEAR:
        return Unavailable("past_target_year", str(latest_year))
    return (latest - target_2030) / (TARGET_YEAR - latest_year)


# -- reduction bridge and manko ----------------------------------------------------------------

@dataclass(frozen=True)
class Bridge:
    need: float
    secured: float = 0.0
    in_progress: float = 0.0
    planned: float = 0.0
    at_risk: float = 0.0
    cancelled: float = 0.0  # shown for information; counts for nothing
    members_manko: float | None = None  # for a sum of municipalities: the sum of their own manko

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
        return Bridge(*(getattr(self, f) + getattr(other, f) for f in
                        ("need", "secured", "in_progress", "planned", "at_risk", "cancelled")),
                      members_manko=self.manko + other.manko)


def reduction_need(latest: float, target_2030: float) -> float:
    """N = max(0, E(latest) − T(2030))."""
    return max(0.0, latest - target_2030)


def reduction_bridge(need: float, expected_by_status: Mapping[str, float]) -> Bridge:
    """Split the actions' expected 2030 reductions by status into the bridge parts (cancelled counts nothing)."""
    parts = dict.fromkeys(BRIDGE_PARTS, 0.0)
    cancelled = 0.0
    for status, tonnes in expected_by_status.items():
        if tonnes is None or (isinstance(tonnes, float) and math.isnan(tonnes)):
            continue
        part = BRIDGE_PART_OF_STATUS[status]
        if part is None:
            cancelled += tonnes
        else:
            parts[part] += tonnes
    return Bridge(need=need, cancelled=cancelled, **parts)


# -- freshness ---------------------------------------------------------------------------------

def is_stale(last_updated: date, today: date) -> bool:
    """An action not updated for 365 days or more is stale."""
    return (today - last_updated).days >= STALE_AFTER_DAYS


def milestone_state(due: date, done: date | None, today: date) -> str:
    """done | overdue (past due, not done) | due_soon (due within 60 days) | upcoming."""
    if done is not None and not pd.isna(done):
        return "done"
    if due < today:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "upcoming"


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
    target_2030 = target_value(points, TARGET_YEAR)
    d = deviation(latest, target_value(points, latest_year), baseline)
    return Progress(
        members=(m.code,), series=dict(sorted(series.items())), latest_year=latest_year, latest=latest,
        baseline=baseline, paths=(points,), deviation=d, verdict=verdict(d), trend=trend(series),
        required_pace=required_pace(latest, latest_year, target_2030),
        bridge=reduction_bridge(reduction_need(latest, target_2030), m.expected_by_status),
        population=m.population, population_approx=m.population_approx, today=today,
        verdicts={m.code: verdict(d)},
    )


def assess_area(inputs: Iterable[MunicipalityInputs], today: date) -> Progress | Unavailable:
    """An area (region/KKR or Denmark) as the sum of its municipalities that can be assessed.

    E, B, T, the bridge and population are sums; so is the manko, because one municipality's
    surplus does not cover another's gap. The area's years are those every included member has.
    Members that cannot be assessed are left out and listed in `excluded`.
    """
    parts: list[Progress] = []
    excluded: dict[int, Unavailable] = {}
    for m in inputs:
        p = assess_municipality(m, today)
        if isinstance(p, Unavailable):
            excluded[m.code] = p
        else:
            parts.append(p)
    if not parts:
        return Unavailable("no_inventory") if not excluded else next(iter(excluded.values()))
    common = set.intersection(*(set(p.series) for p in parts))
    series = {y: sum(p.series[y] for p in parts) for y in sorted(common)}
    if len(series) < 2:
        return Unavailable("single_year")
    paths = tuple(path for p in parts for path in p.paths)
    latest_year = max(series)
    latest = series[latest_year]
    baseline = sum(p.baseline for p in parts)
    target_2030 = sum(target_value(path, TARGET_YEAR) for path in paths)
    d = deviation(latest, sum(target_value(path, latest_year) for path in paths), baseline)
    bridge = sum((p.bridge for p in parts), Bridge(need=0.0))
    pops = [p.population for p in parts]
    population = sum(pops) if all(pops) else None
    return Progress(
        members=tuple(c for p in parts for c in p.members), series=series, latest_year=latest_year,
        latest=latest, baseline=baseline, paths=paths, deviation=d, verdict=verdict(d),
        trend=trend(series), required_pace=required_pace(latest, latest_year, target_2030),
        bridge=bridge, population=population, population_approx=any(p.population_approx for p in parts),
        today=today, excluded=excluded, verdicts={c: v for p in parts for c, v in p.verdicts.items()},
    )


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
    """
    series = {int(c): dict(zip(g["year"].astype(int), g["tco2e"].astype(float)))
              for c, g in emissions.groupby("municipality")}
    tgt = {int(c): dict(zip(g["target_year"].astype(int), g["reduction"].astype(float)))
           for c, g in targets.groupby("municipality")}
    plan = {int(r.municipality): PlanTargets(int(r.baseline_year), int(r.net_zero_year), tgt.get(int(r.municipality), {}))
            for r in plans.itertuples()}
    expected = {int(c): g.groupby("status")["expected_2030_t"].sum().to_dict()
                for c, g in actions.groupby("municipality")}
    out = {}
    for r in municipalities.itertuples():
        code = int(r.code)
        pop = None if pd.isna(r.population) else float(r.population)
        out[code] = MunicipalityInputs(code=code, series=series.get(code, {}), plan=plan.get(code),
                                       expected_by_status=expected.get(code, {}), population=pop,
                                       population_approx=bool(r.population_approx))
    return out
