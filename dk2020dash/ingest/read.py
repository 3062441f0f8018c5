"""File bytes -> a table of text cells: CSV (; , or tab, UTF-8 with/without BOM or Windows-1252) or XLSX."""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import PurePath

import numpy as np
import pandas as pd

from dk2020dash.ingest.synonyms import fold

DELIMITERS = (";", "\t", ",")
SNIFF_LINES = 50
# What an XLSX sheet may hold: the import's row limit (importer.MAX_ROWS) plus title lines, a wide table's
# columns, and a bound on cells that keeps a read under about ten seconds.
XLSX_MAX_ROWS = 2_000_100
XLSX_MAX_COLUMNS = 1_000
XLSX_MAX_CELLS = 10_000_000
XLSX_MAX_UNPACKED = 2**30  # bytes; and at most XLSX_UNPACK_SLACK + XLSX_UNPACK_RATIO × the file's size
XLSX_UNPACK_SLACK = 100 * 2**20
XLSX_UNPACK_RATIO = 20
_NO_CELLS: list[object] = []  # shared by the empty rows of a sheet: never changed


class FileError(ValueError):
    """The file cannot be read as a table at all; the message says why in plain Danish."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row


@dataclass
class Table:
    """The cells of a file as written, with the line number each data row has in the file (header = row 1)."""

    frame: pd.DataFrame  # one column per header, values str (XLSX: numbers and dates as typed)
    rows: np.ndarray
    file_name: str
    headers: list[str]
    delimiter: str | None = None
    encoding: str | None = None


def is_xlsx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (BOM or not) strictly first, then Windows-1252; binary garbage refused."""
    if b"\x00" in data[:65536]:
        raise FileError("filen er ikke en tekstfil (CSV) eller et Excel-regneark (XLSX); den indeholder binære data")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileError("filen kan ikke læses som tekst i UTF-8 eller Windows-1252; gem den som CSV (UTF-8)") from exc
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > 0.01 * min(len(text), 65536) + 2:
        raise FileError("filen er ikke en tekstfil (CSV) eller et Excel-regneark (XLSX); den indeholder binære data")
    return text, "cp1252"


def _fields(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the header into the most columns and every sampled row into as many.

    csv.Sniffer guesses wrong on short files and on decimal commas, so count instead."""
    header = lines[0]
    sample = [ln for ln in lines[1:SNIFF_LINES] if ln.strip()]
    best, best_n = None, 1
    for d in DELIMITERS:
        n = len(_fields(header, d))
        if n <= best_n:
            continue
        if all(len(_fields(ln, d)) == n for ln in sample):
            best, best_n = d, n
    if best is None:
        counts = {d: len(_fields(header, d)) for d in DELIMITERS}
        split = max(counts, key=counts.get)
        if counts[split] > 1:
            bad = next((i for i, ln in enumerate(sample, start=2) if len(_fields(ln, split)) != counts[split]), None)
            raise FileError(
                f"rækkerne har ikke det samme antal kolonner som overskriften ({counts[split]} adskilt af "
                f"{_name(split)}); tjek skilletegnet, og at decimalkomma-tal står i anførselstegn, når "
                f"skilletegnet er komma", row=bad)
        raise FileError(
            "kan ikke finde kolonnerne: overskriften skal være adskilt af semikolon, komma eller tabulator "
            f"(fandt: {header[:80]!r})", row=1)
    return best


def _name(delimiter: str) -> str:
    return {";": "semikolon", ",": "komma", "\t": "tabulator"}[delimiter]


def read_text_grid(text: str) -> tuple[list[list[str]], str]:
    """All rows of a small CSV as lists of fields (population tables with title lines)."""
    lines = text.splitlines()
    content = [ln for ln in lines if ln.strip()]
    if not content:
        raise FileError("filen er tom")
    # Title lines above a Statbank table have one field, and header rows may be shorter than data rows:
    # the delimiter is the one that splits the most lines.
    sample = content[:SNIFF_LINES * 4]
    split = {d: sum(len(_fields(ln, d)) > 1 for ln in sample) for d in DELIMITERS}
    delimiter = max(DELIMITERS, key=lambda d: split[d])
    if not split[delimiter]:
        raise FileError("kan ikke finde kolonnerne: ingen linjer er adskilt af semikolon, komma eller tabulator")
    return [_fields(ln, delimiter) if ln.strip() else [] for ln in lines], delimiter


def read_table(data: bytes, file_name: str, sheet_hint: str = "") -> Table:
    """The file's header and rows as text (header = first non-empty row)."""
    suffix = PurePath(file_name).suffix.lower()
    if not data.strip():
        raise FileError("filen er tom", row=1)
    if is_xlsx(data):
        return read_xlsx(data, file_name, sheet_hint)
    if suffix in (".xlsx", ".xlsm"):
        hint = "; den ser ud til at være en CSV-tekstfil – omdøb den til .csv" if _looks_like_text(data) else ""
        raise FileError(f"filen hedder {suffix}, men er ikke et Excel-regneark{hint}", row=None)
    if suffix == ".xls":
        raise FileError("det gamle Excel-format .xls kan ikke læses; gem som .xlsx eller CSV")
    text, encoding = decode(data)
    lines = text.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        raise FileError("filen er tom", row=1)
    delimiter = detect_delimiter(lines[first:first + SNIFF_LINES])
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, na_filter=False,
                            skip_blank_lines=False, skiprows=first, engine="c", quotechar='"')
    except pd.errors.ParserError as exc:
        raise FileError(f"rækkerne har ikke samme antal kolonner som overskriften ({exc})") from exc
    except pd.errors.EmptyDataError as exc:
        raise FileError("filen er tom", row=1) from exc
    rows = np.arange(len(frame), dtype=np.int64) + first + 2
    if len(frame):
        blank = (frame == "").all(axis=1).to_numpy()
        if blank.any():
            frame, rows = frame[~blank].reset_index(drop=True), rows[~blank]
    headers = [str(c) for c in frame.columns]
    return Table(frame, rows, file_name, headers, delimiter, encoding)


