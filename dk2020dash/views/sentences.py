"""The plain-language sentences a mayor reads aloud, built from a Progress (no Streamlit, no SQL)."""
from __future__ import annotations

from collections.abc import Collection, Mapping

import pandas as pd

from dk2020dash import i18n, labels
from dk2020dash.domain import NATIONAL_TARGET_2030, TARGET_YEAR, Verdict
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.mitigation import Progress, Trend, Unavailable


def verdict_label(verdict: Verdict | str, lang: str) -> str:
    """The verdict as icon and word, never colour alone: "✅ På rette vej"."""
    v = Verdict(verdict).value
    return f"{labels.verdict_icon(v)} {labels.verdict(v, lang)}"


def baseline_year(progress: Progress) -> int | None:
    """The members' common baseline year, or None when their plans use different ones."""
    years = {path[0][0] for path in progress.paths}
    return years.pop() if len(years) == 1 else None


def since_text(progress: Progress, lang: str) -> str:
    year = baseline_year(progress)
    return i18n.t("ov.sent.since_year", lang, year=year) if year else i18n.t("ov.sent.since_baseline", lang)


def reduction_clause(progress: Progress, name: str, lang: str) -> str:
    """"X har reduceret udledningen med 41 % siden 1990." (or "øget ..." when emissions rose)."""
    key = "ov.sent.reduced" if progress.reduction >= 0 else "ov.sent.increased"
    return i18n.t(key, lang, name=name, pct=i18n.percent(abs(progress.reduction), lang), since=since_text(progress, lang))


def target_clause(progress: Progress, lang: str) -> str:
    return i18n.t("ov.sent.target", lang, year=TARGET_YEAR, pct=i18n.percent(progress.target_reduction_2030, lang))


def coverage_text(progress: Progress, lang: str) -> str:
    """"kan ikke vurderes for området: 1 af 98 kommuner har en opgørelse" (an area under 90 % coverage)."""
    return i18n.t("ov.sent.coverage", lang, n=i18n.number(len(progress.members), lang), count=progress.asked)


def verdict_head(progress: Progress, name: str, lang: str) -> str:
    """"✅ Region X er på rette vej mod målet for 2030." (or, under 90 % coverage, why the area is not judged)."""
    if not progress.headline:
        return f"ℹ️ {name}: {coverage_text(progress, lang)}."
    v = progress.verdict.value
    return i18n.t(f"ov.sent.verdict.{v}", lang, icon=labels.verdict_icon(v), name=name)


def verdict_basis_text(progress: Progress, lang: str) -> str:
    """Why the verdict is what it is, in one clause: the forecast against the target and the two paces, or the
    latest year's position when there is no trend."""
    if progress.verdict_basis == "position":
        return i18n.t("ov.sent.basis.position", lang, year=progress.latest_year)
    return i18n.t("ov.sent.basis.forecast", lang, year=TARGET_YEAR,
                  forecast=i18n.tonnes(progress.forecast_2030, lang), target=i18n.tonnes(progress.target_2030, lang))


def area_sentence(progress: Progress, name: str, lang: str) -> str:
    """"✅ Region Hovedstaden er på rette vej. Region Hovedstaden har reduceret udledningen med 41 % siden 1990.
    Målet for 2030 er 70 %. 12 af 29 kommuner er på rette vej." (plus how many cannot be computed); under 90 %
    coverage the head says the area cannot be judged."""
    counts = progress.verdict_counts()
    total = len(progress.verdicts) + len(progress.excluded)
    parts = [verdict_head(progress, name, lang), reduction_clause(progress, name, lang),
             target_clause(progress, lang),
             i18n.t("ov.sent.on_track_count", lang, n=counts[Verdict.ON_TRACK], count=total)]
    if progress.excluded:
        parts.append(i18n.t("ov.sent.excluded_count", lang, n=len(progress.excluded)))
    return " ".join(parts)


