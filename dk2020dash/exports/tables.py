"""Exports: every table as CSV, XLSX or Parquet with a README of columns and units, and per-table downloads."""
from __future__ import annotations

import io
import shlex
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from dk2020dash import labels, queries
from dk2020dash.db.migrations import SCHEMA_VERSION, TABLES
from dk2020dash.db.store import Store
from dk2020dash.ingest.read import defused as _defused  # the rule undefused reads back on import

FORMATS = ("csv", "xlsx", "parquet")
XLSX_FILE = "dk2020.xlsx"
README_FILE = "README.txt"
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit (1,048,576) less the header row; longer tables go on to more sheets
# Columns that never leave the database in an export (CSV, XLSX, Parquet, README); a backup keeps them
# (exports/backup.py) so a restore keeps local accounts.
SECRET_COLUMNS: dict[str, tuple[str, ...]] = {"app_user": ("password_hash",)}
# The rows about accounts (who may write, which admins have a local password): in an admin's export and backup only;
# everyone else's has these tables empty and the audit without its rows about them (DESIGN.md section 7).
ACCOUNT_TABLES: tuple[str, ...] = ("app_user", "app_user_scope")
ACCOUNT_AUDIT = "table_name IN ('app_user', 'app_user_scope')"  # the audit rows about accounts (auth.grant, revoke)


def account_filter(table: str, accounts: bool) -> str:
    """The WHERE clause that leaves the rows about accounts out of `table` (none with accounts=True)."""
    if accounts:
        return ""
    if table in ACCOUNT_TABLES:
        return " WHERE false"
    return f" WHERE NOT ({ACCOUNT_AUDIT})" if table == "audit" else ""

# Every table and column with its unit, in Danish and English: the README of every export is written from
# here, and tests/unit/test_export.py checks that every column in the database is described.
TABLE_DOCS: dict[str, tuple[str, str]] = {
    "meta": ("Databasens skema- og dataversion.", "The database's schema and data version."),
    "sector": ("Sektorerne i opgørelsen.", "The inventory's sectors."),
    "municipality": ("De 98 kommuner.", "The 98 municipalities."),
    "edition": ("Udgaver af opgørelsen (fx en udgivelse af Energi- og CO2-regnskabet).",
                "Inventory editions (e.g. a release of Energi- og CO2-regnskabet)."),
    "emission": ("Udledning pr. kommune, år, sektor og udgave.", "Emissions per municipality, year, sector and edition."),
    "plan": ("Klimaplanen pr. kommune, som vedtaget.", "Each municipality's climate plan, as adopted."),
    "plan_target": ("Planens delmål: reduktion i forhold til basisåret.", "The plan's interim targets: reduction versus the baseline."),
    "scenario": ("Planens fremskrivninger: BAU og planens forløb.", "The plan's projections: BAU and the plan's path."),
    "action": ("Handlinger i klimaplanerne.", "Actions of the climate plans."),
    "action_event": ("Hver ændring af en handlings status.", "Every change of an action's status."),
    "milestone": ("Milepæle: tilslutning, godkendelse, vedtagelse, statusrapporter, revision.",
                  "Milestones: joined, approved, adopted, status reports, revision."),
    "import_log": ("Alle indlæsninger, backupgendannelser og demodata.", "Every import, backup restore and the demo build."),
    "app_user": ("Brugere med skriveret (redaktører og administratorer); alle andre er læsere. Adgangskoder "
                 "eksporteres aldrig.", "Users who may write (editors and admins); everyone else is a viewer. "
                 "Passwords are never exported."),
    "app_user_scope": ("Hvilke regioner og kommuner en redaktør må ændre.", "Which regions and municipalities an "
                       "editor may change."),
    "audit": ("Hver ændring, der ikke er en handlings status: andre felter på handlinger, milepæle og brugere.",
              "Every change that is not an action's status: other action fields, milestones and users."),
    "risk": ("Klimarisikovurdering pr. kommune og klimafare.", "Climate risk assessment per municipality and hazard."),
    "action_hazard": ("Klimafarer, som en tilpasningshandling adresserer.", "Hazards an adaptation action addresses."),
    "action_protection": ("Beskyttelsesmål for tilpasningshandlinger.", "Protection targets of adaptation actions."),
}

