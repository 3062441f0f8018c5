"""The KKR meeting pack: exports/kkr.py's slides, the PowerPoint (reopened with python-pptx), PDF, the CLI, the page."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from dk2020dash import figures, i18n, labels, queries
from dk2020dash.cli import main
from dk2020dash.db.store import Store
from dk2020dash.domain import DENMARK, REGIONS, TARGET_YEAR
from dk2020dash.exports import kkr
from dk2020dash.metrics import adaptation
from dk2020dash.metrics.changes import moves_between
from dk2020dash.metrics.followup import follow_up
from dk2020dash.metrics.mitigation import Progress, assess_area
from dk2020dash.views import maps
from tests.support import SCREENSHOTS, municipality_inputs, municipality_inputs_before, page

TODAY = date.today()
SINCE = date(2025, 6, 1)  # the demo's history runs 2021-01 to 2026-06, its newest edition is from 2025-10
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def area_progress(store: Store, area: str) -> Progress:
    munis = queries.municipalities(store)
    inputs = municipality_inputs(store)
    p = assess_area([inputs[c] for c in queries.area_codes(munis, area)], TODAY)
    assert isinstance(p, Progress)
    return p


def slide_texts(slide) -> list[str]:
    """Every piece of text on a slide: text boxes, shapes and table cells."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def pictures(slide) -> list[bytes]:
    return [shape.image.blob for shape in slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE


# -- the deck for Denmark and every region ----------------------------------------------------------

@pytest.mark.parametrize("area", [DENMARK, *REGIONS])
def test_the_deck_reopens_with_seven_titled_slides_valid_pictures_and_the_apps_figures(
        demo_store: Store, area: str) -> None:
    d = kkr.build(demo_store, area, SINCE, "da", TODAY)
    prs = Presentation(io.BytesIO(kkr.to_pptx(d)))
    slides = list(prs.slides)
    assert len(slides) == len(kkr.SLIDES) == 7
    name = kkr.area_name(area, "da")
    assert [s.shapes.title.text for s in slides] == [
        i18n.t("kkr.title.verdict", "da", area=name), i18n.t("kkr.title.trajectory", "da"),
        i18n.t("kkr.title.map", "da"), i18n.t("kkr.title.bridge", "da", year=TARGET_YEAR),
        i18n.t("kkr.title.changes", "da", since=i18n.day(SINCE, "da")), i18n.t("kkr.title.follow_up", "da"),
        "Klimatilpasning"]

    # Charts: trajectory, map, bridge and the hazard × risk level heat chart, each a valid, high-resolution PNG.
    pics = {key: pictures(s) for key, s in zip(kkr.SLIDES, slides)}
    assert [len(pics[k]) for k in kkr.SLIDES] == [0, 1, 1, 1, 0, 0, 1]
    for blob in (b for blobs in pics.values() for b in blobs):
        assert blob.startswith(PNG_MAGIC)
        with Image.open(io.BytesIO(blob)) as im:
            im.verify()
        with Image.open(io.BytesIO(blob)) as im:
            assert im.format == "PNG" and im.size[0] >= 1000

    # Slide 1's figures are metrics', formatted by i18n as the pages format them.
    p = area_progress(demo_store, area)
    first = " | ".join(slide_texts(slides[0]))
    for figure in (i18n.tonnes(p.latest, "da"), i18n.percent(p.reduction, "da"),
                   i18n.percent(p.target_reduction_2030, "da"), i18n.tonnes(p.manko, "da"), str(p.latest_year),
                   labels.verdict(p.verdict, "da")):
        assert figure in first, figure
    # Slide 4: the bridge's need, cover and manko, side by side in one unit; slide 3: municipalities per verdict.
    fourth = " | ".join(slide_texts(slides[3]))
    parts = (p.bridge.need, p.bridge.covered, p.manko)
    for value in parts:
        assert f": {i18n.tonnes(value, 'da', like=parts)}" in fourth
    third = slide_texts(slides[2])
    for verdict, n in p.verdict_counts().items():
        assert f"{labels.verdict(verdict, 'da')}\n{n}" in third

    # On every slide: the data year and the demo label, and speaker notes naming the source.
    for s in slides:
        text = " ".join(slide_texts(s))
        assert f"Opgørelsesår {p.latest_year}" in text and "Eksempeldata – ikke officielle tal" in text
        assert s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip()
    assert "metrics/mitigation.py" in slides[0].notes_slide.notes_text_frame.text
    assert "historik" in slides[4].notes_slide.notes_text_frame.text
    assert maps.ATTRIBUTION in " ".join(slide_texts(slides[2]))
    assert "adaptation.uncovered_high_risks" in slides[6].notes_slide.notes_text_frame.text
    assert "risk" in slides[6].notes_slide.notes_text_frame.text


def test_english_titles_and_numbers(demo_store: Store) -> None:
    d = kkr.build(demo_store, "Sjælland", SINCE, "en", TODAY)
    prs = Presentation(io.BytesIO(kkr.to_pptx(d)))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == "Region Sjælland: are we on track?" and titles[5] == "Follow-up per municipality"
    p = area_progress(demo_store, "Sjælland")
    text = " ".join(slide_texts(prs.slides[0]))
    assert i18n.tonnes(p.latest, "en") in text and "Example data – not official figures" in text


def test_the_map_slide_draws_the_shipped_boundaries(demo_store: Store) -> None:
    d = kkr.build(demo_store, "Nordjylland", SINCE, "da", TODAY)
    spec = d.slides[2].charts["map"]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["geoshape"]  # no circles: every boundary drawn
    features = [v for v in spec["data"]["values"] if "geometry" in v]
    assert len(features) == 11  # Nordjylland's 11 municipalities


def test_a_store_without_inventories_still_gives_seven_slides_that_say_why(empty_store: Store) -> None:
    d = kkr.build(empty_store, DENMARK, SINCE, "da", TODAY)
    assert len(d.slides) == 7 and d.data_year is None and not d.demo
    assert "Kan ikke beregnes" in d.slides[0].lead
    assert d.slides[6].lead == i18n.t("kkr.adaptation.none", "da") and not d.slides[6].charts
    prs = Presentation(io.BytesIO(kkr.to_pptx(d)))
    assert len(prs.slides) == 7


# -- what changed since, and follow-up -------------------------------------------------------------

def test_moves_name_each_action_whose_part_changed_largest_first() -> None:
    # Issue 19 item 5: an action newly completed goes to "allerede i opgørelsen" when its completion year is in or
    # before the inventory year the bridge rests on (not "til sikret"); a change within a part (delayed -> paused)
    # moves nothing; a new action comes from "none"; a revised expected reduction is named with both figures.
    actions = pd.DataFrame({
        "id": [1, 2, 3, 4, 5, 6], "municipality": [101, 101, 101, 147, 147, 147],
        "title": ["Cykelsti", "Varmepumper", "Solceller", "Ny bus", "Biogas", "Uændret"],
        "status_then": ["planned", "delayed", "in_progress", None, "planned", "planned"],
        "status": ["in_progress", "paused", "completed", "planned", "planned", "planned"],
        "expected_then": [100.0, 50.0, 30.0, None, 10.0, 5.0],
        "expected_2030_t": [100.0, 50.0, 30.0, 20.0, 40.0, 5.0],
        "completed_year_then": [None] * 6, "completed_year": [None, None, 2024, None, None, None],
        "existed_then": [True, True, True, False, True, True]})
    moves = moves_between(actions, 2024, 2024)
    assert [(m.title, m.old, m.new, m.tonnes) for m in moves] == [
        ("Cykelsti", "planned", "in_progress", 100.0), ("Biogas", "planned", "planned", 40.0),
        ("Solceller", "in_progress", "in_inventory", 30.0), ("Ny bus", "none", "planned", 20.0)]
    assert moves[1].tonnes_before == 10.0
    # completed after the inventory year: secured
    assert [m.new for m in moves_between(actions, 2023, 2023) if m.title == "Solceller"] == ["secured"]


def test_the_slide_names_the_actions_and_the_manko_then_and_now(demo_store: Store) -> None:
    codes = queries.area_codes(queries.municipalities(demo_store), "Nordjylland")
    c = kkr.area_changes(demo_store, codes, SINCE, TODAY)
    assert c.moves and c.moves == tuple(sorted(c.moves, key=lambda m: -max(m.tonnes, m.tonnes_before)))
    figures_, lines = kkr.change_texts(c, dict(zip(queries.municipalities(demo_store)["code"],
                                                   queries.municipalities(demo_store)["name"])), "da")
    then, now = c.figure("manko")
    assert figures_[0].value == f"{i18n.tonnes(then, 'da')} → {i18n.tonnes(now, 'da')}"
    assert c.moves[0].title in " ".join(lines)
    # the bridges at both points are the assessments' own (the same function the pages use)
    assert c.now.bridge == figures.assess_store(demo_store, codes, TODAY).bridge


def test_milestones_done_or_become_overdue_in_the_period(demo_copy: Store) -> None:
    codes = [101]
    with demo_copy.transaction() as con:
        con.execute("DELETE FROM milestone WHERE municipality = 101")
        con.execute("INSERT INTO milestone (municipality, kind, due, done) VALUES "
                    "(101, 'status_report', DATE '2026-03-01', DATE '2026-02-20'),"  # done in the period
                    "(101, 'status_report', DATE '2026-04-01', NULL),"  # became overdue in the period
                    "(101, 'status_report', DATE '2026-04-15', DATE '2026-05-30'),"  # done late: both
                    "(101, 'plan_revision', DATE '2025-01-01', NULL)")  # overdue before the period
    c = kkr.area_changes(demo_copy, codes, date(2026, 2, 1), date(2026, 6, 1))
    assert sorted(d for _, _, d in c.milestones_done) == [date(2026, 2, 20), date(2026, 5, 30)]
    assert [d for _, _, d in c.milestones_overdue] == [date(2026, 4, 1)]
    assert c.new_editions == ()


def test_a_new_edition_names_the_municipalities_whose_verdict_changed(demo_store: Store) -> None:
    codes = queries.area_codes(queries.municipalities(demo_store), DENMARK)
    c = kkr.area_changes(demo_store, codes, SINCE, TODAY)
    assert [n for n, _, _ in c.new_editions] == ["Eksempeldata (demo) – Energi- og CO2-regnskab 2025"]
    old = municipality_inputs(demo_store, 1)  # the demo's 2024 edition, the newest before SINCE
    new = municipality_inputs(demo_store)
    from dk2020dash.metrics.mitigation import assess_municipality

    def v(inputs, code):
        p = assess_municipality(inputs[code], TODAY)
        return p.verdict if isinstance(p, Progress) else None

    expected = {code for code in codes if v(old, code) != v(new, code)}
    assert expected <= set(c.verdict_changes) and expected  # the demo's 2025 edition moves some verdicts
    # Nothing happened after the last demo event: a since date after it gives an empty period.
    later = kkr.area_changes(demo_store, codes, date(2026, 7, 1), TODAY)
    assert later.status_changes == 0 and later.new_editions == () and later.tonnes_moved == 0
    assert later.before.bridge == later.now.bridge and later.verdict_changes == {}


def test_follow_up_counts_overdue_milestones_and_stale_open_actions() -> None:
    today = date(2026, 6, 1)
    actions = pd.DataFrame({"municipality": [101, 101, 101, 147],
                            "status": ["planned", "completed", "in_progress", "delayed"],
                            "last_updated": [date(2025, 1, 1), date(2020, 1, 1), date(2026, 5, 1), date(2024, 1, 1)]})
    milestones = pd.DataFrame({"municipality": [101, 147, 147], "due": [date(2026, 1, 1), date(2026, 1, 1),
                                                                       date(2027, 1, 1)],
                               "done": [None, date(2026, 1, 2), None]})
    fu = follow_up(actions, milestones, today)
    assert fu.to_dict("records") == [{"municipality": 101, "overdue": 1, "stale": 1},
                                     {"municipality": 147, "overdue": 0, "stale": 1}]


# -- the since date ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "reason"), [
    ("i går", "unreadable"), ("2026-13-01", "unreadable"), ("", "unreadable"),
    ((TODAY + timedelta(days=1)).isoformat(), "future"), ("2019-12-31", "before_history"),
])
def test_a_bad_since_date_is_refused_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(kkr.SinceError) as err:
        kkr.parse_since(text, date(2021, 1, 2), TODAY)
    assert err.value.reason == reason
    assert err.value.message("da") and err.value.message("en")