def municipality_sentence(progress: Progress, name: str, lang: str) -> str:
    """"✅ København er på rette vej. København har reduceret udledningen med 46 % siden 1990. Målet for 2030 er
    50 %." """
    v = progress.verdict.value
    head = i18n.t(f"ov.sent.verdict.{v}", lang, icon=labels.verdict_icon(v), name=name)
    return " ".join([head, reduction_clause(progress, name, lang), target_clause(progress, lang)])


def freshness_note(progress: Progress, lang: str) -> str:
    """"Opgørelsesår 2024 · data er 2 år gamle": the verdict always travels with its year and data lag."""
    return i18n.t("ov.sent.freshness", lang, year=progress.latest_year, count=progress.data_lag)


def verdict_note(progress: Progress, lang: str) -> str:
    """The caption under the headline: the year and data lag, and what the verdict rests on ("Trenden fører til
    275 t i 2030 mod et mål på 300 t.", or the latest year's position when there is no trend)."""
    note = freshness_note(progress, lang)
    return f"{note} · {verdict_basis_text(progress, lang)}" if progress.headline else note


def trajectory_title(progress: Progress, lang: str) -> str:
    """The trajectory chart's finding: "Udledningen er faldet 41 % siden 1990 – målet for 2030 er 70 %"."""
    key = "chart.traj.title_fall" if progress.reduction >= 0 else "chart.traj.title_rise"
    return i18n.t(key, lang, pct=i18n.percent(abs(progress.reduction), lang), since=since_text(progress, lang),
                  year=TARGET_YEAR, target=i18n.percent(progress.target_reduction_2030, lang))


def zero_year_text(progress: Progress, lang: str) -> str:
    """The year the trend reaches zero, "nået" when E(latest) is already at or below zero, or "ikke før 2100";
    "–" without a trend."""
    if not isinstance(progress.trend, Trend):
        return "–"
    if progress.trend.reached:
        return i18n.t("zero_year.reached", lang)
    year = progress.trend.zero_year
    return str(year) if year is not None else i18n.t("never_before_2100", lang)


def pace_reached(progress: Progress) -> bool:
    """P ≤ 0: the latest emissions are at or below the 2030 target, so the required pace reads "målet for 2030 er
    nået" rather than a number."""
    return not isinstance(progress.required_pace, Unavailable) and progress.required_pace <= 0


def shown_pace(progress: Progress) -> float | None:
    """The required pace as shown: max(0, P); None when it cannot be computed (past 2030)."""
    return None if isinstance(progress.required_pace, Unavailable) else max(0.0, progress.required_pace)


def national_frame(progress: Progress, lang: str) -> str | None:
    """The national frame (DESIGN §4): the members' combined 2030 target and the 2030 forecast as reductions
    against their 1990 emissions, beside Klimaloven's −70 %; a sentence saying it cannot be shown without the
    members' 1990 inventories."""
    if progress.baseline_1990 is None:
        return i18n.t("ov.national.no_1990", lang, pct=i18n.percent(NATIONAL_TARGET_2030, lang))
    target = progress.versus_1990(progress.target_2030)
    forecast = progress.versus_1990(progress.forecast_2030)
    values = {"target": i18n.percent(target, lang), "national": i18n.percent(NATIONAL_TARGET_2030, lang),
              "year": TARGET_YEAR}
    if forecast is None:
        return i18n.t("ov.national.target_only", lang, **values)
    key = "ov.national" if forecast >= 0 else "ov.national.rise"
    return i18n.t(key, lang, forecast=i18n.percent(abs(forecast), lang), **values)


def reduction_card(progress: Progress, lang: str) -> tuple[str, str]:
    """The reduction card's label and figure: "Reduktion siden 1990" and "41 %"; when emissions rose, the rise as a
    rise, "Stigning siden 1990" and "4 %" (never a reduction of −4 %)."""
    key = "ov.kpi.reduction" if progress.reduction >= 0 else "ov.kpi.increase"
    return i18n.t(key, lang, since=since_text(progress, lang)), i18n.percent(abs(progress.reduction), lang)