_DEMO = ("sand for eksempeldata (demo), falsk for rigtige data", "true for example (demo) data, false for real data")


def _coded(lead: tuple[str, str], words: labels.Words) -> tuple[str, str]:
    """A coded column's doc in Danish and English: the lead, then every code with its word from labels where the
    word says more than the code ("hoej (høj)", but "lav"); two codes are joined by "eller"/"or"."""
    def one(code: str, word: str) -> str:
        acronym = word[1:2].isupper() or word[1:2].isdigit()  # "C40-medlem", "DK2020" stay as they are
        shown = word if acronym else word[:1].lower() + word[1:]  # "Høj" -> "høj", "I gang" -> "i gang"
        return code if shown.lower() == code.replace("_", " ") else f"{code} ({shown})"

    out = []
    for i, joiner in enumerate((" eller ", " or ")):
        codes = [one(code, pair[i]) for code, pair in words.items()]
        listed = joiner.join(codes) if len(codes) == 2 else ", ".join(codes)
        out.append(f"{lead[i]}{listed}" if lead[i] else listed)
    return out[0], out[1]


COLUMN_DOCS: dict[str, dict[str, tuple[str, str]]] = {
    "meta": {
        "key": ("nøgle: schema_version, data_version eller (kortvarigt, under en indlæsning over eksempeldata) "
                "pending:<slags>", "key: schema_version, data_version or (briefly, while an import replaces demo "
                "data) pending:<kind>"),
        "value": ("værdi som tekst (versionerne er heltal)", "value as text (the versions are integers)"),
    },
    "sector": {
        "code": ("sektorkode (projektets egen)", "sector code (the project's own)"),
        "label_da": ("navn på dansk", "name in Danish"),
        "label_en": ("navn på engelsk", "name in English"),
        "sector_group": _coded(("hovedgruppe: ", "main group: "), labels.SECTOR_GROUPS),
        "gpc": ("GPC-sektor: I stationær energi, II transport, III affald, IV industriprocesser, V landbrug og arealer",
                "GPC sector: I stationary energy, II transport, III waste, IV IPPU, V AFOLU"),
        "can_be_negative": ("sand, hvis udledningen kan være negativ (LULUCF)", "true if emissions can be negative (LULUCF)"),
    },
    "municipality": {
        "code": ("kommunekode (3 cifre, fx 101)", "municipality code (3 digits, e.g. 101)"),
        "name": ("kommunens navn", "the municipality's name"),
        "region": ("region (KKR)", "region (KKR)"),
        "region_code": ("regionskode (1081–1085)", "region code (1081–1085)"),
        "label_lat": ("breddegrad for kortets etiket, grader (WGS84)", "latitude of the map label, degrees (WGS84)"),
        "label_lon": ("længdegrad for kortets etiket, grader (WGS84)", "longitude of the map label, degrees (WGS84)"),
        "area_km2": ("areal, km²", "area, km²"),
        "cohort": _coded(("DK2020-hold: ", "DK2020 cohort: "), labels.COHORTS),
        "population": ("befolkning, indbyggere", "population, inhabitants"),
        "population_year": ("år for befolkningstallet", "year of the population figure"),
        "population_approx": ("sand, hvis befolkningstallet er omtrentligt (ikke FOLK1A)",
                              "true if the population is approximate (not FOLK1A)"),
    },
    "edition": {
        "id": ("udgavens nummer", "edition number"),
        "name": ("udgavens navn", "edition name"),
        "source": ("kilde", "source"),
        "published": ("udgivelsesdato (dato, ÅÅÅÅ-MM-DD)", "publication date (date, YYYY-MM-DD)"),
        "is_demo": _DEMO,
        "created_at": ("indlæst (tidspunkt, ÅÅÅÅ-MM-DD TT:MM:SS)", "loaded at (timestamp, YYYY-MM-DD HH:MM:SS)"),
        "withdrawn_at": ("trukket tilbage (tidspunkt; tom: tæller med)", "withdrawn at (timestamp; empty: counts)"),
    },
    "emission": {
        "municipality": ("kommunekode", "municipality code"),
        "year": ("år", "year"),
        "sector": ("sektorkode (se sector)", "sector code (see sector)"),
        "edition": ("udgavens nummer (se edition)", "edition number (see edition)"),
        "tco2e": ("udledning, t CO2e (ton CO2-ækvivalenter) i året; negativ kun for LULUCF",
                  "emissions, tCO2e (tonnes CO2 equivalent) in the year; negative only for LULUCF"),
        "estimated": ("sand, hvis tallet er et skøn", "true if the value is an estimate"),
    },
    "plan": {
        "municipality": ("kommunekode", "municipality code"),
        "adopted": ("vedtaget i kommunalbestyrelsen (dato)", "adopted by the council (date)"),
        "approved": ("godkendt af CONCITO/C40 (dato)", "approved by CONCITO/C40 (date)"),
        "baseline_year": ("basisår", "baseline year"),
        "baseline_tco2e": ("basisårets udledning som vedtaget i planen, t CO2e",
                           "baseline emissions as adopted in the plan, tCO2e"),
        "net_zero_year": ("år for netto-nul", "net-zero year"),
        "revision_due": ("frist for revision af planen (dato)", "plan revision due (date)"),
        "is_demo": _DEMO,
    },
    "plan_target": {
        "municipality": ("kommunekode", "municipality code"),
        "target_year": ("målår", "target year"),
        "reduction": ("reduktion i forhold til basisåret, andel 0–1 (0,7 = 70 %)",
                      "reduction versus the baseline, share 0–1 (0.7 = 70 %)"),
    },
    "scenario": {
        "municipality": ("kommunekode", "municipality code"),
        "kind": _coded(("", ""), labels.SCENARIO_KINDS),
        "year": ("år", "year"),
        "tco2e": ("fremskrevet udledning, t CO2e i året", "projected emissions, tCO2e in the year"),
        "is_demo": _DEMO,
    },
    "action": {
        "id": ("handlingens nummer", "action number"),
        "municipality": ("kommunekode", "municipality code"),
        "title": ("titel", "title"),
        "sector": ("sektorkode (tom for tilpasning)", "sector code (empty for adaptation)"),
        "kind": _coded(("", ""), labels.ACTION_KINDS),
        "status": _coded(("", ""), labels.STATUSES),
        "start_date": ("start (dato)", "start (date)"),
        "end_date": ("slut (dato)", "end (date)"),
        "expected_2030_t": ("forventet reduktion i 2030, t CO2e/år", "expected reduction in 2030, t/yr (tCO2e per year)"),
        "responsible": ("ansvarlig enhed", "responsible unit"),
        "budget_dkk": ("budget, DKK (kr.)", "budget, DKK"),
        "last_updated": ("senest opdateret (dato)", "last updated (date)"),
        "version": ("versionsnummer, stiger ved hver ændring", "version number, up by one on every change"),
        "is_demo": _DEMO,
    },
    "action_event": {
        "id": ("ændringens nummer", "change number"),
        "action_id": ("handlingens nummer (se action)", "action number (see action)"),
        "changed_on": ("ændret (tidspunkt, ÅÅÅÅ-MM-DD TT:MM:SS)", "changed at (timestamp, YYYY-MM-DD HH:MM:SS)"),
        "who": ("hvem ændrede", "who changed it"),
        "old_status": ("status før (tom ved oprettelse)", "status before (empty when created)"),
        "new_status": ("status efter", "status after"),
        "note": ("note", "note"),
    },
    "milestone": {
        "id": ("milepælens nummer", "milestone number"),
        "municipality": ("kommunekode", "municipality code"),
        "kind": _coded(("", ""), labels.MILESTONE_KINDS),
        "due": ("frist (dato)", "due (date)"),
        "done": ("udført (dato; tom, hvis ikke udført)", "done (date; empty if not done)"),
        "note": ("note", "note"),
        "is_demo": _DEMO,
    },
    "import_log": {
        "id": ("løbenummer", "sequence number"),
        "logged_at": ("tidspunkt", "timestamp"),
        "who": ("hvem indlæste", "who loaded it"),
        "kind": ("slags data (inventory, plans, …, demo, restore)", "kind of data (inventory, plans, …, demo, restore)"),
        "file_name": ("filnavn", "file name"),
        "sha256": ("filens SHA-256 (hex)", "the file's SHA-256 (hex)"),
        "rows": ("antal rækker", "number of rows"),
        "outcome": ("imported, rejected, dry_run, duplicate, demo, restored", "imported, rejected, dry_run, duplicate, demo, restored"),
        "message": ("besked", "message"),
    },
    "app_user": {
        "email": ("e-mailadresse (små bogstaver)", "e-mail address (lower case)"),
        "role": _coded(("rolle: ", "role: "), {r: labels.ROLES[r] for r in ("editor", "admin")}),
        "granted_by": ("hvem gav rollen", "who granted the role"),
        "granted_at": ("hvornår (tidspunkt)", "when (timestamp)"),
        "idp_issuer": ("single sign-on: udbyderen, kontoen er bundet til (Entra ID: entra:<tenant-id>; ellers tokenets "
                       "iss); tom: ikke bundet endnu", "single sign-on: the provider the account is bound to (Entra ID: "
                       "entra:<tenant id>; else the token's iss); empty: not bound yet"),
        "idp_subject": ("single sign-on: personen hos udbyderen (Entra ID: objekt-id; ellers sub)",
                        "single sign-on: the person at the provider (Entra ID: object id; else sub)"),
        "idp_bound_at": ("hvornår kontoen blev bundet (første log ind med bekræftet e-mail)",
                         "when the account was bound (first sign-in with a verified e-mail)"),
    },
    "app_user_scope": {
        "email": ("brugerens e-mail (se app_user)", "the user's e-mail (see app_user)"),
        "region": ("region, hele regionens kommuner (ellers tom)", "region, all its municipalities (else empty)"),
        "municipality": ("kommunekode (ellers tom)", "municipality code (else empty)"),
    },
    "audit": {
        "id": ("løbenummer", "sequence number"),
        "table_name": ("tabel: action, milestone eller app_user", "table: action, milestone or app_user"),
        "row_id": ("rækkens nøgle (id eller e-mail)", "the row's key (id or e-mail)"),
        "field": ("felt", "field"),
        "old": ("værdi før (tekst; tom = ingen)", "value before (text; empty = none)"),
        "new": ("værdi efter (tekst; tom = ingen)", "value after (text; empty = none)"),
        "who": ("hvem ændrede (den indloggede bruger)", "who changed it (the signed-in user)"),
        "changed_at": ("tidspunkt", "timestamp"),
        "note": ("note eller begrundelse", "note or reason"),
    },
    "risk": {
        "municipality": ("kommunekode", "municipality code"),
        "hazard": _coded(("klimafare: ", "hazard: "), labels.HAZARDS),
        "level": _coded(("risikoniveau: ", "risk level: "), labels.RISK_LEVELS),
        "assessed_year": ("år for vurderingen", "year assessed"),
        "assessed_on": ("dato for vurderingen (tom, hvis kun året kendes)", "date assessed (empty if only the year is known)"),
        "note": ("note", "note"),
        "is_demo": _DEMO,
    },
    "action_hazard": {
        "action_id": ("handlingens nummer (se action)", "action number (see action)"),
        "hazard": ("klimafare (se risk.hazard)", "hazard (see risk.hazard)"),
    },
    "action_protection": {
        "action_id": ("handlingens nummer (se action)", "action number (see action)"),
        "kind": _coded(("", ""), labels.PROTECTION_KINDS),
        "value": ("værdi: år for gentagelsesperioden (100 = en 100-års hændelse) eller antal bygninger",
                  "value: years of the return period (100 = a 100-year event) or number of buildings"),
    },
}