def _looks_like_text(data: bytes) -> bool:
    try:
        decode(data)
        return True
    except FileError:
        return False


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (float, dt.date, dt.datetime)):
        return value
    return str(value)


def xlsx_grid(data: bytes, sheet_hint: str = "") -> list[list[object]]:
    """The rows of the workbook's sheet named like the kind, else its first sheet (rows as long as their last
    cell). A sheet beyond the limits is refused before its cells are read: by the size it declares, and, as a
    file may declare anything, again while reading."""
    import openpyxl

    _check_unpacked(data)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a broken zip or workbook has many exception types
        raise FileError(f"filen kan ikke åbnes som Excel-regneark ({type(exc).__name__})") from exc
    try:
        names = {fold(n): n for n in wb.sheetnames}
        sheet = wb[names[fold(sheet_hint)]] if fold(sheet_hint) in names else wb.worksheets[0]
        _check_size(sheet.max_row or 0, sheet.max_column or 0)
        # Read without the declared size: openpyxl would pad every row, even the missing ones, to its width.
        sheet.reset_dimensions()
        grid: list[list[object]] = []
        cells = 0
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
            _check_size(len(grid) + 1, len(row), cells)
            grid.append([_cell(v) for v in row] if row else _NO_CELLS)  # one list for every missing row
        return grid
    except FileError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet raises inside openpyxl's parser
        raise FileError(f"regnearket kan ikke læses ({type(exc).__name__})") from exc
    finally:
        wb.close()


def _check_size(rows: int, columns: int, cells: int = 0) -> None:
    if columns > XLSX_MAX_COLUMNS:
        raise FileError(f"regnearket har {columns:,} kolonner; højst {XLSX_MAX_COLUMNS:,} kan læses – slet de tomme "
                        "kolonner til højre for tabellen".replace(",", "."), row=rows if cells else None)
    if rows > XLSX_MAX_ROWS:
        raise FileError(f"regnearket har over {XLSX_MAX_ROWS:,} rækker; del filen op, eller slet de tomme rækker "
                        "under tabellen".replace(",", "."))
    if max(cells, rows * columns) > XLSX_MAX_CELLS:
        raise FileError(f"regnearket har over {XLSX_MAX_CELLS:,} celler ({rows:,} rækker × {columns:,} kolonner); "
                        "slet de tomme rækker og kolonner uden om tabellen, eller del filen op".replace(",", "."))


def _check_unpacked(data: bytes) -> None:
    """Count what the workbook's zip really unpacks to, in chunks, before openpyxl reads it (it holds the
    shared strings in memory): a zip bomb is refused, whatever sizes the zip's headers claim."""
    import zipfile

    limit = min(XLSX_MAX_UNPACKED, XLSX_UNPACK_SLACK + XLSX_UNPACK_RATIO * len(data))
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                with zf.open(info) as f:
                    while chunk := f.read(2**20):
                        total += len(chunk)
                        if total > limit:
                            raise FileError(f"regnearket fylder over {limit // 2**20} MB udpakket; det er for stort "
                                            "til at blive læst (eller ikke et almindeligt regneark)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, OSError) as exc:
        raise FileError(f"filen kan ikke åbnes som Excel-regneark ({type(exc).__name__})") from exc


def read_xlsx(data: bytes, file_name: str, sheet_hint: str = "") -> Table:
    grid = xlsx_grid(data, sheet_hint)
    first = next((i for i, r in enumerate(grid) if any(str(c).strip() for c in r)), None)
    if first is None:
        raise FileError("regnearket er tomt", row=1)
    header = [str(c).strip() for c in grid[first]]
    while header and header[-1] == "":
        header.pop()
    width = len(header)
    body = [(i + 1, r[:width] + [""] * (width - len(r))) for i, r in enumerate(grid[first + 1:], start=first + 1)
            if any(str(c).strip() for c in r)]
    frame = pd.DataFrame([r for _, r in body], columns=header, dtype=object) if body else pd.DataFrame(columns=header)
    rows = np.array([i for i, _ in body], dtype=np.int64)
    return Table(frame, rows, file_name, header, None, "xlsx")
