"""Text alternatives (issue 14, WCAG 2.1 AA): every chart has a sentence a screen reader reaches and its data as a
table on request, the map has the same as a list, and verdicts never rely on colour alone (icon and word)."""
from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, labels, queries
from dk2020dash.db.store import Store
from dk2020dash.domain import DENMARK, TARGET_YEAR, VERDICTS
from dk2020dash.exports import kkr
from dk2020dash.metrics import adaptation
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.mitigation import Progress, assess_area, assess_municipality
from dk2020dash.views import alternatives, charts, maps, sentences
from tests.support import ROOT, municipality_inputs, page

TODAY = date.today()
WORDS = {lang: {v: labels.verdict(v, lang) for v in VERDICTS} for lang in ("da", "en")}


def opened(file: str, runs: int = 1, **query: str) -> AppTest:
    at = page(f"pages/{file}.py", runs=runs, **query)
    assert not at.exception, at.exception[0].value
    return at


def _walk(node: object):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def alts(at: AppTest) -> dict[str, object]:
    """Each text alternative on the page by its chart's name (the container ui.text_alternative keys "alt-<name>")."""
    out = {}
    for node in _walk(at._tree):
        pid = getattr(getattr(node, "proto", None), "id", "") or ""
        m = re.search(r"-alt-(.+)$", pid)
        if m and getattr(node, "type", None) == "flex_container":
            out[m.group(1)] = node
    return out


def every_chart_has_its_alternative(at: AppTest, found: dict[str, object]) -> None:
    """As many alternatives as Vega-Lite charts, and each chart's accessible name is its alternative's sentence."""
    names = sorted(c.proto.alt for c in at.get("vega_lite_chart"))
    assert names and all(names)
    assert names == sorted(summary(a) for a in found.values())


def unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def summary(alt: object) -> str:
    """The sentence as a reader sees it (ui.text_alternative escapes Markdown in it)."""
    captions = alt.caption
    assert len(captions) == 1
    return unescaped(captions[0].value)


def table(alt: object, label: str) -> pd.DataFrame:
    """The alternative's data table, which sits in an expander with the given label."""
    (expander,) = alt.expander
    assert expander.label == label
    (t,) = expander.table
    return t.value


def row(df: pd.DataFrame, first: str) -> pd.Series:
    """The row whose first column reads `first`."""
    hit = df[df.iloc[:, 0] == first]
    assert len(hit) == 1, (first, df.iloc[:, 0].tolist())
    return hit.iloc[0]


def area_progress(db: Path, area: str) -> Progress:
    store = Store(db)
    inputs = municipality_inputs(store)
    p = assess_area([inputs[c] for c in queries.area_codes(queries.municipalities(store), area)], TODAY)
    assert isinstance(p, Progress)
    return p


# -- the sentences, from metrics' figures --------------------------------------------------------------

def test_the_sentences_carry_progress_figures_formatted_by_i18n_in_both_languages(demo_store: Store) -> None:
    inputs = municipality_inputs(demo_store)
    p = assess_municipality(inputs[101], TODAY)
    da, en = sentences.trajectory_summary(p, "da"), sentences.trajectory_summary(p, "en")
    year = sentences.baseline_year(p)
    assert da == (f"Udledningen {'faldt' if p.reduction >= 0 else 'steg'} fra {i18n.tonnes(p.baseline, 'da')} i "
                  f"{year} til {i18n.tonnes(p.latest, 'da')} i {p.latest_year}; målet for {TARGET_YEAR} er "
                  f"{i18n.tonnes(p.target_2030, 'da')}.")
    assert en.startswith("Emissions fell from " if p.reduction >= 0 else "Emissions rose from ")
    target_en, target_da = i18n.tonnes(p.target_2030, "en"), i18n.tonnes(p.target_2030, "da")
    assert target_en in en and target_en != target_da  # English number format, not Danish
    bridge = sentences.bridge_summary(p.bridge, "da")
    for value in (p.bridge.need, p.bridge.covered, p.bridge.secured, p.bridge.at_risk, p.manko):
        assert i18n.tonnes(value, "da") in bridge
    # Nothing left to cut: the sentence says so rather than naming a need.
    assert sentences.bridge_summary(Bridge(need=0.0), "da").startswith("Udledningen er allerede under målet")
    assert sentences.map_summary(["on_track", "on_track", "off_track", None], "da") == (
        "Af 4 kommuner er 2 på rette vej, 0 afviger og 1 er ikke på rette vej; 1 kan ikke beregnes.")
    assert sentences.map_summary(["deviating"], "en") == (
        "Of 1 municipality, 0 is on track, 1 is deviating and 0 is off track.")  # one municipality (issue 18)


