"""The demo's fixed assumptions (seed, reference date, editions, shares) and how its rows go into the database."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import numpy as np
import pandas as pd

from dk2020dash.domain import SECTOR_CODES

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
