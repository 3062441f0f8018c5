"""Words and icons for codes, in Danish and English: one table per kind of code (code -> (Danish, English)),
and a small function per kind that gives the word in a page language.

This is the one home of a code's word: domain.py holds the codes (no words), the i18n string tables hold
phrases (which may take a word from here as a value), and exports/tables.py's column docs list the codes
with these words. Plain Python on the bottom floor: it imports nothing of the package, so every layer
(db/ included) may import it.
"""
from __future__ import annotations

from enum import Enum

Words = dict[str, tuple[str, str]]

# -- mitigation: verdicts, action statuses and kinds, the reduction bridge -------------------------------------
VERDICTS: Words = {
    "on_track": ("På rette vej", "On track"),
    "deviating": ("Afviger", "Deviating"),
    "off_track": ("Ikke på rette vej", "Off track"),
}
# A verdict is never shown by colour alone: an icon goes with its word.
VERDICT_ICONS: dict[str, str] = {"on_track": "✅", "deviating": "⚠️", "off_track": "❌"}

STATUSES: Words = {
    "planned": ("Planlagt", "Planned"),
    "in_progress": ("I gang", "In progress"),
    "completed": ("Gennemført", "Completed"),
    "delayed": ("Forsinket", "Delayed"),
    "paused": ("Sat på pause", "Paused"),
    "cancelled": ("Opgivet", "Cancelled"),
}

ACTION_KINDS: Words = {
    "mitigation": ("Reduktion", "Mitigation"),
    "adaptation": ("Tilpasning", "Adaptation"),
}

# The steps of the reduction bridge: the need, the four parts (domain.BRIDGE_PARTS), the manko, and the completed
# actions already in the inventory.
BRIDGE_PARTS: Words = {
    "need": ("Behov til 2030", "Needed by 2030"),
    "secured": ("Sikret (gennemført efter opgørelsesåret)", "Secured (completed after the inventory year)"),
    "in_progress": ("I gang", "In progress"),
    "planned": ("Planlagt", "Planned"),
    "at_risk": ("I fare (forsinket/pause)", "At risk (delayed/paused)"),
    "manko": ("Manko (udækket)", "Gap (uncovered)"),
    "beyond_need": ("Ud over behovet (tæller ikke)", "Beyond the need (counts nothing)"),
    "in_inventory": ("Allerede i opgørelsen (tæller ikke)", "Already in the inventory (counts nothing)"),
}

# The part of the bridge an action counts in as a change names it (metrics.changes.part_of: a bridge part, or
# "none" before it had a status, or "cancelled"): "moved from planlagt to i gang".
CHANGE_PARTS: Words = {
    "none": ("ingen (ny handling)", "none (new action)"),
    "secured": ("sikret", "secured"),
    "in_progress": ("i gang", "in progress"),
    "planned": ("planlagt", "planned"),
    "at_risk": ("i fare", "at risk"),
    "cancelled": ("opgivet", "cancelled"),
    "in_inventory": ("allerede i opgørelsen", "already in the inventory"),
}

SCENARIO_KINDS: Words = {
    "bau": ("Fremskrivning uden plan", "Projection without the plan"),
    "plan": ("Planens scenarie", "The plan's scenario"),
}

# -- milestones and cohorts ---------------------------------------------------------------------------------
MILESTONE_KINDS: Words = {
    "joined": ("Tilsluttet DK2020", "Joined DK2020"),
    "plan_approved": ("Plan godkendt (CONCITO/C40)", "Plan approved (CONCITO/C40)"),
    "plan_adopted": ("Plan vedtaget i byrådet", "Plan adopted by the council"),
    "status_report": ("Årlig statusrapport", "Annual status report"),
    "plan_revision": ("Revision af planen", "Plan revision"),
}

MILESTONE_STATES: Words = {
    "done": ("Udført", "Done"),
    "overdue": ("Overskredet", "Overdue"),
    "due_soon": ("Forfalder snart", "Due soon"),
    "upcoming": ("Kommende", "Upcoming"),
}
MILESTONE_ICONS: dict[str, str] = {"done": "✅", "overdue": "❌", "due_soon": "⏰", "upcoming": "📅"}

COHORTS: Words = {
    "pilot_2019": ("Pilot (2019)", "Pilot (2019)"),
    "round_2020": ("Runde 2020", "2020 round"),
    "c40_own_plan": ("C40-medlem med egen plan", "C40 member, own plan"),
    "2021_or_later": ("2021 eller senere", "2021 or later"),
}

# -- sectors ------------------------------------------------------------------------------------------------
SECTOR_GROUPS: Words = {
    "energi": ("Energi", "Energy"),
    "transport": ("Transport", "Transport"),
    "landbrug": ("Landbrug", "Agriculture"),
    "lulucf": ("Arealanvendelse (LULUCF)", "Land use (LULUCF)"),
    "affald": ("Affald og spildevand", "Waste and wastewater"),
    "industri": ("Industriprocesser og F-gasser", "Industrial processes and F-gases"),
}

