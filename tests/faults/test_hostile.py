"""Hostile and careless input (issue 9, items 11-15): zip bombs and lying manifests, huge sheets, markdown
injection, formula cells in the full export, and server details kept from visitors."""
from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from dk2020dash.db.store import Store
from dk2020dash.exports import backup as bk
from tests.conftest import data_page_as_admin
from tests.support import page

MB = 2**20


def _members(backup: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(backup)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(files: dict[str, bytes], deflate: set[str] = frozenset()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED if name in deflate else zipfile.ZIP_STORED,
                        compresslevel=9 if name in deflate else None)
    return buf.getvalue()


@pytest.fixture(scope="module")
def good_backup(demo_db: Path) -> bytes:
    return bk.backup_bytes(Store(demo_db))


def _peak(fn) -> tuple[object, int]:
    """fn's result (or the exception it raised) and the peak memory Python allocated while it ran."""
    tracemalloc.start()
    try:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - the refusal is the result
            result = exc
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- 11: backup zips ---------------------------------------------------------------------------------------

def test_a_manifest_zip_bomb_is_refused_with_little_memory(good_backup: bytes) -> None:
    files = _members(good_backup)
    manifest = json.loads(files["manifest.json"])
    manifest["padding"] = " " * (400 * MB)  # valid JSON, 400 MB unpacked, ~400 KB packed
    files["manifest.json"] = json.dumps(manifest).encode()
    bomb = _zip(files, deflate={"manifest.json"})
    del files, manifest
    assert len(bomb) < 2 * MB
    err, peak = _peak(lambda: bk.check(bomb))
    assert isinstance(err, bk.BackupError) and err.reason == "not_ours" and "for stor" in str(err)
    assert peak < 40 * MB


def test_a_table_zip_bomb_is_refused_past_the_real_unpacked_size(good_backup: bytes) -> None:
    """The zip's header may lie about sizes; what comes out is counted, and reading stops past the cap."""
    files = _members(good_backup)
    bomb_table = b"\0" * (300 * MB)
    manifest = json.loads(files["manifest.json"])
    manifest["tables"]["emission"]["sha256"] = __import__("hashlib").sha256(bomb_table).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    files["tables/emission.parquet"] = bomb_table
    bomb = _zip(files, deflate={"tables/emission.parquet"})
    del files, bomb_table
    assert len(bomb) < 2 * MB
    err, peak = _peak(lambda: bk.check(bomb))
    assert isinstance(err, bk.BackupError) and err.reason == "too_big", err
    assert peak < 40 * MB


def _with_manifest(good: bytes, change) -> bytes:
    files = _members(good)
    manifest = json.loads(files["manifest.json"])
    change(manifest)
    files["manifest.json"] = json.dumps(manifest).encode()
    return _zip(files)


def _set(path: list[str], value):
    def change(m: dict) -> None:
        for key in path[:-1]:
            m = m[key]
        m[path[-1]] = value
    return change


WRONG = {
    "huge sequence": (["sequences", "edition_id"], 10**9),
    "negative sequence": (["sequences", "action_id"], -5),
    "sequence as text": (["sequences", "action_id"], "12"),
    "unknown sequence": (["sequences", "evil_seq"], 3),
    "sequences a list": (["sequences"], [1, 2]),
    "data version as text": (["data_version"], "7"),
    "data version a float": (["data_version"], 7.5),
    "data version a bool": (["data_version"], True),
    "schema version as text": (["schema_version"], "2"),
    "rows negative": (["tables", "plan", "rows"], -1),
    "rows a float": (["tables", "plan", "rows"], 3.0),
    "sha256 missing": (["tables", "plan", "sha256"], None),
    "an unknown table": (["tables", "users"], {"rows": 1, "sha256": "0" * 64}),
    "created a number": (["created"], 12345),
}


@pytest.mark.parametrize("case", list(WRONG))
def test_every_manifest_field_is_checked(case: str, good_backup: bytes) -> None:
    path, value = WRONG[case]
    bad = _with_manifest(good_backup, _set(path, value))
    with pytest.raises(bk.BackupError, match="intet er ændret") as err:
        bk.check(bad)
    assert err.value.reason == "damaged"


def test_a_huge_sequence_value_is_refused_before_the_database_is_touched(good_backup: bytes,
                                                                         demo_copy: Store) -> None:
    before = demo_copy.path.read_bytes()
    bad = _with_manifest(good_backup, _set(["sequences", "import_log_id"], 10**9))
    with pytest.raises(bk.BackupError, match="sequences"):
        bk.restore(demo_copy, bad)
    assert demo_copy.path.read_bytes() == before


def test_checking_a_good_backup_streams_it(good_backup: bytes) -> None:
    """The members are hashed in chunks, not held: memory does not grow with the backup."""
    manifest, peak = _peak(lambda: bk.check(good_backup))
    assert isinstance(manifest, dict) and manifest["app"] == bk.APP
    assert peak < 8 * MB


# -- the Data page: one read of an uploaded backup per file, not per rerun ------------------------------------


@pytest.fixture
def env(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    import shutil

    path = tmp_path / "page.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("DK2020_DB", str(path))
    return Store(path)


def test_the_data_page_reads_an_uploaded_backup_once_not_on_every_rerun(env: Store, good_backup: bytes,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    reads = []
    real = bk.verify
    monkeypatch.setattr(bk, "verify", lambda *a, **k: reads.append(1) or real(*a, **k))
    at = data_page_as_admin(env)
    at.file_uploader(key="restore-file-0").set_value(("b.zip", good_backup, "application/zip")).run()
    assert not at.exception
    assert [b for b in at.button if b.key == "restore-apply"]
    at.selectbox(key="imp-kind").set_value("actions").run()  # any other widget reruns the page
    at.run()
    assert not at.exception and [b for b in at.button if b.key == "restore-apply"]
    assert len(reads) == 1


# -- 12: XLSX sheets that are (or claim to be) huge ------------------------------------------------------------

def _xlsx(cells: dict[tuple[int, int], object], dimension: str | None = "keep") -> bytes:
    """A workbook with the given cells; dimension None removes the <dimension> element, a string replaces it."""
    import re

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for (row, col), value in cells.items():
        ws.cell(row=row, column=col, value=value)
    buf = io.BytesIO()
    wb.save(buf)
    if dimension == "keep":
        return buf.getvalue()
    files = _members(buf.getvalue())
    sheet = files["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r"<dimension [^>]*/>", "" if dimension is None else f'<dimension ref="{dimension}"/>', sheet)
    files["xl/worksheets/sheet1.xml"] = sheet.encode()
    return _zip(files, deflate=set(files))


HEADER = {(1, 1): "kommune", (1, 2): "år", (1, 3): "sektor", (1, 4): "ton", (2, 1): 101, (2, 2): 2024,
          (2, 3): "vej", (2, 4): 5.0}
FAR = {**HEADER, (200_000, 2_000): "x"}


@pytest.mark.parametrize("dimension", ["keep", None, "A1:D2"], ids=["declared", "no dimension", "lying dimension"])
def test_a_tiny_xlsx_with_a_far_cell_is_refused_before_its_cells_are_read(dimension: str | None) -> None:
    from dk2020dash.ingest.read import FileError, read_table

    data = _xlsx(FAR, dimension)
    assert len(data) < 10_000
    err, peak = _peak(lambda: read_table(data, "far.xlsx", "inventory"))
    assert isinstance(err, FileError), err
    assert "2.000 kolonner" in str(err) and "højst 1.000" in str(err)
    assert peak < 50 * MB


def test_a_lying_dimension_does_not_hide_rows() -> None:
    """openpyxl trusts <dimension> and drops the rows past it; the sheet is read whole (within the limits)."""
    from dk2020dash.ingest.read import read_table

    table = read_table(_xlsx({**HEADER, (3, 1): 751, (3, 2): 2024, (3, 3): "El", (3, 4): 7.0}, "A1:D2"),
                       "lie.xlsx", "inventory")
    assert table.frame["kommune"].tolist() == ["101", "751"]


def test_too_many_rows_are_refused_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from dk2020dash.ingest import read

    monkeypatch.setattr(read, "XLSX_MAX_ROWS", 100)
    with pytest.raises(read.FileError, match="over 100 rækker"):
        read.read_table(_xlsx({**HEADER, (5000, 1): 101}, None), "long.xlsx", "inventory")


def test_the_dry_run_of_a_far_cell_xlsx_is_a_clear_rejection(demo_copy: Store) -> None:
    from dk2020dash.ingest import run_import

    report, peak = _peak(lambda: run_import(demo_copy, "inventory", _xlsx(FAR), "far.xlsx", dry_run=True))
    assert not report.ok and "kolonner" in report.problems[0].expected
    assert peak < 50 * MB


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_reads_it() -> None:
    from dk2020dash.ingest.read import FileError, read_table

    files = _members(_xlsx(HEADER))
    files["xl/sharedStrings.xml"] = b" " * (300 * MB)
    bomb = _zip(files, deflate=set(files))
    del files
    err, peak = _peak(lambda: read_table(bomb, "bomb.xlsx", "inventory"))
    assert isinstance(err, FileError) and "udpakket" in str(err), err
    assert peak < 50 * MB


# -- 13: user and file text shows as typed, never as markdown --------------------------------------------------

EVIL = "[x](http://evil) ![i](http://evil/i.png) <script>alert(1)</script> :red[rød] www.evil.dk"


def _texts(at) -> list[str]:
    """Every piece of markdown the page rendered (markdown, captions, titles, alerts)."""
    kinds = ("markdown", "caption", "title", "header", "subheader", "warning", "info", "error", "success")
    return [str(e.value) for kind in kinds for e in getattr(at, kind)]


def _unescaped(text: str) -> list[str]:
    import re

    return re.findall(r"(?<!\\)\]\((?=http)|(?<!\\)<script|(?<!\\):red\[|(?<!\\)www\.", text)


def test_escape_keeps_the_text_and_defuses_markdown() -> None:
    from dk2020dash import i18n

    shown = i18n.literal(EVIL)
    assert not _unescaped(shown)
    assert shown.replace("\\", "") == EVIL  # each special character is escaped, nothing else is changed


def test_a_hostile_kommune_parameter_is_shown_as_text(env: Store) -> None:

    from dk2020dash import i18n

    at = page("pages/kommune.py", timeout=60, kommune=EVIL)
    assert not at.exception
    texts = _texts(at)
    assert not [t for t in texts if _unescaped(t)]
    assert any(i18n.literal(EVIL) in w for w in texts)


@pytest.mark.parametrize("path", ["pages/kommune.py", "pages/metode.py", "pages/datakvalitet.py"])
def test_a_hostile_edition_name_is_shown_as_text(env: Store, path: str) -> None:

    from dk2020dash import i18n
    from dk2020dash.ingest import run_import

    data = "kommune;år;sektor;ton\n101;2024;vej;1.234,5\n751;2024;El;99\n".encode()
    assert run_import(env, "inventory", data, "e.csv", edition_name=EVIL, who="test").written
    at = page(path, timeout=60, kommune="101")
    assert not at.exception
    texts = _texts(at)
    assert not [t for t in texts if _unescaped(t)]
    assert any(i18n.literal(EVIL) in t for t in texts), texts


# -- 14: the full CSV export defuses formula cells like the per-table downloads --------------------------------

FORMULAS = ["=HYPERLINK(\"http://evil\";\"klik\")", "+1+1", "-x+1", "@SUM(A1)", "-5"]


def test_the_full_csv_export_defuses_text_cells_and_keeps_negative_numbers(empty_store: Store,
                                                                          tmp_path: Path) -> None:
    import csv

    from dk2020dash.exports import tables
    from dk2020dash.ingest import run_import

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\n")
    writer.writerow(["kommune", "titel", "status", "ansvarlig", "forventet 2030"])
    writer.writerows([101, title, "planlagt", title, "25"] for title in FORMULAS)
    done = run_import(empty_store, "actions", buf.getvalue().encode(), "a.csv", who="=cmd|' /C calc'!A0")
    assert done.written, done.problems
    inventory = "kommune;år;sektor;ton\n101;2024;lulucf;-1234,5\n".encode()
    assert run_import(empty_store, "inventory", inventory, "=evil.csv", who="test").written
    tables.export_tables(empty_store, tmp_path / "out", "csv")
    with (tmp_path / "out" / "action.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    titles = sorted(r["title"] for r in rows)
    expected = sorted("'" + t if t != "-5" else t for t in FORMULAS)
    assert titles == expected
    assert sorted(r["responsible"] for r in rows) == expected
    assert {r["expected_2030_t"] for r in rows} == {"25.0"}
    with (tmp_path / "out" / "emission.csv").open(encoding="utf-8", newline="") as fh:
        assert [r["tco2e"] for r in csv.DictReader(fh)] == ["-1234.5"]  # negative numbers stay numbers
    with (tmp_path / "out" / "edition.csv").open(encoding="utf-8", newline="") as fh:
        assert [r["name"] for r in csv.DictReader(fh)] == ["'=evil"]
    with (tmp_path / "out" / "import_log.csv").open(encoding="utf-8", newline="") as fh:
        assert {r["who"] for r in csv.DictReader(fh)} == {"'=cmd|' /C calc'!A0", "test"}
    # the same rule as the per-table download
    import pandas as pd
    download = tables.table_bytes(pd.DataFrame({"t": FORMULAS}), "csv").decode("utf-8-sig")
    assert sorted(r[0] for r in list(csv.reader(io.StringIO(download), delimiter=";"))[1:]) == expected


# -- 15: no server paths or database error texts on a page ------------------------------------------------------

def _page(path: str, **query: str):

    return page(path, timeout=60, **query)


def test_a_broken_database_shows_a_plain_message_and_logs_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    from dk2020dash import i18n

    secret = tmp_path / "hemmelig-mappe" / "dk2020.duckdb"
    secret.parent.mkdir()
    secret.write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("DK2020_DB", str(secret))
    with caplog.at_level("ERROR", logger="dk2020dash"):
        at = _page("pages/overblik.py")
    assert not at.exception
    shown = " ".join(_texts(at))
    assert "hemmelig-mappe" not in shown and str(tmp_path) not in shown
    assert [e.value for e in at.error] == [i18n.t("error.store.plain", "da")]
    assert "hemmelig-mappe" in caplog.text  # the detail is in the server's log


def test_a_database_error_during_an_import_is_not_shown_raw(env: Store, monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    from dk2020dash import i18n, ingest
    from dk2020dash.errors import StoreError

    raw = "/srv/hemmelig/dk2020.duckdb: Constraint Error: Duplicate key \"id: 7\" violates primary key constraint"

    def broken(*args, **kwargs):
        path, detail = raw.split(": ", 1)
        raise StoreError("store.err.other", path=path, detail=detail)  # "{path}: {detail}", as raw

    monkeypatch.setattr(ingest, "run_import", broken)
    at = data_page_as_admin(env)
    at.file_uploader(key="imp-file").set_value(("e.csv", b"kommune;aar;sektor;ton\n101;2024;vej;5\n", "text/csv"))
    with caplog.at_level("ERROR", logger="dk2020dash"):
        at.run()
    assert not at.exception
    shown = " ".join(_texts(at))
    assert "hemmelig" not in shown and "Constraint" not in shown
    assert [e.value for e in at.error] == [i18n.t("error.store.plain", "da")]
    assert "Constraint Error" in caplog.text


# -- tidy: one resolver for municipality names -------------------------------------------------------------------

SPELLINGS = ["Taastrup", "Høje-Taastrup Kommune", "hoeje taastrup", "0169", "169 Høje-Taastrup", "Copenhagen",
             "Århus", "Kommune Aarhus", "Lyngby", "Ærø", "aero", "Bornholms Regionskommune", "Faaborg", "Ikast",
             "KØBENHAVNS KOMMUNE", "Gotham", "999"]


def test_links_and_imports_resolve_every_spelling_alike(demo_store: Store) -> None:
    from dk2020dash import names, queries
    from dk2020dash.ingest.common import Reference

    munis = queries.municipalities(demo_store)
    ref = Reference.load(demo_store)
    for text in [*SPELLINGS, *munis["name"]]:
        assert names.resolve_municipality(munis, text) == ref.code(text), text
    assert names.resolve_municipality(munis, "Taastrup") == 169


def test_a_kommune_link_with_an_old_name_the_importer_accepts_opens_the_municipality(env: Store) -> None:
    at = _page("pages/kommune.py", kommune="Taastrup")
    assert not at.exception
    assert not at.warning or all("findes ikke" not in w.value for w in at.warning)
    assert at.selectbox(key="kommune").value == 169