_FORMAT_NOTES: dict[str, tuple[str, str]] = {
    "csv": (
        "CSV: én fil pr. tabel (<tabel>.csv), UTF-8 uden BOM, komma som skilletegn, punktum som decimaltegn, "
        "datoer som ÅÅÅÅ-MM-DD og tidspunkter som ÅÅÅÅ-MM-DD TT:MM:SS, sand/falsk som true/false, tomt felt = "
        "ingen værdi. Til Excel med danske indstillinger: brug XLSX-eksporten.",
        "CSV: one file per table (<table>.csv), UTF-8 without BOM, comma-separated, decimal point, dates as "
        "YYYY-MM-DD and timestamps as YYYY-MM-DD HH:MM:SS, booleans as true/false, empty field = no value. "
        "For Excel with Danish settings use the XLSX export.",
    ),
    "xlsx": (
        "XLSX: én projektmappe; første ark er denne README, derefter ét ark pr. tabel (en tabel over "
        f"{XLSX_MAX_ROWS:,} rækker fortsætter på arkene <tabel> (2), <tabel> (3) …).".replace(",", "."),
        f"XLSX: one workbook; the first sheet is this README, then one sheet per table (a table over {XLSX_MAX_ROWS:,} "
        "rows continues on sheets <table> (2), <table> (3) …).",
    ),
    "parquet": (
        "Parquet: én fil pr. tabel (<tabel>.parquet) med databasens egne kolonnetyper.",
        "Parquet: one file per table (<table>.parquet) with the database's own column types.",
    ),
}


