"""Issue 14, speed of every page: a warm rerun (same data, language and choices) serves what the first run made and
computes nothing again; new data makes it anew. Counted in the process, so the tests do not depend on the clock."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
import streamlit.dataframe_util as dataframe_util
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n
from dk2020dash.db.store import Store
from dk2020dash.metrics import mitigation
from dk2020dash.metrics.followup import milestone_state
from dk2020dash.ui import loaders
from dk2020dash.ui.tables import milestone_states
from tests.support import page


@pytest.fixture
def counted(demo_copy: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Counter:
    """The demo copy as the app's database; counts of assessments, Altair charts, Babel calls and the Arrow
    conversions of chart data (lists of rows: st.dataframe's frames are not counted)."""
    monkeypatch.setenv("DK2020_DB", str(demo_copy.path))
    calls: Counter = Counter()

    def counting(name: str, fn):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(mitigation, "assess_municipality", counting("assess", mitigation.assess_municipality))
    monkeypatch.setattr(mitigation, "assess_area", counting("assess", mitigation.assess_area))
    monkeypatch.setattr(loaders, "assess_municipality", counting("assess", mitigation.assess_municipality))
    monkeypatch.setattr(alt.TopLevelMixin, "to_dict", counting("altair", alt.TopLevelMixin.to_dict))
    monkeypatch.setattr(i18n, "format_decimal", counting("babel", i18n.format_decimal))
    monkeypatch.setattr(i18n, "format_percent", counting("babel", i18n.format_percent))
    arrow = dataframe_util.convert_anything_to_arrow_bytes
    monkeypatch.setattr(dataframe_util, "convert_anything_to_arrow_bytes",
                        lambda data, *a, **k: (calls.update(["chart arrow"]) if isinstance(data, list) else None)
                        or arrow(data, *a, **k))
    return calls


def open_page(path: str, **query: str) -> AppTest:
    at = page(path, timeout=120, **query)
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("path, query", [
    ("pages/overblik.py", {}), ("pages/overblik.py", {"area": "Region Midtjylland", "lang": "English"}),
    ("pages/kommune.py", {"kommune": "Aarhus"}), ("pages/sammenlign.py", {}), ("pages/indsatser.py", {}),
    ("pages/kort.py", {}),
])
def test_a_warm_rerun_assesses_charts_and_formats_nothing_again(counted: Counter, path: str,
                                                               query: dict[str, str]) -> None:
    at = open_page(path, **query)
    at.run()  # the first run through app.py: every cache filled
    counted.clear()
    at.run()
    assert not at.exception
    assert counted == Counter(), f"{path} computed again on a warm rerun: {dict(counted)}"


def test_new_data_is_assessed_and_shown_at_once(counted: Counter, demo_copy: Store) -> None:
    at = open_page("pages/overblik.py")
    at.run()
    before = [m.value for m in at.metric]
    with demo_copy.transaction() as con:  # København's newest emissions doubled: Denmark's figures move
        con.execute("UPDATE emission SET tco2e = tco2e * 2 WHERE municipality = 101 "
                    "AND year = (SELECT max(year) FROM emission WHERE municipality = 101)")
    counted.clear()
    at.run()
    assert not at.exception and counted["assess"] and counted["altair"]
    assert [m.value for m in at.metric] != before


def test_milestone_states_of_whole_columns_are_progress_milestone_state_of_each_row() -> None:
    today = date(2026, 6, 1)
    due = [today - timedelta(days=1), today, today + timedelta(days=60), today + timedelta(days=61), today]
    done = [None, None, None, None, today - timedelta(days=400)]
    frame = pd.DataFrame({"due": pd.to_datetime(due), "done": pd.to_datetime(done)}, index=[7, 3, 9, 1, 4])
    assert milestone_states(frame, today).tolist() == [milestone_state(u, d, today) for u, d in zip(due, done)] \
        == ["overdue", "due_soon", "due_soon", "upcoming", "done"]
    assert milestone_states(frame, today).index.tolist() == [7, 3, 9, 1, 4]
    assert milestone_states(frame.iloc[0:0], today).empty


def test_a_remembered_number_text_is_babels_text_of_that_value_and_type() -> None:
    assert i18n.number(1234.5, "da", 1) == "1.234,5" and i18n.number(1234.5, "en", 1) == "1,234.5"
    assert i18n.number(1234.5, "da", 1) == "1.234,5"  # again, now remembered
    assert i18n.number(1, "da", 1) == "1,0" and i18n.number(1.0, "da") == "1" and i18n.number(-2, "en") == "-2"
    assert i18n.percent(0.413, "da") == "41\u00a0%" and i18n.percent(0.413, "en") == "41%"
    assert i18n.day(date(2026, 11, 28), "da") == "28. nov. 2026"