def observed_text(progress: Progress, lang: str) -> str | None:
    """The observed pace beside the required one, in the same unit: "Faktisk fald pr. år (trend): 615 kt CO2e/år",
    or "Faktisk stigning pr. år (trend): 18 kt CO2e/år" when the trend rises; None without a trend."""
    observed = progress.observed_pace
    if observed is None:
        return None
    required = shown_pace(progress)
    key = "ov.kpi.observed" if observed >= 0 else "ov.kpi.observed_rise"
    value = i18n.tonnes(abs(observed), lang, like=required)
    return i18n.t(key, lang, value=f"{value}/{i18n.t('ov.year_unit', lang)}")


def required_pace_text(progress: Progress, lang: str) -> str:
    """The required pace, "2.600 kt CO2e/år", in the unit of the observed pace shown beside it (on its own where
    the need is 0 and "målet er nået" is shown instead); "–" when it cannot be computed."""
    required = shown_pace(progress)
    if required is None:
        return "–"
    observed = None if pace_reached(progress) else progress.observed_pace
    value = i18n.tonnes(required, lang, like=None if observed is None else abs(observed))
    return f"{value}/{i18n.t('ov.year_unit', lang)}"


def manko_texts(bridge: Bridge, lang: str) -> tuple[str, str]:
    """The manko and the need it is part of, in one unit."""
    return (i18n.tonnes(bridge.manko, lang, like=bridge.need), i18n.tonnes(bridge.need, lang, like=bridge.manko))


def bridge_notes(bridge: Bridge, lang: str, year: int | None = None) -> list[str]:
    """What the reduction bridge leaves out or counts as 0, one sentence each (empty when nothing):
    "2 handlinger med ukendt eller manglende status (mangler, afsluttet) er udeladt af reduktionsbroen (40 t
    forventet).", "3 handlinger har ingen forventet reduktion og tæller med 0 t." and, given the inventory year
    the bridge rests on, "4 gennemførte handlinger (… forventet) blev gennemført i eller før 2024 og er allerede
    med i opgørelsen; …" """
    notes = []
    if bridge.in_inventory_actions and year is not None:
        notes.append(i18n.t("bridge.in_inventory_note", lang, count=bridge.in_inventory_actions, year=year,
                            tonnes=i18n.tonnes(bridge.in_inventory, lang)))
    if bridge.left_out_actions:
        statuses = ", ".join(s or i18n.t("bridge.status_missing", lang) for s in bridge.left_out_statuses)
        notes.append(i18n.t("bridge.left_out", lang, count=bridge.left_out_actions, statuses=statuses,
                            tonnes=i18n.tonnes(bridge.left_out, lang)))
    if bridge.missing_expected_actions:
        notes.append(i18n.t("bridge.missing_expected", lang, count=bridge.missing_expected_actions))
    return notes


# -- Klimatilpasning ------------------------------------------------------------------------------------

