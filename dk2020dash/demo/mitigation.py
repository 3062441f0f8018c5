"""The demo's mitigation data: plans, inventories in two editions, scenarios, actions and milestones."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

import duckdb
import numpy as np
import pandas as pd

from dk2020dash.demo.base import (
    ADOPTED,
    AREAS,
    BASELINE_YEAR,
    EDITIONS,
    EVENTS_FROM,
    FRAME_YEARS,
    JOINED,
    LATEST_YEAR,
    LULUCF_SINK_MT,
    LULUCF_SOURCE_MT,
    NATIONAL_MT,
    NEWEST_EDITION,
    NO_BASELINE_INVENTORY,
    NO_INVENTORY,
    OLDER_EDITION,
    REFERENCE_DATE,
    RESPONSIBLE,
    SCENARIO_YEARS,
    SMALL_SECTORS,
    STATUS_PATHS,
    STATUS_REPORT_YEARS,
    STATUS_SHARES,
    TEMPLATES,
    TRANSITION_NOTES,
    UPDATE_NOTES,
    VERDICT_BANDS,
    VERDICT_SHARES,
    WHO_ROLES,
    YEAR_EFFECTS,
    YEARS,
    Plan,
    _advance_sequence,
    _as_dates,
    insert_rows,
)
from dk2020dash.domain import PLAN_REVISION_YEARS, SECTOR_BY_CODE, SECTOR_CODES


# -- plans --------------------------------------------------------------------------------------
def _day_between(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(days=int(rng.integers(0, (last - first).days + 1)))


def _years_later(d: date, years: int) -> date:
    return d.replace(year=d.year + years, day=min(d.day, 28) if d.month == 2 else d.day)


def build_plans(munis: pd.DataFrame, rng: np.random.Generator) -> dict[int, Plan]:
    """One plan per municipality: mostly -70 % by 2030, some stricter or milder, some 2025 targets."""
    plans = {}
    for m in munis.itertuples():
        adopted = _day_between(rng, *ADOPTED[m.cohort])
        approved = adopted - timedelta(days=int(rng.integers(20, 120)))
        t2030 = 0.70 if rng.random() < 0.7 else float(rng.choice([0.50, 0.55, 0.60, 0.65, 0.75, 0.80]))
        targets = {2030: t2030}
        if rng.random() < 0.2:
            targets[2025] = round(round(0.7 * t2030 / 0.05) * 0.05, 2)
        net_zero = int(rng.choice([2050, 2045, 2040], p=[0.75, 0.17, 0.08]))
        plans[m.code] = Plan(m.code, adopted, approved, targets, net_zero)
    return plans


# -- inventories ----------------------------------------------------------------------------------
def _frame(values: tuple[float, ...]) -> np.ndarray:
    """A national series over YEARS from its anchor years (linear in between)."""
    return np.interp(YEARS, FRAME_YEARS, values)


def _shares(weights: np.ndarray) -> np.ndarray:
    return weights / weights.sum()


def _sector_weights(munis: pd.DataFrame, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """How each sector's national 1990 emissions spread over municipalities."""
    pop = munis["population"].to_numpy(float)
    area = munis["area_km2"].to_numpy(float)
    density = pop / area
    farmland = area * np.clip(1 - density / 1500, 0.02, 0.97)
    jutland = munis["region"].isin(["Nordjylland", "Midtjylland"]).to_numpy() | (
        (munis["region"] == "Syddanmark").to_numpy() & (munis["lon"].to_numpy() < 9.9)
    )
    # Livestock is densest in western Jutland, crops matter more on Zealand.
    livestock = np.where(jutland, 1.35, np.where(munis["region"] == "Syddanmark", 0.9, 0.6))
    livestock = livestock * np.where(munis["lon"].to_numpy() < 9.0, 1.25, 1.0)

    def noisy(base: np.ndarray, sigma: float) -> np.ndarray:
        return base * rng.lognormal(0.0, sigma, len(base))

    urban_energy = pop * (1 + 0.15 * np.log10(np.maximum(density, 10)))
    return {
        "el": noisy(urban_energy, 0.15),
        "fjernvarme": noisy(pop * np.clip(density / 400, 0.3, 1.5), 0.25),
        "individuel_opvarmning": noisy(pop * np.clip(300 / density, 0.4, 2.5), 0.2),
        "procesenergi": noisy(pop, 0.6),
        "vej": noisy(pop * np.clip(200 / density, 0.7, 1.6), 0.12),
        "bane": noisy(pop, 0.5),
        "soe": noisy(pop + 20 * area, 0.6),
        "luftfart": noisy(pop, 0.8),
        "maskiner": noisy(pop + 60 * area, 0.25),
        "husdyr": noisy(farmland * livestock, 0.3),
        "marker": noisy(farmland * np.where(jutland, 1.0, 1.15), 0.15),
        "deponi": noisy(pop, 0.5),
        "biologisk": noisy(pop, 0.5),
        "spildevand": noisy(pop, 0.2),
        "industri": noisy(pop, 0.9),
        "lulucf_source": noisy(farmland * np.where(jutland, 1.0, 0.2), 0.5),
        "lulucf_sink": noisy(area, 0.6),
    }


