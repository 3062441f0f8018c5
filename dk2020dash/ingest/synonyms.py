"""Tables of synonyms: column headers, sectors, municipalities' old spellings, statuses and kinds (Danish and English)."""
from __future__ import annotations

import re

# Canonical column -> header spellings (after fold(): lower case, å/ø/æ spelled aa/oe/ae, no punctuation).
HEADERS: dict[str, tuple[str, ...]] = {
    "municipality": ("kommune", "kommunekode", "kommunenr", "kommune nr", "kommunenummer", "kommunenavn",
                     "kommune kode", "kommune navn", "municipality", "municipality code", "municipality name",
                     "kode", "code", "omraade", "area", "lau"),
    "year": ("aar", "aarstal", "year", "opgoerelsesaar", "tid", "time"),
    "sector": ("sektor", "sector", "sektorkode", "sektor kode", "sector code", "kategori", "category",
               "emissionskilde", "kilde"),
    "tco2e": ("ton", "tons", "tonnes", "t", "tco2e", "t co2e", "ton co2e", "tons co2e", "tonnes co2e", "co2e",
              "udledning", "udledninger", "emission", "emissions", "vaerdi", "value", "maengde", "amount",
              "indhold", "co2e ton", "co2 ton"),
    "estimated": ("estimeret", "skoennet", "skoen", "estimated", "estimate", "anslaaet"),
    "adopted": ("vedtaget", "vedtaget dato", "vedtagelsesdato", "adopted", "adopted on", "date adopted"),
    "approved": ("godkendt", "godkendt dato", "approved", "approved on", "date approved", "godkendt af concito"),
    "baseline_year": ("basisaar", "basis aar", "baseline year", "referenceaar", "baseline aar"),
    "baseline_tco2e": ("basisaar udledning", "udledning basisaar", "basisudledning", "baseline tco2e",
                       "baseline", "baseline emissions", "basisaar tco2e", "basisaar ton"),
    "net_zero_year": ("netto nul aar", "nettonul aar", "nettonul", "netto nul", "net zero year", "net zero",
                      "klimaneutral aar", "klimaneutralitet"),
    "revision_due": ("revision", "revision due", "naeste revision", "revision senest", "revideres senest"),
    "kind": ("kind", "type", "art", "scenarie", "scenario", "milepael", "milestone", "slags"),
    "id": ("id", "nr", "handlings id", "handling id", "action id", "loebenr"),
    "title": ("titel", "title", "navn", "handling", "name", "action", "tiltag", "beskrivelse"),
    "status": ("status", "tilstand", "state"),
    "start": ("start", "startdato", "start dato", "start date", "begynder", "startaar"),
    "end": ("slut", "slutdato", "slut dato", "end", "end date", "afsluttes"),
    "expected_2030_t": ("expected 2030 t", "expected 2030", "forventet 2030", "forventet reduktion 2030",
                        "reduktion 2030", "effekt 2030", "expected reduction 2030", "forventet effekt 2030",
                        "expected 2030 tco2e"),
    "responsible": ("ansvarlig", "ansvar", "responsible", "owner", "ansvarlig enhed"),
    "budget_dkk": ("budget", "budget dkk", "budget kr", "budget i kr", "budget kroner"),
    "last_updated": ("opdateret", "sidst opdateret", "senest opdateret", "last updated", "updated", "ajourfoert"),
    "note": ("note", "bemaerkning", "kommentar", "comment", "notes"),
    "due": ("frist", "due", "deadline", "forfald", "forfaldsdato", "due date"),
    "done": ("udfoert", "done", "gennemfoert", "completed", "udfoert dato", "done date"),
    # climate adaptation: risks files, and the hazard and protection target columns of actions files
    "hazard": ("klimafare", "klimafarer", "fare", "farer", "hazard", "hazards", "climate hazard", "climate hazards",
               "klimahaendelse", "risikotype"),
    "level": ("risiko", "risikoniveau", "risiko niveau", "niveau", "risk", "risk level", "level", "klimarisiko",
              "risikovurdering", "vurdering"),
    "assessed": ("vurderet", "vurderet aar", "vurderet dato", "vurderingsaar", "vurderingsdato", "vurderet den",
                 "assessed", "assessed year", "assessed on", "assessment year", "assessment date", "year assessed",
                 "date assessed"),
    "return_period_years": ("return period years", "return period", "gentagelsesperiode", "gentagelsesperiode aar",
                            "returperiode", "beskyttelsesniveau", "beskyttelsesniveau aar", "sikret til aars haendelse",
                            "aars haendelse"),
    "buildings_protected": ("buildings protected", "beskyttede bygninger", "bygninger beskyttet", "antal bygninger",
                            "sikrede bygninger", "buildings"),
}

