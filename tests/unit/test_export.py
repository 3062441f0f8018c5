"""Export of every table (CSV, XLSX, Parquet) with a README of every column, and per-table downloads."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from dk2020dash.db.migrations import TABLES, TRANSIENT_TABLES
from dk2020dash.db.store import Store
from dk2020dash.exports import tables
from dk2020dash.exports.tables import SECRET_COLUMNS


def db_columns(store: Store) -> dict[str, list[str]]:
    """Every table's columns as an export holds them: all but the secret ones (password hashes)."""
    df = store.query(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' "
        "ORDER BY table_name, ordinal_position"
    )
    return {t: [c for c in g["column_name"] if c not in SECRET_COLUMNS.get(t, ())] for t, g in df.groupby("table_name")}


def test_every_column_of_every_table_is_described(empty_store: Store) -> None:
    columns = db_columns(empty_store)
    assert set(columns) - set(TRANSIENT_TABLES) == set(TABLES) == set(tables.TABLE_DOCS) == set(tables.COLUMN_DOCS)
    assert not set(TRANSIENT_TABLES) & set(TABLES)  # the sign-in attempts are no export's or backup's
    for table, names in columns.items():
        if table in TRANSIENT_TABLES:
            continue
        assert list(tables.COLUMN_DOCS[table]) == names, table  # same columns, in the table's own order
        for name in names:
            da, en = tables.COLUMN_DOCS[table][name]
            assert da.strip() and en.strip(), (table, name)


def test_readme_names_the_units(empty_store: Store) -> None:
    text = "\n".join(tables.readme_lines("csv", empty_store))
    for unit in ("tCO2e", "t/yr", "DKK", "0–1", "YYYY-MM-DD", "ÅÅÅÅ-MM-DD"):
        assert unit in text, unit
    for table in TABLES:
        assert f"\n{table}: " in text


