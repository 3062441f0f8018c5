"""The plain-language sentences a mayor reads aloud, built from a Progress (no Streamlit, no SQL)."""
from __future__ import annotations

from . import i18n
from .domain import TARGET_YEAR, Verdict
from .progress import Bridge, Progress, Trend

VERDICT_ICON: dict[str, str] = {"on_track": "✅", "deviating": "⚠️", "off_track": "❌"}
MILESTONE_ICON: dict[str, str] = {"done": "✅", "overdue": "❌", "due_soon": "⏰", "upcoming": "📅"}


def verdict_label(verdict: Verdict | str, lang: str) -> str:
    """The verdict as icon and word, never colour alone: "✅ På rette vej"."""
    v = Verdict(verdict).value
    return f"{VERDICT_ICON[v]} {i18n.t(f'verdict.{v}', lang)}"


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


def area_sentence(progress: Progress, name: str, lang: str) -> str:
    """"Region Hovedstaden har reduceret udledningen med 41 % siden 1990. Målet for 2030 er 70 %. 12 af 29
    kommuner er på rette vej." (plus how many cannot be computed)."""
    counts = progress.verdict_counts()
    total = len(progress.verdicts) + len(progress.excluded)
    parts = [reduction_clause(progress, name, lang), target_clause(progress, lang),
             i18n.t("ov.sent.on_track_count", lang, n=counts[Verdict.ON_TRACK], total=total)]
    if progress.excluded:
        parts.append(i18n.t("ov.sent.excluded_count", lang, n=len(progress.excluded)))
    return " ".join(parts)


def municipality_sentence(progress: Progress, name: str, lang: str) -> str:
    """"✅ København er på rette vej. København har reduceret udledningen med 46 % siden 1990. Målet for 2030 er
    50 %." """
    v = progress.verdict.value
    head = i18n.t(f"ov.sent.verdict.{v}", lang, icon=VERDICT_ICON[v], name=name)
    return " ".join([head, reduction_clause(progress, name, lang), target_clause(progress, lang)])


def freshness_note(progress: Progress, lang: str) -> str:
    """"Opgørelsesår 2024 · data er 2 år gamle": the verdict always travels with its year and data lag."""
    return i18n.t("ov.sent.freshness", lang, year=progress.latest_year, lag=progress.data_lag)


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
    """The need is 0, so the required pace reads "målet for 2030 er nået" rather than a number."""
    return progress.bridge.need <= 0


def bridge_notes(bridge: Bridge, lang: str, year: int | None = None) -> list[str]:
    """What the reduction bridge leaves out or counts as 0, one sentence each (empty when nothing):
    "2 handlinger med ukendt eller manglende status (mangler, afsluttet) er udeladt af reduktionsbroen (40 t
    forventet).", "3 handlinger har ingen forventet reduktion og tæller med 0 t." and, given the inventory year
    the bridge rests on, "4 gennemførte handlinger (… forventet) blev gennemført i eller før 2024 og er allerede
    med i opgørelsen; …" """
    notes = []
    if bridge.in_inventory_actions and year is not None:
        notes.append(i18n.t("bridge.in_inventory_note", lang, n=bridge.in_inventory_actions, year=year,
                            tonnes=i18n.tonnes(bridge.in_inventory, lang)))
    if bridge.left_out_actions:
        statuses = ", ".join(s or i18n.t("bridge.status_missing", lang) for s in bridge.left_out_statuses)
        notes.append(i18n.t("bridge.left_out", lang, n=bridge.left_out_actions, statuses=statuses,
                            tonnes=i18n.tonnes(bridge.left_out, lang)))
    if bridge.missing_expected_actions:
        notes.append(i18n.t("bridge.missing_expected", lang, n=bridge.missing_expected_actions))
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
    from .charts import hazard_label, risk_level_label

    if not assessed:
        return i18n.t("ad.sent.no_assessment", lang, name=name)
    if not high:
        return i18n.t("ad.sent.no_high", lang, name=name)
    if not uncovered:
        return i18n.t("ad.sent.covered", lang, name=name, n=high)
    parts = [f"{hazard_label(h, lang).lower()} ({risk_level_label(lv, lang).lower()})" for h, lv in uncovered]
    return i18n.t("ad.sent.uncovered", lang, name=name, hazards=_joined(parts, lang), n=len(uncovered), high=high)
