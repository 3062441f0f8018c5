"""Danish and English numbers (1.234,5 and 1,234.5), read column-wise; ambiguous ones refused, never guessed."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dk2020dash.errors import Phrase
from dk2020dash.ingest.problems import Problems

# Spaces, no-break spaces and thin spaces are thousands separators in both styles.
_SPACES = "[ \t\u00a0\u202f\u2009]"
_SIGN = r"[+\-]?"  # a minus sign (U+2212) is made a hyphen first
NEUTRAL = rf"{_SIGN}\d+"
DEC_COMMA = rf"{_SIGN}\d+,\d+"
DEC_POINT = rf"{_SIGN}\d+\.\d+"
GROUP_POINT = rf"{_SIGN}\d{{1,3}}(\.\d{{3}})+(,\d+)?"
GROUP_COMMA = rf"{_SIGN}\d{{1,3}}(,\d{{3}})+(\.\d+)?"
# 1,234 and 1.234: a thousands group or three decimals; 0,234 can only be decimals.
AMBIG_COMMA = rf"{_SIGN}[1-9]\d{{0,2}},\d{{3}}"
AMBIG_POINT = rf"{_SIGN}[1-9]\d{{0,2}}\.\d{{3}}"

DA, EN = "da", "en"


@dataclass
class NumberStyle:
    """What the values of a file say about its number style: counts and an example of each."""

    da: int = 0
    en: int = 0
    da_example: tuple[int, str, str] | None = None  # (row, column, value)
    en_example: tuple[int, str, str] | None = None

    @property
    def style(self) -> str | None:
        if self.da and not self.en:
            return DA
        if self.en and not self.da:
            return EN
        return None


def _clean(values: pd.Series) -> pd.Series:
    arr = pa.array(values.astype("string[pyarrow]"))
    arr = pc.replace_substring_regex(arr, _SPACES, "")
    arr = pc.replace_substring(arr, "\u2212", "-")
    return pd.Series(arr, index=values.index, dtype="string[pyarrow]")


def classify(values: pd.Series, typed: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Boolean masks per class of written number (vectorised through Arrow's regex engine)."""
    s = _clean(values)

    arr = pa.array(s)

    def m(pattern: str) -> np.ndarray:  # Arrow's RE2 directly: pandas falls back to Python's re here
        hit = pc.match_substring_regex(arr, f"^(?:{pattern})$")
        return pc.fill_null(hit, False).to_numpy(zero_copy_only=False)

    neutral = m(NEUTRAL)
    rest = ~neutral
    amb_c = np.zeros(len(s), bool)
    amb_p = np.zeros(len(s), bool)
    da = np.zeros(len(s), bool)
    en = np.zeros(len(s), bool)
    if rest.any():
        amb_c, amb_p = m(AMBIG_COMMA), m(AMBIG_POINT)
        da = (m(DEC_COMMA) & ~amb_c) | (m(GROUP_POINT) & ~amb_p)
        en = (m(DEC_POINT) & ~amb_p) | (m(GROUP_COMMA) & ~amb_c)
    if typed is not None and typed.any():
        # Numbers typed into a spreadsheet cell carry no writing style: they are read as they are, and they
        # neither settle nor contradict the style of numbers written as text.
        neutral = neutral | typed
        da, en, amb_c, amb_p = (x & ~typed for x in (da, en, amb_c, amb_p))
    return {"neutral": neutral, "da": da, "en": en, "amb_comma": amb_c, "amb_point": amb_p, "clean": s}


def observe(style: NumberStyle, classes: dict[str, np.ndarray], values: pd.Series, rows: np.ndarray,
            column: str) -> None:
    """Add a column's evidence to the file's number style."""
    for key in (DA, EN):
        mask = classes[key]
        n = int(mask.sum())
        if not n:
            continue
        setattr(style, key, getattr(style, key) + n)
        if getattr(style, f"{key}_example") is None:
            i = int(np.flatnonzero(mask)[0])
            setattr(style, f"{key}_example", (int(rows[i]), column, str(values.iloc[i])))


def parse(values: pd.Series, classes: dict[str, np.ndarray], style: str | None, rows: np.ndarray, column: str,
          problems: Problems, *, integer: bool = False, required: bool = True) -> np.ndarray:
    """Floats from written numbers in the file's style; NaN (and a problem) where a value cannot be read.

    In a column of whole numbers (years, population) 1.234 and 1,234 can only be thousands.
    """
    arr = pa.array(classes["clean"])
    n = len(arr)
    empty = pc.fill_null(pc.equal(arr, ""), True).to_numpy(zero_copy_only=False)
    amb_c, amb_p = classes["amb_comma"], classes["amb_point"]
    none = np.zeros(n, bool)
    if integer:
        thousands_c, thousands_p = amb_c, amb_p
    else:
        thousands_c = amb_c if style == EN else none
        thousands_p = amb_p if style == DA else none
    as_da = classes["da"] | (amb_c & (style == DA)) | thousands_p
    as_en = classes["en"] | (amb_p & (style == EN)) | thousands_c
    if style == DA:
        as_en &= ~classes["en"]
    elif style == EN:
        as_da &= ~classes["da"]
    if integer:  # a decimal point or comma in a whole-number column is wrong in either style
        has_comma = pc.fill_null(pc.match_substring(arr, ","), False).to_numpy(zero_copy_only=False)
        has_point = pc.fill_null(pc.match_substring(arr, "."), False).to_numpy(zero_copy_only=False)
        as_da &= ~(classes["da"] & has_comma)
        as_en &= ~(classes["en"] & has_point)
    ok = classes["neutral"] | as_da | as_en
    if as_da.any():
        arr = pc.if_else(pa.array(as_da), pc.replace_substring(pc.replace_substring(arr, ".", ""), ",", "."), arr)
    if as_en.any():
        arr = pc.if_else(pa.array(as_en), pc.replace_substring(arr, ",", ""), arr)
    arr = pc.replace_substring_regex(arr, r"^\+", "")
    out = pc.cast(pc.if_else(pa.array(ok), arr, pa.scalar(None, pa.string())), pa.float64())
    out = out.to_numpy(zero_copy_only=False).astype(float)
    ambiguous = (amb_c | amb_p) & ~ok & ~integer
    problems.add_mask(ambiguous, rows, column, values, "imp.p.ambiguous")
    mixed = (classes["da"] & (style == EN)) | (classes["en"] & (style == DA))
    problems.add_mask(mixed & ~ambiguous, rows, column, values, "imp.p.same_style", style=_style_name(style))
    problems.add_mask(empty & required, rows, column, values, "imp.p.number_empty")
    bad = ~ok & ~empty & ~ambiguous & ~mixed
    problems.add_mask(bad, rows, column, values, "imp.p.integer" if integer else "imp.p.number")
    out[~ok] = np.nan
    return out


def _style_name(style: str | None) -> Phrase | str:
    return Phrase(f"imp.p.style.{style}") if style in (DA, EN) else ""


def mixed_style_problem(style: NumberStyle, problems: Problems) -> bool:
    """Refuse a file that writes numbers both the Danish and the English way."""
    if not (style.da and style.en):
        return False
    assert style.da_example and style.en_example
    (r1, c1, v1), (r2, c2, v2) = style.da_example, style.en_example
    problems.add(r1, c1, v1, "imp.p.one_style", r1=r1, r2=r2, c2=c2, v2=v2)
    return True