def _joined(items: list[str], lang: str) -> str:
    """"a, b og c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + i18n.t("ad.sent.and", lang) + items[-1]


def uncovered_sentence(name: str, assessed: int, high: int, uncovered: list[tuple[str, str]], lang: str) -> str:
    """The Kommune page's plain sentence on its high climate risks: which have no adaptation action in progress
    or completed (progress.uncovered_high_risks), given as (hazard, level) pairs, highest first."""
    if not assessed:
        return i18n.t("ad.sent.no_assessment", lang, name=name)
    if not high:
        return i18n.t("ad.sent.no_high", lang, name=name)
    if not uncovered:
        return i18n.t("ad.sent.covered", lang, name=name, count=high)
    parts = [f"{labels.hazard(h, lang).lower()} ({labels.risk_level(lv, lang).lower()})" for h, lv in uncovered]
    return i18n.t("ad.sent.uncovered", lang, name=name, hazards=_joined(parts, lang), n=len(uncovered), count=high)


# -- Text alternatives: the one sentence under each chart and the map, read before its data table (issue 14) --
# Built from the figures the chart itself shows (metrics', or the frame charts.py draws), never recomputed.

def trajectory_summary(progress: Progress, lang: str) -> str:
    """"Udledningen faldt fra 1,2 mio. t i 1990 til 700 kt i 2023; målet for 2030 er 360 kt." """
    year = baseline_year(progress)
    value = i18n.tonnes(progress.baseline, lang)
    start = (i18n.t("alt.traj.from_year", lang, value=value, year=year) if year else
             i18n.t("alt.traj.from_baseline", lang, value=value))
    key = "alt.traj.fell" if progress.reduction >= 0 else "alt.traj.rose"
    return i18n.t(key, lang, start=start, latest=i18n.tonnes(progress.latest, lang), year=progress.latest_year,
                  target_year=TARGET_YEAR, target=i18n.tonnes(progress.target_2030, lang))


def sector_bars_summary(groups: list[tuple[str, float]], year: int, lang: str) -> str:
    """The sector bars of one year, given as (group label, tonnes) largest first: which emits most and least."""
    (top, top_t), (low, low_t) = groups[0], groups[-1]
    if len(groups) == 1:
        return i18n.t("alt.sector.one", lang, year=year, top=top, top_value=i18n.tonnes(top_t, lang))
    return i18n.t("alt.sector.two", lang, year=year, top=top, top_value=i18n.tonnes(top_t, lang), low=low,
                  low_value=i18n.tonnes(low_t, lang))


def sector_time_summary(first: tuple[int, str, float], last: tuple[int, str, float], lang: str) -> str:
    """The sectors over time: the largest group in the first and in the last year, each as (year, label, tonnes)."""
    values = {"first": first[0], "last": last[0], "first_value": i18n.tonnes(first[2], lang),
              "last_value": i18n.tonnes(last[2], lang)}
    if first[1] == last[1]:
        return i18n.t("alt.sector_time.same", lang, group=first[1], **values)
    return i18n.t("alt.sector_time.changed", lang, first_group=first[1], last_group=last[1], **values)


def bridge_summary(bridge: Bridge, lang: str) -> str:
    """The reduction bridge in one sentence: the need, what the actions cover by status, the manko."""
    if bridge.need <= 0:
        return i18n.t("alt.bridge.no_need", lang, year=TARGET_YEAR, manko=i18n.tonnes(bridge.manko, lang))
    keys = ("need", "covered", "secured", "in_progress", "planned", "at_risk", "manko")
    values = [getattr(bridge, k) for k in keys]  # one sentence, one unit
    parts = {k: i18n.tonnes(v, lang, like=values) for k, v in zip(keys, values, strict=True)}
    text = i18n.t("alt.bridge.need", lang, year=TARGET_YEAR, **parts)
    if bridge.beyond_need > 0:
        text += " " + i18n.t("alt.bridge.beyond", lang, beyond=i18n.tonnes(bridge.beyond_need, lang, like=values))
    return text


def indexed_summary(progresses: dict[str, Progress], lang: str) -> str:
    """The indexed trajectories: who has reduced most and least since their own baseline."""
    ordered = sorted(progresses, key=lambda n: progresses[n].reduction, reverse=True)
    best, worst = ordered[0], ordered[-1]
    high, low = progresses[best].reduction, progresses[worst].reduction  # a rise is said as a rise, never as −4 %
    if len(ordered) == 1:
        return i18n.t("alt.index.one" if high >= 0 else "alt.index.one_rise", lang, name=best,
                      pct=i18n.percent(abs(high), lang))
    key = "alt.index.many" if low >= 0 else "alt.index.many_mixed" if high >= 0 else "alt.index.many_rise"
    return i18n.t(key, lang, best=best, best_pct=i18n.percent(abs(high), lang), worst=worst,
                  worst_pct=i18n.percent(abs(low), lang))


def scatter_summary(shown: int, chosen: list[tuple[str, float, float]], lang: str) -> str:
    """Per capita against reduction: of `shown` municipalities, the chosen ones (name, reduction, per capita) with
    the lowest per capita emissions and the largest reduction."""
    if not chosen:
        return i18n.t("alt.scatter.none", lang, count=shown)
    low = min(chosen, key=lambda c: c[2])
    best = max(chosen, key=lambda c: c[1])
    best_part = i18n.t("alt.scatter.best" if best[1] >= 0 else "alt.scatter.best_rise", lang,
                       pct=i18n.percent(abs(best[1]), lang))  # a rise as a rise, never "reduction (-4 %)"
    values = {"best_part": best_part,
              "low_value": f"{i18n.number(low[2], lang, 1)} {i18n.t('unit.t_per_capita', lang)}"}
    if low[0] == best[0]:
        return i18n.t("alt.scatter.same", lang, name=low[0], count=shown, **values)
    return i18n.t("alt.scatter", lang, low=low[0], best=best[0], count=shown, **values)


def heat_summary(assessed: int, hazard: str | None, high: int, lang: str) -> str:
    """The risk heat map: how many municipalities assessed their risks, and the hazard most often rated high or
    very high (`high` municipalities; None when none is)."""
    if hazard is None or not high:
        return i18n.t("alt.heat.none_high", lang, count=assessed)
    return i18n.t("alt.heat", lang, count=assessed, hazard=hazard.lower(),
                  k=i18n.t("n.municipalities", lang, count=high))


def adaptation_status_summary(actions: int, under_way: int, hazard: str, per_hazard: int, lang: str) -> str:
    """Adaptation actions by hazard and status: how many, how many under way, the hazard most address."""
    return i18n.t("alt.status", lang, count=actions, k=i18n.number(under_way, lang),
                  hazard=hazard.lower(), m=i18n.t("n.actions", lang, count=per_hazard))


def map_summary(verdicts: list[str | None], lang: str) -> str:
    """"Af 98 kommuner er 40 på rette vej, 30 afviger og 20 er ikke på rette vej; 8 kan ikke beregnes." from each
    municipality's verdict value (None where it cannot be computed)."""
    counts = {v.value: sum(x == v.value for x in verdicts) for v in Verdict}
    none = sum(not isinstance(x, str) for x in verdicts)
    values = {k: i18n.number(n, lang) for k, n in counts.items()}
    if none:
        return i18n.t("alt.map.none", lang, count=len(verdicts), none=i18n.number(none, lang), **values)
    return i18n.t("alt.map", lang, count=len(verdicts), **values)


def map_range_summary(what: str, low: tuple[str, str], high: tuple[str, str], lang: str) -> str:
    """A numeric map metric's span: "Reduktion går fra 12 % (Billund) til 61 % (Ærø)." given (formatted, name)."""
    return i18n.t("alt.map.range", lang, what=what, low=low[0], low_name=low[1], high=high[0], high_name=high[1])


def edition_sources(newest: pd.DataFrame, codes: Collection[int], names: Mapping[int, str], lang: str) -> str:
    """The inventory editions the given municipalities' figures come from (queries.newest_editions), the one most
    of them use first: "Energi- og CO2-regnskabet 2025 (9 kommuner), Demo (Læsø)"; "–" when none has one."""
    rows = newest[newest["municipality"].isin(list(codes))]
    groups = sorted(((str(n), g["municipality"].astype(int).tolist()) for n, g in rows.groupby("name")),
                    key=lambda item: (-len(item[1]), item[0]))
    parts = [f"{n} ({names.get(m[0], str(m[0])) if len(m) == 1 else i18n.t('n.municipalities', lang, count=len(m))})"
             for n, m in groups]
    return ", ".join(parts) or "–"
