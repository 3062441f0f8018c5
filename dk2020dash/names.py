"""Find a municipality from what a link or a person types: its code, its name in any case, or an old spelling."""
from __future__ import annotations

import re

import pandas as pd

_FOLD = str.maketrans({"å": "aa", "ø": "oe", "æ": "ae", "é": "e", "ö": "oe", "ä": "ae", "ü": "u"})
# Names from before 2007 or in common use; current names come from the municipality table.
ALIASES: dict[str, int] = {
    "copenhagen": 101, "kbh": 101, "koebenhavns": 101, "arhus": 751, "aarhus": 751, "elsinore": 217,
    "bornholms regionskommune": 400, "bornholms": 400, "broenderslev dronninglund": 810,
    "kongens lyngby": 173, "lyngby": 173, "nordfyns": 480, "vesthimmerlands": 820, "aeroe": 492,
}


def fold(text: str) -> str:
    """A spelling-tolerant key: case, Danish letters (Århus = Aarhus), hyphens, spaces, a trailing "kommune"."""
    t = str(text).strip().lower().translate(_FOLD)
    t = re.sub(r"[\s_\-–.,]+", " ", t).strip()
    return re.sub(r"\s+kommune$", "", t)


def resolve_municipality(munis: pd.DataFrame, text: str | int | None) -> int | None:
    """The code of the municipality `text` names (code, name or old spelling), or None when none matches."""
    if text is None:
        return None
    raw = str(text).strip()
    codes = set(munis["code"].astype(int))
    if raw.isdigit():
        return int(raw) if int(raw) in codes else None
    key = fold(raw)
    by_name = {fold(n): int(c) for c, n in zip(munis["code"], munis["name"])}
    code = by_name.get(key, ALIASES.get(key))
    return code if code in codes else None


def danish_sort_key(name: str) -> str:
    """Æ, Ø and Å after Z, as a Danish reader expects."""
    return name.lower().replace("æ", "{0").replace("ø", "{1").replace("å", "{2")
