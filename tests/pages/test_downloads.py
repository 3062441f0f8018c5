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


# -- accounts are an admin's (issue 20, item 4) ---------------------------------------------------------------
ADMIN, EDITOR = "admin@kommune.dk", "klima@aarhus.dk"


def account_rows(archive: bytes) -> dict[str, int]:
    """Rows of app_user, app_user_scope and of the audit about accounts in an export (CSV or Parquet) or backup."""
    import zipfile

    import duckdb

    out = {}
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        for table in ("app_user", "app_user_scope", "audit"):
            member = next(n for n in zf.namelist() if n.rsplit("/", 1)[-1].split(".")[0] == table
                          and not n.startswith("import/"))
            raw = zf.read(member)
            if member.endswith(".csv"):
                frame = pd.read_csv(io.BytesIO(raw), dtype=str)
            else:
                frame = duckdb.execute("SELECT * FROM read_parquet(?)", [_spill(raw)]).df()
            if table == "audit":
                frame = frame[frame["table_name"].isin(["app_user", "app_user_scope"])]
            out[table] = len(frame)
    return out


def _spill(raw: bytes) -> str:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".parquet", delete=False) as f:
        f.write(raw)
    return f.name


@pytest.fixture
def accounts_env(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    import shutil

    from dk2020dash import auth

    path = tmp_path / "konti.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("DK2020_DB", str(path))
    store = Store(path)
    admin = auth.cli_admin("test")
    auth.grant(store, admin, ADMIN, "admin", password="en-lang-adgangskode")
    auth.grant(store, admin, EDITOR, "editor", municipalities=["Aarhus"])
    return store


@pytest.mark.parametrize("who", [None, EDITOR, ADMIN])
def test_only_an_admins_downloads_hold_the_accounts(accounts_env: Store, monkeypatch: pytest.MonkeyPatch,
                                                    who: str | None) -> None:
    """The Data page's "Alle tabeller" (CSV, Parquet) and backup downloads, as a viewer, an editor and an admin: the
    data each button would hand out (its deferred callable, run as a click would)."""
    import streamlit as st

    from dk2020dash.ui.signin import SESSION_KEY

    made: dict[str, object] = {}
    real = st.download_button

    def recording(label, data=None, *args, key=None, **kwargs):
        made[key] = data
        return real(label, data, *args, key=key, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    at = page("pages/data.py", session={SESSION_KEY: who} if who else None, timeout=90)
    assert not at.exception
    stored = accounts_env.query(
        "SELECT (SELECT count(*) FROM app_user) AS app_user, (SELECT count(*) FROM app_user_scope) AS app_user_scope, "
        "(SELECT count(*) FROM audit WHERE table_name = 'app_user') AS audit").iloc[0].to_dict()
    assert stored["app_user"] == 2 and stored["app_user_scope"] == 1 and stored["audit"] >= 3
    expected = stored if who == ADMIN else {"app_user": 0, "app_user_scope": 0, "audit": 0}
    for key in ("export-csv", "export-parquet", "backup"):
        assert account_rows(made[key]()) == expected, key