def readme_lines(fmt: str, store: Store | None = None) -> list[str]:
    """The README of an export: what each table and column holds, with units, in Danish then English."""
    lines = ["DK2020 Klimaplan-dashboard – eksport / export", ""]
    if store is not None:
        lines += [f"Eksporteret / exported: {datetime.now().isoformat(timespec='seconds')}",
                  f"Skemaversion / schema version: {SCHEMA_VERSION}",
                  f"Dataversion / data version: {store.data_version()}", ""]
    for i, heading in enumerate(("DANSK", "ENGLISH")):
        lines += [heading, "=" * len(heading), _FORMAT_NOTES[fmt][i], ""]
        for table in TABLES:
            lines.append(f"{table}: {TABLE_DOCS[table][i]}")
            width = max(len(c) for c in COLUMN_DOCS[table])
            lines += [f"  {column:<{width}}  {doc[i]}" for column, doc in COLUMN_DOCS[table].items()]
            lines.append("")
    return lines


def _ordered(table: str, accounts: bool = True) -> str:
    # Every table's key columns come first, so ordering by all columns is ordering by the key. Secret columns
    # (SECRET_COLUMNS: the password hashes of local accounts) never leave the database in an export.
    hidden = SECRET_COLUMNS.get(table)
    columns = "* EXCLUDE (" + ", ".join(f'"{c}"' for c in hidden) + ")" if hidden else "*"
    return f'SELECT {columns} FROM "{table}"{account_filter(table, accounts)} ORDER BY ALL'  # noqa: S608 - fixed names


