"""Every metric of DESIGN.md section 4, defined once, as pure functions over plain data (no SQL, no Streamlit)."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dk2020dash.domain import (
    AREA_COVERAGE_MIN,
    DEVIATING_MAX_D,
    ON_TRACK_MAX_D,
    TARGET_YEAR,
    TREND_HORIZON,
    TREND_MIN_YEARS,
    TREND_YEARS,
    YEAR_MIN,
    Verdict,
)
from dk2020dash.metrics.bridge import Bridge, reduction_bridge, reduction_need


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
    """The position: d = (E(Y) − T(Y)) / B, how far above the target path the latest year lies, as a share of the
    baseline (the verdict's basis when there is no trend)."""
    return (latest - target_latest) / baseline


def forecast_deviation(pace: float, required: float, latest_year: int, baseline: float) -> float:
    """d = (F(2030) − T(2030)) / B with F(2030) = E(Y) − s·(2030 − Y) and P = (E(Y) − T(2030)) / (2030 − Y),
    written as (P − s)·(2030 − Y) / B: the same number, and its sign is the sign of P − s exactly, so the verdict
    "på rette vej" (d ≤ 0) holds exactly when the observed pace s is at least the required pace P."""
    return (required - pace) * (TARGET_YEAR - latest_year) / baseline


def verdict(d: float) -> Verdict:
    """On track at d ≤ 0, deviating up to 0.05, off track above (thresholds in domain.py)."""
    if d <= ON_TRACK_MAX_D:  # not rounded: on track must be exactly "pace ≥ required pace"
        return Verdict.ON_TRACK
    if round(d, 12) <= DEVIATING_MAX_D:  # so a d that is 0.05 on paper is not pushed over by float noise
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
    # Least squares slope of ln E over the same years (None where some E ≤ 0): the constant-rate trend.
    log_slope: float | None = None

    def at(self, year: float) -> float:
        return self.intercept + self.slope * year

    @property
    def pace(self) -> float:
        """s: the decrease per year (negative when emissions rise)."""
        return -self.slope

    def forecast(self, year: int) -> float:
        """F(year) = E(Y) − s·(year − Y): the linear trend carried on from the latest inventory."""
        return self.latest + self.slope * (year - self.years[-1])

    @property
    def rate(self) -> float | None:
        """r: the constant yearly rate of decrease, 1 − exp(slope of ln E) (negative when rising)."""
        return None if self.log_slope is None else 1 - math.exp(self.log_slope)

    def forecast_rate(self, year: int) -> float | None:
        """E(Y)·(1 − r)^(year − Y): the constant-rate forecast (the national monitoring's second kind)."""
        if self.log_slope is None:
            return None
        return self.latest * math.exp(self.log_slope * (year - self.years[-1]))

    @property
    def reached(self) -> bool:
        """E(latest) is already at or below zero: net zero is "nået", nothing to project."""
        return self.latest <= 0

    @property
    def zero_year(self) -> int | None:
        """The first whole year after the latest inventory year in which the trend carried on from E(latest) (the
        forecast line, slope s) is at or below zero ("forventet netto-nul-år"); None when it is already reached
        (see `reached`) or not by 2100."""
        if self.reached or self.slope >= 0:
            return None
        year = self.years[-1] + max(1, math.ceil(self.latest / -self.slope - 1e-9))
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
    log_slope = None
    if all(series[y] > 0 for y in years):
        logs = {y: math.log(series[y]) for y in years}
        mean_l = sum(logs.values()) / n
        log_slope = sum((y - mean_x) * (logs[y] - mean_l) for y in years) / sxx
    return Trend(slope=slope, intercept=mean_y - slope * mean_x, years=tuple(years), latest=series[last],
                 log_slope=log_slope)


def required_pace(latest: float, target_2030: float, latest_year: int) -> float | Unavailable:
    """P = (E(Y) − T(2030)) / (2030 − Y): the decrease per year from the latest inventory that reaches the 2030
    target. Negative when E(Y) is already below T(2030); shown as max(0, P) ("målet for 2030 er nået")."""
    if latest_year >= TARGET_YEAR:
        return Unavailable("past_target_year", str(latest_year))
    return (latest - target_2030) / (TARGET_YEAR - latest_year)


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
    """Everything section 4 defines, for a municipality or a sum of municipalities: question A (does the emission
    fall fast enough: series, trend, forecast, pace, verdict) and question B (do the actions cover the need:
    bridge)."""

    members: tuple[int, ...]
    series: dict[int, float]  # E(y), all sectors, newest edition (an area: the members' sum)
    latest_year: int
    latest: float
    baseline: float
    paths: tuple[tuple[tuple[int, float], ...], ...]  # each member's target-path corners; T is their sum
    deviation: float  # d of the verdict: (F(2030) − T(2030)) / B with a trend, else the position (E(Y) − T(Y)) / B
    verdict: Verdict
    trend: Trend | Unavailable
    required_pace: float | Unavailable  # P = (E(Y) − T(2030)) / (2030 − Y); negative when below the 2030 target
    bridge: Bridge
    population: float | None
    population_approx: bool
    today: date
    excluded: dict[int, Unavailable] = field(default_factory=dict)
    verdicts: dict[int, Verdict] = field(default_factory=dict)  # per member municipality
    asked: int = 1  # municipalities the assessment was asked for (an area's n; members are the k included)
    estimated_years: tuple[int, ...] = ()  # years of the series where a member's value is interpolated
    needs: dict[int, float] = field(default_factory=dict)  # each member's need at latest_year (the bridge's)
    baseline_1990: float | None = None  # the members' summed 1990 emissions, where every member has them

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
        """s: the reduction per year seen in the trend (positive when emissions fall, negative when they rise)."""
        return self.trend.pace if isinstance(self.trend, Trend) else None

    @property
    def verdict_basis(self) -> str:
        """"forecast" when the verdict comes from the trend's F(2030); "position" ("ud fra seneste opgørelse")."""
        return "forecast" if isinstance(self.trend, Trend) and not isinstance(self.required_pace, Unavailable) \
            else "position"

    @property
    def forecast_2030(self) -> float | None:
        """F(2030) = E(Y) − s·(2030 − Y); None without a trend."""
        return self.trend.forecast(TARGET_YEAR) if isinstance(self.trend, Trend) else None

    @property
    def forecast_rate_2030(self) -> float | None:
        """The constant-rate forecast E(Y)·(1 − r)^(2030 − Y); None without a trend or where some E ≤ 0."""
        return self.trend.forecast_rate(TARGET_YEAR) if isinstance(self.trend, Trend) else None

    @property
    def coverage(self) -> float:
        """k / n: the share of the municipalities asked for that could be assessed."""
        return len(self.members) / self.asked if self.asked else 0.0

    @property
    def headline(self) -> bool:
        """Whether the area's verdict, forecast and pace may be shown: at least 90 % of its municipalities are
        included (always for one municipality)."""
        return len(self.members) >= AREA_COVERAGE_MIN * self.asked - 1e-9

    @property
    def net_zero_on_track(self) -> bool | None:
        """Net zero, judged apart from 2030: the trend reaches zero by the plan's net-zero year (None without a
        trend)."""
        if not isinstance(self.trend, Trend):
            return None
        if self.trend.reached:
            return True
        year = self.trend.zero_year
        return year is not None and year <= self.net_zero_year

    def versus_1990(self, value: float | None) -> float | None:
        """A 2030 figure as a reduction against the members' 1990 emissions (the national frame: Klimaloven's
        −70 %); None where the members' 1990 inventories or the figure are missing."""
        if value is None or not self.baseline_1990 or self.baseline_1990 <= 0:
            return None
        return 1 - value / self.baseline_1990

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
    expected_by_status: Mapping[str, float] = field(default_factory=dict)
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


def _question_a(series: Mapping[int, float], baseline: float, paths: Sequence[Sequence[tuple[int, float]]]
                ) -> tuple[int, Trend | Unavailable, float | Unavailable, float]:
    """Question A on a series (a municipality's, or an area's sum) and its target paths: the latest year Y, the
    trend, the required pace P and the verdict's d (from the forecast when there is a trend and Y < 2030, else
    from the position of the latest year)."""
    latest_year = max(series)
    latest = series[latest_year]
    target_2030 = sum(target_value(path, TARGET_YEAR) for path in paths)
    slope = trend(series)
    pace = required_pace(latest, target_2030, latest_year)
    if isinstance(slope, Trend) and not isinstance(pace, Unavailable):
        d = forecast_deviation(slope.pace, pace, latest_year, baseline)
    else:
        d = deviation(latest, sum(target_value(path, latest_year) for path in paths), baseline)
    return latest_year, slope, pace, d


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
    points = tuple(target_points(m.plan.baseline_year, baseline, m.plan.targets, m.plan.net_zero_year))
    latest_year, slope, pace, d = _question_a(series, baseline, (points,))
    latest = series[latest_year]
    need = reduction_need(latest, target_value(points, TARGET_YEAR))
    return Progress(
        members=(m.code,), series=dict(sorted(series.items())), latest_year=latest_year, latest=latest,
        baseline=baseline, paths=(points,), deviation=d, verdict=verdict(d), trend=slope, required_pace=pace,
        bridge=member_bridge(m, need, latest_year), population=m.population, population_approx=m.population_approx,
        today=today, verdicts={m.code: verdict(d)}, needs={m.code: need}, baseline_1990=series.get(YEAR_MIN),
    )


def year_ranges(years: Iterable[int]) -> str:
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
    shown = [f"{label(code)}: {year_ranges(ys)}" for code, ys in lacking[:_LACKING_SHOWN]]
    if len(lacking) > _LACKING_SHOWN:
        shown.append(f"… (+{len(lacking) - _LACKING_SHOWN})")
    return "; ".join(shown)


def interpolated(series: Mapping[int, float], years: Iterable[int]) -> tuple[dict[int, float], set[int]]:
    """The series at the given years that lie within its own span: its value where it has one, else the straight
    line between its nearest years before and after (never extrapolated); and the years so estimated."""
    own = sorted(series)
    out, estimated = {}, set()
    for y in years:
        if y in series:
            out[y] = series[y]
        elif own[0] < y < own[-1]:
            before = max(x for x in own if x < y)
            after = min(x for x in own if x > y)
            out[y] = series[before] + (series[after] - series[before]) * (y - before) / (after - before)
            estimated.add(y)
    return out, estimated


def assess_area(inputs: Iterable[MunicipalityInputs], today: date) -> Progress | Unavailable:
    """An area (region/KKR or Denmark) as the sum of its municipalities that can be assessed (DESIGN.md §4).

    Included members are those assess_municipality can assess; the others are listed in `excluded`. The area's
    years are the years any included member has that lie within every included member's own span; a member's
    missing year among them is interpolated (`estimated_years`), never extrapolated. E and T are sums over the
    included members; question A (trend, forecast, pace, verdict) is read on that summed series; question B sums
    the members' bridges, each at the area's latest year Y (so completed actions up to Y are in E_m(Y)), with
    need N_m = max(0, E_m(Y) − T_m(2030)). `headline` says whether at least 90 % of the area was included.
    Fewer than two area years: Unavailable("too_few_common_years"), saying who lacks which years.
    """
    parts: list[Progress] = []
    member_inputs: list[MunicipalityInputs] = []
    excluded: dict[int, Unavailable] = {}
    asked = 0
    for m in inputs:
        asked += 1
        p = assess_municipality(m, today)
        if isinstance(p, Unavailable):
            excluded[m.code] = p
        else:
            parts.append(p)
            member_inputs.append(m)
    if not parts:
        return Unavailable("no_inventory") if not excluded else next(iter(excluded.values()))
    first = max(min(p.series) for p in parts)
    last = min(max(p.series) for p in parts)
    years = sorted({y for p in parts for y in p.series if first <= y <= last})
    if len(years) < 2:
        return too_few_common_years({c: p.series for p in parts for c in p.members})
    filled = [interpolated(p.series, years) for p in parts]
    series = {y: sum(f[y] for f, _ in filled) for y in years}
    estimated = tuple(sorted(set().union(*(e for _, e in filled))))
    paths = tuple(path for p in parts for path in p.paths)
    baseline = sum(p.baseline for p in parts)
    latest_year, slope, pace, d = _question_a(series, baseline, paths)
    needs = {p.members[0]: reduction_need(f[latest_year], p.target_2030) for p, (f, _) in zip(parts, filled)}
    bridge = members_bridge(member_inputs, needs, latest_year)
    pops = [p.population for p in parts]
    population = sum(pops) if all(pops) else None
    in_1990 = [p.series.get(YEAR_MIN) for p in parts]
    return Progress(
        members=tuple(c for p in parts for c in p.members), series=series, latest_year=latest_year,
        latest=series[latest_year], baseline=baseline, paths=paths, deviation=d, verdict=verdict(d), trend=slope,
        required_pace=pace, bridge=bridge, population=population,
        population_approx=any(p.population_approx for p in parts), today=today, excluded=excluded,
        verdicts={c: v for p in parts for c, v in p.verdicts.items()}, asked=asked, estimated_years=estimated,
        needs=needs, baseline_1990=sum(in_1990) if all(v is not None for v in in_1990) else None,
    )


def members_bridge(inputs: Iterable[MunicipalityInputs], needs: Mapping[int, float], latest_year: int) -> Bridge:
    """THE reduction bridge (DESIGN.md §4 B) of any set of municipalities and any selection of their actions:
    each member's actions (in `inputs`: all of them, or those a filter keeps) against its need at `latest_year`,
    summed. Municipalities not in `needs` (not assessed) count nothing. A Progress's bridge is this with all
    actions; Indsatser, the deck and the exports call it with their selection and the Progress's needs and year."""
    total = Bridge(need=0.0)
    for m in inputs:
        if m.code in needs:
            total = total + member_bridge(m, needs[m.code], latest_year)
    return total


def assess(inputs: Mapping[int, MunicipalityInputs], codes: Sequence[int], today: date) -> Progress | Unavailable:
    """The assessment of the given municipalities: one municipality on its own, several as an area (codes without
    inputs are left out). Every page, slide, report and export asks this one function."""
    codes = [c for c in codes if c in inputs]
    if len(codes) == 1:
        return assess_municipality(inputs[codes[0]], today)
    return assess_area([inputs[c] for c in codes], today)
