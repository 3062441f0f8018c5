"""The deterministic demo dataset (Eksempeldata) that fills the embedded default database."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

import duckdb
import numpy as np
import pandas as pd

from dk2020dash.domain import PLAN_REVISION_YEARS, SECTOR_BY_CODE, SECTOR_CODES

SEED = 20200
REFERENCE_DATE = date(2026, 6, 30)  # the demo's fixed "today"; nothing here reads the clock

NO_INVENTORY = 825  # Læsø: a plan but no inventory at all, so pages show "cannot be computed"
NO_BASELINE_INVENTORY = 563  # Fanø: baseline year 1990, but the 1990 inventory is missing

BASELINE_YEAR = 1990
LATEST_YEAR = 2024
YEARS = np.array([1990, *range(2010, LATEST_YEAR + 1)])
SCENARIO_YEARS = (1990, 2020, 2025, 2030, 2035, 2040, 2045, 2050)
EVENTS_FROM = date(2021, 1, 1)

# (id, name, published, last inventory year); the newest revises the older one's years.
EDITIONS = (
    (1, "Eksempeldata (demo) – Energi- og CO2-regnskab 2024", date(2024, 10, 1), 2023),
    (2, "Eksempeldata (demo) – Energi- og CO2-regnskab 2025", date(2025, 10, 1), 2024),
)
OLDER_EDITION, NEWEST_EDITION = 1, 2

# The national frame in Mt CO2e at anchor years, roughly Danish inventories: coal power gone, road
# transport flat, agriculture slow. Municipal values are this frame shared out, then varied.
FRAME_YEARS = (1990, 2010, 2015, 2019, 2024)
NATIONAL_MT: dict[str, tuple[float, ...]] = {
    "el": (23.8, 13.5, 6.8, 5.0, 3.6),
    "fjernvarme": (6.0, 5.4, 3.9, 2.9, 2.5),
    "individuel_opvarmning": (5.5, 3.9, 3.0, 2.6, 2.1),
    "procesenergi": (5.5, 4.6, 4.3, 4.1, 3.9),
    "vej": (10.0, 12.8, 12.2, 12.6, 12.3),
    "bane": (0.30, 0.25, 0.22, 0.19, 0.14),
    "soe": (0.80, 0.70, 0.65, 0.62, 0.56),
    "luftfart": (0.30, 0.25, 0.21, 0.22, 0.19),
    "maskiner": (2.5, 2.4, 2.2, 2.1, 2.1),
    "husdyr": (8.0, 7.3, 7.2, 7.1, 7.0),
    "marker": (5.6, 4.2, 4.0, 3.9, 3.8),
    "deponi": (1.5, 0.90, 0.70, 0.55, 0.45),
    "biologisk": (0.10, 0.15, 0.17, 0.18, 0.18),
    "spildevand": (0.30, 0.28, 0.26, 0.25, 0.24),
    "industri": (2.2, 2.0, 1.6, 1.5, 1.3),
}
# LULUCF as a source (drained organic soils) minus a sink (forest), so its sign varies by place.
LULUCF_SOURCE_MT = (6.5, 5.7, 5.3, 4.9, 4.5)
LULUCF_SINK_MT = (1.5, 1.7, 1.8, 1.9, 2.0)
# One-off years: a cold 2010, covid in 2020-21, the gas crisis in 2022.
YEAR_EFFECTS: dict[tuple[str, int], float] = {
    ("individuel_opvarmning", 2010): 1.10, ("fjernvarme", 2010): 1.08,
    ("vej", 2020): 0.92, ("luftfart", 2020): 0.55, ("luftfart", 2021): 0.70, ("bane", 2020): 0.90,
    ("individuel_opvarmning", 2022): 0.90, ("fjernvarme", 2022): 0.95,
}
SMALL_SECTORS = ("bane", "soe", "luftfart", "deponi", "biologisk", "spildevand")

# Verdict mix over municipalities with an inventory: bands for d = (E(latest) - T(latest)) / B.
VERDICT_SHARES = {"on_track": 0.35, "deviating": 0.20, "off_track": 0.45}
VERDICT_BANDS = {"on_track": (-0.15, -0.01), "deviating": (0.01, 0.04), "off_track": (0.065, 0.40)}

STATUS_SHARES = {"completed": 0.15, "in_progress": 0.30, "planned": 0.35, "delayed": 0.10,
                 "paused": 0.05, "cancelled": 0.05}
STATUS_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "planned": (("planned",),),
    "in_progress": (("planned", "in_progress"), ("in_progress",)),
    "completed": (("planned", "in_progress", "completed"), ("in_progress", "completed")),
    "delayed": (("planned", "in_progress", "delayed"), ("planned", "delayed")),
    "paused": (("planned", "in_progress", "paused"), ("in_progress", "paused")),
    "cancelled": (("planned", "cancelled"), ("planned", "in_progress", "cancelled")),
}
TRANSITION_NOTES = {
    None: ("Oprettet i klimaplanen", "Oprettet ved årlig opfølgning", "Oprettet efter politisk beslutning"),
    "in_progress": ("Projektet er sat i gang", "Udbud afsluttet, arbejdet er startet", "Bevilling givet"),
    "completed": ("Gennemført og idriftsat", "Afsluttet som planlagt", "Gennemført, effekt opgjort"),
    "delayed": ("Forsinket: afventer myndighedsbehandling", "Forsinket: leverandørproblemer",
                "Forsinket: klage over lokalplan"),
    "paused": ("Sat på pause i budgetforhandlingerne", "Sat på pause: mangler finansiering"),
    "cancelled": ("Opgivet: erstattet af andet tiltag", "Opgivet: ikke teknisk muligt"),
    "planned": ("Tilbage til planlægning",),
}
UPDATE_NOTES = ("Opdateret forventet effekt", "Opdateret tidsplan", "Budget justeret", "Ny ansvarlig enhed")

AREAS = ("midtbyen", "landsbyerne", "erhvervsområdet", "havneområdet", "nordbyen", "sydbyen",
         "sommerhusområderne", "de nye boligområder", "landdistrikterne", "stationsbyerne")

# (sector or None for adaptation, title template); {by} the municipality, {område} an area,
# {n} hectares, {mw} megawatts.
ACTION_TEMPLATES: tuple[tuple[str | None, str], ...] = (
    ("el", "Solceller på kommunale bygninger"),
    ("el", "Solcellepark ved {by} ({mw} MW)"),
    ("el", "Vindmøller i {område} ({mw} MW)"),
    ("el", "LED-gadebelysning i {område}"),
    ("el", "Grøn strøm i kommunens drift"),
    ("fjernvarme", "Fjernvarmeudbygning i {område}"),
    ("fjernvarme", "Udfasning af kul på {by} Varmeværk"),
    ("fjernvarme", "Store varmepumper på fjernvarmeværket"),
    ("fjernvarme", "Overskudsvarme fra industri i {område}"),
    ("fjernvarme", "Lavere temperatur i fjernvarmenettet"),
    ("individuel_opvarmning", "Udfasning af oliefyr i {område}"),
    ("individuel_opvarmning", "Udfasning af gasfyr i {område}"),
    ("individuel_opvarmning", "Tilskud til varmepumper i {område}"),
    ("individuel_opvarmning", "Energirenovering af kommunale bygninger"),
    ("individuel_opvarmning", "Gratis energitjek for boligejere"),
    ("procesenergi", "Energipartnerskab med virksomheder i {område}"),
    ("procesenergi", "Elektrificering af procesvarme i {område}"),
    ("vej", "Elbusser i bybusnettet"),
    ("vej", "Ladestandere i {område}"),
    ("vej", "Kommunens bilflåde på el"),
    ("vej", "Supercykelsti til {by}"),
    ("vej", "Delebiler og samkørsel i {område}"),
    ("vej", "Fossilfri renovationskørsel"),
    ("bane", "Elektrificering af lokalbanen"),
    ("bane", "Bedre togforbindelser til {by}"),
    ("soe", "Landstrøm i {by} Havn"),
    ("soe", "Eldrevet havnebus og færge"),
    ("luftfart", "Færre flyrejser i kommunens tjenesterejser"),
    ("maskiner", "Fossilfri entreprenørmaskiner i kommunale udbud"),
    ("maskiner", "Eldrevne arbejdsmaskiner i Park og Vej"),
    ("husdyr", "Biogas af husdyrgødning ved {by}"),
    ("husdyr", "Forsuring af gylle (partnerskab med landbruget)"),
    ("husdyr", "Fodertilsætning mod metan"),
    ("marker", "Udtagning af lavbundsjorde ({n} ha)"),
    ("marker", "Efterafgrøder og præcisionsgødskning"),
    ("marker", "Omlægning til økologi på kommunens jorde"),
    ("lulucf", "Skovrejsning ved {by} ({n} ha)"),
    ("lulucf", "Genopretning af moser og enge ({n} ha)"),
    ("lulucf", "Vådområde i ådalen ({n} ha)"),
    ("deponi", "Gasopsamling på det lukkede deponi"),
    ("deponi", "Sortering af plast fra restaffald"),
    ("biologisk", "Biogasanlæg ved {by}"),
    ("biologisk", "Indsamling af madaffald i {område}"),
    ("spildevand", "Lattergasreduktion på renseanlægget"),
    ("spildevand", "Energineutralt renseanlæg i {by}"),
    ("industri", "Udfasning af F-gasser i køleanlæg"),
    ("industri", "CO2-fangst på affaldsenergianlægget"),
    (None, "Skybrudssikring af {område}"),
    (None, "Højvandsdige ved {by}"),
    (None, "Regnvandsbassin i {område}"),
    (None, "Klimatilpasningsplan for {område}"),
    (None, "Grønne tage på kommunale bygninger"),
)
TEMPLATES: dict[str | None, tuple[str, ...]] = {
    sector: tuple(t for s, t in ACTION_TEMPLATES if s == sector) for sector in (*SECTOR_CODES, None)
}
RESPONSIBLE: dict[str, tuple[str, ...]] = {
    "energi": ("Klimasekretariatet", "Forsyningen", "Ejendomscenteret", "Teknik og Miljø"),
    "transport": ("Teknik og Miljø", "Park og Vej", "Klimasekretariatet", "Trafik og Mobilitet"),
    "landbrug": ("Teknik og Miljø", "Natur og Landbrug", "Klimasekretariatet"),
    "lulucf": ("Natur og Landbrug", "Teknik og Miljø"),
    "affald": ("Forsyningen", "Affald og Genbrug", "Teknik og Miljø"),
    "industri": ("Erhverv og Udvikling", "Klimasekretariatet"),
    "adaptation": ("Teknik og Miljø", "Forsyningen", "Plan og Byg"),
}
WHO_ROLES = ("klima@{d}", "teknik@{d}", "projektleder@{d}", "Klimakoordinator", "Klimasekretariatet")

# When each cohort joined DK2020 and adopted its plan (first, last day of the window).
JOINED = {
    "pilot_2019": (date(2019, 1, 15), date(2019, 3, 31)),
    "c40_own_plan": (date(2019, 1, 15), date(2019, 1, 31)),
    "round_2020": (date(2020, 1, 15), date(2020, 6, 30)),
    "2021_or_later": (date(2021, 1, 15), date(2021, 9, 30)),
}
ADOPTED = {
    "pilot_2019": (date(2020, 3, 1), date(2020, 12, 15)),
    "c40_own_plan": (date(2020, 8, 20), date(2020, 9, 10)),
    "round_2020": (date(2021, 1, 15), date(2021, 12, 15)),
    "2021_or_later": (date(2022, 1, 15), date(2023, 6, 28)),
}
STATUS_REPORT_YEARS = range(2022, 2027)


@dataclass(frozen=True)
class Plan:
    code: int
    adopted: date
    approved: date
    targets: dict[int, float]  # target year -> reduction versus the baseline
    net_zero_year: int

    def path_share(self, year: int) -> float:
        """T(year)/B: the straight-line target path through baseline, targets and net zero."""
        xs = [BASELINE_YEAR, *sorted(self.targets), self.net_zero_year]
        ys = [1.0, *(1.0 - self.targets[y] for y in sorted(self.targets)), 0.0]
        return float(np.interp(year, xs, ys))


def fill_demo(con: duckdb.DuckDBPyConnection) -> None:
    """Insert the demo dataset into a store that already has its schema, sectors and municipalities."""
    rng = dict(zip(("plans", "emissions", "verdicts", "editions", "actions", "milestones"),
                   np.random.default_rng(SEED).spawn(6), strict=True))
    munis = con.execute(
        "SELECT code, name, region, label_lat AS lat, label_lon AS lon, area_km2, cohort, population "
        "FROM municipality ORDER BY code"
    ).df()
    plans = build_plans(munis, rng["plans"])
    newest = build_inventory(munis, plans, rng["emissions"], rng["verdicts"])
    older = revise_for_older_edition(newest, rng["editions"])
    rows = 0
    rows += insert_editions(con)
    rows += insert_emissions(con, newest, older, rng["editions"])
    rows += insert_plans(con, plans, older)
    rows += insert_scenarios(con, plans, older)
    actions, events = build_actions(munis, plans, newest, rng["actions"])
    # Climate adaptation draws from a generator of its own, so adding it left every number above as it was.
    adaptation_rng = np.random.default_rng([SEED, ADAPTATION_STREAM])
    risks = build_risks(munis, adaptation_rng)
    actions, hazards, protection = tag_adaptation_actions(actions, munis, risks, adaptation_rng)
    rows += insert_rows(con, "action", actions) + insert_rows(con, "action_event", events)
    rows += insert_rows(con, "action_hazard", hazards) + insert_rows(con, "action_protection", protection)
    rows += insert_rows(con, "milestone", build_milestones(munis, plans, rng["milestones"]))
    rows += insert_rows(con, "risk", risks)
    insert_import_log(con, rows)


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


# -- climate adaptation: risk assessments and hazard-tagged adaptation actions -------------------------
ADAPTATION_STREAM = 13

# Demo assumptions, invented for the example and not from any municipality's assessment: which municipalities
# have no sea coast (the rest do), which face the open North Sea or are small islands (erosion, storm surge),
# which are low-lying behind dikes, which have a town on a fjord, and which have a large river.
INLAND = frozenset({147, 151, 159, 161, 163, 165, 169, 175, 190, 201, 219, 240, 329, 340, 530, 575, 657, 661, 710,
                    740, 746, 756, 810, 840})
NORTH_SEA_OR_ISLAND = frozenset({400, 482, 492, 550, 561, 563, 573, 665, 741, 760, 787, 813, 825, 849, 860})
LOW_LYING = frozenset({155, 185, 360, 376, 550, 561, 563})
FJORD_TOWN = frozenset({101, 250, 259, 265, 316, 615, 621, 630, 730, 751, 779, 791, 846, 851})
BIG_RIVER = frozenset({370, 461, 550, 573, 630, 657, 661, 710, 730, 740, 756, 760, 791})
NO_RISK_ASSESSMENT = 187  # Vallensbæk: no assessment loaded, so pages show what that looks like

COASTAL_HAZARDS = ("stormflod", "havvandsstigning", "erosion")

# Hazard -> (title template, further hazards it also addresses, protection: (kind, values) or None).
ADAPTATION_TEMPLATES: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, tuple[float, ...]] | None], ...]] = {
    "skybrud": (("Skybrudssikring af {område}", (), ("return_period_years", (20.0, 50.0, 100.0))),
                ("Regnvandsbassin i {område}", (), ("return_period_years", (10.0, 20.0, 50.0))),
                ("Separatkloakering i {område}", (), None),
                ("Grønne tage på kommunale bygninger", ("hedeboelge",), None)),
    "stormflod": (("Højvandsdige ved {by}", ("havvandsstigning",), ("return_period_years", (100.0, 200.0, 1000.0))),
                  ("Højvandsmur i {by} Havn", (), ("buildings_protected", (120.0, 350.0, 900.0)))),
    "havvandsstigning": (("Hævet havnefront i {by}", ("stormflod",), ("buildings_protected", (80.0, 240.0, 600.0))),
                         ("Klimatilpasningsplan for kysten ved {by}", ("stormflod", "erosion"), None)),
    "grundvand": (("Dræn og pumper mod højt grundvand i {område}", (), ("buildings_protected", (40.0, 150.0, 400.0))),
                  ("Kortlægning af stigende grundvand", (), None)),
    "vandloeb": (("Oversvømmelsesarealer langs åen ved {by}", ("skybrud",), ("return_period_years", (20.0, 50.0, 100.0))),
                 ("Å-dige i {område}", (), ("buildings_protected", (30.0, 90.0, 250.0)))),
    "hedeboelge": (("Skygge og grønne byrum i {område}", (), None),
                   ("Køling af plejehjem og skoler", (), None)),
    "toerke": (("Vandbesparelse og regnvand til vanding", (), None),
               ("Tørkerobust beplantning i {område}", (), None)),
    "erosion": (("Sandfodring af kysten ved {by}", ("stormflod",), None),
                ("Kystsikring ved {by}", ("stormflod", "erosion"), ("return_period_years", (50.0, 100.0)))),
}
# How much each risk level draws adaptation actions to its hazard: high risks get most of them.
ACTION_PULL = {"lav": 0.2, "middel": 1.0, "hoej": 3.0, "meget_hoej": 5.0}


def _risk_levels(m, density: float) -> dict[str, int]:
    """Level rank 0-3 (lav .. meget høj) per hazard the municipality assessed, before noise."""
    coastal = m.code not in INLAND
    exposed = m.code in NORTH_SEA_OR_ISLAND
    west = m.lon < 9.3
    levels = {
        "skybrud": 3 if density > 2000 else 2 if density > 300 else 1,
        "hedeboelge": 2 if density > 2000 else 1 if density > 300 else 0,
        "grundvand": 2 if (m.code in LOW_LYING or west) else 1,
        "vandloeb": 2 if m.code in BIG_RIVER else 0 if density > 2000 else 1,
        "toerke": 2 if west and m.code not in INLAND else 2 if west else 1 if density < 300 else 0,
    }
    if coastal:
        levels["stormflod"] = 3 if (m.code in LOW_LYING or exposed) else 2 if m.code in FJORD_TOWN else 1
        levels["havvandsstigning"] = 3 if m.code in LOW_LYING else 2 if (exposed or m.code in FJORD_TOWN) else 1
        levels["erosion"] = 3 if exposed and west else 2 if exposed else 1 if m.area_km2 > 150 else 0
    return levels


def build_risks(munis: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """An invented risk assessment per municipality: coastal municipalities assess storm surge, sea level rise
    and erosion, dense ones have cloudburst and heat at the top, the west drought and groundwater; levels move
    one step up or down now and then, and a few assessments are old enough to be due again."""
    levels = ("lav", "middel", "hoej", "meget_hoej")
    rows = []
    for m in munis.itertuples():
        if m.code == NO_RISK_ASSESSMENT:
            continue
        density = float(m.population) / float(m.area_km2)
        year = int(rng.choice([2018, 2019, 2020, 2022, 2023, 2024, 2025], p=[0.05, 0.06, 0.07, 0.2, 0.27, 0.25, 0.1]))
        on = date(year, int(rng.integers(1, 13)), int(rng.integers(1, 29))) if rng.random() < 0.6 else None
        for hazard, rank in _risk_levels(m, density).items():
            step = int(rng.choice([-1, 0, 1], p=[0.12, 0.76, 0.12]))
            rank = min(3, max(0, rank + step))
            note = None
            if hazard in COASTAL_HAZARDS and rank >= 2:
                note = _pick(rng, ("Kortlagt med DMI's Klimaatlas (eksempeldata)",
                                   "Lavtliggende boligområder ved kysten (eksempeldata)"))
            elif hazard == "skybrud" and rank >= 2:
                note = "Skybrudskortlægning (eksempeldata)"
            rows.append({"municipality": m.code, "hazard": hazard, "level": levels[rank], "assessed_year": year,
                         "assessed_on": on, "note": note, "is_demo": True})
    df = pd.DataFrame(rows, columns=["municipality", "hazard", "level", "assessed_year", "assessed_on", "note",
                                     "is_demo"])
    df["assessed_on"] = pd.to_datetime(df["assessed_on"])
    return df


def tag_adaptation_actions(actions: pd.DataFrame, munis: pd.DataFrame, risks: pd.DataFrame,
                           rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Give each adaptation action a hazard of its municipality (mostly its high risks), a title that fits it,
    the hazards the title addresses and, for some, a protection target (return period or buildings)."""
    name_of = dict(zip(munis["code"], munis["name"], strict=True))
    assessed_by = {int(c): g for c, g in risks.groupby("municipality")}
    titles_by = {int(c): set(g) for c, g in actions.groupby("municipality")["title"]}
    titles = actions["title"].to_numpy(dtype=object).copy()
    hazard_rows, protection_rows = [], []
    adaptation = actions[actions["kind"] == "adaptation"]
    for code, group in adaptation.groupby("municipality", sort=True):
        assessed = assessed_by.get(int(code))
        if assessed is not None:
            hazards = assessed["hazard"].tolist()
            pull = np.array([ACTION_PULL[level] for level in assessed["level"]])
        else:  # no assessment: the usual urban worries
            hazards, pull = ["skybrud", "hedeboelge"], np.array([3.0, 1.0])
        taken = titles_by[int(code)]
        for pos, aid in zip(actions.index.get_indexer(group.index), group["id"], strict=True):
            hazard = str(rng.choice(hazards, p=pull / pull.sum()))
            options = ADAPTATION_TEMPLATES[hazard]
            template, also, protection = options[int(rng.integers(len(options)))]
            title = template.format(by=name_of[code], område=AREAS[int(rng.integers(len(AREAS)))])
            base, stage = title, 1
            while title in taken:
                stage += 1
                title = f"{base} – etape {stage}"
            taken.discard(titles[pos])
            taken.add(title)
            titles[pos] = title
            hazard_rows += [{"action_id": int(aid), "hazard": h} for h in sorted({hazard, *also})]
            if protection is not None and rng.random() < 0.7:
                kind, values = protection
                protection_rows.append({"action_id": int(aid), "kind": kind,
                                        "value": float(values[int(rng.integers(len(values)))])})
    return (actions.assign(title=titles), pd.DataFrame(hazard_rows, columns=["action_id", "hazard"]),
            pd.DataFrame(protection_rows, columns=["action_id", "kind", "value"]))


