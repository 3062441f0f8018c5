"""Dates in ISO (2025-03-01) or Danish (01-03-2025, 1.3.2025) form; anything else is refused."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dk2020dash.domain import planned_range
from dk2020dash.ingest.problems import Problems

_ISO = r"\d{4}-\d{1,2}-\d{1,2}"
_DK_DASH = r"\d{1,2}-\d{1,2}-\d{4}"
_DK_DOT = r"\d{1,2}\.\d{1,2}\.\d{4}"


def parse_dates(values: pd.Series, rows: np.ndarray, column: str, problems: Problems, *,
                required: bool = False, within: tuple[dt.date, dt.date] | None = None) -> pd.Series:
    """datetime64 values (NaT where empty); a problem for every value in another form or not a real day, or outside
    `within` (first and last day allowed; default domain.planned_range(), domain.happened_range() for what has
    happened)."""
    typed = values.map(lambda v: isinstance(v, (dt.date, dt.datetime, pd.Timestamp)))
    s = values.where(~typed, "").astype("string[pyarrow]").str.strip().fillna("")
    s = s.str.replace(r"[T ]00:00:00$", "", regex=True)
    # Parsed in seconds, which hold any year 1-9999 (pandas 3 keeps a day outside datetime64[ns], before 1677 or
    # after 2262, in a coarser unit, which a nanosecond series refuses); every day outside `within` is then refused,
    # so what is returned fits nanoseconds.
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[s]")
    for pattern, fmt in ((_ISO, "%Y-%m-%d"), (_DK_DASH, "%d-%m-%Y"), (_DK_DOT, "%d.%m.%Y")):
        mask = s.str.fullmatch(pattern).fillna(False)
        if mask.any():
            out[mask] = pd.to_datetime(s[mask], format=fmt, errors="coerce").astype("datetime64[s]")
    if typed.any():
        out[typed] = pd.to_datetime(values[typed]).dt.normalize().astype("datetime64[s]")
    empty = (s == "") & ~typed
    bad = (out.isna() & ~empty).to_numpy(dtype=bool)
    problems.add_mask(bad, rows, column, values, "imp.p.date")
    low, high = within or planned_range()
    outside = (out.notna() & ((out < pd.Timestamp(low)) | (out > pd.Timestamp(high)))).to_numpy(dtype=bool)
    problems.add_mask(outside, rows, column, values, "imp.p.date_range", low=low.isoformat(),
                      high=high.isoformat())
    out[outside] = pd.NaT
    out = out.astype("datetime64[ns]")
    if required:
        problems.add_mask(empty.to_numpy(dtype=bool), rows, column, values, "imp.p.date_empty")
    return out
