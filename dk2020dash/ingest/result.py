"""What an import found and would change (the preview) and what it did: ImportResult and Summary."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from dk2020dash import i18n
from dk2020dash.errors import render
from dk2020dash.ingest.problems import Problem


@dataclass
class ImportJob:
    """Facts about one import that every kind's writer needs."""

    kind: str
    file_name: str
    sha256: str
    who: str
    today: dt.date
    edition_name: str | None = None
    source: str | None = None
    published: dt.date | None = None
    into_edition: str | None = None  # inventory: add the rows to this existing edition as a correction


@dataclass
class Summary:
    """What the import changes: counts, per municipality, demo rows removed, status changes."""

    kind: str
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    replaced: int = 0  # existing rows of the municipalities in the file that the file replaces
    demo_removed: int = 0
    edition: str | None = None
    municipalities: pd.DataFrame = field(default_factory=pd.DataFrame)  # code, name, rows, ...
    status_changes: pd.DataFrame = field(default_factory=pd.DataFrame)  # municipality, title, old, new
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (i18n key, values) about special cases
    correction: bool = False  # inventory: the rows go into the existing edition `edition`, replacing its own
    headlines: pd.DataFrame = field(default_factory=pd.DataFrame)  # inventory: per municipality, before -> after
    warnings: list[tuple[str, dict]] = field(default_factory=list)  # (i18n key, values) the user should weigh
    # inventory: municipalities not in the file whose figures are demo rows only, so the import leaves them none
    losing: tuple[int, ...] = ()

    # A value may be an errors.Phrase: written in the same language (render).
    def warning_texts(self, lang: str = "da") -> list[str]:
        return [render(key, lang, values) for key, values in self.warnings]

    def note_texts(self, lang: str = "da") -> list[str]:
        return [render(key, lang, values) for key, values in self.notes]

    def lines(self) -> list[str]:
        """The summary in Danish, one fact per line (CLI output and the import log message)."""
        rows = lambda n: i18n.t("n.rows", "da", count=n)  # noqa: E731 - "1 række", "2 rækker"
        out = [f"{rows(self.rows)} ({self.kind}) fra {i18n.t('n.municipalities', 'da', count=len(self.municipalities))}"]
        if self.edition:
            out.append(f"rettelse af udgaven: {self.edition}" if self.correction
                       else f"ny udgave af opgørelsen: {self.edition}")
        out.append(f"nye: {self.added}, ændrede: {self.changed}, uændrede: {self.unchanged}"
                   + (f", erstattede eksisterende rækker: {self.replaced}" if self.replaced else ""))
        if self.demo_removed:
            out.append(f"eksempeldata (demo) af denne slags fjernes: {rows(self.demo_removed)}")
        if len(self.status_changes):
            out.append(f"statusændringer: {len(self.status_changes)} (hver gemmes som hændelse)")
        return out + self.note_texts("da") + [f"advarsel: {w}" for w in self.warning_texts("da")]


@dataclass
class ImportResult:
    """The outcome of run_import: ok, problems (first 50 + count of the rest), rows, summary, duplicate."""

    kind: str
    file_name: str
    sha256: str
    ok: bool = False
    written: bool = False
    dry_run: bool = False
    duplicate: bool = False
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    more_problems: int = 0  # problems beyond the listed ones
    summary: Summary | None = None
    preview: pd.DataFrame = field(default_factory=pd.DataFrame)  # the first rows as parsed
    message: str = ""
    data_key: str = ""  # the data (Store.data_key) the summary was made on; an apply passes it as expect_data_key

    def problem_frame(self, lang: str = "da") -> pd.DataFrame:
        """The listed problems as a table in the language: row, column, value and what was expected."""
        return pd.DataFrame([(p.row, p.column, p.value_text(lang), p.expected_text(lang)) for p in self.problems],
                            columns=["row", "column", "value", "expected"])

    def problem_lines(self, lang: str = "da") -> list[str]:
        """One line per listed problem (file:row:column: value – expected ...), Danish by default (the CLI)."""
        lines = [p.line(lang) for p in self.problems]
        if self.more_problems:
            lines.append(i18n.t("imp.line.more", lang, count=self.more_problems))
        return lines
