"""File bytes -> a table of text cells: CSV (; , or tab, UTF-8 with/without BOM or Windows-1252) or XLSX."""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import PurePath

import numpy as np
import pandas as pd

from dk2020dash.errors import Phrase, Rejected
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


class FileError(Rejected):
    """The file cannot be read as a table at all: an imp.file.* key and its values say why (errors.Refusal); `row` is
    where, when one row is to blame. The import turns it into a problem (importer.run_import)."""

    def __init__(self, key: str, /, row: int | None = None, **values: object):
        super().__init__(key, **values)
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
        raise FileError("imp.file.binary")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileError("imp.file.encoding") from exc
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > 0.01 * min(len(text), 65536) + 2:
        raise FileError("imp.file.binary")
    return text, "cp1252"


def _fields(line: str, delimiter: str, row: int | None = None) -> list[str]:
    """The fields of one line of the file (`row`, for the message); FileError for a field longer than the csv
    module's limit (131.072 characters), never its _csv.Error."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as exc:
        raise FileError("imp.file.field_too_long", row=row, count=csv.field_size_limit()) from exc


def detect_delimiter(lines: list[str], first_row: int = 1) -> str:
    """The delimiter that splits the header into the most columns and every sampled row into as many; `lines`
    start with the header, which is the file's row `first_row`.

    csv.Sniffer guesses wrong on short files and on decimal commas, so count instead."""
    header = lines[0]
    sample = [(first_row + i, ln) for i, ln in enumerate(lines[1:SNIFF_LINES], start=1) if ln.strip()]
    best, best_n = None, 1
    for d in DELIMITERS:
        n = len(_fields(header, d, first_row))
        if n <= best_n:
            continue
        if all(len(_fields(ln, d, row)) == n for row, ln in sample):
            best, best_n = d, n
    if best is None:
        counts = {d: len(_fields(header, d)) for d in DELIMITERS}
        split = max(counts, key=counts.get)
        if counts[split] > 1:
            bad = next((row for row, ln in sample if len(_fields(ln, split, row)) != counts[split]), None)
            raise FileError("imp.file.ragged", row=bad, n=counts[split], delimiter=_name(split))
        raise FileError("imp.file.no_header_columns", row=1, header=header[:80])
    return best


def _name(delimiter: str) -> Phrase:
    return Phrase("imp.file.delimiter." + {";": "semicolon", ",": "comma", "\t": "tab"}[delimiter])


def read_text_grid(text: str) -> tuple[list[list[str]], str]:
    """All rows of a small CSV as lists of fields (population tables with title lines)."""
    lines = text.splitlines()
    content = [ln for ln in lines if ln.strip()]
    if not content:
        raise FileError("imp.file.empty")
    # Title lines above a Statbank table have one field, and header rows may be shorter than data rows:
    # the delimiter is the one that splits the most lines.
    sample = content[:SNIFF_LINES * 4]
    split = {d: sum(len(_fields(ln, d, i)) > 1 for i, ln in enumerate(sample, start=1)) for d in DELIMITERS}
    delimiter = max(DELIMITERS, key=lambda d: split[d])
    if not split[delimiter]:
        raise FileError("imp.file.no_columns")
    return [_fields(ln, delimiter, i) if ln.strip() else [] for i, ln in enumerate(lines, start=1)], delimiter


# -- formula defusing: a CSV cell a spreadsheet would run as a formula gets a leading apostrophe ------------------
FORMULA_START = ("=", "+", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _needs_quote(text: str) -> bool:
    """Text a spreadsheet would run as a formula (=, +, @, tab, CR, or a - that is not a negative number such as
    -0,25), or text with a leading apostrophe that reading back would take for the defusing one."""
    return (text.startswith(FORMULA_START) or (text.startswith("-") and not _is_number(text))
            or (text.startswith("'") and _needs_quote(text[1:])))


def defused(value: object) -> object:
    """Excel runs a CSV cell that starts like a formula; a leading apostrophe makes it plain text. Used by every CSV
    the app writes (the per-table downloads, the full export and its import/ files); undefused is its inverse."""
    if isinstance(value, str) and _needs_quote(value):
        return "'" + value
    return value


def undefused(text: str) -> str:
    """A cell as it was before defused: the one apostrophe defused put in front is taken off (so an exported
    import/ file reads back exactly as the data it came from); any other text is left as it is."""
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


def _undefuse(frame: pd.DataFrame) -> pd.DataFrame:
    """Every defused cell of a CSV's frame read back (only cells with a leading apostrophe are looked at)."""
    for i in range(frame.shape[1]):
        col = frame.iloc[:, i]
        quoted = col.str.startswith("'").to_numpy(dtype=bool)
        if quoted.any():
            col = col.copy()
            col[quoted] = [undefused(v) for v in col[quoted]]
            frame.isetitem(i, col)
    return frame