# Headers that name a target year: "mål 2030", "target_2030", "reduktion 2025 (%)".
TARGET_HEADER = re.compile(r"(maal|target|delmaal|reduktion|reduction|reduktionsmaal) (\d{4})")
YEAR_HEADER = re.compile(r"\d{4}")

# Sector code -> spellings used in spreadsheets and Energistyrelsen's tables, Danish and English.
SECTORS: dict[str, tuple[str, ...]] = {
    "el": ("el", "elforbrug", "elektricitet", "electricity", "power", "elproduktion", "energi el", "energi - el"),
    "fjernvarme": ("fjernvarme", "district heating", "energi fjernvarme", "kollektiv varme"),
    "individuel_opvarmning": ("individuel opvarmning", "individuel varme", "individual heating", "opvarmning",
                              "individuelle varmeanlaeg", "olie og gasfyr", "heating"),
    "procesenergi": ("procesenergi", "process energy", "erhvervenes energiforbrug", "industriens energiforbrug"),
    "vej": ("vej", "vejtransport", "vejtrafik", "transport vej", "road", "road transport", "vejgaaende transport",
            "biler", "transport - vej"),
    "bane": ("bane", "banetransport", "jernbane", "tog", "rail", "railway", "transport bane"),
    "soe": ("soe", "soefart", "skibsfart", "faerger", "shipping", "navigation", "transport soe"),
    "luftfart": ("luftfart", "fly", "aviation", "air", "transport luftfart"),
    "maskiner": ("maskiner", "ikke vejgaaende maskiner", "arbejdsmaskiner", "non road machinery", "non road",
                 "machinery", "entreprenoermaskiner"),
    "husdyr": ("husdyr", "landbrug husdyr", "livestock", "dyr", "husdyrhold", "enteric fermentation"),
    "marker": ("marker", "marker og goedning", "landbrug marker", "goedning", "fields", "fields and fertiliser",
               "fields and fertilizer", "afgroeder", "agricultural soils", "landbrug jorde"),
    "lulucf": ("lulucf", "arealanvendelse", "arealanvendelse lulucf", "land use", "land use lulucf",
               "kulstofjorde", "skov og jord", "arealer"),
    "deponi": ("deponi", "deponering", "landfill", "affald deponi"),
    "biologisk": ("biologisk", "biologisk behandling", "biological treatment", "kompost", "biogas",
                  "affald biologisk behandling"),
    "spildevand": ("spildevand", "wastewater", "waste water", "affald spildevand", "renseanlaeg"),
    "industri": ("industri", "industriprocesser", "industriprocesser og f gasser", "f gasser", "ippu",
                 "industrial processes", "industrial processes and f gases", "processer"),
}

# Old or alternative municipality names: names.ALIASES (one resolver for links and imports).

STATUSES: dict[str, tuple[str, ...]] = {
    "planned": ("planned", "planlagt", "planlagte", "ikke startet", "not started", "idé", "ide"),
    "in_progress": ("in progress", "in_progress", "i gang", "igang", "igangsat", "paabegyndt", "started", "ongoing",
                    "under udfoerelse", "i gang saat"),
    "completed": ("completed", "gennemfoert", "afsluttet", "faerdig", "done", "implemented", "udfoert",
                  "complete", "finished"),
    "delayed": ("delayed", "forsinket", "late", "behind"),
    "paused": ("paused", "sat paa pause", "paa pause", "pause", "pauseret", "on hold", "stillet i bero"),
    "cancelled": ("cancelled", "canceled", "opgivet", "annulleret", "droppet", "aflyst", "dropped", "stopped",
                  "stoppet"),
}

ACTION_KINDS: dict[str, tuple[str, ...]] = {
    "mitigation": ("mitigation", "reduktion", "co2 reduktion", "modvirkning", "drivhusgasreduktion", "reduction"),
    "adaptation": ("adaptation", "tilpasning", "klimatilpasning", "climate adaptation"),
}

SCENARIO_KINDS: dict[str, tuple[str, ...]] = {
    "bau": ("bau", "business as usual", "basisfremskrivning", "fremskrivning", "reference", "referencescenarie",
            "uden handling", "baseline scenario"),
    "plan": ("plan", "klimaplan", "planscenarie", "plan scenarie", "med plan", "handlingsplan", "scenario plan"),
}