def _natural_inventory(munis: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Emissions [municipality, sector, year] in t: the national frame shared out, each municipality
    following its own pace per sector plus yearly noise."""
    weights = _sector_weights(munis, rng)
    n, n_years = len(munis), len(YEARS)
    out = np.zeros((n, len(SECTOR_CODES), n_years))
    noise = rng.lognormal(0.0, 0.03, (n, len(SECTOR_CODES), n_years))
    noise[:, :, 0] = 1.0
    for j, code in enumerate(SECTOR_CODES):
        if code == "lulucf":
            source = _frame(LULUCF_SOURCE_MT)
            sink = _frame(LULUCF_SINK_MT)
            pace_source = rng.lognormal(0.0, 0.3, n)[:, None]
            out[:, j, :] = 1e6 * (
                _shares(weights["lulucf_source"])[:, None] * source[0] * (source / source[0]) ** pace_source
                - _shares(weights["lulucf_sink"])[:, None] * sink[None, :]
            ) * noise[:, j, :]
            continue
        series = _frame(NATIONAL_MT[code]) * np.array([YEAR_EFFECTS.get((code, int(y)), 1.0) for y in YEARS])
        # A municipality's own pace: the national ratio to 1990 raised to a power near 1.
        pace = rng.lognormal(0.0, 0.2, n)[:, None]
        out[:, j, :] = 1e6 * _shares(weights[code])[:, None] * series[0] * (series / series[0]) ** pace
        out[:, j, :] *= noise[:, j, :]
    return out


def _assign_verdicts(d_natural: np.ndarray, computable: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Wanted d per municipality: the natural ranking (plus noise) decides the verdict class, and the
    natural d is pulled into that class's band."""
    wanted = d_natural.copy()
    idx = np.flatnonzero(computable)
    order = idx[np.argsort(d_natural[idx] + rng.normal(0.0, 0.08, len(idx)), kind="stable")]
    n_on = round(VERDICT_SHARES["on_track"] * len(idx))
    n_dev = round(VERDICT_SHARES["deviating"] * len(idx))
    groups = {"on_track": order[:n_on], "deviating": order[n_on:n_on + n_dev], "off_track": order[n_on + n_dev:]}
    for verdict, members in groups.items():
        low, high = VERDICT_BANDS[verdict]
        inside = np.clip(d_natural[members], low, high)
        # Clipped values would pile up on the band edges; spread them a little inside the band.
        jitter = rng.uniform(0.0, 0.3, len(members)) * (high - low)
        wanted[members] = np.where(inside == low, low + jitter, np.where(inside == high, high - jitter, inside))
    return wanted


def build_inventory(munis: pd.DataFrame, plans: dict[int, Plan], rng: np.random.Generator,
                    verdict_rng: np.random.Generator) -> np.ndarray:
    """The newest edition's inventory [municipality, sector, year], tuned to a mixed verdict."""
    values = _natural_inventory(munis, rng)
    codes = munis["code"].to_numpy()
    lulucf = SECTOR_CODES.index("lulucf")
    other = [j for j in range(len(SECTOR_CODES)) if j != lulucf]
    latest = len(YEARS) - 1
    baseline = values[:, :, 0].sum(axis=1)
    path = np.array([plans[c].path_share(LATEST_YEAR) for c in codes])
    d_natural = values[:, :, latest].sum(axis=1) / baseline - path
    computable = ~np.isin(codes, [NO_INVENTORY, NO_BASELINE_INVENTORY])
    wanted = _assign_verdicts(d_natural, computable, verdict_rng)
    # Scale the non-LULUCF sectors by a factor that ramps from 1 in 1990 to f in the latest year, with
    # f chosen so E(latest) = (path + wanted d) * B exactly.
    rest_latest = values[:, other, latest].sum(axis=1)
    f = ((path + wanted) * baseline - values[:, lulucf, latest]) / rest_latest
    f = np.clip(f, 0.35, 2.5)
    ramp = (YEARS - BASELINE_YEAR) / (LATEST_YEAR - BASELINE_YEAR)
    values[:, other, :] *= (1 + (f[:, None] - 1) * ramp[None, :])[:, None, :]
    return values


def revise_for_older_edition(newest: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The older edition: the same years a few percent off, as Energistyrelsen revises back years."""
    n, s, y = newest.shape
    level = rng.normal(0.0, 0.03, (n, s, 1))
    level[:, SECTOR_CODES.index("lulucf"), :] = rng.normal(0.0, 0.10, (n, 1))
    return newest * (1 + level + rng.normal(0.0, 0.01, (n, s, y)))


def _emission_frame(values: np.ndarray, codes: np.ndarray, edition: int, last_year: int,
                    rng: np.random.Generator) -> pd.DataFrame:
    n, s, y = values.shape
    df = pd.DataFrame({
        "municipality": np.repeat(codes, s * y),
        "sector": np.tile(np.repeat(np.array(SECTOR_CODES), y), n),
        "year": np.tile(YEARS, n * s),
        "edition": edition,
        "tco2e": np.round(values.reshape(-1)) + 0.0,  # + 0.0 turns -0.0 into 0.0
    })
    # Estimated: the last year's small sectors, recent LULUCF, and a scattering of others.
    df["estimated"] = (
        (df["year"].eq(last_year) & df["sector"].isin(SMALL_SECTORS))
        | (df["sector"].eq("lulucf") & df["year"].ge(last_year - 2))
        | (rng.random(len(df)) < 0.03)
    )
    keep = (df["year"] <= last_year) & (df["municipality"] != NO_INVENTORY)
    keep &= ~((df["municipality"] == NO_BASELINE_INVENTORY) & (df["year"] == BASELINE_YEAR))
    return df[keep]


def insert_editions(con: duckdb.DuckDBPyConnection) -> int:
    rows = [(i, name, "Demo", published, True, datetime.combine(published, datetime.min.time()))
            for i, name, published, _ in EDITIONS]
    con.executemany("INSERT INTO edition (id, name, source, published, is_demo, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", rows)
    _advance_sequence(con, "edition_id", len(rows))
    return len(rows)


def insert_emissions(con: duckdb.DuckDBPyConnection, newest: np.ndarray, older: np.ndarray,
                     rng: np.random.Generator) -> int:
    codes = _codes(con)
    last_year = {i: last for i, _, _, last in EDITIONS}
    frames = [_emission_frame(older, codes, OLDER_EDITION, last_year[OLDER_EDITION], rng),
              _emission_frame(newest, codes, NEWEST_EDITION, last_year[NEWEST_EDITION], rng)]
    return insert_rows(con, "emission", pd.concat(frames, ignore_index=True))


def _codes(con: duckdb.DuckDBPyConnection) -> np.ndarray:
    return con.execute("SELECT code FROM municipality ORDER BY code").df()["code"].to_numpy()


def insert_plans(con: duckdb.DuckDBPyConnection, plans: dict[int, Plan], older: np.ndarray) -> int:
    """Plans carry the baseline as adopted: the older edition's 1990 total, which the newest revises."""
    adopted_baseline = older[:, :, 0].sum(axis=1)
    plan_rows = pd.DataFrame([
        {"municipality": p.code, "adopted": p.adopted, "approved": p.approved, "baseline_year": BASELINE_YEAR,
         "baseline_tco2e": round(float(b)), "net_zero_year": p.net_zero_year,
         "revision_due": _years_later(p.adopted, PLAN_REVISION_YEARS), "is_demo": True}
        for p, b in zip(plans.values(), adopted_baseline, strict=True)
    ])
    target_rows = pd.DataFrame([
        {"municipality": p.code, "target_year": year, "reduction": reduction}
        for p in plans.values() for year, reduction in sorted(p.targets.items())
    ])
    return insert_rows(con, "plan", _as_dates(plan_rows)) + insert_rows(con, "plan_target", target_rows)


def insert_scenarios(con: duckdb.DuckDBPyConnection, plans: dict[int, Plan], older: np.ndarray) -> int:
    """BAU and plan scenarios as adopted: from the older edition, the plan scenario on the target path."""
    totals = older.sum(axis=1)
    at_2020 = int(np.flatnonzero(YEARS == 2020)[0])
    bau_share = {1990: None, 2020: 1.0, 2025: 0.93, 2030: 0.87, 2035: 0.82, 2040: 0.78, 2045: 0.75, 2050: 0.72}
    rows = []
    for i, p in enumerate(plans.values()):
        b, e2020 = totals[i, 0], totals[i, at_2020]
        for year in SCENARIO_YEARS:
            bau = b if year == BASELINE_YEAR else e2020 * bau_share[year]
            planned = bau if year <= 2020 else min(bau, p.path_share(year) * b)
            rows += [(p.code, "bau", year, round(float(bau))), (p.code, "plan", year, round(float(planned)))]
    df = pd.DataFrame(rows, columns=["municipality", "kind", "year", "tco2e"])
    df["is_demo"] = True
    return insert_rows(con, "scenario", df)


# -- actions and their history ---------------------------------------------------------------------
def _slug(name: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", " ": "-"})
    return name.lower().translate(table)


def _title(template: str, name: str, rng: np.random.Generator) -> str:
    return template.format(by=name, område=AREAS[int(rng.integers(len(AREAS)))],
                           n=int(rng.integers(4, 80)) * 5, mw=int(rng.integers(2, 60)))


def _status_history(status: str, created: date, last_updated: date,
                    rng: np.random.Generator) -> list[tuple[date, str | None, str, str]]:
    """(date, old, new, note) from creation to the current status; the last change is on last_updated.
    Extra same-status events are edits (effect, schedule, budget) that bump the version too; an action
    never changed since creation was created on last_updated."""
    options = STATUS_PATHS[status]
    path = options[int(rng.integers(len(options)))]
    edits = int(rng.choice([0, 1, 2], p=[0.55, 0.3, 0.15]))
    steps: list[tuple[str | None, str, str]] = [(None, path[0], _pick(rng, TRANSITION_NOTES[None]))]
    steps += [(old, new, _pick(rng, TRANSITION_NOTES[new])) for old, new in pairwise(path)]
    for _ in range(edits):  # edits happen between the status changes, never before creation
        at = int(rng.integers(1, len(steps) + 1))
        current = steps[at - 1][1]
        steps.insert(at, (current, current, _pick(rng, UPDATE_NOTES)))
    span = (last_updated - created).days
    inner = sorted(int(x) for x in rng.integers(1, span, len(steps) - 2)) if len(steps) > 2 else []
    days = [0, *inner, span] if len(steps) > 1 else [span]
    return [(created + timedelta(days=d), old, new, note) for d, (old, new, note) in zip(days, steps, strict=True)]


def _pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


def _action_dates(status: str, history: list[tuple[date, str | None, str, str]],
                  rng: np.random.Generator) -> tuple[date | None, date | None]:
    """Start and end consistent with the history: work starts when it went in progress."""
    started = next((d for d, _, new, _ in history if new == "in_progress"), None)
    created, last = history[0][0], history[-1][0]
    if status == "cancelled":
        return started, None
    if status == "completed":
        return started or created, last
    if started is None and status == "planned":  # not begun yet: starts after the reference date
        started = REFERENCE_DATE + timedelta(days=int(rng.integers(30, 720)))
    elif started is None:  # delayed straight from planned: the start it was planned for
        started = created + timedelta(days=int(rng.integers(60, 400)))
    end = started + timedelta(days=int(rng.integers(365, 5 * 365)))
    if status in ("in_progress", "paused") and end <= last:  # still running, so not planned to end yet
        end = last + timedelta(days=int(rng.integers(90, 900)))
    return started, end


def _sector_of_actions(shares: np.ndarray, n: int, rng: np.random.Generator) -> list[str | None]:
    """Mostly mitigation spread by the sectors' weight, every eighth-or-so action adaptation."""
    weights = np.abs(shares) ** 0.6 + 0.01
    sectors: list[str | None] = list(rng.choice(np.array(SECTOR_CODES), n, p=weights / weights.sum()))
    for i in np.flatnonzero(rng.random(n) < 0.08):
        sectors[i] = None
    return sectors


def _coverage(rng: np.random.Generator) -> float:
    """Expected reductions over the need: a quarter fully covered, most with a manko of 10-50 %."""
    kind = rng.random()
    if kind < 0.25:
        return float(rng.uniform(1.0, 1.2))
    if kind < 0.35:
        return float(rng.uniform(0.9, 1.0))
    return float(rng.uniform(0.5, 0.9))


def _expected_sizes(latest: np.ndarray, need: float, sectors: list[str | None], statuses: np.ndarray,
                    rng: np.random.Generator) -> np.ndarray:
    """Expected 2030 reductions: sector totals follow the sector's emissions, single actions vary a lot,
    and the counted ones (mitigation, not cancelled) add up to the municipality's coverage of the need."""
    per_sector = {c: abs(latest[j]) / max(sectors.count(c), 1) for j, c in enumerate(SECTOR_CODES)}
    size = np.array([0.0 if s is None else per_sector[s] for s in sectors]) * rng.lognormal(0.0, 0.8, len(sectors))
    counted = np.array([s is not None for s in sectors]) & (statuses != "cancelled")
    return size * _coverage(rng) * need / size[counted].sum()


def _update_window(plan: Plan, stale: bool, rng: np.random.Generator) -> tuple[date, date]:
    """(created, last_updated): a fifth of the actions not touched for over a year, the rest recently;
    most created around the plan's adoption, never before 2021."""
    if stale:
        last_updated = _day_between(rng, date(2023, 1, 1), REFERENCE_DATE - timedelta(days=400))
    else:
        last_updated = _day_between(rng, REFERENCE_DATE - timedelta(days=330), REFERENCE_DATE)
    latest_creation = last_updated - timedelta(days=60)
    earliest = max(EVENTS_FROM, plan.adopted - timedelta(days=90))
    return _day_between(rng, earliest if earliest <= latest_creation else EVENTS_FROM, latest_creation), last_updated


def build_actions(munis: pd.DataFrame, plans: dict[int, Plan], newest: np.ndarray,
                  rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """About 65 actions per municipality, sized against the need N = E(latest) - T(2030), and each
    with its status history."""
    status_names = np.array(list(STATUS_SHARES))
    base_mix = np.array(list(STATUS_SHARES.values()))
    actions, events = [], []
    for i, m in enumerate(munis.itertuples()):
        plan = plans[m.code]
        latest = newest[i, :, -1]
        baseline = newest[i, :, 0].sum()
        # Municipalities already below their 2030 target still get actions of a sensible size.
        need = max(latest.sum() - baseline * plan.path_share(2030), 0.05 * baseline)
        n = int(rng.integers(50, 81))
        sectors = _sector_of_actions(latest / np.abs(latest).sum(), n, rng)
        statuses = rng.choice(status_names, n, p=rng.dirichlet(base_mix * 60))
        sizes = _expected_sizes(latest, need, sectors, statuses, rng)
        stale = rng.random(n) < 0.2
        domain = f"{_slug(m.name)}.dk"
        seen: dict[str, int] = {}
        for sector, status, size, is_stale in zip(sectors, statuses.tolist(), sizes, stale, strict=True):
            action_id = len(actions) + 1
            title = _title(_pick(rng, TEMPLATES[sector]), m.name, rng)
            seen[title] = seen.get(title, 0) + 1
            if seen[title] > 1:  # the same kind of project again is the next stage of it
                title = f"{title} – etape {seen[title]}"
            created, last_updated = _update_window(plan, bool(is_stale), rng)
            history = _status_history(status, created, last_updated, rng)
            start, end = _action_dates(status, history, rng)
            adaptation = sector is None
            actions.append({
                "id": action_id, "municipality": m.code, "title": title, "sector": sector,
                "kind": "adaptation" if adaptation else "mitigation", "status": status,
                "start_date": start, "end_date": end,
                "expected_2030_t": (None if rng.random() < 0.7 else 0.0) if adaptation else float(round(size)),
                "responsible": _pick(rng, RESPONSIBLE["adaptation" if adaptation else SECTOR_BY_CODE[sector].group]),
                "budget_dkk": float(round(rng.lognormal(np.log(2.5e6), 1.1), -4)),
                "last_updated": last_updated, "version": len(history), "is_demo": True,
            })
            events += [{"id": len(events) + k + 1, "action_id": action_id, "changed_on": changed_on,
                        "who": _pick(rng, WHO_ROLES).format(d=domain), "old_status": old, "new_status": new,
                        "note": note}
                       for k, (changed_on, old, new, note) in enumerate(history)]
    return _as_dates(pd.DataFrame(actions)), _as_dates(pd.DataFrame(events))


# -- milestones -----------------------------------------------------------------------------------
def build_milestones(munis: pd.DataFrame, plans: dict[int, Plan], rng: np.random.Generator) -> pd.DataFrame:
    """Joined, approved, adopted (done); yearly status reports with some late or missing; the five-year
    revision. Status reports fall due on one of four days a year, so some are overdue and some due soon
    relative to REFERENCE_DATE."""
    rows = []
    for m in munis.itertuples():
        plan = plans[m.code]
        joined = _day_between(rng, *JOINED[m.cohort])
        rows += [
            (m.code, "joined", joined, joined, "Tilmeldt DK2020"),
            (m.code, "plan_approved", plan.approved, plan.approved, "Godkendt af CONCITO/C40"),
            (m.code, "plan_adopted", plan.adopted, plan.adopted, "Vedtaget i kommunalbestyrelsen"),
        ]
        report_due = (date(2000, 6, 1), date(2000, 6, 30), date(2000, 7, 31), date(2000, 8, 20))[
            int(rng.integers(4))]
        for year in STATUS_REPORT_YEARS:
            due = report_due.replace(year=year)
            done_share = 0.97 if year <= 2024 else 0.8 if year == 2025 else 0.55
            done = due + timedelta(days=int(rng.integers(-40, 50)))
            if done > REFERENCE_DATE or rng.random() > done_share:
                done = None
            rows.append((m.code, "status_report", due, done, f"Statusrapport {year}"))
        revision_due = _years_later(plan.adopted, PLAN_REVISION_YEARS)
        revised = None
        if revision_due < REFERENCE_DATE and rng.random() < 0.5:
            revised = revision_due - timedelta(days=int(rng.integers(0, 120)))
        rows.append((m.code, "plan_revision", revision_due, revised, "Revision af klimaplanen"))
    df = pd.DataFrame(rows, columns=["municipality", "kind", "due", "done", "note"])
    df.insert(0, "id", range(1, len(df) + 1))
    df["is_demo"] = True
    return _as_dates(df)
