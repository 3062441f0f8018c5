"""Domain constants: the codes of sectors, statuses, regions, milestone kinds and hazards, and the thresholds every
metric uses. Codes only: their words (both languages) live in labels.py."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

YEAR_MIN, YEAR_MAX = 1990, 2100
# Every date a user or a file gives is bounded (CLI, forms, importers), so a typo cannot put an edition ahead of
# every later one or a milestone in year 1: what has happened (a milestone done, an edition published, a plan
# adopted or approved, a last update, a risk assessment) lies from DATE_MIN to a year past today (HAPPENED_AHEAD_YEARS:
# a file dated ahead by a few days or months is still taken); what is planned (an action's start and end, a due
# date, a plan's revision) from DATE_MIN to PLANNED_DATE_MAX, the years of YEAR_MIN..YEAR_MAX.
DATE_MIN = date(YEAR_MIN, 1, 1)
PLANNED_DATE_MAX = date(YEAR_MAX, 12, 31)
HAPPENED_AHEAD_YEARS = 1


def happened_range(today: date | None = None) -> tuple[date, date]:
    """The dates a thing that has happened may have: DATE_MIN to a year past today (28 February for 29 February)."""
    today = today or date.today()
    year = today.year + HAPPENED_AHEAD_YEARS
    return DATE_MIN, today.replace(year=year, day=28 if (today.month, today.day) == (2, 29) else today.day)


def planned_range() -> tuple[date, date]:
    """The dates a planned thing may have: DATE_MIN to PLANNED_DATE_MAX."""
    return DATE_MIN, PLANNED_DATE_MAX
TARGET_YEAR = 2030
NET_ZERO_YEAR = 2050

# Verdict thresholds on d = (F(2030) - T(2030)) / B, or without a trend (E(Y) - T(Y)) / B (DESIGN.md section 4).
ON_TRACK_MAX_D = 0.0
DEVIATING_MAX_D = 0.05

TREND_YEARS = 5  # least squares over the inventory years within the five calendar years ending at the latest ...
TREND_MIN_YEARS = 3  # ... at least three of them
TREND_HORIZON = 2100  # a trend that has not crossed zero by then "never" does

# An area's headline (verdict, forecast, pace) only when at least this share of its municipalities is assessed.
AREA_COVERAGE_MIN = 0.9
# Klimaloven's national target: 70 % below 1990 by 2030 (the frame the municipal plans contribute to).
NATIONAL_TARGET_2030 = 0.70

STALE_AFTER_DAYS = 365
DUE_SOON_DAYS = 60


@dataclass(frozen=True)
class Sector:
    code: str
    group: str  # one of SECTOR_GROUPS
    gpc: str  # GPC sector reference: I stationary energy, II transport, III waste, IV IPPU, V AFOLU
    can_be_negative: bool = False


SECTOR_GROUPS: tuple[str, ...] = ("energi", "transport", "landbrug", "lulucf", "affald", "industri")

SECTORS: tuple[Sector, ...] = (
    Sector("el", "energi", "I"),
    Sector("fjernvarme", "energi", "I"),
    Sector("individuel_opvarmning", "energi", "I"),
    Sector("procesenergi", "energi", "I"),
    Sector("vej", "transport", "II"),
    Sector("bane", "transport", "II"),
    Sector("soe", "transport", "II"),
    Sector("luftfart", "transport", "II"),
    Sector("maskiner", "transport", "II"),
    Sector("husdyr", "landbrug", "V"),
    Sector("marker", "landbrug", "V"),
    Sector("lulucf", "lulucf", "V", can_be_negative=True),
    Sector("deponi", "affald", "III"),
    Sector("biologisk", "affald", "III"),
    Sector("spildevand", "affald", "III"),
    Sector("industri", "industri", "IV"),
)
SECTOR_CODES: tuple[str, ...] = tuple(s.code for s in SECTORS)
SECTOR_BY_CODE: dict[str, Sector] = {s.code: s for s in SECTORS}


class ActionStatus(str, Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DELAYED = "delayed"
    PAUSED = "paused"
    CANCELLED = "cancelled"


ACTION_STATUSES: tuple[str, ...] = tuple(s.value for s in ActionStatus)
# The statuses an action is still open in: only those are followed up, so only those can be stale (completed and
# cancelled actions never are; metrics.followup.is_stale).
OPEN_STATUSES: tuple[str, ...] = ("planned", "in_progress", "delayed", "paused")
ACTION_KINDS: tuple[str, ...] = ("mitigation", "adaptation")

# How action statuses fall into the reduction bridge; cancelled counts for nothing.
BRIDGE_PARTS: tuple[str, ...] = ("secured", "in_progress", "planned", "at_risk")
BRIDGE_PART_OF_STATUS: dict[str, str | None] = {
    "completed": "secured",
    "in_progress": "in_progress",
    "planned": "planned",
    "delayed": "at_risk",
    "paused": "at_risk",
    "cancelled": None,
}

MILESTONE_KINDS: tuple[str, ...] = (
    "joined",  # joined DK2020
    "plan_approved",  # plan approved by CONCITO/C40
    "plan_adopted",  # plan adopted by the council
    "status_report",  # annual status report
    "plan_revision",  # plan revision, due five years after adoption
)
PLAN_REVISION_YEARS = 5
# A milestone's state on a day (metrics.followup.milestone_state).
MILESTONE_STATES: tuple[str, ...] = ("done", "overdue", "due_soon", "upcoming")

SCENARIO_KINDS: tuple[str, ...] = ("bau", "plan")

REGIONS: tuple[str, ...] = ("Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland")
REGION_CODES: dict[str, int] = {
    "Hovedstaden": 1084,
    "Sjælland": 1085,
    "Syddanmark": 1083,
    "Midtjylland": 1082,
    "Nordjylland": 1081,
}
DENMARK = "DK"  # the area code for the whole country; regions use their names
COHORTS: tuple[str, ...] = ("pilot_2019", "round_2020", "c40_own_plan", "2021_or_later")


class Verdict(str, Enum):
    ON_TRACK = "on_track"
    DEVIATING = "deviating"
    OFF_TRACK = "off_track"


VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)


# -- climate adaptation (klimatilpasning) ------------------------------------------------------------
# The climate hazards of a DK2020 plan's adaptation half (codes are the project's own).
HAZARD_CODES: tuple[str, ...] = (
    "skybrud", "stormflod", "havvandsstigning", "grundvand", "vandloeb", "hedeboelge", "toerke", "erosion",
)

# Risk levels of an assessment, lowest first (the order is the ranking).
RISK_LEVELS: tuple[str, ...] = ("lav", "middel", "hoej", "meget_hoej")
RISK_RANK: dict[str, int] = {level: i for i, level in enumerate(RISK_LEVELS)}
HIGH_RISK_LEVELS: tuple[str, ...] = ("hoej", "meget_hoej")  # what counts as a high risk
# An adaptation action covers a hazard once it is under way or done; planned, delayed, paused or cancelled
# actions do not (yet) protect anyone.
COVERING_STATUSES: tuple[str, ...] = ("in_progress", "completed")
# A risk assessment older than this (in years, by the year it was assessed) is due for reassessment: the same
# five years as a DK2020 plan's revision.
RISK_STALE_AFTER_YEARS = 5
# Protection targets an adaptation action may state: the return period it protects against (a 100-year event)
# and the number of buildings it protects.
PROTECTION_KINDS: tuple[str, ...] = ("return_period_years", "buildings_protected")

# -- ids -------------------------------------------------------------------------------------------------------
MAX_ID = 2**31 - 1  # the database's INTEGER ids


def parse_id(text: object) -> int | None:
    """A row id as written in a URL or on a command line (`?indsats=12`), or None when `text` is none: ASCII digits
    only (str.isdecimal alone lets "٣" through, str.isdigit "²", which int() refuses), at most MAX_ID."""
    raw = str(text).strip() if text is not None else ""
    if not raw or not raw.isascii() or not raw.isdecimal() or len(raw) > 12:
        return None
    value = int(raw)
    return value if value <= MAX_ID else None