MILESTONE_KINDS: dict[str, tuple[str, ...]] = {
    "joined": ("joined", "tilsluttet", "tilmeldt", "tilsluttet dk2020", "tilmeldt dk2020", "joined dk2020"),
    "plan_approved": ("plan approved", "plan_approved", "godkendt", "plan godkendt", "godkendelse",
                      "plan godkendt concito c40", "approved"),
    "plan_adopted": ("plan adopted", "plan_adopted", "vedtaget", "plan vedtaget", "vedtagelse",
                     "plan vedtaget i byraadet", "adopted"),
    "status_report": ("status report", "status_report", "statusrapport", "aarlig statusrapport",
                      "annual status report", "status"),
    "plan_revision": ("plan revision", "plan_revision", "revision", "revision af planen", "revideret plan"),
}

# Climate hazards (domain.HAZARDS) and risk levels (domain.RISK_LEVELS), Danish and English; labels spell themselves.
HAZARDS: dict[str, tuple[str, ...]] = {
    "skybrud": ("skybrud", "skybrudsregn", "kraftig regn", "ekstremregn", "ekstrem regn", "regnvand",
                "cloudburst", "cloud burst", "cloudbursts", "heavy rain", "extreme rain", "extreme rainfall",
                "pluvial flooding", "surface water flooding"),
    "stormflod": ("stormflod", "stormfloder", "hoejvande", "oversvoemmelse fra havet", "kystoversvoemmelse",
                  "storm surge", "storm surges", "storm flood", "coastal flooding", "coastal flood"),
    "havvandsstigning": ("havvandsstigning", "havvandsstigninger", "havspejlsstigning", "havniveaustigning",
                         "stigende havniveau", "stigende havvandstand", "sea level rise", "sea level", "rising sea",
                         "rising sea level", "sea level rising"),
    "grundvand": ("grundvand", "stigende grundvand", "hoejt grundvand", "hoejtstaaende grundvand",
                  "grundvandsstigning", "groundwater", "ground water", "rising groundwater", "high groundwater"),
    "vandloeb": ("vandloeb", "oversvoemmelse fra vandloeb", "oversvoemmelse fra aa", "oversvoemmelse fra aaer",
                 "vandloebsoversvoemmelse", "aaer", "aa", "river flooding", "river flood", "fluvial flooding",
                 "stream flooding", "flooding from streams", "river"),
    "hedeboelge": ("hedeboelge", "hedeboelger", "hede", "varmeboelge", "varmeboelger", "ekstrem varme",
                   "heatwave", "heatwaves", "heat wave", "heat waves", "heat", "extreme heat"),
    "toerke": ("toerke", "toerkeperioder", "vandmangel", "drought", "droughts", "dry spells"),
    "erosion": ("erosion", "kysterosion", "kystnedbrydning", "coastal erosion"),
}

RISK_LEVELS: dict[str, tuple[str, ...]] = {
    "lav": ("lav", "lille", "low", "small", "minor", "1"),
    "middel": ("middel", "mellem", "moderat", "medium", "moderate", "mid", "2"),
    "hoej": ("hoej", "stor", "high", "major", "3"),
    "meget_hoej": ("meget hoej", "meget_hoej", "meget stor", "kritisk", "very high", "critical", "severe", "4"),
}

ESTIMATED_TRUE = ("1", "ja", "j", "yes", "y", "true", "sand", "x", "estimeret", "skoennet", "estimated")
ESTIMATED_FALSE = ("", "0", "nej", "n", "no", "false", "falsk")

_FOLD = str.maketrans({"å": "aa", "ø": "oe", "æ": "ae", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})
_PUNCT = re.compile(r"[\s_\-–/.,:;]+")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def fold(text: str) -> str:
    """A spelling-tolerant key: case, Danish letters (Århus = Aarhus), hyphens, spacing and units in brackets."""
    t = _PARENS.sub(" ", str(text).replace("\ufeff", "")).lower().translate(_FOLD)
    t = t.replace("%", " ").replace("'", "").replace('"', "")
    return _PUNCT.sub(" ", t).strip()


def lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded spelling -> canonical code, for a synonyms table (the codes spell themselves too)."""
    out = {fold(code): code for code in table}
    for code, words in table.items():
        out.update({fold(w): code for w in words})
    return out