SECTORS: Words = {
    "el": ("El", "Electricity"),
    "fjernvarme": ("Fjernvarme", "District heating"),
    "individuel_opvarmning": ("Individuel opvarmning", "Individual heating"),
    "procesenergi": ("Procesenergi", "Process energy"),
    "vej": ("Vejtransport", "Road transport"),
    "bane": ("Banetransport", "Rail"),
    "soe": ("Søfart", "Shipping"),
    "luftfart": ("Luftfart", "Aviation"),
    "maskiner": ("Ikke-vejgående maskiner", "Non-road machinery"),
    "husdyr": ("Husdyr", "Livestock"),
    "marker": ("Marker og gødning", "Fields and fertiliser"),
    "lulucf": ("Arealanvendelse (LULUCF)", "Land use (LULUCF)"),
    "deponi": ("Deponi", "Landfill"),
    "biologisk": ("Biologisk behandling", "Biological treatment"),
    "spildevand": ("Spildevand", "Wastewater"),
    "industri": ("Industriprocesser og F-gasser", "Industrial processes and F-gases"),
}

# -- climate adaptation -------------------------------------------------------------------------------------
HAZARDS: Words = {
    "skybrud": ("Skybrud", "Cloudburst"),
    "stormflod": ("Stormflod", "Storm surge"),
    "havvandsstigning": ("Havvandsstigning", "Sea level rise"),
    "grundvand": ("Grundvand", "Groundwater"),
    "vandloeb": ("Oversvømmelse fra vandløb", "River flooding"),
    "hedeboelge": ("Hedebølge", "Heatwave"),
    "toerke": ("Tørke", "Drought"),
    "erosion": ("Erosion", "Erosion"),
}

RISK_LEVELS: Words = {
    "lav": ("Lav", "Low"),
    "middel": ("Middel", "Medium"),
    "hoej": ("Høj", "High"),
    "meget_hoej": ("Meget høj", "Very high"),
}

PROTECTION_KINDS: Words = {
    "return_period_years": ("Gentagelsesperiode, år", "Return period, years"),
    "buildings_protected": ("Beskyttede bygninger", "Buildings protected"),
}

# -- who may do what (auth.py's roles; everyone not in app_user is a viewer) ------------------------------------
ROLES: Words = {
    "viewer": ("læser", "viewer"),
    "editor": ("redaktør", "editor"),
    "admin": ("administrator", "admin"),
}

# Every table of words, by the name of its kind (tests check each against its codes).
TABLES: dict[str, Words] = {
    "verdict": VERDICTS, "status": STATUSES, "action_kind": ACTION_KINDS, "bridge_part": BRIDGE_PARTS,
    "change_part": CHANGE_PARTS, "scenario_kind": SCENARIO_KINDS, "milestone_kind": MILESTONE_KINDS,
    "milestone_state": MILESTONE_STATES, "cohort": COHORTS, "sector_group": SECTOR_GROUPS, "sector": SECTORS,
    "hazard": HAZARDS, "risk_level": RISK_LEVELS, "protection_kind": PROTECTION_KINDS, "role": ROLES,
}
ICONS: dict[str, dict[str, str]] = {"verdict": VERDICT_ICONS, "milestone_state": MILESTONE_ICONS}


def _code(code: str | Enum) -> str:
    # A str-valued Enum (domain.Verdict, domain.ActionStatus) hashes by its name, not its value: look up the value.
    return code.value if isinstance(code, Enum) else code


def word(table: Words, code: str | Enum, lang: str) -> str:
    """The word for code in the language (Danish unless "en"); KeyError for a code the table does not know."""
    da, en = table[_code(code)]
    return en if lang == "en" else da


def word_or_code(table: Words, code: object, lang: str) -> str:
    """The word for a code that may be unknown (a value read from a file or an old row): the code itself then."""
    key = _code(code) if isinstance(code, (str, Enum)) else code
    return word(table, key, lang) if key in table else str(code)


def verdict(code: str | Enum, lang: str) -> str:
    return word(VERDICTS, code, lang)


def verdict_icon(code: str | Enum) -> str:
    return VERDICT_ICONS[_code(code)]


def status(code: str | Enum, lang: str) -> str:
    return word(STATUSES, code, lang)


def action_kind(code: str, lang: str) -> str:
    return word(ACTION_KINDS, code, lang)


def bridge_part(code: str, lang: str) -> str:
    return word(BRIDGE_PARTS, code, lang)


def change_part(code: str, lang: str) -> str:
    return word(CHANGE_PARTS, code, lang)


def scenario_kind(code: str, lang: str) -> str:
    return word(SCENARIO_KINDS, code, lang)


def milestone_kind(code: str, lang: str) -> str:
    return word(MILESTONE_KINDS, code, lang)


def milestone_state(code: str, lang: str) -> str:
    return word(MILESTONE_STATES, code, lang)


def milestone_icon(code: str) -> str:
    return MILESTONE_ICONS[code]


def cohort(code: str, lang: str) -> str:
    return word(COHORTS, code, lang)


def sector_group(code: str, lang: str) -> str:
    return word(SECTOR_GROUPS, code, lang)


def sector(code: str, lang: str) -> str:
    return word(SECTORS, code, lang)


def hazard(code: str, lang: str) -> str:
    return word(HAZARDS, code, lang)


def risk_level(code: str, lang: str) -> str:
    return word(RISK_LEVELS, code, lang)


def protection_kind(code: str, lang: str) -> str:
    return word(PROTECTION_KINDS, code, lang)


def role(code: str, lang: str) -> str:
    return word(ROLES, code, lang)