def read_table(data: bytes, file_name: str, sheet_hint: str = "") -> Table:
    """The file's header and rows as text (header = first non-empty row)."""
    suffix = PurePath(file_name).suffix.lower()
    if not data.strip():
        raise FileError("imp.file.empty", row=1)
    if is_xlsx(data):
        return read_xlsx(data, file_name, sheet_hint)
    if suffix in (".xlsx", ".xlsm"):
        raise FileError("imp.file.not_xlsx_text" if _looks_like_text(data) else "imp.file.not_xlsx", suffix=suffix)
    if suffix == ".xls":
        raise FileError("imp.file.xls")
    text, encoding = decode(data)
    lines = text.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        raise FileError("imp.file.empty", row=1)
    delimiter = detect_delimiter(lines[first:first + SNIFF_LINES], first + 1)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, na_filter=False,
                            skip_blank_lines=False, skiprows=first, engine="c", quotechar='"')
    except pd.errors.ParserError as exc:
        raise FileError("imp.file.ragged_rows", detail=str(exc)) from exc
    except pd.errors.EmptyDataError as exc:
        raise FileError("imp.file.empty", row=1) from exc
    rows = np.arange(len(frame), dtype=np.int64) + first + 2
    if len(frame):
        blank = (frame == "").all(axis=1).to_numpy()
        if blank.any():
            frame, rows = frame[~blank].reset_index(drop=True), rows[~blank]
    headers = [str(c) for c in frame.columns]
    return Table(_undefuse(frame), rows, file_name, headers, delimiter, encoding)


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
        raise FileError("imp.file.xlsx_open", error=type(exc).__name__) from exc
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
        raise FileError("imp.file.xlsx_read", error=type(exc).__name__) from exc
    finally:
        wb.close()


def _check_size(rows: int, columns: int, cells: int = 0) -> None:
    if columns > XLSX_MAX_COLUMNS:
        raise FileError("imp.file.xlsx_columns", row=rows if cells else None, count=columns, max=XLSX_MAX_COLUMNS)
    if rows > XLSX_MAX_ROWS:
        raise FileError("imp.file.xlsx_rows", count=XLSX_MAX_ROWS)
    if max(cells, rows * columns) > XLSX_MAX_CELLS:
        raise FileError("imp.file.xlsx_cells", max=Phrase("n.cells", count=XLSX_MAX_CELLS),
                        rows=Phrase("n.rows", count=rows), columns=Phrase("n.columns", count=columns))


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
                            raise FileError("imp.file.xlsx_unpacked", mb=limit // 2**20)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, OSError) as exc:
        raise FileError("imp.file.xlsx_open", error=type(exc).__name__) from exc


def read_xlsx(data: bytes, file_name: str, sheet_hint: str = "") -> Table:
    grid = xlsx_grid(data, sheet_hint)
    first = next((i for i, r in enumerate(grid) if any(str(c).strip() for c in r)), None)
    if first is None:
        raise FileError("imp.file.sheet_empty", row=1)
    header = [str(c).strip() for c in grid[first]]
    while header and header[-1] == "":
        header.pop()
    width = len(header)
    body = [(i + 1, r[:width] + [""] * (width - len(r))) for i, r in enumerate(grid[first + 1:], start=first + 1)
            if any(str(c).strip() for c in r)]
    frame = pd.DataFrame([r for _, r in body], columns=header, dtype=object) if body else pd.DataFrame(columns=header)
    rows = np.array([i for i, _ in body], dtype=np.int64)
    return Table(frame, rows, file_name, header, None, "xlsx")