# -- inserting --------------------------------------------------------------------------------------
def _as_dates(df: pd.DataFrame) -> pd.DataFrame:
    """Python dates (or None) to datetime64 columns, which DuckDB scans quickly and casts to DATE."""
    for col in df.columns:
        sample = df[col].dropna()
        if len(sample) and isinstance(sample.iloc[0], date):
            df[col] = pd.to_datetime(df[col])
    return df


def _advance_sequence(con: duckdb.DuckDBPyConnection, sequence: str, used: int) -> None:
    """Rows went in with explicit ids (so they are reproducible); move the id sequence past them."""
    if used:
        con.execute(f"SELECT max(nextval('{sequence}')) FROM range(?)", [used])  # noqa: S608 - fixed names


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> int:
    """Bulk insert a DataFrame whose columns are named like the table's."""
    view = f"demo_{table}"
    columns = ", ".join(df.columns)
    con.register(view, df)
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")  # noqa: S608 - fixed names
    finally:
        con.unregister(view)
    if "id" in df.columns:
        _advance_sequence(con, f"{table}_id", len(df))
    return len(df)


def insert_import_log(con: duckdb.DuckDBPyConnection, rows: int) -> None:
    con.execute(
        "INSERT INTO import_log (id, logged_at, who, kind, file_name, sha256, rows, outcome, message) "
        "VALUES (1, ?, 'demo', 'demo', NULL, NULL, ?, 'demo', ?)",
        [datetime.combine(REFERENCE_DATE, datetime.min.time()), rows,
         f"Eksempeldata (demo) genereret med seed {SEED} og referencedato {REFERENCE_DATE.isoformat()}"],
    )
    _advance_sequence(con, "import_log_id", 1)