def test_a_trajectorys_table_holds_the_lines_the_chart_draws(demo_store: Store) -> None:
    inputs = municipality_inputs(demo_store)
    p = assess_municipality(inputs[751], TODAY)
    alt = alternatives.trajectory(p, "en", queries.scenarios(demo_store, list(p.members)))
    df = alt.table
    assert list(df.columns[:3]) == ["Year", "Emissions (inventory)", "Target path"]
    for y, v in p.series.items():
        assert row(df, str(y))["Emissions (inventory)"] == i18n.tonnes(v, "en")
    assert row(df, str(TARGET_YEAR))["Target path"] == i18n.tonnes(p.target_2030, "en")
    assert row(df, str(TARGET_YEAR))["Emissions (inventory)"] == "–"  # no inventory for 2030


# -- every page with charts: a sentence and a table for each ----------------------------------------------

@pytest.mark.parametrize("lang", ["da", "en"])
def test_overblik_gives_every_chart_its_sentence_and_table_from_progress(demo_env: Path, lang: str) -> None:
    at = opened("overblik", **({"lang": "English"} if lang == "en" else {}))
    p = area_progress(demo_env, DENMARK)
    found = alts(at)
    assert set(found) == {"ov-trajectory", "ov-sector-bars", "ov-sector-area", "ov-bridge"}
    every_chart_has_its_alternative(at, found)
    label = i18n.t("alt.table", lang)
    assert label == ("Vis data som tabel" if lang == "da" else "Show data as a table")

    traj = found["ov-trajectory"]
    assert summary(traj) == sentences.trajectory_summary(p, lang)
    assert i18n.tonnes(p.latest, lang) in summary(traj) and str(p.latest_year) in summary(traj)
    df = table(traj, label)
    actual, target = i18n.t("chart.series.actual", lang), i18n.t("chart.series.target", lang)
    assert df.columns[0] == i18n.t("chart.year", lang)
    assert row(df, str(p.latest_year))[actual] == i18n.tonnes(p.latest, lang)
    assert row(df, "1990")[actual] == i18n.tonnes(p.series[1990], lang)
    assert row(df, str(TARGET_YEAR))[target] == i18n.tonnes(p.target_2030, lang)

    bridge = found["ov-bridge"]
    assert summary(bridge) == sentences.bridge_summary(p.bridge, lang)
    df = table(bridge, label)
    parts = [getattr(p.bridge, k) for k in ("need", "secured", "in_progress", "planned", "at_risk", "manko",
                                           "in_inventory")]  # the chart's bars, labelled in one unit
    assert row(df, labels.bridge_part("need", lang)).iloc[1] == i18n.tonnes(p.bridge.need, lang, like=parts)
    assert row(df, labels.bridge_part("manko", lang)).iloc[1] == i18n.tonnes(p.manko, lang, like=parts)

    # The sectors: the latest year's groups as the store sums them, largest first.
    by_sector = queries.emissions_by_sector(Store(demo_env), tuple(p.members), None)
    latest = by_sector[by_sector["year"] == p.latest_year].groupby("sector_group")["tco2e"].sum()
    bars = found["ov-sector-bars"]
    df = table(bars, label)
    assert df.columns.tolist() == [i18n.t("chart.sector", lang),
                                   i18n.t("alt.col.emissions_year", lang, year=p.latest_year)]
    assert df.iloc[:, 1].tolist() == [i18n.tonnes(v, lang) for v in latest.sort_values(ascending=False)]
    assert i18n.tonnes(latest.max(), lang) in summary(bars)
    area = found["ov-sector-area"]
    area_table = table(area, label)  # long: one row per year and sector group, so it never scrolls sideways
    assert area_table.columns.tolist() == [i18n.t(k, lang) for k in ("chart.year", "chart.sector", "chart.emissions")]
    assert area_table.iloc[:, 0].nunique() == by_sector["year"].nunique()
    assert str(int(by_sector["year"].min())) in summary(area)