_DEFUSE_SQL = "dk2020_defused"


def _defused_select(con: duckdb.DuckDBPyConnection, table: str, accounts: bool = True) -> str:
    """The table in key order with every text column passed through _defused (registered as _DEFUSE_SQL)."""
    columns = con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
                          "AND table_name = ? ORDER BY column_index", [table]).fetchall()
    columns = [(c, kind) for c, kind in columns if c not in SECRET_COLUMNS.get(table, ())]  # never exported
    shown = ", ".join(f'{_DEFUSE_SQL}("{c}") AS "{c}"' if kind == "VARCHAR" else f'"{c}"' for c, kind in columns)
    return f"SELECT {shown} FROM ({_ordered(table, accounts)})"  # noqa: S608 - names from the catalog


def read_table(store: Store, table: str, accounts: bool = True) -> pd.DataFrame:
    """One table in key order, as a DataFrame (without the rows about accounts unless `accounts`)."""
    if table not in TABLES:
        raise ValueError(f"ukendt tabel: {table!r}")
    return store.query(_ordered(table, accounts))


def export_tables(store: Store, out_dir: str | Path, fmt: str, *, accounts: bool = True) -> list[Path]:
    """Write every table of the store to out_dir as csv, xlsx or parquet, with a README; returns the files. With
    accounts=False (the app's download for anyone but an admin) app_user and app_user_scope are empty and the
    audit has no rows about accounts."""
    if fmt not in FORMATS:
        raise ValueError(f"ukendt format: {fmt!r} (brug {', '.join(FORMATS)})")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: findes og er ikke en mappe")
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        path = out / XLSX_FILE
        _write_workbook(store, path, accounts)
        return [path]
    written = []
    options = "(FORMAT csv, HEADER, DELIMITER ',')" if fmt == "csv" else "(FORMAT parquet, COMPRESSION zstd)"
    with store.connection() as con:
        if fmt == "csv":  # text cells defused by the same rule as the per-table downloads
            con.create_function(_DEFUSE_SQL, _defused, ["VARCHAR"], "VARCHAR")
        try:
            for table in TABLES:
                path = out / f"{table}.{fmt}"
                select = _defused_select(con, table, accounts) if fmt == "csv" else _ordered(table, accounts)
                con.execute(f"COPY ({select}) TO ? {options}", [str(path)])  # noqa: S608 - fixed options
                written.append(path)
        finally:
            if fmt == "csv":
                con.remove_function(_DEFUSE_SQL)
    reimport: list[tuple[str, Path, dict | None]] = []
    if fmt == "csv":
        reimport = export_import_files(store, out / IMPORT_DIR)
        written += [path for _, path, _ in reimport]
    readme = out / README_FILE
    lines = readme_lines(fmt, store)
    if reimport:
        lines += reimport_lines([(kind, path.relative_to(out).as_posix(), edition) for kind, path, edition in reimport])
    readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [readme, *written]


