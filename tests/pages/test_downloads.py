"""Every table the result pages show can be downloaded as CSV and XLSX, with numbers and dates as such."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import queries
from dk2020dash.db.store import Store
from dk2020dash.exports import tables as export_tables
from dk2020dash.metrics.mitigation import Progress, assess_municipality
from dk2020dash.ui import tables
from dk2020dash.ui.context import Context
from tests.support import municipality_inputs, page


def open_page(name: str, **query: object) -> AppTest:
    return page(f"pages/{name}.py", timeout=60, **query)


def download_keys(at: AppTest) -> set[str]:
    return {b.key for b in at.get("download_button")}


@pytest.mark.parametrize(("name", "query", "names"), [
    ("overblik", {}, ["rangliste-danmark"]),
    ("overblik", {"area": "Region Sjælland"}, ["rangliste-region-sjaelland"]),
    ("kommune", {"kommune": "Aarhus"}, ["handlinger-aarhus", "milepaele-aarhus"]),
    ("sammenlign", {"kommuner": ["Aarhus", "Odense"]}, ["sammenligning"]),
])
def test_each_table_has_csv_and_xlsx_buttons(demo_env: Path, name: str, query: dict, names: list[str]) -> None:
    at = open_page(name, **query)
    assert not at.exception
    keys = download_keys(at)
    for name in names:
        assert {f"dl-{name}-csv", f"dl-{name}-xlsx"} <= keys


def context(store: Store, lang: str = "da") -> Context:
    return Context(lang=lang, area="DK", store=store, version=store.data_version())


def test_the_comparison_download_holds_progress_numbers(demo_store: Store) -> None:
    inputs = municipality_inputs(demo_store)
    today = date.today()
    rows = []
    for code, name in ((751, "Aarhus"), (825, "Læsø")):
        p = assess_municipality(inputs[code], today)
        ok = isinstance(p, Progress)
        rows.append({"code": code, "name": name, "verdict": p.verdict.value if ok else None,
                     "reduction": p.reduction if ok else None, "per_capita": p.per_capita if ok else None,
                     "manko": p.manko if ok else None, "latest_year": p.latest_year if ok else None,
                     "data_lag": p.data_lag if ok else None, "why": None if ok else "ingen opgørelse"})
    frame = tables.comparison_download(context(demo_store), pd.DataFrame(rows))
    aarhus = assess_municipality(inputs[751], today)
    first = frame.iloc[0]
    assert first["Reduktion siden basisår (%)"] == pytest.approx(aarhus.reduction * 100)
    assert first["Manko 2030 (t CO2e)"] == pytest.approx(aarhus.manko)
    assert first["Seneste år"] == aarhus.latest_year
    assert pd.isna(frame.iloc[1]["Reduktion siden basisår (%)"]) and frame.iloc[1]["Bemærkning"] == "ingen opgørelse"
    csv = export_tables.table_bytes(frame, "csv", "da").decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Kommune;Vurdering;Reduktion siden basisår (%)")
    assert f";{aarhus.latest_year};" in csv and "," in csv.splitlines()[1]  # decimal comma


def test_action_and_milestone_downloads_keep_real_dates(demo_store: Store) -> None:
    ctx = context(demo_store)
    actions = queries.actions(demo_store, [751])
    frame = tables.actions_frame(ctx, actions, date.today(), dates_as_text=False)
    assert all(isinstance(d, date) for d in frame["Sidst opdateret"])
    sheet = openpyxl.load_workbook(io.BytesIO(export_tables.table_bytes(frame, "xlsx"))).active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    column = header.index("Sidst opdateret")
    assert all(hasattr(row[column].value, "year") for row in sheet.iter_rows(min_row=2))
    milestones = queries.milestones(demo_store, [751])
    shown = tables.milestones_frame(ctx, milestones, date.today(), dates_as_text=False)
    assert all(isinstance(d, date) for d in shown["Frist"])