def test_kommune_gives_its_charts_the_municipalitys_figures(demo_env: Path) -> None:
    at = opened("kommune", kommune="Aarhus")
    store = Store(demo_env)
    p = assess_municipality(municipality_inputs(store)[751], TODAY)
    found = alts(at)
    assert set(found) == {"mun-trajectory", "mun-sector-bars", "mun-sector-area", "mun-bridge"}
    every_chart_has_its_alternative(at, found)
    assert summary(found["mun-trajectory"]) == sentences.trajectory_summary(p, "da")
    assert summary(found["mun-bridge"]) == sentences.bridge_summary(p.bridge, "da")
    df = table(found["mun-trajectory"], "Vis data som tabel")
    assert row(df, str(p.latest_year))["Udledning (opgørelse)"] == i18n.tonnes(p.latest, "da")


def test_sammenlign_names_who_reduced_most_and_lists_every_point(demo_env: Path) -> None:
    at = opened("sammenlign", kommuner=["Aarhus", "Odense", "Aalborg"])
    found = alts(at)
    assert set(found) == {"cmp-index", "cmp-scatter"}
    every_chart_has_its_alternative(at, found)
    inputs = municipality_inputs(Store(demo_env))
    ps = {name: assess_municipality(inputs[code], TODAY) for name, code in (("Aarhus", 751), ("Odense", 461),
                                                                            ("Aalborg", 851))}
    best = max(ps, key=lambda n: ps[n].reduction)
    text = summary(found["cmp-index"])
    assert text == sentences.indexed_summary(ps, "da")
    assert f"{best} reduceret mest ({i18n.percent(ps[best].reduction, 'da')})" in text
    df = table(found["cmp-scatter"], "Vis data som tabel")
    chosen = df[df["Valgt"] == "Ja"]
    assert sorted(chosen["Kommune"]) == ["Aalborg", "Aarhus", "Odense"]
    assert row(df, "Odense")["Reduktion siden basisår"] == i18n.percent(ps["Odense"].reduction, "da")
    # the verdict as icon and word in every row
    assert set(df["Vurdering"]) <= {sentences.verdict_label(v, "da") for v in VERDICTS}
    assert row(df, "Aarhus")["Vurdering"] == sentences.verdict_label(ps["Aarhus"].verdict, "da")


def test_tilpasning_gives_the_heat_map_and_the_status_bars_their_counts(demo_env: Path) -> None:
    at = opened("tilpasning")
    found = alts(at)
    assert set(found) == {"ad-heat", "ad-status"}
    every_chart_has_its_alternative(at, found)
    store = Store(demo_env)
    codes = queries.area_codes(queries.municipalities(store), DENMARK)
    risks = queries.risks(store, codes)
    matrix = adaptation.risk_matrix(risks)
    df = table(found["ad-heat"], "Vis data som tabel")
    assert df.columns.tolist() == ["Klimafare", "Lav", "Middel", "Høj", "Meget høj"]
    assert row(df, "Skybrud")["Høj"] == i18n.number(int(matrix.loc["skybrud", "hoej"]), "da")
    high = matrix[["hoej", "meget_hoej"]].sum(axis=1)
    assert summary(found["ad-heat"]).startswith(f"{risks['municipality'].nunique()} kommuner har vurderet")
    assert f"({i18n.number(int(high.max()), 'da')} kommuner)" in summary(found["ad-heat"])
    actions = queries.adaptation_actions(store, codes)
    text = summary(found["ad-status"])
    assert text.startswith(f"{i18n.number(len(actions), 'da')} tilpasningshandlinger, heraf "
                           f"{i18n.number(int(actions['status'].map(adaptation.covers).sum()), 'da')} i gang")


def test_indsatser_gives_its_bridge_a_sentence_and_table(demo_env: Path) -> None:
    at = opened("indsatser")
    found = alts(at)
    assert set(found) == {"ind-bridge"}
    every_chart_has_its_alternative(at, found)
    p = area_progress(demo_env, DENMARK)
    assert summary(found["ind-bridge"]) == sentences.bridge_summary(p.bridge, "da")  # Overblik's bridge, the same
    need = row(table(found["ind-bridge"], "Vis data som tabel"), "Behov til 2030")
    assert need.iloc[1] == charts.bridge_frame(p.bridge, "da").set_index("key").loc["need", "label"]


@pytest.mark.parametrize("slide, name", [("2", "kkr-trajectory"), ("3", "kkr-map"), ("4", "kkr-bridge"),
                                         ("7", "kkr-heat")])