# -- files in the importer's own layout, so a CSV export can be imported again -----------------------

IMPORT_DIR = "import"


def _import_frames(store: Store) -> list[tuple[str, str, pd.DataFrame, dict | None]]:
    """(kind, file name, frame, edition: name, source, published) in the order they import cleanly: population, plans, scenarios,
    each inventory edition oldest first (so each municipality's newest stays its newest), actions (with their
    hazards and protection targets), milestones, risks."""
    with store.connection() as con:
        def q(sql: str, params: list | None = None) -> pd.DataFrame:
            return con.execute(sql, params or []).df()

        out: list[tuple[str, str, pd.DataFrame, dict | None]] = []
        # Only figures that came from FOLK1A: the shipped approximate ones would be marked exact on import.
        population = q("SELECT code AS \"område\", population_year AS tid, population AS indhold FROM municipality "
                       "WHERE NOT population_approx AND population IS NOT NULL ORDER BY code")
        if len(population):
            out.append(("population", "population.csv", population, None))
        plans = q("SELECT municipality, adopted, approved, baseline_year, baseline_tco2e, net_zero_year, revision_due "
                  "FROM plan ORDER BY municipality")
        targets = q("SELECT municipality, target_year, reduction FROM plan_target ORDER BY ALL")
        if len(plans):
            wide = targets.pivot(index="municipality", columns="target_year", values="reduction")
            wide.columns = [f"target_{int(y)}" for y in wide.columns]
            out.append(("plans", "plans.csv", plans.merge(wide.reset_index(), on="municipality", how="left"), None))
        scenarios = q("SELECT municipality, kind, year, tco2e FROM scenario ORDER BY ALL")
        if len(scenarios):
            out.append(("scenarios", "scenarios.csv", scenarios, None))
        # Oldest first in the order that picks each municipality's newest edition (queries.edition_order), and
        # with the date that order uses, so each municipality's newest stays its newest after the re-import.
        editions = q(f"SELECT e.id, e.name, e.source, {queries.edition_day('e')} AS published "  # noqa: S608 - fixed SQL fragments
                     f"FROM edition e WHERE {queries.edition_counts('e')} "
                     "AND EXISTS (SELECT 1 FROM emission m WHERE m.edition = e.id) "
                     f"ORDER BY {queries.edition_order('e', newest_first=False)}")
        for edition_id, name, source, published in editions.itertuples(index=False):
            rows = q("SELECT municipality, year, sector, tco2e, estimated FROM emission WHERE edition = ? "
                     "ORDER BY municipality, year, sector", [int(edition_id)])
            edition = {"name": str(name), "source": str(source),
                       "published": None if pd.isna(published) else pd.Timestamp(published).date().isoformat()}
            out.append(("inventory", f"inventory-{int(edition_id)}.csv", rows, edition))
        actions = q("SELECT a.municipality, a.title, a.sector, a.kind, a.status, a.start_date AS start, "
                    "a.end_date AS \"end\", a.expected_2030_t, a.responsible, a.budget_dkk, a.last_updated, "
                    "(SELECT string_agg(h.hazard, ';' ORDER BY h.hazard) FROM action_hazard h WHERE h.action_id = a.id) "
                    "AS klimafare, "
                    "(SELECT p.value FROM action_protection p WHERE p.action_id = a.id AND p.kind = 'return_period_years') "
                    "AS return_period_years, "
                    "(SELECT p.value FROM action_protection p WHERE p.action_id = a.id AND p.kind = 'buildings_protected') "
                    "AS buildings_protected FROM action a ORDER BY a.id")
        if len(actions):
            out.append(("actions", "actions.csv", actions, None))
        milestones = q("SELECT municipality, kind, due, done, note FROM milestone ORDER BY id")
        if len(milestones):
            out.append(("milestones", "milestones.csv", milestones, None))
        risks = q("SELECT municipality, hazard AS klimafare, level AS risiko, "
                  "coalesce(strftime(assessed_on, '%Y-%m-%d'), CAST(assessed_year AS VARCHAR)) AS vurderet, note "
                  "FROM risk ORDER BY municipality, hazard")
        if len(risks):
            out.append(("risks", "risks.csv", risks, None))
    return out