def test_since_dates_in_the_usual_formats() -> None:
    for text in ("2026-09-01", "01-09-2026", "1.9.2026", " 2026-09-01 "):
        assert kkr.parse_since(text, date(2021, 1, 2), date(2026, 11, 30)) == date(2026, 9, 1)


# -- the command line ---------------------------------------------------------------------------------

def test_cli_writes_the_deck(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "kkr.pptx"
    assert main(["report", "kkr", "--area", "Hovedstaden", "--since", SINCE.isoformat(), "--out", str(out),
                 "--db", str(demo_db)]) == 0
    prs = Presentation(str(out))
    assert len(prs.slides) == 7 and prs.slides[0].shapes.title.text == "Region Hovedstaden: er vi på rette vej?"
    assert "Skrev" in capsys.readouterr().out
    assert main(["report", "kkr", "--area", "region nordjylland", "--lang", "en", "--out", str(out),
                 "--db", str(demo_db), "--since", SINCE.isoformat()]) == 0
    assert Presentation(str(out)).slides[0].shapes.title.text == "Region Nordjylland: are we on track?"


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2030-01-01"], "ligger efter i dag"),
    (["--since", "ikke en dato"], "kan ikke læses"),
    (["--since", "2019-01-01"], "før al historik"),
    (["--area", "Atlantis"], "Ukendt område Atlantis"),
    (["--out-as", "x.txt"], "skal ende på .pptx eller .pdf"),
])
def test_cli_errors_exit_1_with_one_line(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture,
                                         args: list[str], message: str) -> None:
    out = tmp_path / ("x.txt" if "--out-as" in args else "kkr.pptx")
    args = [a for a in args if a not in ("--out-as", "x.txt")]
    assert main(["report", "kkr", "--out", str(out), "--db", str(demo_db), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not out.exists()  # nothing half-written


def test_cli_pdf_without_libreoffice_says_what_to_install(demo_db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kkr, "soffice", lambda: None)
    out = tmp_path / "kkr.pdf"
    assert main(["report", "kkr", "--out", str(out), "--db", str(demo_db), "--since", SINCE.isoformat()]) == 1
    assert "apt-get install libreoffice-impress" in capsys.readouterr().err
    assert not out.exists()


def test_the_deck_converts_to_pdf_and_its_pages_to_png(demo_db: Path, tmp_path: Path) -> None:
    """LibreOffice headless and pdftoppm (poppler-utils); skipped where absent, except in CI."""
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must install {missing} (apt-get install libreoffice-impress poppler-utils)")
        pytest.skip(f"{missing} not installed")
    out = tmp_path / "kkr.pdf"
    assert main(["report", "kkr", "--area", "Hovedstaden", "--since", SINCE.isoformat(), "--out", str(out),
                 "--db", str(demo_db)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(out), str(tmp_path / "side")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("side-*.png"))
    assert len(pages) == 7
    SCREENSHOTS.mkdir(exist_ok=True)
    for n, png in enumerate(pages, start=1):
        with Image.open(png) as im:
            assert im.size[0] > im.size[1]  # 16:9
            assert len(set(im.convert("L").resize((64, 36)).tobytes())) > 10  # not a blank page
        shutil.copy(png, SCREENSHOTS / f"kkr-pdf-{n}.png")


# -- the Præsentation page ------------------------------------------------------------------------------

def presentation(**query: object) -> AppTest:
    return page("pages/praesentation.py", runs=2, **query)  # the second run applies the bound ?area=


def title(at: AppTest) -> str:
    """The slide's title as shown (the page escapes Markdown in it)."""
    return re.sub(r"\\(.)", r"\1", next(m.value for m in at.markdown if m.value.startswith("# "))[2:])


def test_the_page_shows_the_slide_in_the_url_and_steps_through_the_seven(demo_env: Path) -> None:
    at = presentation(area="Region Hovedstaden", since=SINCE.isoformat(), slide="4")
    assert not at.exception
    assert at.pagination(key="slide").value == 4
    assert title(at) == i18n.t("kkr.title.bridge", "da", year=TARGET_YEAR)
    assert any("Dias 4 af 7" in m.value for m in at.markdown)
    at.button(key="kkr-next").click().run()
    assert at.pagination(key="slide").value == 5 and at.query_params["slide"] in ("5", ["5"])
    assert title(at) == i18n.t("kkr.title.changes", "da", since=i18n.day(SINCE, "da"))
    at.button(key="kkr-next").click().run()
    at.button(key="kkr-next").click().run()
    assert at.pagination(key="slide").value == 7 and at.query_params["slide"] in ("7", ["7"])
    assert title(at) == "Klimatilpasning" and any("Dias 7 af 7" in m.value for m in at.markdown)
    at.button(key="kkr-next").click().run()  # stays on the last slide
    assert at.pagination(key="slide").value == 7 and not at.exception
    for _ in range(7):
        at.button(key="kkr-prev").click().run()
    assert at.pagination(key="slide").value == 1 and not at.exception
    assert title(at) == "Region Hovedstaden: er vi på rette vej?"
    assert "kkr-download" in {b.key for b in at.get("download_button")}


def test_the_pages_figures_equal_the_decks_and_progress(demo_env: Path, demo_store: Store) -> None:
    at = presentation(area="Region Syddanmark", since=SINCE.isoformat())
    p = area_progress(demo_store, "Syddanmark")
    shown = {m.label: m.value for m in at.metric}
    assert shown[i18n.t("kkr.fig.emissions", "da", year=p.latest_year)] == i18n.tonnes(p.latest, "da")
    assert shown[i18n.t("kkr.fig.manko", "da", year=TARGET_YEAR)] == i18n.tonnes(p.manko, "da")
    assert shown[i18n.t("kkr.fig.target", "da", year=TARGET_YEAR)] == i18n.percent(p.target_reduction_2030, "da")
    d = kkr.build(demo_store, "Syddanmark", SINCE, "da", TODAY)
    assert shown == {f.label: f.value for f in d.slides[0].figures}
    text = " ".join(slide_texts(Presentation(io.BytesIO(kkr.to_pptx(d))).slides[0]))
    assert all(value in text for value in shown.values())


@pytest.mark.parametrize(("since", "message"), [
    ("31-02-2026", "kan ikke læses"),
    ((TODAY + timedelta(days=3)).isoformat(), "ligger efter i dag"),
    ("2001-01-01", "før al historik"),
])
def test_the_page_explains_a_bad_since_date(demo_env: Path, since: str, message: str) -> None:
    at = presentation(since=since)
    assert not at.exception
    assert any(message in e.value for e in at.error)
    assert not any(m.value.startswith("# ") for m in at.markdown)  # no slide on a bad date


def test_the_default_since_date_is_90_days_ago(demo_env: Path) -> None:
    at = presentation()
    assert at.text_input(key="since").value == (TODAY - timedelta(days=90)).isoformat()
    assert not at.error and title(at) == "Danmark: er vi på rette vej?"


def test_every_chart_on_a_page_has_png_and_svg_downloads(demo_env: Path) -> None:
    at = page()  # Overblik
    assert not at.exception
    keys = {b.key for b in at.get("download_button")}
    for chart in ("ov-trajectory", "ov-sector-bars", "ov-sector-area"):
        assert f"chart-dl-{chart}-png" in keys and f"chart-dl-{chart}-svg" in keys


def test_chart_images_render_offline_as_png_and_svg(demo_store: Store) -> None:
    d = kkr.build(demo_store, "Midtjylland", SINCE, "en", TODAY)
    spec = d.slides[1].charts["trajectory"]
    png = kkr.chart_png(spec, 900)
    assert png.startswith(PNG_MAGIC)
    svg = kkr.chart_svg(spec, 900)
    assert svg.lstrip().startswith("<svg") and "Emissions" in svg and "http://" not in svg.replace(
        "http://www.w3.org", "")


def test_an_edition_for_one_municipality_changes_only_its_verdict(demo_copy: Store) -> None:
    """A new edition since the meeting for one on-track municipality alone, its latest year doubled: its verdict
    before the meeting comes from its edition then, and only it is named."""
    since = date(2026, 9, 1)
    inputs = municipality_inputs(demo_copy)
    from dk2020dash.metrics.mitigation import assess_municipality

    verdicts = {c: assess_municipality(i, TODAY) for c, i in inputs.items()}
    on_track = [c for c, p in verdicts.items() if isinstance(p, Progress) and p.verdict.value == "on_track"]
    code, other = on_track[0], on_track[1]
    with demo_copy.transaction() as con:
        con.execute("INSERT INTO edition (id, name, source, published) VALUES (99, 'Ny 2026', 'test', DATE '2026-10-01')")
        con.execute("INSERT INTO emission SELECT municipality, year, sector, 99, "
                    "CASE WHEN year = 2024 THEN tco2e * 2 ELSE tco2e END, estimated FROM emission "
                    "WHERE municipality = ? AND edition = 2", [code])
    before = municipality_inputs_before(demo_copy, since)
    now = municipality_inputs(demo_copy)
    assert now[code].series[2024] == pytest.approx(2 * before[code].series[2024])
    assert now[other].series == before[other].series
    c = kkr.area_changes(demo_copy, [code, other], since, TODAY)
    assert c.new_editions == (("Ny 2026", date(2026, 10, 1), 1),)
    assert set(c.verdict_changes) == {code} and c.verdict_changes[code][1].value == "off_track"


def test_a_correction_with_an_old_published_date_is_in_the_period(demo_copy: Store) -> None:
    """Issue 19 item 5: a correction imported after the meeting but published before it was missed (editions were
    matched on their published date). The state then holds the editions imported by then."""
    since = date(2026, 9, 1)
    codes = queries.area_codes(queries.municipalities(demo_copy), "Nordjylland")
    each = figures.municipality_inputs(demo_copy)
    from dk2020dash.metrics.mitigation import assess_municipality

    code = next(c for c in codes if getattr(assess_municipality(each[c], TODAY), "verdict", None) is not None
                and assess_municipality(each[c], TODAY).verdict.value == "off_track")
    with demo_copy.transaction() as con:
        con.execute("INSERT INTO edition (id, name, source, published) VALUES (98, 'Rettet 2025', 'test', "
                    "DATE '2025-10-01')")
        con.execute("INSERT INTO emission SELECT municipality, year, sector, 98, "
                    "CASE WHEN year = 2024 THEN tco2e * 0.3 ELSE tco2e END, estimated FROM emission WHERE municipality = ? "
                    "AND edition = (SELECT max(edition) FROM emission WHERE municipality = ?)", [code, code])
    c = kkr.area_changes(demo_copy, codes, since, TODAY)
    assert [n for n, _, _ in c.new_editions] == ["Rettet 2025"]
    then, now = c.figure("need")
    assert now < then
    assert code in c.verdict_changes
    _, lines = kkr.change_texts(c, {}, "da")
    assert i18n.t("kkr.changes.nothing", "da") not in lines


def test_a_since_date_with_markdown_is_shown_as_typed(demo_env: Path) -> None:
    at = presentation(since="[klik](http://x.dk) **nu**")
    assert not at.exception
    message = at.error[0].value
    assert i18n.literal("[klik](http://x.dk) **nu**") in message and "\\[klik\\]" in message  # no link, no bold


# -- slide 7: climate adaptation ---------------------------------------------------------------------

def adaptation_figures(store: Store, area: str) -> tuple[int, int, int, list[str]]:
    """metrics' figures for an area, as the Tilpasning page computes them: uncovered high risks, high
    risks, municipalities assessed, and the municipalities ordered by most uncovered high risks."""
    codes = queries.area_codes(queries.municipalities(store), area)
    risks, actions = queries.risks(store, codes), queries.adaptation_actions(store, codes)
    uncovered = adaptation.uncovered_high_risks(risks, actions)
    names = dict(zip(risks["municipality"].astype(int), risks["municipality_name"]))
    counts = uncovered["municipality"].astype(int).value_counts()
    order = sorted(counts.index, key=lambda c: (-counts[c], names[c]))
    return (len(uncovered), int(risks["level"].map(adaptation.is_high_risk).sum()), risks["municipality"].nunique(),
            [f"{names[c]}:{counts[c]}" for c in order])


@pytest.mark.parametrize(("area", "lang"), [(DENMARK, "da"), ("Hovedstaden", "da"), ("Nordjylland", "en")])
def test_the_adaptation_slide_has_the_tilpasning_pages_figures(demo_store: Store, area: str, lang: str) -> None:
    d = kkr.build(demo_store, area, SINCE, lang, TODAY)
    s = d.slides[6]
    assert s.key == "adaptation" and s.title == i18n.t("kkr.title.adaptation", lang)
    n, high, assessed, order = adaptation_figures(demo_store, area)
    assert n > 0 and high >= n  # the demo has uncovered high risks everywhere
    total = len(queries.area_codes(queries.municipalities(demo_store), area))
    assert {f.label: f.value for f in s.figures} == {
        i18n.t("ad.kpi.uncovered", lang): i18n.number(n, lang),
        i18n.t("ad.kpi.high", lang): i18n.number(high, lang),
        i18n.t("kkr.fig.assessed", lang): i18n.t("ad.kpi.assessed.value", lang, n=assessed, total=total)}
    shown = [f"{m}:{c}" for m, c in zip(s.table.iloc[:, 0], s.table.iloc[:, 1])]
    assert shown == order[:kkr.UNCOVERED_ROWS]
    # The heat chart's cells are adaptation.risk_matrix, drawn as a PNG in the PowerPoint with the demo footer.
    codes = queries.area_codes(queries.municipalities(demo_store), area)
    matrix = adaptation.risk_matrix(queries.risks(demo_store, codes))
    cells = next(iter(s.charts["heat"]["datasets"].values()))
    assert sum(int(c["n"]) for c in cells) == int(matrix.to_numpy().sum())
    slide = Presentation(io.BytesIO(kkr.to_pptx(d))).slides[6]
    [blob] = pictures(slide)
    with Image.open(io.BytesIO(blob)) as im:
        assert im.format == "PNG" and im.size[0] >= 1000
    text = " | ".join(slide_texts(slide))
    assert i18n.t("kkr.footer.demo", lang) in text and "7/7" in text
    assert all(f.value in text for f in s.figures) and all(m in text for m in s.table.iloc[:, 0])


def test_demo_risks_alone_label_the_deck_as_demo(demo_copy: Store) -> None:
    """Real inventories, plans and actions but the demo's risks: the adaptation slide's figures are demo data, so
    every slide carries the demo label."""
    assert "risks" in queries.demo_kinds(demo_copy)
    tables = ("edition", "plan", "scenario", "action", "milestone")
    with demo_copy.transaction() as con:  # mark everything but the risks as real
        for table in tables:
            con.execute(f"UPDATE {table} SET is_demo = false")  # noqa: S608 - fixed SQL fragments
    assert queries.demo_kinds(demo_copy) == ["risks"]
    d = kkr.build(demo_copy, "Sjælland", SINCE, "da", TODAY)
    assert d.demo and i18n.t("kkr.footer.demo", "da") in d.footer


def test_slide_7_on_the_page_shows_the_tilpasning_pages_figures(demo_env: Path) -> None:
    at = presentation(area="Region Hovedstaden", since=SINCE.isoformat(), slide="7")
    assert not at.exception and title(at) == "Klimatilpasning"
    shown = {m.label: m.value for m in at.metric}
    tilpasning = page("pages/tilpasning.py", runs=2, area="Region Hovedstaden")
    on_page = {m.label: m.value for m in tilpasning.metric}
    for key in ("ad.kpi.uncovered", "ad.kpi.high"):
        label = i18n.t(key, "da")
        assert shown[label] == on_page[label], label
    assert shown[i18n.t("kkr.fig.assessed", "da")] == on_page[i18n.t("ad.kpi.assessed", "da")]
    assert int(shown[i18n.t("ad.kpi.uncovered", "da")]) > 0
    [spec] = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]  # the heat chart, as on Tilpasning
    assert spec["title"]["text"] == i18n.t("ad.chart.heat.title", "da")
    assert "chart-dl-kkr-heat-png" in {b.key for b in at.get("download_button")}


def test_the_headline_figures_say_a_rise_as_a_rise() -> None:
    from dk2020dash.metrics.mitigation import MunicipalityInputs, PlanTargets, assess_municipality

    plan = PlanTargets(baseline_year=1990, net_zero_year=2050, targets={2030: 0.70})
    up = assess_municipality(MunicipalityInputs(code=101, series={1990: 1000.0, 2022: 1020.0, 2023: 1030.0,
                                                                  2024: 1040.0}, plan=plan, expected_by_status={},
                                                population=1000.0), date(2026, 6, 30))
    figures = {f.label: f.value for f in kkr.headline_figures(up, "da")}
    assert figures["Stigning siden 1990"] == "4\u00a0%" and "Reduktion siden 1990" not in figures
    assert {f.label: f.value for f in kkr.headline_figures(up, "en")}["Increase since 1990"] == "4%"