def test_the_presentations_slide_charts_get_the_same_sentences(demo_env: Path, slide: str, name: str) -> None:
    at = opened("praesentation", runs=2, area="Region Hovedstaden", since="2025-06-01", slide=slide)
    found = alts(at)
    assert set(found) == {name}
    every_chart_has_its_alternative(at, found)
    p = area_progress(demo_env, "Hovedstaden")
    text = summary(found[name])
    if name == "kkr-trajectory":
        assert text == sentences.trajectory_summary(p, "da")
    elif name == "kkr-bridge":
        assert text == sentences.bridge_summary(p.bridge, "da")
    elif name == "kkr-map":
        assert text == sentences.map_summary([v.value for v in p.verdicts.values()] + [None] * len(p.excluded), "da")
        df = table(found[name], "Vis data som tabel")
        assert len(df) == len(p.verdicts) + len(p.excluded)
    else:
        risks = queries.risks(Store(demo_env), list(p.members) + list(p.excluded))
        matrix = adaptation.risk_matrix(risks)
        high = matrix[["hoej", "meget_hoej"]].sum(axis=1)
        assert text == sentences.heat_summary(risks["municipality"].nunique(), labels.hazard(high.idxmax(), "da"),
                                              int(high.max()), "da")


def test_the_decks_chart_pictures_carry_the_sentence_as_alt_text(demo_store: Store) -> None:
    from pptx import Presentation

    d = kkr.build(demo_store, "Hovedstaden", date(2025, 6, 1), "da", TODAY)
    p = area_progress(Path(demo_store.path), "Hovedstaden")
    assert d.slides[1].alt["trajectory"].summary == sentences.trajectory_summary(p, "da")
    prs = Presentation(io.BytesIO(kkr.to_pptx(d)))
    described = {}
    for key, s in zip(kkr.SLIDES, prs.slides):
        for shape in s.shapes:
            if shape.shape_type == 13:  # a picture
                described[key] = shape._element.nvPicPr.cNvPr.get("descr")
    assert set(described) == {"trajectory", "map", "bridge", "adaptation"}
    assert described["trajectory"] == sentences.trajectory_summary(p, "da")
    assert described["bridge"] == sentences.bridge_summary(p.bridge, "da")
    assert all(described.values())


# -- the map as a list -------------------------------------------------------------------------------------

def verdicts(db: Path, codes: list[int] | None = None) -> dict[str, str | None]:
    """Every municipality's verdict value by name (None where it cannot be computed), from metrics/."""
    store = Store(db)
    munis = queries.municipalities(store)
    inputs = municipality_inputs(store)
    out = {}
    for m in munis.itertuples():
        if codes is None or int(m.code) in codes:
            r = assess_municipality(inputs[int(m.code)], TODAY)
            out[m.name] = r.verdict.value if isinstance(r, Progress) else None
    return out


@pytest.mark.parametrize("lang", ["da", "en"])
def test_kort_lists_every_municipality_with_its_verdict_word(demo_env: Path, lang: str) -> None:
    at = opened("kort", runs=2, **({"lang": "English"} if lang == "en" else {}))
    found = alts(at)
    assert "map" in found
    expected = verdicts(demo_env)
    label = i18n.t("alt.map_list", lang)
    df = table(found["map"], label)
    name_col, verdict_col = i18n.t("ov.col.municipality", lang), i18n.t("ov.col.verdict", lang)
    assert len(df) == len(expected) == 98 and set(df[name_col]) == set(expected)
    none = i18n.t("map.legend.none", lang)
    for name, cell in zip(df[name_col], df[verdict_col]):
        v = expected[name]
        assert cell == (sentences.verdict_label(v, lang) if v else none)
        assert (WORDS[lang][v] if v else none) in cell  # the word, not the colour alone
    # grouped by verdict: on track first, then deviating, off track, those that cannot be computed
    order = [next((k for k, w in WORDS[lang].items() if w in cell), "none") for cell in df[verdict_col]]
    assert order == sorted(order, key=[*VERDICTS, "none"].index)
    counts = {v: sum(x == v for x in expected.values()) for v in VERDICTS}
    text = summary(found["map"])
    assert text == sentences.map_summary(list(expected.values()), lang)
    assert at.get("deck_gl_json_chart")[0].proto.alt == text  # the map's accessible name is the sentence too
    if lang == "da":
        assert text.startswith(f"Af 98 kommuner er {counts['on_track']} på rette vej, {counts['deviating']} afviger")


