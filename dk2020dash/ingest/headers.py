"""Column headers in Danish or English, case and spacing ignored, mapped to the canonical columns of a kind."""
from __future__ import annotations

from dk2020dash.errors import Phrase
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.synonyms import HEADERS, TARGET_HEADER, YEAR_HEADER, fold

_LOOKUP: dict[str, str] = {}
for _canon, _words in HEADERS.items():
    _LOOKUP.setdefault(fold(_canon), _canon)
    for _w in _words:
        _LOOKUP.setdefault(fold(_w), _canon)

# How a missing column is named in a message: the Danish header first, then the English one.
SHOWN: dict[str, str] = {
    "municipality": "kommune (municipality)", "year": "år (year)", "sector": "sektor (sector)",
    "tco2e": "ton (tonnes)", "estimated": "estimeret (estimated)", "adopted": "vedtaget (adopted)",
    "approved": "godkendt (approved)", "baseline_year": "basisår (baseline_year)",
    "baseline_tco2e": "basisudledning (baseline_tco2e)", "net_zero_year": "nettonul år (net_zero_year)",
    "revision_due": "revision (revision_due)", "kind": "type (kind)", "id": "id", "title": "titel (title)",
    "status": "status", "start": "start", "end": "slut (end)", "expected_2030_t": "forventet 2030 (expected_2030_t)",
    "responsible": "ansvarlig (responsible)", "budget_dkk": "budget (budget_dkk)",
    "last_updated": "opdateret (last_updated)", "note": "note", "due": "frist (due)", "done": "udført (done)",
    "hazard": "klimafare (hazard)", "level": "risiko (level)", "assessed": "vurderet (assessed)",
    "return_period_years": "gentagelsesperiode (return_period_years)",
    "buildings_protected": "beskyttede bygninger (buildings_protected)",
}


def canonical(header: str) -> str | None:
    return _LOOKUP.get(fold(header))


def year_of(header: str) -> int | None:
    """The year a wide layout's column stands for ("2023", "2023 (t)", "År 2023")."""
    key = fold(header).removeprefix("aar ").removeprefix("year ")
    return int(key) if YEAR_HEADER.fullmatch(key) else None


def target_year_of(header: str) -> int | None:
    m = TARGET_HEADER.fullmatch(fold(header))
    return int(m.group(2)) if m else None


def map_headers(headers: list[str], wanted: tuple[str, ...]) -> dict[str, str]:
    """Canonical column -> the file's header for it (the first one, if two mean the same)."""
    found: dict[str, str] = {}
    for h in headers:
        c = canonical(h)
        if c in wanted and c not in found:
            found[c] = h
    return found


def require(found: dict[str, str], required: tuple[str, ...], headers: list[str], problems: Problems) -> bool:
    """A problem naming every missing column and listing what the file has."""
    missing = [c for c in required if c not in found]
    if missing:
        problems.add(1, None, Phrase("imp.p.found_columns", columns=", ".join(h for h in headers if h.strip())),
                     "imp.p.columns", columns=", ".join(SHOWN.get(c, c) for c in missing))
    return not missing
