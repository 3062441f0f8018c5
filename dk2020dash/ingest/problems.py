"""Problems found in an import file: where (file, row, column), what was there and what was expected. What was
expected is an i18n key (imp.p.* or, for a file that cannot be read at all, imp.file.*) with its values, so the same
problem reads in Danish (the CLI, the import log) and in English (the English Data page)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dk2020dash import i18n
from dk2020dash.errors import Escape, Text, render

MAX_PROBLEMS = 50  # listed in the report; the rest are counted


class Listed(Text):
    """The words of a labels table as a list in the message's language (or, other=True, in the other one), lower
    case: "lav, middel, høj eller meget høj"; with other=True, commas only: "(low, medium, high, very high)"."""

    def __init__(self, words: Mapping[str, tuple[str, str]], *, other: bool = False):
        self.words = words
        self.other = other

    def text(self, lang: str = i18n.DEFAULT_LANGUAGE, escape: Escape | None = None) -> str:
        shown = [w[1 if (lang == "en") != self.other else 0].lower() for w in self.words.values()]
        last = ", " if self.other else f" {i18n.t('imp.p.or', lang)} "
        return ", ".join(shown[:-1]) + last + shown[-1]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file; row numbers as the user sees them (header = row 1). `value` is the cell as the
    file has it, or a Text where the problem describes the file instead (the columns it has, its size)."""

    file: str
    row: int | None
    column: str | None
    value: str | Text
    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def expected_text(self, lang: str = i18n.DEFAULT_LANGUAGE, escape: Escape | None = None) -> str:
        """What the file should hold there, in the language."""
        return render(self.key, lang, self.values, escape)

    @property
    def expected(self) -> str:
        """What was expected, in Danish."""
        return self.expected_text()

    def value_text(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        return self.value.text(lang) if isinstance(self.value, Text) else self.value

    def line(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        """file:row:column: value – expected ... (Danish for the CLI and the import log)."""
        where = ":".join(str(x) for x in (self.file, self.row, self.column) if x not in (None, ""))
        value = self.value_text(lang)
        if not value:  # a file-level problem: the message says it all
            return i18n.t("imp.line.file", lang, where=where, expected=self.expected_text(lang))
        return i18n.t("imp.line", lang, where=where, value=value, expected=self.expected_text(lang))


@dataclass
class Problems:
    """Collects problems cheaply: every one is counted, only the first MAX_PROBLEMS per check are kept."""

    file: str
    found: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, row: int | None, column: str | None, value: object, key: str, /, **values: object) -> None:
        """One problem: what expected says is the i18n key `key` filled with `values`."""
        self.total += 1
        if len(self.found) < 10 * MAX_PROBLEMS:
            self.found.append(Problem(self.file, row, column, _text(value), key, values))

    def add_mask(self, mask: np.ndarray | pd.Series, rows: np.ndarray, column: str | None,
                 cells: pd.Series | np.ndarray | None, key: str, /, **values: object) -> None:
        """One problem for every row where mask is true (vectorised checks end here)."""
        mask = np.asarray(mask, dtype=bool)
        n = int(mask.sum())
        if not n:
            return
        idx = np.flatnonzero(mask)[:MAX_PROBLEMS]
        vals = np.asarray(cells, dtype=object)[idx] if cells is not None else [""] * len(idx)
        for i, v in zip(idx, vals, strict=True):
            self.found.append(Problem(self.file, int(rows[i]), column, _text(v), key, values))
        self.total += n

    def __bool__(self) -> bool:
        return self.total > 0

    def first(self) -> list[Problem]:
        """The problems to show, in file order, at most MAX_PROBLEMS."""
        return sorted(self.found, key=lambda p: (p.row or 0, p.column or ""))[:MAX_PROBLEMS]


def _text(value: object) -> str | Text:
    if isinstance(value, Text):
        return value
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."
