"""Problems found in an import file: where (file, row, column), what was there and what was expected."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

MAX_PROBLEMS = 50  # listed in the report; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file; row numbers as the user sees them (header = row 1)."""

    file: str
    row: int | None
    column: str | None
    value: str
    expected: str

    def line(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.row, self.column) if x not in (None, ""))
        if not self.value:  # a file-level problem: the message says it all
            return f"{where}: {self.expected}"
        return f"{where}: {self.value} – forventet {self.expected}"


@dataclass
class Problems:
    """Collects problems cheaply: every one is counted, only the first MAX_PROBLEMS per check are kept."""

    file: str
    found: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, row: int | None, column: str | None, value: object, expected: str) -> None:
        self.total += 1
        if len(self.found) < 10 * MAX_PROBLEMS:
            self.found.append(Problem(self.file, row, column, _text(value), expected))

    def add_mask(self, mask: np.ndarray | pd.Series, rows: np.ndarray, column: str | None,
                 values: pd.Series | np.ndarray | None, expected: str) -> None:
        """One problem for every row where mask is true (vectorised checks end here)."""
        mask = np.asarray(mask, dtype=bool)
        n = int(mask.sum())
        if not n:
            return
        idx = np.flatnonzero(mask)[:MAX_PROBLEMS]
        vals = np.asarray(values, dtype=object)[idx] if values is not None else [""] * len(idx)
        for i, v in zip(idx, vals, strict=True):
            self.found.append(Problem(self.file, int(rows[i]), column, _text(v), expected))
        self.total += n

    def __bool__(self) -> bool:
        return self.total > 0

    def first(self) -> list[Problem]:
        """The problems to show, in file order, at most MAX_PROBLEMS."""
        return sorted(self.found, key=lambda p: (p.row or 0, p.column or ""))[:MAX_PROBLEMS]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."
