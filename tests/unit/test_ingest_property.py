"""Property: any inventory written in any valid dialect imports back to exactly the numbers written."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dk2020dash.db.store import Store
from dk2020dash.domain import SECTORS
from dk2020dash.ingest import run_import
from tests.ingest_helpers import csv_text

MUNICIPALITIES = {101: "København", 751: "Aarhus", 169: "Høje-Taastrup", 580: "Aabenraa", 810: "Brønderslev",
                  430: "Faaborg-Midtfyn", 825: "Læsø", 492: "Ærø"}
SECTOR_WORDS = {"vej": ("vej", "Vejtransport", "Road transport"), "el": ("el", "El", "Electricity"),
                "husdyr": ("husdyr", "Husdyr", "Livestock"), "lulucf": ("lulucf", "Arealanvendelse (LULUCF)", "LULUCF"),
                "fjernvarme": ("fjernvarme", "Fjernvarme", "District heating")}
assert set(SECTOR_WORDS) <= {s.code for s in SECTORS}

_STORE: list[Store] = []


def store() -> Store:
    """One database for all examples: every import is a new edition and the newest is compared."""
    if not _STORE:
        s = Store(Path(tempfile.mkdtemp()) / "prop.duckdb")
        s.create()
        _STORE.append(s)
    return _STORE[0]


def written(n: int, decimals: int, style: str, thousands: str) -> str:
    """n / 10**decimals as a person would write it in the style, with the thousands separator."""
    sign = "-" if n < 0 else ""
    whole, frac = divmod(abs(n), 10 ** decimals)
    digits = f"{whole:d}"
    if thousands:
        groups = []
        while len(digits) > 3:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = thousands.join([digits, *groups])
    point = "," if style == "da" else "."
    return sign + digits + (f"{point}{frac:0{decimals}d}" if decimals else "")


@st.composite
def inventories(draw):
    keys = draw(st.sets(st.tuples(st.sampled_from(sorted(MUNICIPALITIES)), st.sampled_from(sorted(SECTOR_WORDS)),
                                  st.integers(1990, 2100)), min_size=1, max_size=25))
    style = draw(st.sampled_from(["da", "en"]))
    # A thousands separator that is also a decimal mark needs decimals in the file to settle which is which.
    thousands = draw(st.sampled_from(["", " ", "\u00a0", "." if style == "da" else ","]))
    decimals = draw(st.integers(1 if thousands in (".", ",") else 0, 2))
    values = {}
    for key in sorted(keys):
        low = -(10**(8 + decimals) - 1) if key[1] == "lulucf" else 0  # |t| <= 1e8 is the importer's limit
        values[key] = draw(st.integers(low, 10**(8 + decimals) - 1))
    return {
        "values": values, "style": style, "thousands": thousands, "decimals": decimals,
        "delimiter": draw(st.sampled_from([";", ",", "\t"])),
        "encoding": draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"])),
        "layout": draw(st.sampled_from(["long", "wide"])),
        "language": draw(st.sampled_from(["da", "en"])),
        "case": draw(st.sampled_from([str, str.upper, str.lower, str.title])),
        "names": draw(st.sampled_from(["code", "padded", "name"])),
        "sector_form": draw(st.integers(0, 2)),
    }


def render(inv: dict) -> bytes:
    heads = {"da": ("Kommune", "År", "Sektor", "Ton CO2e"), "en": ("Municipality", "Year", "Sector", "tonnes")}
    m_head, y_head, s_head, t_head = (inv["case"](h) for h in heads[inv["language"]])

    def muni(code: int) -> str:
        return {"code": str(code), "padded": f"{code:04d}", "name": MUNICIPALITIES[code]}[inv["names"]]

    def num(n: int) -> str:
        return written(n, inv["decimals"], inv["style"], inv["thousands"])

    sector = {s: words[inv["sector_form"]] for s, words in SECTOR_WORDS.items()}
    if inv["layout"] == "long":
        rows = [[m_head, y_head, s_head, t_head]]
        rows += [[muni(m), str(y), sector[s], num(n)] for (m, s, y), n in inv["values"].items()]
    else:
        years = sorted({y for _, _, y in inv["values"]})
        rows = [[m_head, s_head, *map(str, years)]]
        for m, s in sorted({(m, s) for m, s, _ in inv["values"]}):
            rows.append([muni(m), sector[s], *(num(inv["values"][(m, s, y)]) if (m, s, y) in inv["values"] else ""
                                               for y in years)])
    return csv_text(rows, inv["delimiter"]).encode(inv["encoding"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inventories())
def test_import_gives_back_exactly_the_numbers_written(inv: dict) -> None:
    s = store()
    report = run_import(s, "inventory", render(inv), "prop.csv")
    assert report.ok, report.problem_lines()
    if report.duplicate:  # hypothesis wrote the very same file twice
        return
    got = s.query("SELECT municipality, sector, year, tco2e FROM emission WHERE edition = "
                  "(SELECT max(id) FROM edition)")
    back = {(int(m), sec, int(y)): t for m, sec, y, t in got.itertuples(index=False)}
    expected = {k: n / 10 ** inv["decimals"] for k, n in inv["values"].items()}
    assert back == expected