def _plain_float(value: float) -> str:
    # Shortest text that reads back as the same double, never in exponent form, always with a decimal point:
    # the importer then sees an English-style number file and reads 1.234 as one point two three four.
    return np.format_float_positional(value, unique=True, trim="0")


def export_import_files(store: Store, out_dir: Path) -> list[tuple[str, Path, dict | None]]:
    """CSV files in the layout `python -m dk2020dash import KIND FILE` reads; returns (kind, path, edition)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, name, frame, edition in _import_frames(store):
        path = out_dir / name
        for col in frame.columns:
            if pd.api.types.is_bool_dtype(frame[col]):
                frame[col] = frame[col].map({True: "true", False: "false"})
            elif frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                frame[col] = frame[col].map(_defused)  # as every CSV download; the importer takes the ' off again
        frame.to_csv(path, index=False, encoding="utf-8", float_format=_plain_float, date_format="%Y-%m-%d",
                     lineterminator="\n")
        written.append((kind, path, edition))
    return written


def reimport_lines(files: list[tuple[str, str, dict | None]]) -> list[str]:
    """README section: which file to import as which kind, in which order."""
    lines = [
        "GENINDLÆSNING / RE-IMPORT",
        "=========================",
        f"Mappen {IMPORT_DIR}/ har de samme data i det format, »import« læser. Indlæs filerne i denne rækkefølge "
        "(opgørelserne ældste først, så hver kommunes nyeste udgave forbliver dens nyeste). Udgavens kilde og "
        "udgivelsesdato står efter # på hver opgørelses linje (run_import(..., source=, published=) tager dem). Handlingernes id, "
        "version og historik følger ikke med; tallene gør.",
        f"The folder {IMPORT_DIR}/ holds the same data in the layout 'import' reads. Import the files in this order "
        "(inventories oldest first, so each municipality's newest edition stays its newest). Each inventory line ends with the edition's "
        "source and publication date after # (run_import(..., source=, published=) takes them). Actions' id, "
        "version and history do not carry over; the numbers do.",
        "",
    ]
    for kind, path, edition in files:
        line = f"  python -m dk2020dash import {kind} {path}"
        if edition:
            published = f" --published {edition['published']}" if edition["published"] else ""
            line += f" --edition {shlex.quote(edition['name'])}{published}  # source: {edition['source']}; published: " \
                    f"{edition['published'] or '-'}"
        lines.append(line)
    lines.append("")
    lines.append(f"  {IMPORT_DIR}/inventory-N.csv: municipality, year, sector, tco2e, estimated (N = edition id)")
    return lines


def _write_workbook(store: Store, path: Path, accounts: bool = True) -> None:
    # openpyxl's write-only mode streams rows out instead of holding every cell object in memory.
    wb = Workbook(write_only=True)
    readme = wb.create_sheet("README")
    for line in readme_lines("xlsx", store):
        readme.append([line])
    for table in TABLES:
        df = read_table(store, table, accounts)
        for part, start in enumerate(range(0, max(len(df), 1), XLSX_MAX_ROWS)):
            sheet = wb.create_sheet(table if part == 0 else f"{table} ({part + 1})")
            _append_frame(sheet, df.iloc[start:start + XLSX_MAX_ROWS])
    wb.save(path)


def _cell_values(df: pd.DataFrame) -> list[list]:
    """Rows of plain Python values for openpyxl: NaN/NaT as empty cells, midnight timestamps as dates."""
    columns = []
    for name in df.columns:
        col = df[name]
        if pd.api.types.is_datetime64_any_dtype(col):
            ts = col.dt.tz_localize(None) if getattr(col.dt, "tz", None) is not None else col
            dates_only = bool((ts.dropna() == ts.dropna().dt.normalize()).all())
            values = [None if pd.isna(v) else (v.date() if dates_only else v.to_pydatetime()) for v in ts]
        else:
            values = [None if _missing(v) else (v.item() if hasattr(v, "item") else v) for v in col.astype(object)]
        columns.append(values)
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays are values, not missing
        return False


def _append_frame(sheet, df: pd.DataFrame) -> None:
    # Widths must be set before the first row in write-only mode; openpyxl gives date cells a date format.
    for i, name in enumerate(df.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(11, min(40, len(str(name)) + 2))
    sheet.append([_text_cell(sheet, str(c)) for c in df.columns])
    for row in _cell_values(df):
        sheet.append([_text_cell(sheet, v) if isinstance(v, str) else v for v in row])


def _text_cell(sheet, value: str):
    """Text stays text: openpyxl would store "=..." (say, an imported action title) as a live formula."""
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def export_archive(store: Store, fmt: str, *, accounts: bool = True) -> bytes:
    """export_tables as one zip file, for the app's download (accounts: only for an admin)."""
    with tempfile.TemporaryDirectory(prefix="dk2020-export-") as tmp:
        files = export_tables(store, tmp, fmt, accounts=accounts)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in files:
                zf.write(path, arcname=path.relative_to(tmp).as_posix())
        return buf.getvalue()