def test_csv_export_is_machine_readable_and_complete(demo_store: Store, tmp_path: Path) -> None:
    files = tables.export_tables(demo_store, tmp_path / "out", "csv")
    names = {f.name for f in files}
    assert names >= {"README.txt", *(f"{t}.csv" for t in TABLES)}
    readme = (tmp_path / "out" / "README.txt").read_text(encoding="utf-8")
    assert "tco2e" in readme and "expected_2030_t" in readme
    counts = demo_store.table_counts()
    for table in TABLES:
        raw = (tmp_path / "out" / f"{table}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")  # plain UTF-8 for machines
        with (tmp_path / "out" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == list(tables.COLUMN_DOCS[table]), table
        assert len(rows) - 1 == counts[table], table
    emission = pd.read_csv(tmp_path / "out" / "emission.csv")
    assert emission["tco2e"].dtype == float  # decimal point, parsed as numbers
    # Same numbers as the database, to the last digit.
    db = demo_store.query("SELECT * FROM emission ORDER BY ALL")
    assert emission["tco2e"].tolist() == db["tco2e"].tolist()
    edition = (tmp_path / "out" / "edition.csv").read_text(encoding="utf-8")
    assert "2025-10-01" in edition  # ISO dates


def test_parquet_export_round_trips_every_table(demo_store: Store, tmp_path: Path) -> None:
    tables.export_tables(demo_store, tmp_path, "parquet")
    con = duckdb.connect()
    for table in TABLES:
        back = con.execute("SELECT * FROM read_parquet(?)", [str(tmp_path / f"{table}.parquet")]).df()
        pd.testing.assert_frame_equal(back, tables.read_table(demo_store, table), check_dtype=False)
    con.close()
    assert (tmp_path / "README.txt").exists()


def test_xlsx_export_has_a_readme_sheet_and_one_sheet_per_table(demo_store: Store, tmp_path: Path) -> None:
    [path] = tables.export_tables(demo_store, tmp_path, "xlsx")
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames == ["README", *TABLES]
    readme = "\n".join(str(r[0]) for r in wb["README"].iter_rows(values_only=True) if r[0])
    assert "tCO2e" in readme and "XLSX" in readme
    counts = demo_store.table_counts()
    for table in ("plan", "plan_target", "edition"):
        rows = list(wb[table].iter_rows(values_only=True))
        assert list(rows[0]) == list(tables.COLUMN_DOCS[table])
        assert len(rows) - 1 == counts[table]
    plan = list(wb["plan"].iter_rows(values_only=True))
    adopted = plan[1][1]
    assert hasattr(adopted, "year")  # a real date, not text
    assert isinstance(plan[1][4], (int, float))  # baseline_tco2e as a number
    wb.close()


def test_xlsx_splits_a_table_longer_than_a_sheet(demo_store: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "XLSX_MAX_ROWS", 40)
    [path] = tables.export_tables(demo_store, tmp_path, "xlsx")
    wb = openpyxl.load_workbook(path, read_only=True)
    parts = [s for s in wb.sheetnames if s == "plan" or s.startswith("plan (")]
    assert parts == ["plan", "plan (2)", "plan (3)"]
    assert sum(len(list(wb[s].iter_rows())) - 1 for s in parts) == 98
    wb.close()


def test_unknown_format_is_refused(empty_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        tables.export_tables(empty_store, tmp_path, "ods")
    with pytest.raises(ValueError, match="format"):
        tables.table_bytes(pd.DataFrame({"a": [1]}), "ods")


@pytest.mark.parametrize("fmt", tables.FORMATS)
def test_export_archive_is_a_zip_of_the_export(demo_store: Store, fmt: str) -> None:
    data = tables.export_archive(demo_store, fmt)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
    if fmt == "xlsx":
        assert names == {tables.XLSX_FILE}
    else:
        assert names >= {"README.txt", *(f"{t}.{fmt}" for t in TABLES)}


def test_table_csv_opens_in_danish_excel() -> None:
    df = pd.DataFrame({
        "Kommune": ["Fanø", "Læsø"], "Udledning (t CO2e)": [1234.5, -0.25], "Skøn": [True, False],
        "Dato": pd.to_datetime(["2024-10-01", None]), "Note": ["a; b", None],
    })
    data = tables.table_bytes(df, "csv", "da")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM makes Excel read UTF-8
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Kommune;Udledning (t CO2e);Skøn;Dato;Note"
    assert lines[1] == 'Fanø;1234,5;ja;2024-10-01;"a; b"'
    assert lines[2] == "Læsø;-0,25;nej;;"
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["Udledning (t CO2e)"].tolist() == [1234.5, -0.25]
    assert tables.table_bytes(df, "csv", "en").decode("utf-8-sig").splitlines()[2].startswith("Læsø;-0,25;no")


def test_table_xlsx_keeps_numbers_and_headers() -> None:
    df = pd.DataFrame({"Kommune": ["Fanø"], "Udledning (t CO2e)": [1234.5], "År": [2024]})
    wb = openpyxl.load_workbook(io.BytesIO(tables.table_bytes(df, "xlsx", "da")))
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows == [("Kommune", "Udledning (t CO2e)", "År"), ("Fanø", 1234.5, 2024)]


def test_text_that_looks_like_a_formula_stays_text() -> None:
    df = pd.DataFrame({"Titel": ["=HYPERLINK(\"http://x\")", "+45 grøn", "-20 % CO2", "Vindmøller"],
                       "Tal": [-1.5, 2.0, 3.0, 4.0], "Kode": ["-7", "a", "b", "c"]})
    rows = list(csv.reader(io.StringIO(tables.table_bytes(df, "csv").decode("utf-8-sig")), delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"http://x\")", "'+45 grøn", "'-20 % CO2", "Vindmøller"]
    assert rows[1][1:] == ["-1,5", "-7"]  # numbers, and text that is a number, stay as they are
    wb = openpyxl.load_workbook(io.BytesIO(tables.table_bytes(df, "xlsx")))
    cell = wb.active["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_an_empty_frame_gives_a_header_only_file() -> None:
    df = pd.DataFrame({"a": pd.Series([], dtype=float), "b": pd.Series([], dtype=str)})
    assert tables.table_bytes(df, "csv").decode("utf-8-sig").strip() == "a;b"
    wb = openpyxl.load_workbook(io.BytesIO(tables.table_bytes(df, "xlsx")))
    assert list(wb.active.iter_rows(values_only=True)) == [("a", "b")]


# -- CLI ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", tables.FORMATS)
def test_cli_export_writes_every_table(demo_store: Store, tmp_path: Path, fmt: str,
                                       capsys: pytest.CaptureFixture) -> None:
    from dk2020dash.cli import main

    out = tmp_path / "eksport"
    assert main(["export", str(out), "--format", fmt, "--db", str(demo_store.path)]) == 0
    assert str(out) in capsys.readouterr().out
    expected = {tables.XLSX_FILE} if fmt == "xlsx" else {"README.txt", *(f"{t}.{fmt}" for t in TABLES)}
    assert {p.name for p in out.iterdir()} >= expected


def test_cli_export_errors_and_usage(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from dk2020dash.cli import main

    assert main(["export", str(tmp_path / "x"), "--db", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fejl:") and err.count("\n") == 1 and "init" in err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    store = Store(tmp_path / "e.duckdb")
    store.create()
    assert main(["export", str(tmp_path / "file"), "--db", str(store.path)]) == 1
    for args in (["export"], ["export", str(tmp_path), "--format", "ods"]):
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code == 2


# -- round trip through the importer --------------------------------------------------------------

def reimport_commands(readme: str) -> list[tuple[str, str, dict]]:
    """(kind, relative path, run_import options) from the README's re-import section, in its order."""
    import datetime as dt
    import shlex

    commands = []
    for line in readme.splitlines():
        if line.strip().startswith("python -m dk2020dash import "):
            command, _, comment = line.partition("  # ")
            words = shlex.split(command)[4:]
            options = {}
            if "--edition" in words:
                options["edition_name"] = words[words.index("--edition") + 1]
                facts = dict(part.split(": ", 1) for part in comment.split("; "))
                options["source"] = facts["source"]
                options["published"] = dt.date.fromisoformat(facts["published"])
            commands.append((words[0], words[1], options))
    return commands


def same_rows(a: Store, b: Store, sql: str) -> None:
    left, right = a.query(sql), b.query(sql)
    assert len(left) > 0
    pd.testing.assert_frame_equal(left, right, check_exact=True, check_dtype=False)


# Cells a spreadsheet would run (issue 20, item 6), each as the export must write it in import/*.csv.
FORMULAS = {'=HYPERLINK("http://example.invalid/x","klik")': '\'=HYPERLINK("http://example.invalid/x","klik")',
            "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0", "@SUM(A1:A9)": "'@SUM(A1:A9)", "-2+3": "'-2+3",
            "'=already quoted": "''=already quoted"}


@pytest.fixture(scope="module")
def round_trip(round_trip_export) -> tuple[Store, Store, dict]:
    return round_trip_export[:3]


@pytest.fixture(scope="module")
def round_trip_export(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Store, dict, Path]:
    """The demo (with real population for two municipalities, awkward numbers and text a spreadsheet would run as a
    formula) exported as CSV by the CLI, then imported into an empty database file by file, as the README says;
    returns (original, fresh, reports, the export's folder)."""
    import shutil

    from dk2020dash.cli import main
    from dk2020dash.ingest import run_import

    tmp = tmp_path_factory.mktemp("roundtrip")
    original = Store(tmp / "original.duckdb")
    shutil.copy(demo_db, original.path)
    with original.transaction() as con:
        con.execute("UPDATE municipality SET population = population + 7, population_year = 2025, "
                    "population_approx = false WHERE code IN (101, 147)")
        # 1.234 reads as a thousand in a Danish-style file, and tiny values print in exponent form by default.
        con.execute("UPDATE emission SET tco2e = 1.234 WHERE municipality = 101 AND year = 2024 AND sector = 'bane'")
        con.execute("UPDATE action SET expected_2030_t = 0.000012345 WHERE id = 2")
        for n, text in enumerate(FORMULAS, start=3):
            con.execute("UPDATE action SET responsible = ? WHERE id = ?", [text, n])
            con.execute("UPDATE milestone SET note = ? WHERE id = (SELECT min(id) + ? FROM milestone)", [text, n])
    out = tmp / "eksport"
    assert main(["export", str(out), "--format", "csv", "--db", str(original.path)]) == 0
    commands = reimport_commands((out / "README.txt").read_text(encoding="utf-8"))
    assert [k for k, _, _ in commands] == ["population", "plans", "scenarios", "inventory", "inventory", "actions",
                                           "milestones", "risks"]
    fresh = Store(tmp / "fresh.duckdb")
    fresh.create()
    reports = {}
    for kind, path, options in commands:
        reports[path] = run_import(fresh, kind, (out / path).read_bytes(), Path(path).name, who="test", **options)
    return original, fresh, reports, out


def test_every_import_file_of_the_export_is_formula_defused(round_trip_export) -> None:
    import csv

    out = round_trip_export[3]
    files = sorted((out / "import").glob("*.csv"))
    assert len(files) >= 8
    cells = [c for f in files for row in csv.reader(f.read_text(encoding="utf-8").splitlines()) for c in row]
    running = [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))
               or (c.startswith("-") and not c.lstrip("-").replace(".", "", 1).isdigit())]
    assert not running, running[:5]
    for defused in FORMULAS.values():
        assert cells.count(defused) == 2  # the action's responsible and the milestone's note


def problems_of(reports: dict, *, actions: bool) -> dict:
    return {path: [p.line() for p in r.problems][:3] for path, r in reports.items()
            if (path.endswith("actions.csv") == actions) and not r.ok}


def test_csv_export_imported_into_an_empty_database_gives_the_same_numbers(round_trip) -> None:
    original, fresh, reports = round_trip
    assert not problems_of(reports, actions=False)
    same_rows(original, fresh, "SELECT code, population, population_year, population_approx FROM municipality "
                               "WHERE NOT population_approx ORDER BY code")
    same_rows(original, fresh, "SELECT ed.name, e.municipality, e.year, e.sector, e.tco2e, e.estimated FROM emission e "
                               "JOIN edition ed ON ed.id = e.edition ORDER BY ALL")
    same_rows(original, fresh, "SELECT name, source, published FROM edition ORDER BY ALL")
    same_rows(original, fresh, "SELECT municipality, adopted, approved, baseline_year, baseline_tco2e, net_zero_year, "
                               "revision_due FROM plan ORDER BY ALL")
    same_rows(original, fresh, "SELECT * FROM plan_target ORDER BY ALL")
    same_rows(original, fresh, "SELECT municipality, kind, year, tco2e FROM scenario ORDER BY ALL")
    same_rows(original, fresh, "SELECT municipality, kind, due, done, note FROM milestone ORDER BY ALL")
    assert set(FORMULAS) <= set(fresh.query("SELECT note FROM milestone")["note"])  # the defusing ' taken off
    same_rows(original, fresh, "SELECT municipality, hazard, level, assessed_year, assessed_on, note FROM risk "
                               "ORDER BY ALL")
    # The newest edition is still the newest, so every page shows the same numbers.
    from dk2020dash import queries

    pd.testing.assert_frame_equal(queries.emission_totals(original), queries.emission_totals(fresh), check_exact=True)


def test_csv_export_round_trip_of_actions(round_trip) -> None:
    # Titles that differ only in brackets ("... (9 MW)", "... (12 MW)") are different actions.
    original, fresh, reports = round_trip
    assert not problems_of(reports, actions=True)
    same_rows(original, fresh, "SELECT municipality, title, sector, kind, status, start_date, end_date, expected_2030_t, "
                               "responsible, budget_dkk, last_updated FROM action ORDER BY ALL")
    assert set(FORMULAS) <= set(fresh.query("SELECT responsible FROM action")["responsible"])
    # The hazards adaptation actions address and their protection targets come back with them.
    same_rows(original, fresh, "SELECT a.municipality, a.title, h.hazard FROM action_hazard h "
                               "JOIN action a ON a.id = h.action_id ORDER BY ALL")
    same_rows(original, fresh, "SELECT a.municipality, a.title, p.kind, p.value FROM action_protection p "
                               "JOIN action a ON a.id = p.action_id ORDER BY ALL")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_password_hashes_never_leave_in_an_export(empty_store: Store, tmp_path: Path, fmt: str) -> None:
    from dk2020dash import auth

    auth.grant(empty_store, auth.cli_admin("test"), "lokal@kommune.dk", "admin", password="en-lang-adgangskode")
    stored = empty_store.query("SELECT password_hash FROM app_user").iloc[0, 0]
    assert stored.startswith("$argon2")
    tables.export_tables(empty_store, tmp_path / "ud", fmt)
    if fmt == "csv":
        exported = pd.read_csv(tmp_path / "ud" / "app_user.csv")
        blobs = b"".join(p.read_bytes() for p in (tmp_path / "ud").rglob("*") if p.is_file())
        assert stored.encode() not in blobs and b"$argon2" not in blobs
    elif fmt == "parquet":
        exported = pd.read_parquet(tmp_path / "ud" / "app_user.parquet")
    else:
        exported = pd.read_excel(tmp_path / "ud" / tables.XLSX_FILE, sheet_name="app_user")
    assert exported["email"].tolist() == ["lokal@kommune.dk"]  # the user is exported ...
    assert list(exported.columns) == ["email", "role", "granted_by", "granted_at", "idp_issuer", "idp_subject",
                                      "idp_bound_at"]  # ... never the hash
    assert not exported.astype(str).apply(lambda c: c.str.contains("argon2")).any().any()
    assert "password_hash" not in "\n".join(tables.readme_lines(fmt))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_an_export_without_accounts_has_no_account_rows(empty_store: Store, tmp_path: Path, fmt: str) -> None:
    """accounts=False (the app's download for anyone but an admin): app_user and app_user_scope empty, no audit row
    about them; with accounts (an admin, the CLI) they are there (issue 20, item 4)."""
    from dk2020dash import auth

    auth.grant(empty_store, auth.cli_admin("test"), "ed@kommune.dk", "editor", municipalities=["101"])

    def rows(folder: Path, table: str) -> pd.DataFrame:
        if fmt == "csv":
            return pd.read_csv(folder / f"{table}.csv")
        if fmt == "parquet":
            return pd.read_parquet(folder / f"{table}.parquet")
        return pd.read_excel(folder / tables.XLSX_FILE, sheet_name=table)

    for accounts, expected in ((False, 0), (True, 1)):
        folder = tmp_path / f"ud-{accounts}"
        tables.export_tables(empty_store, folder, fmt, accounts=accounts)
        assert len(rows(folder, "app_user")) == expected
        assert len(rows(folder, "app_user_scope")) == expected
        assert (len(rows(folder, "audit")) > 0) == accounts
