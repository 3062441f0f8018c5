"""The demo's climate adaptation: risk assessments and hazard-tagged adaptation actions."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from dk2020dash.demo.base import AREAS
from dk2020dash.demo.mitigation import _pick

# -- climate adaptation: risk assessments and hazard-tagged adaptation actions -------------------------
ADAPTATION_STREAM = 13

# Demo assumptions, invented for the example and not from any municipality's assessment: which municipalities
# have no sea coast (the rest do), which face the open North Sea or are small islands (erosion, storm surge),
# which are low-lying behind dikes, which have a town on a fjord, and which have a large river.
INLAND = frozenset({147, 151, 159, 161, 163, 165, 169, 175, 190, 201, 219, 240, 329, 340, 530, 575, 657, 661, 710,
                    740, 746, 756, 810, 840})
NORTH_SEA_OR_ISLAND = frozenset({400, 482, 492, 550, 561, 563, 573, 665, 741, 760, 787, 813, 825, 849, 860})
LOW_LYING = frozenset({155, 185, 360, 376, 550, 561, 563})
FJORD_TOWN = frozenset({101, 250, 259, 265, 316, 615, 621, 630, 730, 751, 779, 791, 846, 851})
BIG_RIVER = frozenset({370, 461, 550, 573, 630, 657, 661, 710, 730, 740, 756, 760, 791})
NO_RISK_ASSESSMENT = 187  # Vallensbæk: no assessment loaded, so pages show what that looks like

COASTAL_HAZARDS = ("stormflod", "havvandsstigning", "erosion")

# Hazard -> (title template, further hazards it also addresses, protection: (kind, values) or None).
ADAPTATION_TEMPLATES: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, tuple[float, ...]] | None], ...]] = {
    "skybrud": (("Skybrudssikring af {område}", (), ("return_period_years", (20.0, 50.0, 100.0))),
                ("Regnvandsbassin i {område}", (), ("return_period_years", (10.0, 20.0, 50.0))),
                ("Separatkloakering i {område}", (), None),
                ("Grønne tage på kommunale bygninger", ("hedeboelge",), None)),
    "stormflod": (("Højvandsdige ved {by}", ("havvandsstigning",), ("return_period_years", (100.0, 200.0, 1000.0))),
                  ("Højvandsmur i {by} Havn", (), ("buildings_protected", (120.0, 350.0, 900.0)))),
    "havvandsstigning": (("Hævet havnefront i {by}", ("stormflod",), ("buildings_protected", (80.0, 240.0, 600.0))),
                         ("Klimatilpasningsplan for kysten ved {by}", ("stormflod", "erosion"), None)),
    "grundvand": (("Dræn og pumper mod højt grundvand i {område}", (), ("buildings_protected", (40.0, 150.0, 400.0))),
                  ("Kortlægning af stigende grundvand", (), None)),
    "vandloeb": (("Oversvømmelsesarealer langs åen ved {by}", ("skybrud",), ("return_period_years", (20.0, 50.0, 100.0))),
                 ("Å-dige i {område}", (), ("buildings_protected", (30.0, 90.0, 250.0)))),
    "hedeboelge": (("Skygge og grønne byrum i {område}", (), None),
                   ("Køling af plejehjem og skoler", (), None)),
    "toerke": (("Vandbesparelse og regnvand til vanding", (), None),
               ("Tørkerobust beplantning i {område}", (), None)),
    "erosion": (("Sandfodring af kysten ved {by}", ("stormflod",), None),
                ("Kystsikring ved {by}", ("stormflod", "erosion"), ("return_period_years", (50.0, 100.0)))),
}
# How much each risk level draws adaptation actions to its hazard: high risks get most of them.
ACTION_PULL = {"lav": 0.2, "middel": 1.0, "hoej": 3.0, "meget_hoej": 5.0}


def _risk_levels(m, density: float) -> dict[str, int]:
    """Level rank 0-3 (lav .. meget høj) per hazard the municipality assessed, before noise."""
    coastal = m.code not in INLAND
    exposed = m.code in NORTH_SEA_OR_ISLAND
    west = m.lon < 9.3
    levels = {
        "skybrud": 3 if density > 2000 else 2 if density > 300 else 1,
        "hedeboelge": 2 if density > 2000 else 1 if density > 300 else 0,
        "grundvand": 2 if (m.code in LOW_LYING or west) else 1,
        "vandloeb": 2 if m.code in BIG_RIVER else 0 if density > 2000 else 1,
        "toerke": 2 if west and m.code not in INLAND else 2 if west else 1 if density < 300 else 0,
    }
    if coastal:
        levels["stormflod"] = 3 if (m.code in LOW_LYING or exposed) else 2 if m.code in FJORD_TOWN else 1
        levels["havvandsstigning"] = 3 if m.code in LOW_LYING else 2 if (exposed or m.code in FJORD_TOWN) else 1
        levels["erosion"] = 3 if exposed and west else 2 if exposed else 1 if m.area_km2 > 150 else 0
    return levels


def build_risks(munis: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """An invented risk assessment per municipality: coastal municipalities assess storm surge, sea level rise
    and erosion, dense ones have cloudburst and heat at the top, the west drought and groundwater; levels move
    one step up or down now and then, and a few assessments are old enough to be due again."""
    levels = ("lav", "middel", "hoej", "meget_hoej")
    rows = []
    for m in munis.itertuples():
        if m.code == NO_RISK_ASSESSMENT:
            continue
        density = float(m.population) / float(m.area_km2)
        year = int(rng.choice([2018, 2019, 2020, 2022, 2023, 2024, 2025], p=[0.05, 0.06, 0.07, 0.2, 0.27, 0.25, 0.1]))
        on = date(year, int(rng.integers(1, 13)), int(rng.integers(1, 29))) if rng.random() < 0.6 else None
        for hazard, rank in _risk_levels(m, density).items():
            step = int(rng.choice([-1, 0, 1], p=[0.12, 0.76, 0.12]))
            rank = min(3, max(0, rank + step))
            note = None
            if hazard in COASTAL_HAZARDS and rank >= 2:
                note = _pick(rng, ("Kortlagt med DMI's Klimaatlas (eksempeldata)",
                                   "Lavtliggende boligområder ved kysten (eksempeldata)"))
            elif hazard == "skybrud" and rank >= 2:
                note = "Skybrudskortlægning (eksempeldata)"
            rows.append({"municipality": m.code, "hazard": hazard, "level": levels[rank], "assessed_year": year,
                         "assessed_on": on, "note": note, "is_demo": True})
    df = pd.DataFrame(rows, columns=["municipality", "hazard", "level", "assessed_year", "assessed_on", "note",
                                     "is_demo"])
    df["assessed_on"] = pd.to_datetime(df["assessed_on"])
    return df


def tag_adaptation_actions(actions: pd.DataFrame, munis: pd.DataFrame, risks: pd.DataFrame,
                           rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Give each adaptation action a hazard of its municipality (mostly its high risks), a title that fits it,
    the hazards the title addresses and, for some, a protection target (return period or buildings)."""
    name_of = dict(zip(munis["code"], munis["name"], strict=True))
    assessed_by = {int(c): g for c, g in risks.groupby("municipality")}
    titles_by = {int(c): set(g) for c, g in actions.groupby("municipality")["title"]}
    titles = actions["title"].to_numpy(dtype=object).copy()
    hazard_rows, protection_rows = [], []
    adaptation = actions[actions["kind"] == "adaptation"]
    for code, group in adaptation.groupby("municipality", sort=True):
        assessed = assessed_by.get(int(code))
        if assessed is not None:
            hazards = assessed["hazard"].tolist()
            pull = np.array([ACTION_PULL[level] for level in assessed["level"]])
        else:  # no assessment: the usual urban worries
            hazards, pull = ["skybrud", "hedeboelge"], np.array([3.0, 1.0])
        taken = titles_by[int(code)]
        for pos, aid in zip(actions.index.get_indexer(group.index), group["id"], strict=True):
            hazard = str(rng.choice(hazards, p=pull / pull.sum()))
            options = ADAPTATION_TEMPLATES[hazard]
            template, also, protection = options[int(rng.integers(len(options)))]
            title = template.format(by=name_of[code], område=AREAS[int(rng.integers(len(AREAS)))])
            base, stage = title, 1
            while title in taken:
                stage += 1
                title = f"{base} – etape {stage}"
            taken.discard(titles[pos])
            taken.add(title)
            titles[pos] = title
            hazard_rows += [{"action_id": int(aid), "hazard": h} for h in sorted({hazard, *also})]
            if protection is not None and rng.random() < 0.7:
                kind, values = protection
                protection_rows.append({"action_id": int(aid), "kind": kind,
                                        "value": float(values[int(rng.integers(len(values)))])})
    return (actions.assign(title=titles), pd.DataFrame(hazard_rows, columns=["action_id", "hazard"]),
            pd.DataFrame(protection_rows, columns=["action_id", "kind", "value"]))