def archive_name(fmt: str, when: datetime | None = None) -> str:
    return f"dk2020-eksport-{fmt}-{(when or datetime.now()).strftime('%Y%m%d-%H%M')}.zip"


# -- per-table downloads ------------------------------------------------------------------------------

_BOOL_WORDS = {"da": ("ja", "nej"), "en": ("yes", "no")}


def table_bytes(df: pd.DataFrame, fmt: str, lang: str = "da") -> bytes:
    """One table as a file a spreadsheet opens right: CSV for Danish Excel (semicolon, decimal comma,
    UTF-8 with BOM, ISO dates, ja/nej) or XLSX with real numbers and dates."""
    if fmt == "csv":
        yes, no = _BOOL_WORDS.get(lang, _BOOL_WORDS["da"])
        out = df.copy()
        for name in out.columns:
            col = out[name]
            if pd.api.types.is_bool_dtype(col) or (col.dtype == object and col.dropna().map(type).eq(bool).all()
                                                   and col.notna().any()):
                out[name] = col.map(lambda v: "" if _missing(v) else (yes if v else no))
            elif pd.api.types.is_datetime64_any_dtype(col):
                ts = col.dropna()
                fmt_str = "%Y-%m-%d" if bool((ts == ts.dt.normalize()).all()) else "%Y-%m-%d %H:%M:%S"
                out[name] = col.dt.strftime(fmt_str)
            elif col.dtype == object or pd.api.types.is_string_dtype(col):
                out[name] = col.map(_defused)
        out.columns = [_defused(str(c)) for c in out.columns]
        text = out.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
        return ("\ufeff" + text).encode("utf-8")
    if fmt == "xlsx":
        wb = Workbook(write_only=True)
        _append_frame(wb.create_sheet("Data"), df)
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    raise ValueError(f"ukendt format: {fmt!r} (brug csv eller xlsx)")


MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}

__all__ = [
    "COLUMN_DOCS", "FORMATS", "MIME", "TABLE_DOCS", "archive_name", "export_archive", "export_tables",
    "read_table", "readme_lines", "table_bytes"
]
