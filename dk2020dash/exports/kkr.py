"""The KKR meeting pack: seven slides on an area since a date, as one model that the Præsentation page shows and
that becomes PowerPoint (python-pptx, charts rendered offline by vl-convert) or PDF (LibreOffice headless)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from dk2020dash import figures, i18n, labels, queries
from dk2020dash.db.store import Store
from dk2020dash.domain import DENMARK, REGIONS, TARGET_YEAR, Verdict
from dk2020dash.exports.since import SinceError, parse_since  # noqa: F401 - kkr.SinceError, kkr.parse_since
from dk2020dash.metrics import adaptation
from dk2020dash.metrics.changes import Changes
from dk2020dash.metrics.followup import follow_up, milestone_windows, stale_since
from dk2020dash.metrics.mitigation import (
    Progress,
    Unavailable,
    assess,
    assess_municipality,
    lacking_text,
)
from dk2020dash.views import alternatives, charts, maps, sentences

SLIDES: tuple[str, ...] = ("verdict", "trajectory", "map", "bridge", "changes", "follow_up", "adaptation")
DEFAULT_SINCE_DAYS = 90
TOP_MANKO = 7  # municipalities with the largest manko on slide 4
FOLLOW_UP_ROWS = 8  # municipalities on slide 6
UNCOVERED_ROWS = 5  # municipalities with the most uncovered high risks on slide 7
MOVES_SHOWN = 4  # largest moves between bridge parts on slide 5
VERDICT_CHANGES_SHOWN = 8
CHART_SCALE = 2  # vl-convert scale: 2 × the chart's pixel size, sharp on a projector
PDF_INSTALL = "apt-get install libreoffice-impress"


class PdfUnavailable(RuntimeError):
    """LibreOffice (soffice) is not installed, or failed to convert."""


def parse_area(text: str) -> str:
    """Denmark (Danmark, Denmark, DK) or a region by name, with or without "Region", in any case: the area code."""
    key = text.strip().casefold()
    if key in ("dk", "danmark", "denmark"):
        return DENMARK
    key = key.removeprefix("region ").strip()
    for region in REGIONS:
        if region.casefold() == key:
            return region
    raise ValueError(i18n.t("kkr.bad_area", "da", area=text, areas=", ".join(("Danmark", *REGIONS))))


def default_since(today: date) -> date:
    return today - timedelta(days=DEFAULT_SINCE_DAYS)


def area_name(area: str, lang: str) -> str:
    return i18n.t("area.DK", lang) if area == DENMARK else i18n.t("area.region", lang, name=area)


@dataclass(frozen=True)
class Figure:
    label: str
    value: str


@dataclass
class Slide:
    """One slide: title, a lead sentence, headline figures, lines, charts (Vega-Lite specs), a table, notes."""

    key: str
    title: str
    lead: str = ""
    figures: list[Figure] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    charts: dict[str, dict] = field(default_factory=dict)
    table: pd.DataFrame | None = None
    table_title: str = ""
    notes: str = ""
    alt: dict[str, alternatives.TextAlternative] = field(default_factory=dict)  # per chart: its sentence and data


@dataclass
class Deck:
    area: str
    area_name: str
    lang: str
    since: date
    today: date
    data_year: int | None
    demo: bool
    slides: list[Slide]

    @property
    def footer(self) -> str:
        """On every slide: the area, the data year and, while demo data is loaded, the demo label."""
        year = str(self.data_year) if self.data_year else "–"
        parts = [self.area_name, i18n.t("kkr.footer.year", self.lang, year=year),
                 i18n.t("kkr.footer.since", self.lang, since=i18n.day(self.since, self.lang))]
        if self.demo:
            parts.append(i18n.t("kkr.footer.demo", self.lang))
        return " · ".join(parts)

    def file_name(self, ext: str) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.area_name.lower().replace("æ", "ae").replace("ø", "oe")
                      .replace("å", "aa")).strip("-")
        return f"kkr-{slug}-{self.since.isoformat()}.{ext}"


# -- the model ------------------------------------------------------------------------------------

def _reason(result: Unavailable, lang: str, names: dict[int, str]) -> str:
    detail = lacking_text(result.lacking, lambda c: names.get(c, str(c))) if result.lacking else result.detail
    return i18n.t("cannot_compute", lang, reason=i18n.t(f"unavailable.{result.reason}", lang, detail=detail))


def _verdict_word(v: Verdict | None, lang: str) -> str:
    return labels.verdict(v, lang) if v is not None else i18n.t("map.legend.none", lang)


def build(store: Store, area: str, since: date, lang: str = "da", today: date | None = None) -> Deck:
    """The seven slides for Denmark or a region, with changes from `since` to `today` (validate `since` first
    with parse_since). Every figure is metrics', formatted by i18n as the app's pages format it."""
    area = parse_area(area)
    today = today or date.today()
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    munis = queries.municipalities(store)
    names = dict(zip(munis["code"].astype(int), munis["name"]))
    codes = queries.area_codes(munis, area)
    inputs = figures.municipality_inputs(store)
    p = assess(inputs, codes, today)
    each = {c: assess_municipality(inputs[c], today) for c in codes if c in inputs}
    demo = bool(queries.demo_kinds(store))
    name = area_name(area, lang)
    editions = sentences.edition_sources(queries.newest_editions(store), codes, names, lang)
    deck = Deck(area=area, area_name=name, lang=lang, since=since, today=today,
                data_year=p.latest_year if isinstance(p, Progress) else None, demo=demo, slides=[])
    n = len(codes)
    source = t("kkr.notes.source", count=n, area=name, editions=editions, today=i18n.day(today, lang))

    # 1. verdict and headline figures
    s1 = Slide("verdict", t("kkr.title.verdict", area=name))
    if isinstance(p, Progress):
        s1.lead = sentences.area_sentence(p, name, lang)
        s1.figures = headline_figures(p, lang)
        s1.notes = " ".join([source, t("kkr.notes.verdict", year=p.latest_year,
                                        d=i18n.number(p.deviation * 100, lang, 1))])
    else:
        s1.lead = _reason(p, lang, names)
        s1.notes = source
    deck.slides.append(s1)

    # 2. trajectory against the target path
    s2 = Slide("trajectory", t("kkr.title.trajectory", area=name))
    if isinstance(p, Progress):
        scenarios = queries.scenarios(store, list(p.members))
        s2.charts["trajectory"] = charts.trajectory(p, lang, scenarios).to_dict()
        s2.alt["trajectory"] = alternatives.trajectory(p, lang, scenarios)
        s2.notes = " ".join([source, t("kkr.notes.trajectory")])
    else:
        s2.lead = _reason(p, lang, names)
    deck.slides.append(s2)

    # 3. the municipalities on a map, coloured by verdict, and their count per verdict
    s3 = Slide("map", t("kkr.title.map", area=name))
    rows = pd.DataFrame([{"code": c, "name": names[c],
                          "verdict": each[c].verdict.value if isinstance(each.get(c), Progress) else None,
                          "label_lat": float(m.label_lat), "label_lon": float(m.label_lon),
                          "area_km2": float(m.area_km2) if not pd.isna(m.area_km2) else 50.0}
                         for c, m in zip(munis["code"].astype(int), munis.itertuples()) if c in codes])
    features = load_boundaries(set(codes))
    s3.charts["map"] = charts.verdict_map(rows, lang, features).to_dict()
    s3.alt["map"] = alternatives.verdict_list(rows, lang)
    s3.figures = verdict_figures(each, lang)
    s3.lead = t("kkr.map.lead", n=sum(isinstance(r, Progress) for r in each.values()), count=n)
    s3.notes = " ".join([source, t("kkr.notes.map", attribution=maps.ATTRIBUTION)])
    deck.slides.append(s3)

    # 4. the reduction bridge, the manko, and the municipalities with the largest manko
    s4 = Slide("bridge", t("kkr.title.bridge", area=name, year=TARGET_YEAR))
    if isinstance(p, Progress):
        s4.charts["bridge"] = charts.reduction_bridge(p.bridge, lang).to_dict()
        s4.alt["bridge"] = alternatives.bridge(p.bridge, lang)
        parts = (p.bridge.need, p.bridge.covered, p.manko)  # side by side on the slide: one unit
        tn = lambda v: i18n.tonnes(v, lang, like=parts)  # noqa: E731
        s4.figures = [Figure(t("kkr.fig.need", year=TARGET_YEAR), tn(p.bridge.need)),
                      Figure(t("kkr.fig.covered"), tn(p.bridge.covered)),
                      Figure(t("kkr.fig.manko", year=TARGET_YEAR), tn(p.manko))]
        s4.lead = " ".join([t("kkr.bridge.lead", manko=tn(p.manko), year=TARGET_YEAR,
                              need=tn(p.bridge.need)), *sentences.bridge_notes(p.bridge, lang, p.latest_year)])
        s4.notes = " ".join([source, t("kkr.notes.bridge", year=p.latest_year)])
    else:
        s4.lead = _reason(p, lang, names)
    top = sorted(((r.manko, c) for c, r in each.items() if isinstance(r, Progress) and r.manko > 0), reverse=True)
    s4.table_title = t("kkr.bridge.top", count=min(TOP_MANKO, len(top)))
    s4.table = pd.DataFrame({t("ov.col.municipality"): [names[c] for _, c in top[:TOP_MANKO]],
                             t("kkr.fig.manko", year=TARGET_YEAR): [i18n.tonnes(m, lang, like=[x for x, _ in top[:TOP_MANKO]])
                                                                    for m, _ in top[:TOP_MANKO]],
                             t("ov.col.verdict"): [_verdict_word(each[c].verdict, lang) for _, c in top[:TOP_MANKO]]})
    deck.slides.append(s4)

    # 5. what changed since the date
    changes = area_changes(store, codes, since, today, inputs)
    s5 = Slide("changes", t("kkr.title.changes", since=i18n.day(since, lang)))
    s5.figures, s5.lines = change_texts(changes, names, lang)
    s5.lead = t("kkr.changes.lead", since=i18n.day(since, lang), today=i18n.day(today, lang))
    s5.notes = t("kkr.notes.changes")
    deck.slides.append(s5)

    # 6. follow-up: overdue milestones and stale actions per municipality
    s6 = Slide("follow_up", t("kkr.title.follow_up"))
    fu = follow_up(queries.actions_filtered(store, codes, stale_since=stale_since(today)),  # cut in SQL: the same rules
                   queries.open_milestones(store, codes, *milestone_windows(today)["overdue"]), today)
    s6.figures = [Figure(t("kkr.fig.overdue"), i18n.number(int(fu["overdue"].sum()), lang)),
                  Figure(t("kkr.fig.stale"), i18n.number(int(fu["stale"].sum()), lang)),
                  Figure(t("kkr.fig.follow_up_munis"), i18n.number(len(fu), lang))]
    shown = fu.head(FOLLOW_UP_ROWS)
    s6.table_title = t("kkr.follow_up.top", count=len(shown))
    s6.table = pd.DataFrame({t("ov.col.municipality"): [names[int(c)] for c in shown["municipality"]],
                             t("kkr.col.overdue"): [i18n.number(int(v), lang) for v in shown["overdue"]],
                             t("kkr.col.stale"): [i18n.number(int(v), lang) for v in shown["stale"]]})
    s6.lead = t("kkr.follow_up.lead", today=i18n.day(today, lang))
    s6.notes = t("kkr.notes.follow_up")
    deck.slides.append(s6)

    # 7. climate adaptation: hazard × risk level, and the high risks without adaptation under way
    deck.slides.append(adaptation_slide(store, codes, name, lang, today))
    return deck


def adaptation_slide(store: Store, codes: list[int], name: str, lang: str, today: date) -> Slide:
    """Slide 7: the Tilpasning page's heat chart (adaptation.risk_matrix), its count of uncovered high risks
    (adaptation.uncovered_high_risks) and the municipalities with the most of them."""
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    risks = queries.risks(store, codes)
    actions = queries.adaptation_actions(store, codes)
    uncovered = adaptation.uncovered_high_risks(risks, actions)
    assessed = int(risks["municipality"].nunique()) if len(risks) else 0
    high = int(risks["level"].map(adaptation.is_high_risk).sum()) if len(risks) else 0
    s = Slide("adaptation", t("kkr.title.adaptation"))
    s.figures = [Figure(t("ad.kpi.uncovered"), i18n.number(len(uncovered), lang)),  # as the Tilpasning page
                 Figure(t("ad.kpi.high"), i18n.number(high, lang)),
                 Figure(t("kkr.fig.assessed"), t("ad.kpi.assessed.value", n=assessed, total=len(codes)))]
    if not len(risks):
        s.lead = t("kkr.adaptation.none")
    else:
        matrix = adaptation.risk_matrix(risks)
        s.charts["heat"] = charts.risk_heatmap(matrix, lang, assessed).to_dict()
        s.alt["heat"] = alternatives.risk_heatmap(matrix, lang, assessed)
        s.lead = t("kkr.adaptation.lead", n=i18n.number(len(uncovered), lang), count=high)
    names = dict(zip(risks["municipality"].astype(int), risks["municipality_name"], strict=True))
    per = uncovered.groupby("municipality")["hazard"].agg(list) if len(uncovered) else pd.Series(dtype=object)
    top = sorted(per.items(), key=lambda kv: (-len(kv[1]), names[int(kv[0])]))[:UNCOVERED_ROWS]
    s.table_title = t("kkr.adaptation.top", count=len(top)) if top else t("ad.uncovered.none")
    s.table = pd.DataFrame({
        t("ov.col.municipality"): [names[int(c)] for c, _ in top],
        t("kkr.col.uncovered"): [i18n.number(len(h), lang) for _, h in top],
        t("ad.col.hazards"): [", ".join(labels.hazard(x, lang) for x in h) for _, h in top]})
    s.notes = t("kkr.notes.adaptation", assessed=assessed, municipalities=t("n.municipalities", count=len(codes)),
                area=name)
    return s


def headline_figures(p: Progress, lang: str) -> list[Figure]:
    """Emissions, reduction, target, manko, data year: the figures of slide 1, as the Overblik page gives them."""
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    return [
        Figure(t("kkr.fig.verdict"), labels.verdict(p.verdict, lang) if p.headline
               else i18n.t("map.legend.none", lang)),
        Figure(t("kkr.fig.emissions", year=p.latest_year), i18n.tonnes(p.latest, lang)),
        Figure(t("kkr.fig.reduction" if p.reduction >= 0 else "kkr.fig.increase", since=sentences.since_text(p, lang)),
               i18n.percent(abs(p.reduction), lang)),  # a rise reads "Stigning siden 1990: 4 %"
        Figure(t("kkr.fig.target", year=TARGET_YEAR), i18n.percent(p.target_reduction_2030, lang)),
        Figure(t("kkr.fig.manko", year=TARGET_YEAR), i18n.tonnes(p.manko, lang)),
        Figure(t("kkr.fig.year", count=p.data_lag), str(p.latest_year)),
    ]


def verdict_figures(each: dict[int, Progress | Unavailable], lang: str) -> list[Figure]:
    counts = {v: 0 for v in Verdict}
    for r in each.values():
        if isinstance(r, Progress):
            counts[r.verdict] += 1
    out = [Figure(labels.verdict(v, lang), i18n.number(n, lang)) for v, n in counts.items()]
    missing = sum(not isinstance(r, Progress) for r in each.values())
    if missing:
        out.append(Figure(i18n.t("map.legend.none", lang), i18n.number(missing, lang)))
    return out


def load_boundaries(codes: set[int]) -> dict[int, dict]:
    """The boundary features (the shipped file, or DK2020_BOUNDARIES); empty when they cannot be read, and the
    map falls back to circles."""
    path, _named = maps.boundaries_path()
    if path is None:
        return {}
    try:
        return maps.read_boundaries(path, codes)
    except maps.BoundaryError:
        return {}


def area_changes(store: Store, codes: list[int], since: date, today: date, inputs: dict | None = None) -> Changes:
    """figures.area_changes: the area at the start of `since` and at `today`, by the same functions."""
    return figures.area_changes(store, codes, since, today, inputs)


def change_texts(c: Changes, names: dict[int, str], lang: str) -> tuple[list[Figure], list[str]]:
    """Slide 5's figures and lines: the manko then → now, the actions that moved it (largest first, by name), the
    editions and corrections, the verdicts that changed."""
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    before, now = c.figure("manko")
    manko = "–" if now is None else i18n.tonnes(now, lang)
    if before is not None and now is not None:
        manko = t("kkr.changes.then_now", then=i18n.tonnes(before, lang), now=i18n.tonnes(now, lang))
    n_moved = sum(m.old != m.new for m in c.moves)
    figures_ = [Figure(t("kkr.fig.manko", year=TARGET_YEAR), manko),
                Figure(t("kkr.fig.status_changes"), i18n.number(c.status_changes, lang)),
                Figure(t("kkr.fig.tonnes_moved"), i18n.tonnes(c.tonnes_moved, lang)),
                Figure(t("kkr.fig.milestones_done"), i18n.number(len(c.milestones_done), lang)),
                Figure(t("kkr.fig.editions"), i18n.number(len(c.new_editions) + len(c.corrections), lang))]
    lines = []
    old_v, new_v = c.verdict_change
    if old_v != new_v:
        lines.append(t("kkr.changes.area_verdict", old=_verdict_word(old_v, lang), new=_verdict_word(new_v, lang)))
    for m in c.moves[:MOVES_SHOWN]:
        where = f"{i18n.literal(m.title)} ({names.get(m.municipality, m.municipality)})"
        if m.old == m.new:
            lines.append(t("kkr.changes.revised", action=where, then=i18n.tonnes(m.tonnes_before, lang),
                           now=i18n.tonnes(m.tonnes, lang)))
        else:
            lines.append(t("kkr.changes.moved", action=where, tonnes=i18n.tonnes(m.tonnes, lang),
                           old=labels.change_part(m.old, lang), new=labels.change_part(m.new, lang)))
    if len(c.moves) > MOVES_SHOWN:
        lines.append(t("kkr.changes.moved_more", count=len(c.moves) - MOVES_SHOWN))
    if c.status_changes and not n_moved:
        lines.append(t("kkr.changes.no_move"))
    for name, published, n in c.new_editions:
        lines.append(t("kkr.changes.edition", name=i18n.literal(name), date=i18n.day(published, lang), count=n))
    for file_name, day in c.corrections:
        lines.append(t("kkr.changes.correction", file=i18n.literal(file_name), date=i18n.day(day, lang)))
    changed = list(c.verdict_changes.items())
    for code, (old, new) in changed[:VERDICT_CHANGES_SHOWN]:
        lines.append(t("kkr.changes.verdict", name=names.get(code, str(code)), old=_verdict_word(old, lang),
                       new=_verdict_word(new, lang)))
    if len(changed) > VERDICT_CHANGES_SHOWN:
        lines.append(t("kkr.changes.verdict_more", count=len(changed) - VERDICT_CHANGES_SHOWN))
    if (c.new_editions or c.corrections) and not changed:
        lines.append(t("kkr.changes.verdict_none"))
    if not (c.moves or c.status_changes or c.milestones_done or c.milestones_overdue or c.new_editions
            or c.corrections or changed):
        lines.append(t("kkr.changes.nothing"))
    return figures_, lines


# -- rendering: PNG charts, PowerPoint, PDF --------------------------------------------------------

CHART_WIDTH = {"trajectory": 980, "bridge": 600, "map": None, "heat": 320}


def chart_png(spec: dict, width: int | None = None, scale: float = CHART_SCALE) -> bytes:
    """A Vega-Lite spec as PNG, rendered offline by vl-convert (no fonts or data from the internet)."""
    import vl_convert as vlc

    spec = dict(spec)
    if width:
        spec["width"] = width
    return vlc.vegalite_to_png(spec, scale=scale)


def chart_svg(spec: dict, width: int | None = None) -> str:
    import vl_convert as vlc

    spec = dict(spec)
    if width:
        spec["width"] = width
    return vlc.vegalite_to_svg(spec)


def to_pptx(deck: Deck) -> bytes:
    """The deck as PowerPoint, 16:9: title, figures, charts as PNG, tables, speaker notes, footer on every slide."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Emu, Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    layout = prs.slide_layouts[5]  # title only: the title is the slide's real title (outline, screen readers)
    dark, grey, warn = RGBColor(0x1F, 0x1F, 0x1F), RGBColor(0x55, 0x55, 0x55), RGBColor(0x8A, 0x4B, 0x00)
    W, H = prs.slide_width, prs.slide_height
    margin = Inches(0.5)
    inner = W - 2 * margin
    bottom = H - Inches(0.7)  # the footer sits below

    def fit(text: str, width_emu: int, largest: float, smallest: float = 14) -> float:
        """A font size at which one line of `text` fits the width (DejaVu Sans averages about 0.6 em)."""
        width_pt = width_emu / 12700 - 24
        return max(smallest, min(largest, width_pt / (0.64 * max(len(text), 1))))  # bold is wider

    def text_box(slide, left, top, width, height, lines, size, bold=False, colour=dark):
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        for k, line in enumerate(lines if isinstance(lines, list) else [lines]):
            para = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
            run = para.add_run()
            run.text = line
            run.font.size, run.font.bold = Pt(size), bold
            run.font.color.rgb = colour
            para.space_after = Pt(size * 0.35)
        return box

    def picture(slide, png: bytes, left, top, max_w, max_h, alt: alternatives.TextAlternative | None = None):
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            w, h = im.size
        ratio = min(max_w / w, max_h / h)
        width, height = int(w * ratio), int(h * ratio)
        pic = slide.shapes.add_picture(io.BytesIO(png), left + (max_w - width) // 2, top, Emu(width), Emu(height))
        if alt is not None:  # the picture's alt text, read by screen readers in PowerPoint and in the PDF
            pic._element.nvPicPr.cNvPr.set("descr", alt.summary)

    def table(slide, df: pd.DataFrame | None, left, top, width, title: str, widths: tuple[float, ...]):
        text_box(slide, left, top, width, Inches(0.5), title, fit(title, width, 18, 13), bold=True)
        if df is None or df.empty:
            return
        rows, cols = len(df) + 1, len(df.columns)
        row_h = Inches(0.42)
        shape = slide.shapes.add_table(rows, cols, left, top + Inches(0.55), width, row_h * rows)
        tbl = shape.table
        for j, share in enumerate(widths):
            tbl.columns[j].width = int(width * share)
        for i in range(rows):
            tbl.rows[i].height = row_h
            for j in range(cols):
                cell = tbl.cell(i, j)
                cell.text = str(df.columns[j] if i == 0 else df.iloc[i - 1, j])
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.margin_top = cell.margin_bottom = Inches(0.03)
                for para in cell.text_frame.paragraphs:
                    para.alignment = PP_ALIGN.LEFT if j == 0 else PP_ALIGN.RIGHT
                    for run in para.runs:
                        run.font.size, run.font.bold = Pt(14 if i == 0 else 15), i == 0

    def figures(slide, figs: list[Figure], left, top, width, per_row: int, largest: float, box_h=Inches(1.25)):
        gap = Inches(0.2)
        w = (width - gap * (per_row - 1)) // per_row
        for k, f in enumerate(figs):
            x = left + (w + gap) * (k % per_row)
            y = top + (box_h + gap) * (k // per_row)
            box = slide.shapes.add_shape(1, x, y, w, box_h)  # a rectangle
            box.fill.solid()
            box.fill.fore_color.rgb = RGBColor(0xF2, 0xF4, 0xF7)
            box.line.color.rgb = RGBColor(0xC8, 0xCD, 0xD3)
            box.shadow.inherit = False
            frame = box.text_frame
            frame.word_wrap = True
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            frame.margin_left = frame.margin_right = Inches(0.15)
            size = fit(f.value, w, largest)
            for k2, (text, pt, bold, colour) in enumerate(((f.label, 16, False, grey), (f.value, size, True, dark))):
                para = frame.paragraphs[0] if k2 == 0 else frame.add_paragraph()
                para.alignment = PP_ALIGN.LEFT
                run = para.add_run()
                run.text = text
                run.font.size, run.font.bold, run.font.color.rgb = Pt(pt), bold, colour

    for number, s in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = margin, Inches(0.3), inner, Inches(0.85)
        title.text = s.title
        title.text_frame.word_wrap = True
        title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        for para in title.text_frame.paragraphs:
            para.alignment = PP_ALIGN.LEFT
            for run in para.runs:
                run.font.size, run.font.bold, run.font.color.rgb = Pt(fit(s.title, inner, 34, 24)), True, dark
        footer = deck.footer
        text_box(slide, margin, H - Inches(0.6), inner - Inches(1.2), Inches(0.45), footer, 14,
                 colour=warn if deck.demo else grey)
        counter = text_box(slide, W - margin - Inches(1.2), H - Inches(0.6), Inches(1.2), Inches(0.45),
                           f"{number}/{len(deck.slides)}", 14, colour=grey)
        counter.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        top = Inches(1.2)
        if s.lead:
            big = s.key == "verdict"
            two_lines = len(s.lead) > 100
            text_box(slide, margin, top, inner, Inches(1.4 if big else 0.6), s.lead, 26 if big else 20, bold=big)
            top += Inches(1.65 if big else (1.05 if two_lines else 0.7))
        body_h = bottom - top
        if s.key == "verdict":
            figures(slide, s.figures, margin, top + Inches(0.1), inner, 3, 40, Inches(1.35))
        elif s.key == "trajectory" and "trajectory" in s.charts:
            spec = dict(s.charts["trajectory"], height=430)
            picture(slide, chart_png(spec, CHART_WIDTH["trajectory"]), margin, top, inner, body_h,
                    s.alt.get("trajectory"))
        elif s.key == "map":
            left_w = int(inner * 0.6)
            picture(slide, chart_png(s.charts["map"]), margin, top, left_w, body_h - Inches(0.3), s.alt.get("map"))
            right = margin + left_w + Inches(0.4)
            figures(slide, s.figures, right, top, inner - left_w - Inches(0.4), 1, 34, Inches(0.95))
            text_box(slide, margin, bottom - Inches(0.3), left_w, Inches(0.3), maps.ATTRIBUTION, 11, colour=grey)
        elif s.key == "bridge":
            left_w = int(inner * 0.55)
            if "bridge" in s.charts:
                picture(slide, chart_png(s.charts["bridge"], CHART_WIDTH["bridge"]), margin, top, left_w,
                        body_h - Inches(0.95), s.alt.get("bridge"))
            text_box(slide, margin, bottom - Inches(0.85), left_w, Inches(0.8),
                     " · ".join(f"{f.label}: {f.value}" for f in s.figures), 14, bold=True)
            right = margin + left_w + Inches(0.4)
            table(slide, s.table, right, top, inner - left_w - Inches(0.4), s.table_title, (0.29, 0.29, 0.42))
        elif s.key == "changes":
            figures(slide, s.figures, margin, top, inner, 5, 30, Inches(1.15))
            text_box(slide, margin, top + Inches(1.35), inner, body_h - Inches(1.35),
                     [f"• {line}" for line in s.lines], 18 if len(s.lines) <= 7 else 15)
        elif s.key == "follow_up":
            left_w = int(inner * 0.3)
            figures(slide, s.figures, margin, top, left_w, 1, 34, Inches(1.05))
            right = margin + left_w + Inches(0.4)
            table(slide, s.table, right, top, inner - left_w - Inches(0.4), s.table_title, (0.4, 0.3, 0.3))
        elif s.key == "adaptation":
            left_w = int(inner * 0.42)
            if "heat" in s.charts:
                picture(slide, chart_png(s.charts["heat"], CHART_WIDTH["heat"]), margin, top, left_w, body_h,
                        s.alt.get("heat"))
            right = margin + left_w + Inches(0.4)
            right_w = inner - left_w - Inches(0.4)
            figures(slide, s.figures, right, top, right_w, 3, 30, Inches(1.05))
            table(slide, s.table, right, top + Inches(1.3), right_w, s.table_title, (0.27, 0.16, 0.57))
        slide.notes_slide.notes_text_frame.text = "\n".join([s.notes, footer] if s.notes else [footer])
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(pptx: bytes, timeout: float = 180) -> bytes:
    """The PowerPoint converted by LibreOffice headless; PdfUnavailable (saying what to install) without it."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailable(f"LibreOffice (soffice) mangler; installér den med: {PDF_INSTALL}")
    with tempfile.TemporaryDirectory(prefix="dk2020-pdf-") as tmp:
        src = Path(tmp) / "deck.pptx"
        src.write_bytes(pptx)
        # A profile of its own, so a LibreOffice the user has open does not take the job (or block it).
        profile = Path(tmp, "profile").as_uri()
        done = subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                               "--outdir", tmp, str(src)], capture_output=True, text=True, timeout=timeout)
        pdf = Path(tmp) / "deck.pdf"
        if done.returncode != 0 or not pdf.is_file():
            raise PdfUnavailable(f"LibreOffice kunne ikke konvertere præsentationen: {done.stderr.strip()[:300]}")
        return pdf.read_bytes()