def test_kort_list_follows_the_area_and_shows_the_value_the_map_is_coloured_by(demo_env: Path) -> None:
    at = opened("kort", runs=2, area="Region Nordjylland", metric="Reduktion")
    store = Store(demo_env)
    codes = queries.area_codes(queries.municipalities(store), "Nordjylland")
    inputs = municipality_inputs(store)
    df = table(alts(at)["map"], "Vis kortet som liste")
    assert len(df) == len(codes) == 11 and set(df["Region"]) == {"Nordjylland"}
    names = dict(zip(queries.municipalities(store)["code"].astype(int), queries.municipalities(store)["name"]))
    for code in codes:
        r = assess_municipality(inputs[code], TODAY)
        shown = row(df, names[code])
        assert shown["Reduktion"] == (i18n.percent(r.reduction, "da") if isinstance(r, Progress) else "–")
    assert "Reduktion går fra " in summary(alts(at)["map"])


# -- verdicts never by colour alone ---------------------------------------------------------------------

def test_verdicts_carry_icon_and_word_wherever_they_are_coloured(demo_env: Path) -> None:
    at = opened("overblik")
    # the ranking table: every verdict cell holds its word (and icon)
    cells = next(d for d in at.dataframe if d.key == "ov-ranking").value["Vurdering"].tolist()
    assert cells and all(any(f"{labels.VERDICT_ICONS[v]} {w}" == c for v, w in WORDS["da"].items()) for c in cells)
    # the KPI cards of verdict counts are labelled with icon and word
    shown = {m.label for m in at.metric}
    assert {sentences.verdict_label(v, "da") for v in VERDICTS} <= shown
    # the map's tooltip and legend: icon and word
    metrics = pd.DataFrame([{"code": 1, "name": "A", "verdict": "off_track", "reduction": 0.1, "per_capita": 5.0,
                             "population_approx": False, "manko": 10.0, "latest_year": 2024, "data_lag": 2,
                             "why": None}])
    assert maps.tooltip_frame(metrics, "da")["tip_verdict"].iloc[0] == "❌ Ikke på rette vej"
    _, legend = maps.colour_classes(metrics, "verdict", "da")
    assert [item["label"] for item in legend] == [sentences.verdict_label(v, "da") for v in VERDICTS]


def test_milestone_states_and_risk_levels_are_words(demo_env: Path) -> None:
    at = opened("kommune", kommune="Aarhus")
    frames = [d.value for d in at.dataframe]
    states = next(f for f in frames if "Milepæl" in f.columns)["Tilstand"].tolist()
    words = {f"{labels.MILESTONE_ICONS[s]} {labels.milestone_state(s, 'da')}" for s in labels.MILESTONE_ICONS}
    assert states and set(states) <= words
    risks = next(f for f in frames if "Klimafare" in f.columns and "Risiko" in f.columns)["Risiko"].tolist()
    assert risks and set(risks) <= {"Lav", "Middel", "Høj", "Meget høj"}


def test_every_chart_is_drawn_through_ui_chart() -> None:
    """Charts reach a page only through ui.chart (which gives them their text alternative) or, for the Kort page's
    pydeck maps, with an accessible name; no page or helper calls Streamlit's chart commands past it."""
    calls = {}
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "dk2020dash" / "ui").glob("*.py"), ROOT / "app.py"]:
        text = path.read_text(encoding="utf-8")
        for command in re.findall(r"\bst\.(altair_chart|vega_lite_chart|pydeck_chart|line_chart|bar_chart|area_chart|"
                                  r"scatter_chart|map|plotly_chart|pyplot|bokeh_chart|graphviz_chart)\(", text):
            calls.setdefault(command, []).append(path.relative_to(ROOT).as_posix())
    assert calls.pop("vega_lite_chart") == ["dk2020dash/ui/widgets.py"]
    assert calls.pop("pydeck_chart") == ["pages/kort.py", "pages/kort.py"]
    assert not calls
    kort = (ROOT / "pages" / "kort.py").read_text(encoding="utf-8")
    assert len(re.findall(r"st\.pydeck_chart\([^)]*alt=", kort, re.DOTALL)) == 2
