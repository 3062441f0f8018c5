"""Danish and English strings, and number and date formatting through Babel (Danish by default)."""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
_LOCALE = {"da": "da_DK", "en": "en_GB"}

# key -> (Danish, English). Keep keys grouped by where they are used.
STRINGS: dict[str, tuple[str, str]] = {
    # app shell
    "app.title": ("DK2020 Klimaplan-dashboard", "DK2020 climate plan dashboard"),
    "nav.overview": ("Overblik", "Overview"),
    "nav.municipality": ("Kommune", "Municipality"),
    "nav.compare": ("Sammenlign", "Compare"),
    "nav.map": ("Kort", "Map"),
    "nav.data": ("Data", "Data"),
    "nav.method": ("Metode", "Method"),
    "nav.group.results": ("Status", "Status"),
    "nav.group.about": ("Om data", "About the data"),
    "sidebar.language": ("Sprog", "Language"),
    "sidebar.area": ("Område", "Area"),
    "area.DK": ("Danmark", "Denmark"),
    "area.region": ("Region {name}", "Region {name}"),
    "demo.banner": (
        "Eksempeldata – ikke officielle tal. Alle tal for udledninger, planer, handlinger, milepæle og "
        "klimarisici er opdigtede demodata, indtil rigtige data er indlæst.",
        "Example data – not official figures. All emissions, plans, actions, milestones and climate risks are "
        "invented demo data until real data is loaded.",
    ),
    "error.locked": (
        "Databasen opdateres af et andet program lige nu. Vent et øjeblik og genindlæs siden.",
        "The database is being updated by another program. Wait a moment and reload the page.",
    ),
    # verdicts
    "verdict.on_track": ("På rette vej", "On track"),
    "verdict.deviating": ("Afviger", "Deviating"),
    "verdict.off_track": ("Ikke på rette vej", "Off track"),
    # cannot be computed
    "unavailable.no_inventory": ("Ingen opgørelse af udledninger", "No emission inventory"),
    "unavailable.no_plan": ("Ingen klimaplan registreret", "No climate plan registered"),
    "unavailable.no_baseline": ("Ingen opgørelse for basisåret {detail}", "No inventory for the baseline year {detail}"),
    "unavailable.nonpositive_baseline": (
        "Basisårets udledning er nul eller negativ, så reduktion i procent kan ikke beregnes",
        "Baseline emissions are zero or negative, so a percentage reduction cannot be computed",
    ),
    "unavailable.single_year": ("Kun ét års opgørelse – der kan ikke beregnes en udvikling",
                                "Only one inventory year – no development can be computed"),
    "unavailable.too_few_years": (
        "For få opgørelsesår (mindst 3 inden for de fem kalenderår op til det seneste; der er {detail})",
        "Too few inventory years (at least 3 within the five calendar years up to the latest; there are {detail})",
    ),
    "unavailable.past_target_year": ("Seneste opgørelse er fra {detail}, efter 2030", "Latest inventory is from {detail}, after 2030"),
    "unavailable.too_few_common_years": (
        "Kommunerne har færre end to opgørelsesår til fælles, så deres udledning kan ikke lægges sammen. "
        "Manglende år: {detail}",
        "The municipalities have fewer than two inventory years in common, so their emissions cannot be added up. "
        "Missing years: {detail}",
    ),
    "bridge.left_out": (
        "{n} handlinger med ukendt eller manglende status ({statuses}) er udeladt af reduktionsbroen ({tonnes} forventet).",
        "{n} actions with an unknown or missing status ({statuses}) are left out of the reduction bridge ({tonnes} expected).",
    ),
    "bridge.status_missing": ("mangler", "missing"),
    "bridge.missing_expected": ("{n} handlinger har ingen forventet reduktion og tæller med 0 t.",
                                "{n} actions have no expected reduction and count as 0 t."),
    "cannot_compute": ("Kan ikke beregnes: {reason}", "Cannot be computed: {reason}"),
    # statuses and kinds
    "status.planned": ("Planlagt", "Planned"),
    "status.in_progress": ("I gang", "In progress"),
    "status.completed": ("Gennemført", "Completed"),
    "status.delayed": ("Forsinket", "Delayed"),
    "status.paused": ("Sat på pause", "Paused"),
    "status.cancelled": ("Opgivet", "Cancelled"),
    "bridge.need": ("Behov til 2030", "Needed by 2030"),
    "bridge.secured": ("Sikret (gennemført efter opgørelsesåret)", "Secured (completed after the inventory year)"),
    "bridge.in_progress": ("I gang", "In progress"),
    "bridge.planned": ("Planlagt", "Planned"),
    "bridge.at_risk": ("I fare (forsinket/pause)", "At risk (delayed/paused)"),
    "bridge.manko": ("Manko (udækket)", "Gap (uncovered)"),
    "bridge.in_inventory": ("Allerede i opgørelsen (tæller ikke)", "Already in the inventory (counts nothing)"),
    "milestone.joined": ("Tilsluttet DK2020", "Joined DK2020"),
    "milestone.plan_approved": ("Plan godkendt (CONCITO/C40)", "Plan approved (CONCITO/C40)"),
    "milestone.plan_adopted": ("Plan vedtaget i byrådet", "Plan adopted by the council"),
    "milestone.status_report": ("Årlig statusrapport", "Annual status report"),
    "milestone.plan_revision": ("Revision af planen", "Plan revision"),
    "milestone_state.done": ("Udført", "Done"),
    "milestone_state.overdue": ("Overskredet", "Overdue"),
    "milestone_state.due_soon": ("Forfalder snart", "Due soon"),
    "milestone_state.upcoming": ("Kommende", "Upcoming"),
    "cohort.pilot_2019": ("Pilot (2019)", "Pilot (2019)"),
    "cohort.round_2020": ("Runde 2020", "2020 round"),
    "cohort.c40_own_plan": ("C40-medlem med egen plan", "C40 member, own plan"),
    "cohort.2021_or_later": ("2021 eller senere", "2021 or later"),
    # units
    "unit.t": ("t CO2e", "t CO2e"),
    "unit.kt": ("kt CO2e", "kt CO2e"),
    "unit.mt": ("mio. t CO2e", "Mt CO2e"),
    "unit.t_per_year": ("t CO2e/år", "t CO2e/yr"),
    "unit.t_per_capita": ("t CO2e pr. indbygger", "t CO2e per inhabitant"),
    "approx": ("ca.", "approx."),
    "never_before_2100": ("ikke før 2100", "not before 2100"),
    "years": ("{n} år", "{n} years"),
    # metode page
    "method.title": ("Metode: sådan beregnes tallene", "Method: how the figures are computed"),
    "method.intro": (
        "Alle tal i dashboardet beregnes ét sted, efter definitionerne herunder. For et område (en region/KKR "
        "eller hele Danmark) lægges kommunernes tal sammen.",
        "Every figure in the dashboard is computed in one place, by the definitions below. For an area (a "
        "region/KKR or all of Denmark) the municipalities' figures are added up.",
    ),
    "method.sections": ("Definitioner", "Definitions"),
    "method.emissions.title": ("Udledning E(år)", "Emissions E(year)"),
    "method.emissions.body": (
        "Nettoudledningen i et år: summen af alle sektorer i kommunens nyeste udgave af opgørelsen (Energi- og "
        "CO2-regnskabet), målt i ton CO2-ækvivalenter. En udgave dækker de kommuner, den har tal for; den nyeste "
        "er den senest udgivne (en udgave uden udgivelsesdato regnes udgivet den dag, den blev indlæst), og ved "
        "samme dato den senest indlæste. En region eller Danmark lægger kommunerne sammen, hver fra sin egen "
        "nyeste udgave. Arealanvendelse (LULUCF) kan være negativ, når skov og "
        "jord optager mere CO2, end de udleder. Ældre år bliver ofte rettet i nye udgaver; planens basisår "
        "*som vedtaget* vises ved siden af de rettede tal.",
        "Net emissions in a year: the sum of all sectors in the municipality's newest edition of the inventory "
        "(Energi- og CO2-regnskabet), in tonnes CO2 equivalent. An edition covers the municipalities it has "
        "figures for; the newest is the one published last (an edition without a published date counts as "
        "published on the day it was imported), and on the same date the one imported last. A region or Denmark "
        "adds up its municipalities, each from its own newest edition. Land use (LULUCF) can be negative when forests and soils take "
        "up more CO2 than they emit. Earlier years are often revised in new editions; the plan's baseline *as "
        "adopted* is shown beside the revised figures.",
    ),
    "method.target.title": ("Målsti T(år)", "Target path T(year)"),
    "method.target.body": (
        "Rette linjer fra basisåret (udledningen B) gennem hvert delmål (fx {pct2030} lavere i {target_year}) til "
        "netto-nul i planens netto-nul-år (typisk {net_zero_year}). Før basisåret er målstien B, efter "
        "netto-nul-året 0.",
        "Straight lines from the baseline year (emissions B) through each interim target (for example {pct2030} "
        "lower in {target_year}) to net zero in the plan's net-zero year (typically {net_zero_year}). Before the "
        "baseline year the path is B, after the net-zero year 0.",
    ),
    "method.reduction.title": ("Reduktion indtil nu", "Reduction so far"),
    "method.reduction.body": (
        "1 − E(seneste år) / B: hvor stor en del af basisårets udledning der er væk.",
        "1 − E(latest year) / B: the share of the baseline emissions that is gone.",
    ),
    "method.verdict.title": ("Vurdering", "Verdict"),
    "method.verdict.body": (
        "Afstanden til målstien i seneste opgørelsesår, som andel af basisåret: d = (E(seneste) − T(seneste)) / B. "
        "d ≤ {on_track}: **På rette vej** (✅). {on_track} < d ≤ {deviating}: **Afviger** (⚠️). d > {deviating}: "
        "**Ikke på rette vej** (❌). Vurderingen vises altid med det opgørelsesår, den bygger på, og "
        "dataforsinkelsen (indeværende år minus seneste opgørelsesår).",
        "The distance to the target path in the latest inventory year, as a share of the baseline: "
        "d = (E(latest) − T(latest)) / B. d ≤ {on_track}: **On track** (✅). {on_track} < d ≤ {deviating}: "
        "**Deviating** (⚠️). d > {deviating}: **Off track** (❌). The verdict is always shown with the inventory "
        "year it rests on and the data lag (current year minus latest inventory year).",
    ),
    "method.trend.title": ("Trend og forventet netto-nul-år", "Trend and expected net-zero year"),
    "method.trend.body": (
        "En ret linje (mindste kvadraters metode) gennem de opgørelsesår, der ligger inden for de {trend_years} "
        "kalenderår op til og med det seneste opgørelsesår (fx 2020–2024), forlænget til {target_year} og til det "
        "år, den rammer nul. Der skal være mindst {trend_min} opgørelsesår i de {trend_years} år; ellers kan trenden "
        "ikke beregnes, og siden siger hvorfor. Ældre år (fx 1990) indgår aldrig. Er udledningen i seneste "
        "opgørelsesår allerede nul eller derunder, står der »nået«. Rammer linjen ikke nul før 2100, står der »ikke "
        "før 2100«.",
        "A straight line (least squares) through the inventory years within the {trend_years} calendar years up "
        "to and including the latest inventory year (for example 2020–2024), projected to {target_year} and to the "
        "year it reaches zero. At least {trend_min} inventory years are needed within those {trend_years} years; "
        "otherwise the trend cannot be computed, and the page says why. Older years (such as 1990) are never used. "
        "If emissions in the latest inventory year are already at or below zero, it says \"reached\". If the line "
        "does not reach zero before 2100, it says \"not before 2100\".",
    ),
    "method.pace.title": ("Nødvendigt tempo", "Required pace"),
    "method.pace.body": (
        "N / ({target_year} − seneste år), hvor N er behovet (se reduktionsbroen): de ton pr. år, udledningen skal "
        "falde med fra nu, for at nå målet i {target_year}. For et område er N summen af kommunernes behov, så én "
        "kommunes overskud aldrig skjuler en andens mangel, og tempo, behov og manko fortæller det samme. Tempoet "
        "er aldrig negativt: er N = 0, står der »målet for {target_year} er nået«. Vises ved siden af det faktiske "
        "fald pr. år i trenden.",
        "N / ({target_year} − latest year), where N is the need (see the reduction bridge): the tonnes per year "
        "emissions must fall from now to reach the {target_year} target. For an area N is the sum of its "
        "municipalities' needs, so one municipality's surplus never hides another's gap, and pace, need and gap "
        "tell one story. The pace is never negative: where N = 0 it says \"the {target_year} target is reached\". "
        "Shown beside the observed fall per year in the trend.",
    ),
    "method.bridge.title": ("Reduktionsbro og manko", "Reduction bridge and gap (manko)"),
    "method.bridge.body": (
        "Behovet N = max(0, E(seneste) − T({target_year})). Handlingernes forventede reduktion i {target_year} "
        "fordeles efter status: sikret (gennemført efter seneste opgørelsesår), i gang, planlagt og i fare "
        "(forsinket eller sat på pause). Opgivne handlinger tæller ikke. En gennemført handling, hvis "
        "gennemførelsesdato (slutdato, ellers datoen for skiftet til gennemført i dens historik, ellers seneste "
        "opdatering) ligger i eller før seneste opgørelsesår, er allerede med i udledningen E(seneste): den vises "
        "som »allerede i opgørelsen« og tæller ikke, så den ikke regnes med to gange. Manko = max(0, N − summen af "
        "de fire): den reduktion, som ingen handling dækker endnu. For et område er manko summen af kommunernes "
        "manko – én kommunes overskud dækker ikke en andens hul.",
        "The need N = max(0, E(latest) − T({target_year})). The actions' expected reduction in {target_year} is "
        "split by status: secured (completed after the latest inventory year), in progress, planned and at risk "
        "(delayed or paused). Cancelled actions count for nothing. A completed action whose completion date (its "
        "end date, else the date of its change to completed in its history, else its last update) falls in or "
        "before the latest inventory year is already in the emissions E(latest): it is shown as \"already in the "
        "inventory\" and counts nothing, so it is not counted twice. Gap (manko) = max(0, N − the sum of the "
        "four): the reduction no action covers yet. For an area the gap is the sum of the municipalities' gaps – "
        "one municipality's surplus does not cover another's gap.",
    ),
    "method.freshness.title": ("Aktualitet", "Freshness"),
    "method.freshness.body": (
        "En handling, der ikke er opdateret i {stale} dage, er forældet. En milepæl, hvis frist er passeret "
        "uden at den er udført, er overskredet; en, der forfalder inden for {soon} dage, forfalder snart.",
        "An action not updated for {stale} days is stale. A milestone past its due date without a done date is "
        "overdue; one due within {soon} days is due soon.",
    ),
    "method.capita.title": ("Pr. indbygger", "Per inhabitant"),
    "method.capita.body": (
        "Udledning divideret med kommunens befolkning. Befolkningstal markeret »ca.« er omtrentlige, indtil "
        "Danmarks Statistiks FOLK1A er indlæst.",
        "Emissions divided by the municipality's population. Population figures marked \"approx.\" are "
        "approximate until Statistics Denmark's FOLK1A is loaded.",
    ),
    "method.area.title": ("Regioner/KKR og Danmark", "Regions/KKR and Denmark"),
    "method.area.body": (
        "Et område er summen af sine kommuner: udledning, basisår, målsti, reduktionsbro og befolkning lægges "
        "sammen. Kommuner, der ikke kan beregnes (fx uden opgørelse for basisåret), er udeladt og nævnt. "
        "Områdets år er dem, alle medtagne kommuner har tal for, og hele overblikket (udledning, vurdering, "
        "nødvendigt fald, behov, manko og hvilke handlinger der allerede er i opgørelsen) regnes i det nyeste af "
        "dem. Områdets behov og manko er summer af kommunernes behov og manko "
        "manko i det år, for én kommunes overskud dækker ikke en andens mangel. Har en kommune nyere tal, bruger "
        "dens egen side dem, så dens manko dér kan afvige fra dens andel her. Har kommunerne færre end to år til "
        "fælles, kan området ikke beregnes, og siden nævner hvem der mangler hvilke år.",
        "An area is the sum of its municipalities: emissions, baseline, target path, reduction bridge and "
        "population are added up. Municipalities that cannot be computed (for example with no inventory for the "
        "baseline year) are left out and listed. The area's years are those every included municipality has, "
        "and the whole overview (emissions, verdict, required pace, need, gap and which actions are already in "
        "the inventory) is computed at the newest of them. The area's need and gap are the sums of the "
        "municipalities' needs and gaps in that year, as one municipality's surplus "
        "does not cover another's shortfall. Where a municipality has newer figures, its own page uses them, so "
        "its gap there can differ from its share here. With fewer than two years in common the area cannot be "
        "computed, and the page names who lacks which years.",
    ),
    "method.sources": ("Kilder og data", "Sources and data"),
    "method.data_now": ("Data i databasen nu", "Data in the database now"),
    "method.edition": ("Nyeste udgave af opgørelsen: {name} (udgivet {published})",
                       "Newest inventory edition: {name} (published {published})"),
    "method.no_edition": ("Der er ingen opgørelse i databasen endnu.", "There is no inventory in the database yet."),
    "method.thresholds": ("Tærskler", "Thresholds"),
    # -- views: Overblik and Kommune (keys "ov.*", "mun.*", "chart.*") --
    "ov.sent.since_year": ("siden {year}", "since {year}"),
    "ov.sent.since_baseline": ("siden basisåret", "since the baseline year"),
    "ov.sent.reduced": ("{name} har reduceret udledningen med {pct} {since}.", "{name} has cut emissions by {pct} {since}."),
    "ov.sent.increased": ("{name} har øget udledningen med {pct} {since}.", "{name} has increased emissions by {pct} {since}."),
    "ov.sent.target": ("Målet for {year} er {pct}.", "The target for {year} is {pct}."),
    "ov.sent.on_track_count": ("{n} af {total} kommuner er på rette vej.", "{n} of {total} municipalities are on track."),
    "ov.sent.excluded_count": ("{n} kan ikke beregnes.", "{n} cannot be computed."),
    "ov.sent.verdict.on_track": ("{icon} {name} er på rette vej.", "{icon} {name} is on track."),
    "ov.sent.verdict.deviating": ("{icon} {name} afviger fra målstien.", "{icon} {name} is deviating from the target path."),
    "ov.sent.verdict.off_track": ("{icon} {name} er ikke på rette vej.", "{icon} {name} is off track."),
    "ov.sent.freshness": ("Opgørelsesår {year} · data er {lag} år gamle", "Inventory year {year} · data are {lag} years old"),
    "chart.series.actual": ("Udledning (opgørelse)", "Emissions (inventory)"),
    "chart.series.target": ("Målsti", "Target path"),
    "chart.series.trend": ("Trend (fremskrevet)", "Trend (projected)"),
    "chart.series.plan": ("Planens scenarie", "The plan's scenario"),
    "chart.series.bau": ("Fremskrivning uden plan", "Projection without the plan"),
    "chart.legend": ("Forklaring", "Legend"),
    "chart.year": ("År", "Year"),
    "chart.emissions": ("Udledning", "Emissions"),
    "chart.sector": ("Sektor", "Sector"),
    "chart.mark.target": ("Mål {year}: −{pct}", "Target {year}: −{pct}"),
    "chart.mark.net_zero": ("Netto-nul {year}", "Net zero {year}"),
    "chart.mark.adopted": ("Basisår som vedtaget: {value}", "Baseline as adopted: {value}"),
    "chart.traj.title_fall": ("Udledningen er faldet {pct} {since} – målet for {year} er {target}",
                              "Emissions have fallen {pct} {since} – the {year} target is {target}"),
    "chart.traj.title_rise": ("Udledningen er steget {pct} {since} – målet for {year} er −{target}",
                              "Emissions have risen {pct} {since} – the {year} target is −{target}"),
    "chart.traj.subtitle": ("Seneste opgørelse: {year}. Trenden er opgørelsesårene i de fem år op til {year} forlænget.",
                            "Latest inventory: {year}. The trend is the inventory years in the five years up to {year} "
                            "projected."),
    "chart.sector.title": ("{group} udleder mest i {year}: {value}", "{group} emits the most in {year}: {value}"),
    "chart.sector.title_plain": ("Udledning pr. sektor i {year}", "Emissions by sector in {year}"),
    "chart.sector_time.title": ("Udledning pr. sektor {first}–{last}", "Emissions by sector {first}–{last}"),
    "chart.sector_time.subtitle": ("Arealanvendelse under nul betyder, at skov og jord optager mere CO2, end de udleder.",
                                   "Land use below zero means forests and soils take up more CO2 than they emit."),
    "chart.bridge.title_manko": ("Manko: {manko} af et behov på {need} til {year}",
                                 "Gap: {manko} of {need} needed by {year}"),
    "chart.bridge.title_covered": ("Handlingerne dækker hele behovet til {year}", "The actions cover all that is needed by {year}"),
    "chart.bridge.title_no_need": ("Udledningen er allerede under målet for {year}", "Emissions are already below the {year} target"),
    "chart.bridge.subtitle": (
        "Øverst det, der skal reduceres til 2030. Nedenunder hvad handlingerne dækker efter status, og manko: hvad ingen "
        "handling dækker. Opgivne handlinger tæller ikke. Handlinger gennemført i eller før opgørelsesåret er allerede "
        "med i udledningen og vises nederst uden at tælle.",
        "At the top what must be cut by 2030. Below it what the actions cover by status, and the gap no action covers. "
        "Cancelled actions count for nothing. Actions completed in or before the inventory year are already in the "
        "emissions; they are shown at the bottom and count nothing.",
    ),
    # -- text alternatives: a sentence under every chart and its data as a table (issue 14; keys "alt.*") --
    "alt.table": ("Vis data som tabel", "Show data as a table"),
    "alt.map_list": ("Vis kortet som liste", "Show the map as a list"),
    "alt.col.step": ("Trin", "Step"),
    "alt.col.emissions_year": ("Udledning {year}", "Emissions {year}"),
    "alt.col.index": ("Indeks (basisår = 100)", "Index (baseline = 100)"),
    "alt.col.chosen": ("Valgt", "Chosen"),
    "alt.yes": ("Ja", "Yes"),
    "alt.traj.from_year": ("{value} i {year}", "{value} in {year}"),
    "alt.traj.from_baseline": ("{value} i basisårene", "{value} in the baseline years"),
    "alt.traj.fell": ("Udledningen faldt fra {start} til {latest} i {year}; målet for {target_year} er {target}.",
                      "Emissions fell from {start} to {latest} in {year}; the target for {target_year} is {target}."),
    "alt.traj.rose": ("Udledningen steg fra {start} til {latest} i {year}; målet for {target_year} er {target}.",
                      "Emissions rose from {start} to {latest} in {year}; the target for {target_year} is {target}."),
    "alt.sector.one": ("I {year} udledte {top} {top_value}.", "In {year} {top} emitted {top_value}."),
    "alt.sector.two": ("I {year} udledte {top} mest ({top_value}) og {low} mindst ({low_value}).",
                       "In {year} {top} emitted the most ({top_value}) and {low} the least ({low_value})."),
    "alt.sector_time.same": ("{group} udledte mest både i {first} ({first_value}) og i {last} ({last_value}).",
                             "{group} emitted the most both in {first} ({first_value}) and in {last} ({last_value})."),
    "alt.sector_time.changed": ("I {first} udledte {first_group} mest ({first_value}); i {last} var det {last_group} "
                                "({last_value}).",
                                "In {first} {first_group} emitted the most ({first_value}); in {last} it was "
                                "{last_group} ({last_value})."),
    "alt.bridge.need": ("Behovet til {year} er {need}; handlingerne dækker {covered} (sikret {secured}, i gang "
                        "{in_progress}, planlagt {planned}, i fare {at_risk}), og mankoen er {manko}.",
                        "The need by {year} is {need}; the actions cover {covered} (secured {secured}, in progress "
                        "{in_progress}, planned {planned}, at risk {at_risk}), and the gap is {manko}."),
    "alt.bridge.no_need": ("Udledningen er allerede under målet for {year}, så der er intet behov for mere reduktion; "
                           "mankoen er {manko}.",
                           "Emissions are already below the {year} target, so no further reduction is needed; the "
                           "gap is {manko}."),
    "alt.index.one": ("Målt mod sit eget basisår (= 100) har {name} reduceret udledningen med {pct}.",
                      "Measured against its own baseline (= 100), {name} has cut its emissions by {pct}."),
    "alt.index.many": ("Målt mod hver sit basisår (= 100) har {best} reduceret mest ({best_pct}) og {worst} mindst "
                       "({worst_pct}).",
                       "Measured against each one's baseline (= 100), {best} has cut the most ({best_pct}) and "
                       "{worst} the least ({worst_pct})."),
    "alt.scatter": ("Diagrammet viser {n} kommuner; af de valgte har {low} den laveste udledning pr. indbygger "
                    "({low_value}) og {best} den største reduktion ({best_pct}).",
                    "The chart shows {n} municipalities; of those chosen, {low} has the lowest emissions per "
                    "inhabitant ({low_value}) and {best} the largest reduction ({best_pct})."),
    "alt.scatter.same": ("Diagrammet viser {n} kommuner; af de valgte har {name} både den laveste udledning pr. "
                         "indbygger ({low_value}) og den største reduktion ({best_pct}).",
                         "The chart shows {n} municipalities; of those chosen, {name} has both the lowest emissions "
                         "per inhabitant ({low_value}) and the largest reduction ({best_pct})."),
    "alt.scatter.none": ("Diagrammet viser {n} kommuner; ingen af de valgte kan beregnes.",
                         "The chart shows {n} municipalities; none of those chosen can be computed."),
    "alt.heat": ("{n} kommuner har vurderet deres klimarisici; oftest vurderet som høj eller meget høj risiko er "
                 "{hazard} ({k} kommuner).",
                 "{n} municipalities have assessed their climate risks; the hazard most often rated a high or very "
                 "high risk is {hazard} ({k} municipalities)."),
    "alt.heat.none_high": ("{n} kommuner har vurderet deres klimarisici; ingen vurderer en klimafare som høj eller "
                           "meget høj risiko.",
                           "{n} municipalities have assessed their climate risks; none rates a hazard as a high or "
                           "very high risk."),
    "alt.status": ("{n} tilpasningshandlinger, heraf {k} i gang eller gennemført; flest handler om {hazard} "
                   "({m} handlinger).",
                   "{n} adaptation actions, {k} of them in progress or completed; most address {hazard} "
                   "({m} actions)."),
    "alt.map": ("Af {total} kommuner er {on_track} på rette vej, {deviating} afviger og {off_track} er ikke på "
                "rette vej.",
                "Of {total} municipalities, {on_track} are on track, {deviating} are deviating and {off_track} are "
                "off track."),
    "alt.map.none": ("Af {total} kommuner er {on_track} på rette vej, {deviating} afviger og {off_track} er ikke på "
                     "rette vej; {none} kan ikke beregnes.",
                     "Of {total} municipalities, {on_track} are on track, {deviating} are deviating and {off_track} "
                     "are off track; {none} cannot be computed."),
    "alt.map.range": ("{what} går fra {low} ({low_name}) til {high} ({high_name}).",
                      "{what} ranges from {low} ({low_name}) to {high} ({high_name})."),
    "ov.title": ("Overblik: {area}", "Overview: {area}"),
    "ov.trajectory": ("Udvikling og mål", "Emissions and targets"),
    "ov.sectors": ("Udledning fordelt på sektorer", "Emissions by sector"),
    "ov.ranking": ("Kommunerne i {area}", "The municipalities in {area}"),
    "ov.ranking.help": ("Klik på en række for at åbne kommunen. Klik på en kolonneoverskrift for at sortere.",
                        "Click a row to open the municipality. Click a column header to sort."),
    "ov.excluded": ("Kan ikke beregnes", "Cannot be computed"),
    "ov.excluded.line": ("**{name}**: {reason}", "**{name}**: {reason}"),
    "ov.no_data": ("Der kan ikke vises et overblik for {area}. {reason}", "No overview can be shown for {area}. {reason}"),
    "ov.kpi.latest": ("Udledning {year}", "Emissions {year}"),
    "ov.kpi.latest.help": ("Nettoudledning i seneste opgørelsesår, alle sektorer.", "Net emissions in the latest inventory year, all sectors."),
    "ov.kpi.reduction": ("Reduktion {since}", "Reduction {since}"),
    "ov.kpi.target": ("Mål {year}: {pct}", "Target {year}: {pct}"),
    "ov.kpi.required_pace": ("Nødvendigt fald pr. år til {year}", "Required cut per year to {year}"),
    "ov.kpi.required_pace.help": (
        "Behovet / år tilbage til 2030. Behovet er udledning nu − målstien i 2030, mindst 0; for et område summen af "
        "kommunernes behov.",
        "The need / years left to 2030. The need is emissions now − the target path in 2030, at least 0; for an area "
        "the sum of its municipalities' needs."),
    "ov.kpi.observed": ("Faktisk fald pr. år (trend): {value}", "Observed cut per year (trend): {value}"),
    "ov.kpi.no_trend": ("Trenden kan ikke beregnes: {reason}", "The trend cannot be computed: {reason}"),
    "ov.kpi.manko": ("Manko til {year}", "Gap to {year}"),
    "ov.kpi.manko.help": ("Den reduktion til 2030, som ingen handling dækker endnu.", "The reduction needed by 2030 that no action covers yet."),
    "ov.kpi.manko.need": ("Behov: {value}", "Needed: {value}"),
    "ov.kpi.verdict": ("Samlet vurdering", "Overall verdict"),
    "ov.kpi.zero_year": ("Netto-nul ifølge trenden", "Net zero by the trend"),
    "ov.kpi.verdicts": ("Kommuner pr. vurdering", "Municipalities per verdict"),
    "ov.kpi.actions": ("Handlinger pr. status", "Actions per status"),
    "ov.kpi.overdue": ("Overskredne milepæle", "Overdue milestones"),
    "ov.kpi.overdue.help": ("Milepæle, hvis frist er passeret, uden at de er udført (pr. {today}).",
                         "Milestones past their due date and not done (as of {today})."),
    "ov.col.municipality": ("Kommune", "Municipality"),
    "ov.col.verdict": ("Vurdering", "Verdict"),
    "ov.col.reduction": ("Reduktion siden basisår (%)", "Reduction since baseline (%)"),
    "ov.col.per_capita": ("t CO2e pr. indbygger (ca.)", "t CO2e per inhabitant (approx.)"),
    "ov.col.manko": ("Manko 2030 (t CO2e)", "Gap 2030 (t CO2e)"),
    "ov.col.lag": ("Dataforsinkelse (år)", "Data lag (years)"),
    "ov.col.latest_year": ("Seneste år", "Latest year"),
    "ov.col.title": ("Handling", "Action"),
    "ov.col.sector": ("Sektor", "Sector"),
    "ov.col.status": ("Status", "Status"),
    "ov.col.expected": ("Forventet reduktion 2030 (t/år)", "Expected reduction 2030 (t/yr)"),
    "ov.col.responsible": ("Ansvarlig", "Responsible"),
    "ov.col.updated": ("Sidst opdateret", "Last updated"),
    "ov.col.stale": ("Forældet", "Stale"),
    "ov.col.milestone": ("Milepæl", "Milestone"),
    "ov.col.due": ("Frist", "Due"),
    "ov.col.done": ("Udført", "Done"),
    "ov.col.state": ("Tilstand", "State"),
    "ov.col.note": ("Note", "Note"),
    "mun.title": ("Kommune: {name}", "Municipality: {name}"),
    "mun.choose": ("Kommune", "Municipality"),
    "mun.unknown": ("Kommunen »{value}« findes ikke. Vælg en kommune i listen.",
                    "There is no municipality \"{value}\". Choose one from the list."),
    "mun.no_municipalities": ("Der er ingen kommuner i databasen.", "There are no municipalities in the database."),
    "mun.cannot": ("Udviklingen for {name} kan ikke beregnes: {reason}. Handlinger og milepæle vises herunder.",
                   "{name}'s progress cannot be computed: {reason}. Actions and milestones are shown below."),
    "mun.rank": ("Placering i Region {region}", "Rank in Region {region}"),
    "mun.rank.reduction": ("Nr. {rank} af {n} på reduktion siden basisår", "No. {rank} of {n} on reduction since baseline"),
    "mun.rank.per_capita": ("Nr. {rank} af {n} på udledning pr. indbygger (lavest først, ca.)",
                            "No. {rank} of {n} on emissions per inhabitant (lowest first, approx.)"),
    "mun.bridge": ("Reduktionsbro til 2030", "Reduction bridge to 2030"),
    "mun.actions": ("Handlinger (største forventede reduktion først)", "Actions (largest expected reduction first)"),
    "mun.actions.sector": ("Sektor", "Sector"),
    "mun.actions.status": ("Status", "Status"),
    "mun.actions.count": ("{n} handlinger vist. ⚠️ Forældet = ikke opdateret i {days} dage.",
                          "{n} actions shown. ⚠️ Stale = not updated for {days} days."),
    "mun.actions.none": ("Ingen handlinger registreret.", "No actions registered."),
    "mun.milestones": ("Milepæle", "Milestones"),
    "mun.milestones.none": ("Ingen milepæle registreret.", "No milestones registered."),
    "mun.notes": ("Om data", "About the data"),
    "mun.notes.edition": ("Opgørelse: {name}", "Inventory: {name}"),
    "mun.notes.latest": ("Seneste opgørelsesår: {year}", "Latest inventory year: {year}"),
    "mun.notes.estimated": ("Skønnede værdier: {share}", "Estimated values: {share}"),
    "mun.notes.adopted": ("Basisår som vedtaget i planen: {value}; i den nyeste opgørelse: {revised}",
                          "Baseline as adopted in the plan: {value}; in the newest inventory: {revised}"),
    "mun.notes.population": ("Befolkning: {value} (ca.)", "Population: {value} (approx.)"),
    "mun.stale": ("⚠️ Forældet", "⚠️ Stale"),
    "ov.year_unit": ("år", "yr"),
    "mun.actions.all_sectors": ("Alle sektorer", "All sectors"),
    "mun.actions.all_statuses": ("Alle statusser", "All statuses"),
    # -- views: Sammenlign and Kort (keys "cmp.*", "map.*") --
    "cmp.title": ("Sammenlign kommuner", "Compare municipalities"),
    "cmp.pick": ("Vælg 2–8 kommuner", "Choose 2–8 municipalities"),
    "cmp.pick.help": (
        "Forvalgt: kommuner i samme område med det mest lignende indbyggertal. Valget gemmes i adressen, så et "
        "link viser det samme.",
        "Preselected: municipalities in the same area with the most similar population. The choice is kept in "
        "the address, so a link shows the same view.",
    ),
    "cmp.too_few": ("Vælg mindst to kommuner for at sammenligne.", "Choose at least two municipalities to compare."),
    "cmp.cannot": ("{name}: {why}", "{name}: {why}"),
    "cmp.index.title": ("{best} har reduceret mest af de valgte: {pct} siden basisåret",
                        "{best} has reduced most of those chosen: {pct} since the baseline"),
    "cmp.index.subtitle": ("Udledning i forhold til basisåret (basisår = 100)", "Emissions relative to the baseline (baseline = 100)"),
    "cmp.index.axis": ("Indeks (basisår = 100)", "Index (baseline = 100)"),
    "cmp.index.value": ("Indeks", "Index"),
    "cmp.scatter.title": ("De valgte blandt alle {n} kommuner: udledning pr. indbygger mod reduktion",
                          "Those chosen among all {n} municipalities: emissions per inhabitant against reduction"),
    "cmp.scatter.subtitle": ("Seneste opgørelsesår; valgte kommuner fremhævet og navngivet",
                             "Latest inventory year; chosen municipalities highlighted and named"),
    "cmp.scatter.others": ("Øvrige kommuner", "Other municipalities"),
    "cmp.scatter.chosen": ("Valgt", "Chosen"),
    "cmp.col.municipality": ("Kommune", "Municipality"),
    "cmp.col.verdict": ("Vurdering", "Verdict"),
    "cmp.col.reduction": ("Reduktion siden basisår", "Reduction since baseline"),
    "cmp.col.per_capita": ("t CO2e pr. indbygger", "t CO2e per inhabitant"),
    "cmp.col.manko": ("Manko 2030", "Gap 2030"),
    "cmp.col.latest_year": ("Seneste opgørelse", "Latest inventory"),
    "cmp.col.lag": ("Dataforsinkelse", "Data lag"),
    "cmp.col.note": ("Bemærkning", "Note"),
    "cmp.table": ("Nøgletal", "Key figures"),
    "cmp.approx_note": ("»ca.«: befolkningstallet er omtrentligt.", "\"approx.\": the population figure is approximate."),
    "map.title": ("Kort: hvor er kommunerne på rette vej?", "Map: where are the municipalities on track?"),
    "map.metric": ("Farv kommunerne efter", "Colour the municipalities by"),
    "map.metric.verdict": ("Vurdering", "Verdict"),
    "map.metric.reduction": ("Reduktion", "Reduction"),
    "map.metric.per_capita": ("Pr. indbygger", "Per inhabitant"),
    "map.metric.manko": ("Manko", "Gap"),
    "map.legend": ("Signaturforklaring", "Legend"),
    "map.legend.reduction": ("Reduktion siden basisåret", "Reduction since the baseline"),
    "map.legend.per_capita": ("t CO2e pr. indbygger, seneste år", "t CO2e per inhabitant, latest year"),
    "map.legend.manko": ("Manko til 2030 (udækket reduktion)", "Gap to 2030 (uncovered reduction)"),
    "map.legend.verdict": ("Vurdering i seneste opgørelsesår", "Verdict in the latest inventory year"),
    "map.legend.none": ("Kan ikke beregnes", "Cannot be computed"),
    "map.legend.count": ("{n} kommuner", "{n} municipalities"),
    "map.click": ("Klik på en kommune for at åbne dens side. Hold musen over for tallene.",
                  "Click a municipality to open its page. Hover for the figures."),
    "map.points": ("Kommunerne vises som cirkler ved deres midtpunkt (størrelse efter areal). Sæt DK2020_BOUNDARIES "
                   "til en GeoJSON-fil med kommunegrænser (DAGI) for at se de rigtige grænser.",
                   "Municipalities are shown as circles at their centre (sized by area). Set DK2020_BOUNDARIES to a "
                   "GeoJSON file of municipal boundaries (DAGI) to see the real boundaries."),
    "map.inset": ("Hovedstadsområdet", "The Copenhagen area"),
    "map.unnamed": ("Uden navn på kortet, fordi der ikke er plads: {names}. Hold musen over, eller vælg regionen i "
                    "sidepanelet.", "Not named on the map for lack of room: {names}. Hover over them, or choose "
                    "the region in the sidebar."),
    "map.polygons": ("Kommunegrænser fra {file}.", "Municipal boundaries from {file}."),
    "map.bad_boundaries": ("Grænsefilen {file} kan ikke bruges ({why}); kortet viser kommunerne som cirkler.",
                           "The boundary file {file} cannot be used ({why}); the map shows municipalities as circles."),
    "map.bad.missing": ("filen findes ikke", "the file does not exist"),
    "map.bad.not_json": ("ikke gyldig JSON/GeoJSON", "not valid JSON/GeoJSON"),
    "map.bad.no_features": ("ingen features i en FeatureCollection", "no features in a FeatureCollection"),
    "map.bad.properties": ("ingen features med egenskaberne kode og navn for de 98 kommuner",
                           "no features with the properties kode and navn for the 98 municipalities"),
    "map.missing_polygons": ("Uden grænse i filen, vist som cirkel: {names}", "No boundary in the file, shown as a circle: {names}"),
    "map.tip.reduction": ("Reduktion siden basisår", "Reduction since baseline"),
    "map.tip.lag": ("dataforsinkelse {n} år", "data lag {n} years"),
    "map.tip.manko": ("Manko 2030", "Gap 2030"),
    "map.tip.year": ("Seneste opgørelse", "Latest inventory"),
    # -- data: import and the Data page (keys "imp.*", "data.*") --
    "data.title": ("Data: indlæs rigtige tal", "Data: load real figures"),
    "data.intro": (
        "Vælg hvilken slags data filen indeholder, og upload den (CSV med semikolon, komma eller tabulator, eller "
        "XLSX). Filen kontrolleres helt, og du ser, hvad der vil ændre sig, før noget bliver skrevet. Kommandoen "
        "`python -m dk2020dash import` gør det samme.",
        "Choose what kind of data the file holds and upload it (CSV with semicolon, comma or tab, or XLSX). The "
        "file is checked completely and you see what will change before anything is written. The command "
        "`python -m dk2020dash import` does the same.",
    ),
    "imp.kind": ("Slags data", "Kind of data"),
    "imp.kind.inventory": ("Udledningsopgørelse (Energi- og CO2-regnskab)", "Emission inventory"),
    "imp.kind.plans": ("Klimaplaner (basisår, delmål, nettonul)", "Climate plans (baseline, targets, net zero)"),
    "imp.kind.scenarios": ("Scenarier (BAU og plan)", "Scenarios (BAU and plan)"),
    "imp.kind.actions": ("Handlinger", "Actions"),
    "imp.kind.milestones": ("Milepæle", "Milestones"),
    "imp.kind.population": ("Befolkning (FOLK1A fra Danmarks Statistik)", "Population (FOLK1A, Statistics Denmark)"),
    "imp.kind.help.inventory": (
        "Lang form: kommune, år, sektor, ton [, estimeret]. Bred form: kommune, sektor og én kolonne pr. år. "
        "Hver indlæsning bliver en ny udgave for kommunerne i filen (eller en rettelse af en eksisterende "
        "udgave); ældre udgaver bevares, og andre kommuner beholder deres tal.",
        "Long layout: municipality, year, sector, tonnes [, estimated]. Wide layout: municipality, sector and one "
        "column per year. Each import becomes a new edition for the municipalities in the file (or a correction of "
        "an existing edition); older editions are kept, and other municipalities keep their figures.",
    ),
    "imp.kind.help.plans": (
        "Kommune, vedtaget, godkendt, basisår, basisudledning, mål 2025, mål 2030 (70, 70 % eller 0,7), nettonul "
        "år, revision. Kommunernes planer i filen erstattes.",
        "Municipality, adopted, approved, baseline year, baseline tCO2e, target 2025, target 2030 (70, 70 % or "
        "0.7), net zero year, revision due. The plans of the municipalities in the file are replaced.",
    ),
    "imp.kind.help.scenarios": (
        "Kommune, scenarie (bau/plan), år, ton – eller én kolonne pr. år. Kommunernes scenarier i filen erstattes.",
        "Municipality, kind (bau/plan), year, tonnes – or one column per year. The scenarios of the "
        "municipalities in the file are replaced.",
    ),
    "imp.kind.help.actions": (
        "[id,] kommune, titel, sektor, type, status, start, slut, forventet 2030, ansvarlig, budget, opdateret. "
        "Findes handlingen (id eller kommune og titel), opdateres den, og en statusændring gemmes som hændelse. "
        "Tilpasningshandlinger kan have klimafare (én eller flere, adskilt af , eller ;), gentagelsesperiode (år) "
        "og beskyttede bygninger.",
        "[id,] municipality, title, sector, kind, status, start, end, expected 2030, responsible, budget, last "
        "updated. An existing action (by id or municipality and title) is updated and a status change is kept "
        "as an event. Adaptation actions may have klimafare (hazard; one or several, separated by , or ;), "
        "return period (years) and buildings protected.",
    ),
    "imp.kind.help.milestones": (
        "Kommune, milepæl, frist, udført, note. Kommunernes milepæle i filen erstattes.",
        "Municipality, milestone, due, done, note. The milestones of the municipalities in the file are replaced.",
    ),
    "imp.kind.help.population": (
        "Tabellen FOLK1A som CSV fra Statistikbanken (fx \"101 København\";\"2025K1\";\"653.491\"). Det "
        "seneste kvartal pr. kommune bruges.",
        "Table FOLK1A as CSV from Statbank (e.g. \"101 København\";\"2025K1\";\"653.491\"). The latest "
        "quarter per municipality is used.",
    ),
    "imp.file": ("Fil (CSV eller XLSX)", "File (CSV or XLSX)"),
    "imp.edition": ("Navn på den nye udgave (valgfrit)", "Name of the new edition (optional)"),
    "imp.edition.help": ("Tomt: navnet tages fra filnavnet.", "Empty: the name is taken from the file name."),
    "imp.who": ("Indlæst af", "Imported by"),
    "imp.preview": ("Forhåndsvisning – intet er skrevet endnu", "Preview – nothing has been written yet"),
    "imp.rejected": (
        "Filen kan ikke indlæses: {n} problemer. Intet er ændret. Ret filen og upload den igen.",
        "The file cannot be imported: {n} problems. Nothing was changed. Fix the file and upload it again.",
    ),
    "imp.more": ("… og {n} problemer mere.", "… and {n} more problems."),
    "imp.duplicate": ("Filen er allerede indlæst – intet ændres. ({message})",
                      "The file has already been imported – nothing changes. ({message})"),
    "imp.valid": ("Filen er gyldig: {rows} rækker.", "The file is valid: {rows} rows."),
    "imp.rows": ("Rækker", "Rows"),
    "imp.added": ("Nye", "New"),
    "imp.changed": ("Ændrede", "Changed"),
    "imp.unchanged": ("Uændrede", "Unchanged"),
    "imp.replaced": ("Erstattes", "Replaced"),
    "imp.demo_removed": ("Eksempeldata fjernes", "Demo data removed"),
    "imp.edition_new": ("Ny udgave af opgørelsen: {name}", "New inventory edition: {name}"),
    "imp.demo_note": (
        "Eksempeldata (demo) af denne slags fjernes i samme omgang ({n} rækker), så rigtige tal og demotal "
        "aldrig blandes.",
        "Demo data of this kind is removed at the same time ({n} rows), so real and demo figures are never mixed.",
    ),
    "imp.per_municipality": ("Pr. kommune", "Per municipality"),
    "imp.status_changes": ("Statusændringer (gemmes som hændelser)", "Status changes (kept as events)"),
    "imp.first_rows": ("De første rækker, som de er læst", "The first rows as read"),
    "imp.notes": ("Bemærk", "Note"),
    "imp.apply": ("Indlæs", "Import"),
    "imp.done": ("Indlæst: {file}. {message}", "Imported: {file}. {message}"),
    "imp.col.row": ("Række", "Row"),
    "imp.col.column": ("Kolonne", "Column"),
    "imp.col.value": ("Værdi", "Value"),
    "imp.col.expected": ("Forventet", "Expected"),
    "imp.col.municipality": ("Kommunekode", "Municipality code"),
    "imp.col.name": ("Kommune", "Municipality"),
    "imp.note.inventory": ("sammenlignet med hver kommunes nyeste udgave; kommuner, der ikke står i filen, "
                           "beholder deres tal; den ældre udgave bevares og kan stadig ses på siden Kommune",
                           "compared with each municipality's newest edition; municipalities not in the file keep "
                           "their figures; the older edition is kept and can still be viewed on the Municipality "
                           "page"),
    "imp.note.plans": ("planerne (med delmål) for kommunerne i filen erstattes helt; andre kommuners rigtige planer røres ikke",
                       "the plans (with targets) of the municipalities in the file are replaced; other real plans are kept"),
    "imp.note.scenarios": ("scenarierne for kommunerne i filen erstattes helt; andre kommuners rigtige scenarier røres ikke",
                           "the scenarios of the municipalities in the file are replaced; other real scenarios are kept"),
    "imp.note.milestones": ("milepælene for kommunerne i filen erstattes helt; andre kommuners rigtige milepæle røres ikke",
                            "the milestones of the municipalities in the file are replaced; other real milestones are kept"),
    "imp.note.actions": ("handlinger matches på id eller (kommune, titel); rigtige handlinger, der ikke står i filen, røres ikke",
                         "actions are matched by id or (municipality, title); real actions not in the file are kept"),
    "imp.note.population_missing": ("{n} kommuner står ikke i filen og beholder deres tal: {names}",
                                    "{n} municipalities are not in the file and keep their figures: {names}"),
    "imp.note.population_approx": ("{n} omtrentlige befolkningstal erstattes af Danmarks Statistiks tal (FOLK1A)",
                                   "{n} approximate population figures are replaced by Statistics Denmark's (FOLK1A)"),
    # -- data: export, backup and Datakvalitet (keys "exp.*", "dq.*") --
    "nav.quality": ("Datakvalitet", "Data quality"),
    "dq.title": ("Datakvalitet", "Data quality"),
    "dq.intro": (
        "For hver kommune i {area}: seneste opgørelsesår, manglende år og sektorer i kommunens nyeste udgave af "
        "opgørelsen (kolonnen Udgave i brug; nyeste udgave i alt: {edition}), andelen af skønnede værdier og hvilke udgaver kommunen findes i. Forventede år: "
        "1990, planens basisår og hvert år fra {first} til {last}.",
        "For each municipality in {area}: latest inventory year, missing years and sectors in the municipality's "
        "newest edition of the inventory (column Edition in use; newest edition of all: {edition}), the share of estimated values and the editions the municipality appears "
        "in. Expected years: 1990, the plan's baseline year and every year from {first} to {last}.",
    ),
    "dq.no_edition": (
        "Der er ingen opgørelse i databasen endnu, så ingen kommune har udledningstal. Indlæs en opgørelse på "
        "siden Data eller med »python -m dk2020dash import inventory FIL«.",
        "There is no inventory in the database yet, so no municipality has emission figures. Load one on the "
        "Data page or with \"python -m dk2020dash import inventory FILE\".",
    ),
    "dq.metric.complete": ("Komplette kommuner", "Complete municipalities"),
    "dq.metric.gaps": ("Kommuner med huller", "Municipalities with gaps"),
    "dq.metric.none": ("Uden opgørelse", "No inventory"),
    "dq.metric.estimated": ("Skønnede værdier", "Estimated values"),
    "dq.metric.of": ("af {n} kommuner i området", "of {n} municipalities in the area"),
    "dq.metric.estimated_help": ("Andel af alle værdier i kommunernes nyeste udgaver, der er markeret som skøn.",
                                 "Share of all values in the municipalities' newest editions flagged as estimates."),
    "dq.gaps": ("Huller i data", "Gaps in the data"),
    "dq.gap.no_inventory": ("**{name}**: ingen opgørelse i nogen udgave", "**{name}**: no inventory in any edition"),
    "dq.gap.years": ("**{name}**: mangler år {years}", "**{name}**: missing years {years}"),
    "dq.gap.sectors": ("**{name}**: mangler sektorerne {sectors} i nogle år ({cells} felter)",
                       "**{name}**: missing the sectors {sectors} in some years ({cells} cells)"),
    "dq.gap.more": ("… og {n} flere (se tabellen herunder)", "… and {n} more (see the table below)"),
    "dq.no_gaps": ("Ingen huller: alle kommuner i området har alle forventede år og sektorer.",
                   "No gaps: every municipality in the area has every expected year and sector."),
    "dq.per_municipality": ("Pr. kommune", "Per municipality"),
    "dq.none": ("ingen opgørelse", "no inventory"),
    "dq.col.code": ("Kode", "Code"),
    "dq.col.municipality": ("Kommune", "Municipality"),
    "dq.col.region": ("Region", "Region"),
    "dq.col.latest_year": ("Seneste år", "Latest year"),
    "dq.col.years": ("År med data", "Years with data"),
    "dq.col.missing_years": ("Manglende år", "Missing years"),
    "dq.col.missing_sectors": ("Manglende sektorer", "Missing sectors"),
    "dq.col.estimated": ("Andel skønnede værdier", "Share of estimated values"),
    "dq.col.editions": ("Udgaver", "Editions"),
    "dq.col.loaded_at": ("Opgørelse indlæst", "Inventory loaded"),
    "dq.col.loaded_by": ("Indlæst af", "Loaded by"),
    "dq.col.kind": ("Data", "Data"),
    "dq.col.when": ("Tidspunkt", "When"),
    "dq.col.who": ("Af", "By"),
    "dq.col.file": ("Fil", "File"),
    "dq.col.rows": ("Rækker", "Rows"),
    "dq.col.outcome": ("Resultat", "Outcome"),
    "dq.col.message": ("Besked", "Message"),
    "dq.col.id": ("Nr.", "No."),
    "dq.col.sha256": ("SHA-256", "SHA-256"),
    "dq.col.name": ("Navn", "Name"),
    "dq.col.source": ("Kilde", "Source"),
    "dq.col.published": ("Udgivet", "Published"),
    "dq.col.demo": ("Eksempeldata", "Example data"),
    "dq.col.first_year": ("Første år", "First year"),
    "dq.col.last_year": ("Sidste år", "Last year"),
    "dq.yes": ("ja", "yes"),
    "dq.no": ("nej", "no"),
    "dq.last_imports": ("Senest indlæst", "Last loaded"),
    "dq.last_imports.caption": (
        "Hvornår hver slags data sidst blev indlæst og af hvem, efter importloggen. Eksempeldata tæller som "
        "»demo«. Befolkningstal er omtrentlige, indtil Danmarks Statistiks FOLK1A er indlæst.",
        "When each kind of data was last loaded and by whom, from the import log. Example data counts as "
        "\"demo\". Population figures are approximate until Statistics Denmark's FOLK1A is loaded.",
    ),
    "dq.never": ("aldrig indlæst", "never loaded"),
    "dq.kind.inventory": ("Opgørelser (udledning)", "Inventories (emissions)"),
    "dq.kind.plans": ("Klimaplaner", "Climate plans"),
    "dq.kind.scenarios": ("Scenarier", "Scenarios"),
    "dq.kind.actions": ("Handlinger", "Actions"),
    "dq.kind.milestones": ("Milepæle", "Milestones"),
    "dq.kind.population": ("Befolkning", "Population"),
    "dq.kind.demo": ("Eksempeldata (demo)", "Example data (demo)"),
    "dq.kind.restore": ("Gendannelse af backup", "Backup restore"),
    "dq.outcome.imported": ("Indlæst", "Imported"),
    "dq.outcome.rejected": ("Afvist", "Rejected"),
    "dq.outcome.dry_run": ("Prøvekørsel", "Dry run"),
    "dq.outcome.duplicate": ("Allerede indlæst", "Already imported"),
    "dq.outcome.demo": ("Eksempeldata (demo)", "Example data (demo)"),
    "dq.outcome.restored": ("Gendannet fra backup", "Restored from backup"),
    "dq.editions": ("Udgaver af opgørelsen", "Inventory editions"),
    "dq.import_log": ("Importlog", "Import log"),
    "dq.import_log.empty": ("Importloggen er tom.", "The import log is empty."),
    "exp.title": ("Eksport og backup", "Export and backup"),
    "exp.body": (
        "Hent alle tabeller som én zip-fil med en README, der beskriver hver kolonne og dens enhed. CSV er "
        "maskinlæsbar (komma som skilletegn, decimalpunktum, UTF-8, datoer som ÅÅÅÅ-MM-DD) og kan indlæses igen "
        "på siden Data; til Excel er XLSX nemmest.",
        "Download every table as one zip file with a README describing each column and its unit. CSV is "
        "machine-readable (comma-separated, decimal point, UTF-8, dates as YYYY-MM-DD) and can be imported again "
        "on the Data page; for Excel, XLSX is easiest.",
    ),
    "exp.archive_csv": ("Alle tabeller (CSV)", "All tables (CSV)"),
    "exp.archive_xlsx": ("Alle tabeller (XLSX)", "All tables (XLSX)"),
    "exp.archive_parquet": ("Alle tabeller (Parquet)", "All tables (Parquet)"),
    "exp.backup": ("Backup af databasen", "Back up the database"),
    "exp.backup.body": (
        "En backup er én fil med hele databasen (en zip med et manifest og en Parquet-fil pr. tabel). Den "
        "gendannes på siden Data eller med `python -m dk2020dash restore FIL --force`; begge erstatter hele "
        "databasen.",
        "A backup is one file with the whole database (a zip with a manifest and one Parquet file per table). "
        "Restore it on the Data page or with `python -m dk2020dash restore FILE --force`; both replace the whole "
        "database.",
    ),
    "exp.csv": ("CSV (Excel)", "CSV (Excel)"),
    "exp.csv.help": ("Til dansk Excel: semikolon, decimalkomma, UTF-8.", "For Danish Excel: semicolon, decimal comma, UTF-8."),
    "exp.xlsx": ("XLSX", "XLSX"),
    "exp.xlsx.help": ("Excel-projektmappe med tal og datoer som tal og datoer.",
                      "Excel workbook with numbers and dates as numbers and dates."),
    "exp.restore": ("Gendan en backup", "Restore a backup"),
    "exp.restore.body": (
        "Upload en backupfil (zip) fra knappen »Backup af databasen« eller fra `python -m dk2020dash backup`. Du "
        "ser, hvad den indeholder, før noget ændres.",
        "Upload a backup file (zip) from the »Back up the database« button or from `python -m dk2020dash backup`. "
        "You see what it holds before anything changes.",
    ),
    "exp.restore.file": ("Backupfil (zip)", "Backup file (zip)"),
    "exp.restore.made": ("Backuppen er lavet {when} (dataversion {version}).",
                         "The backup was made {when} (data version {version})."),
    "exp.restore.unknown_time": ("på et ukendt tidspunkt", "at an unknown time"),
    "exp.restore.col.table": ("Tabel", "Table"),
    "exp.restore.col.holds": ("Indhold", "Contents"),
    "exp.restore.col.backup": ("Rækker i backuppen", "Rows in the backup"),
    "exp.restore.col.now": ("Rækker nu", "Rows now"),
    "exp.restore.warning": (
        "Gendannelse erstatter ALLE nuværende data – opgørelser, planer, scenarier, handlinger, milepæle, "
        "befolkningstal og importloggen – med backuppens. Det kan ikke fortrydes; hent først en backup af de "
        "nuværende data, hvis du vil kunne vende tilbage.",
        "Restoring replaces ALL current data – inventories, plans, scenarios, actions, milestones, population and "
        "the import log – with the backup's. It cannot be undone; download a backup of the current data first if "
        "you may want to go back.",
    ),
    "exp.restore.confirm": ("Erstat alle data med backuppen", "Replace all data with the backup"),
    "exp.restore.done": ("Gendannet fra {file} (lavet {when}). Alle sider viser nu backuppens data.",
                         "Restored from {file} (made {when}). Every page now shows the backup's data."),
    "exp.restore.refused": ("{file} kan ikke gendannes: {reason} Intet er ændret.",
                            "{file} cannot be restored: {reason} Nothing was changed."),
    "exp.restore.reason.not_ours": ("filen er ikke en backup fra DK2020 Klimaplan-dashboard.",
                                    "the file is not a backup from DK2020 Klimaplan-dashboard."),
    "exp.restore.reason.damaged": ("backuppen er ufuldstændig, beskadiget eller ændret, efter den blev lavet.",
                                   "the backup is incomplete, damaged or changed after it was made."),
    "exp.restore.reason.newer": (
        "backuppen er fra en nyere version af programmet (skemaversion {version}; denne kender op til {known}). "
        "Opdatér programmet først.",
        "the backup is from a newer version of the program (schema version {version}; this one knows up to "
        "{known}). Update the program first.",
    ),
    "exp.restore.reason.older": ("backuppen er fra en for gammel version af programmet (skemaversion {version}).",
                                 "the backup is from too old a version of the program (schema version {version})."),
    "exp.restore.reason.too_big": ("backuppen fylder mere end {limit} MB udpakket, mere end en backup af den "
                                   "størrelse kan fylde (den kan være en zip-bombe).",
                                   "the backup unpacks to more than {limit} MB, more than a backup of its size can "
                                   "hold (it may be a zip bomb)."),
    "exp.restore.reason.unreadable": ("filen kan ikke læses.", "the file cannot be read."),
    "exp.restore.detail": ("Teknisk besked: {message}", "Technical message: {message}"),
    "exp.restore.failed": ("Gendannelsen mislykkedes; intet er ændret: {message}",
                           "The restore failed; nothing was changed: {message}"),
    # -- climate adaptation (issue 13): import, Tilpasning page, Kommune section, Metode -------------------
    "imp.kind.risks": ("Klimarisici (risikovurdering pr. klimafare)", "Climate risks (assessment per hazard)"),
    "imp.kind.help.risks": (
        "Kommune, klimafare, risiko, vurderet (år eller dato), note. Klimafarer: skybrud, stormflod, "
        "havvandsstigning, grundvand, oversvømmelse fra vandløb, hedebølge, tørke, erosion; risiko: lav, middel, "
        "høj, meget høj. Risikovurderingen for kommunerne i filen erstattes helt.",
        "Municipality, hazard, risk, assessed (year or date), note. Hazards: cloudburst, storm surge, sea level "
        "rise, groundwater, river flooding, heatwave, drought, erosion (Danish names too); risk: low, medium, high, "
        "very high. The assessment of the municipalities in the file is replaced as a whole.",
    ),
    "imp.note.risks": (
        "risikovurderingen for kommunerne i filen erstattes helt: klimafarer, som en kommune havde før, men som "
        "ikke står i filen, fjernes (talt som erstattede); andre kommuners rigtige vurderinger røres ikke",
        "the assessment of the municipalities in the file is replaced as a whole: hazards a municipality had "
        "before that the file lacks are removed (counted as replaced); other municipalities' real assessments "
        "are not touched",
    ),
    "dq.kind.risks": ("Klimarisici", "Climate risks"),
    "nav.adaptation": ("Tilpasning", "Adaptation"),
    "ad.title": ("Klimatilpasning – {area}", "Climate adaptation – {area}"),
    "ad.intro": (
        "Den anden halvdel af klimaplanen: hvilke klimafarer kommunerne har vurderet som høje, hvilke "
        "tilpasningshandlinger der tager sig af dem, og hvor en høj risiko endnu ikke har en handling i gang.",
        "The other half of the climate plan: which hazards the municipalities have assessed as high, which "
        "adaptation actions address them, and where a high risk has no action under way yet.",
    ),
    "ad.none_at_all": (
        "Der er hverken klimarisikovurderinger eller tilpasningshandlinger for området endnu. Indlæs "
        "risikovurderingerne på Data-siden (slags: Klimarisici), og giv tilpasningshandlingerne en klimafare.",
        "There are no climate risk assessments or adaptation actions for the area yet. Load the assessments on the "
        "Data page (kind: Climate risks), and give the adaptation actions a hazard.",
    ),
    "ad.demo_note": ("Risikovurderingerne er opdigtede eksempeldata, ikke kommunernes egne vurderinger.",
                     "The risk assessments are invented example data, not the municipalities' own assessments."),
    "ad.kpi.assessed": ("Kommuner med risikovurdering", "Municipalities with a risk assessment"),
    "ad.kpi.assessed.value": ("{n} af {total}", "{n} of {total}"),
    "ad.kpi.high": ("Høje klimarisici", "High climate risks"),
    "ad.kpi.high.help": ("Kommune × klimafare vurderet høj eller meget høj.",
                         "Municipality × hazard assessed high or very high."),
    "ad.kpi.uncovered": ("Uden tilpasning i gang", "Without adaptation under way"),
    "ad.kpi.uncovered.help": (
        "Høje risici, som kommunen ikke har en tilpasningshandling i gang eller gennemført for (se Metode).",
        "High risks for which the municipality has no adaptation action in progress or completed (see Method).",
    ),
    "ad.kpi.actions": ("Tilpasningshandlinger i gang eller gennemført", "Adaptation actions in progress or completed"),
    "ad.kpi.actions.value": ("{n} af {total}", "{n} of {total}"),
    "ad.heat": ("Klimarisici på tværs af kommunerne", "Climate risks across the municipalities"),
    "ad.chart.level": ("Risikoniveau", "Risk level"),
    "ad.chart.municipalities": ("Kommuner", "Municipalities"),
    "ad.chart.heat.title": ("Antal kommuner pr. klimafare og risikoniveau",
                            "Number of municipalities per hazard and risk level"),
    "ad.chart.heat.subtitle": ("{n} kommuner med en risikovurdering; en kommune, der ikke har vurderet en "
                               "klimafare (fx stormflod inde i landet), tælles ikke i den række",
                               "{n} municipalities with a risk assessment; one that has not assessed a hazard "
                               "(e.g. storm surge inland) is not counted in that row"),
    "ad.actions": ("Tilpasningshandlinger efter klimafare og status", "Adaptation actions by hazard and status"),
    "ad.actions.none": ("Ingen tilpasningshandlinger nævner en klimafare i området.",
                        "No adaptation action in the area names a hazard."),
    "ad.actions.untagged": ("{n} tilpasningshandlinger nævner ingen klimafare og tælles ikke med her.",
                            "{n} adaptation actions name no hazard and are not counted here."),
    "ad.chart.actions": ("Tilpasningshandlinger", "Adaptation actions"),
    "ad.chart.status.title": ("Tilpasningshandlinger pr. klimafare", "Adaptation actions per hazard"),
    "ad.chart.status.subtitle": ("en handling, der tager sig af flere klimafarer, tælles under hver af dem",
                                 "an action that addresses several hazards counts under each of them"),
    "ad.uncovered": ("Høje risici uden tilpasning i gang", "High risks without adaptation under way"),
    "ad.uncovered.caption": (
        "Kommune og klimafare vurderet høj eller meget høj, hvor kommunen ikke har en tilpasningshandling for "
        "klimafaren, der er i gang eller gennemført. Sidste kolonne: handlinger for klimafaren, der er planlagt, "
        "forsinket eller sat på pause.",
        "Municipality and hazard assessed high or very high where the municipality has no adaptation action for "
        "the hazard in progress or completed. Last column: actions for the hazard that are planned, delayed or "
        "paused.",
    ),
    "ad.uncovered.none": ("Ingen: alle høje risici i området har en tilpasningshandling i gang eller gennemført.",
                          "None: every high risk in the area has an adaptation action in progress or completed."),
    "ad.attention": ("Overskredet eller ikke opdateret", "Overdue or not updated"),
    "ad.attention.caption": (
        "Tilpasningshandlinger, der ikke er gennemført eller opgivet, og hvis slutdato er passeret, eller som "
        "ikke er opdateret i {days} dage.",
        "Adaptation actions not completed or cancelled whose end date has passed, or that have not been updated "
        "for {days} days.",
    ),
    "ad.attention.none": ("Ingen tilpasningshandlinger er overskredet eller uden opdatering.",
                          "No adaptation action is overdue or without an update."),
    "ad.stale_assessments": ("Risikovurderinger ældre end {years} år ({n}): {names}",
                             "Risk assessments older than {years} years ({n}): {names}"),
    "ad.no_assessment": ("Ingen risikovurdering indlæst ({n}): {names}", "No risk assessment loaded ({n}): {names}"),
    "ad.assessed.stale": ("{year} (ældre end {years} år)", "{year} (older than {years} years)"),
    "ad.col.municipality": ("Kommune", "Municipality"),
    "ad.col.hazard": ("Klimafare", "Hazard"),
    "ad.col.hazards": ("Klimafarer", "Hazards"),
    "ad.col.level": ("Risiko", "Risk"),
    "ad.col.assessed": ("Vurderet", "Assessed"),
    "ad.col.not_under_way": ("Handlinger ikke i gang", "Actions not under way"),
    "ad.col.title": ("Handling", "Action"),
    "ad.col.status": ("Status", "Status"),
    "ad.col.protection": ("Beskyttelsesmål", "Protection target"),
    "ad.col.end": ("Slut", "End"),
    "ad.col.last_updated": ("Sidst opdateret", "Last updated"),
    "ad.col.why": ("Opmærksomhed", "Attention"),
    "ad.col.actions": ("Tilpasningshandlinger", "Adaptation actions"),
    "ad.col.note": ("Note", "Note"),
    "ad.why.overdue": ("slutdato passeret", "end date passed"),
    "ad.why.stale": ("ikke opdateret i {days} dage", "not updated for {days} days"),
    "ad.protection.return": ("{n}-års hændelse", "{n}-year event"),
    "ad.protection.buildings": ("{n} bygninger", "{n} buildings"),
    "ad.sent.and": (" og ", " and "),
    "ad.sent.no_assessment": ("{name} har ingen klimarisikovurdering indlæst.",
                              "{name} has no climate risk assessment loaded."),
    "ad.sent.no_high": ("{name} har ingen høje klimarisici i sin risikovurdering.",
                        "{name} has no high climate risks in its assessment."),
    "ad.sent.covered": ("Alle {n} høje klimarisici i {name} har en tilpasningshandling i gang eller gennemført.",
                        "All {n} high climate risks in {name} have an adaptation action in progress or completed."),
    "ad.sent.uncovered": (
        "{name} har høj risiko for {hazards} uden en tilpasningshandling i gang eller gennemført ({n} af {high} "
        "høje risici).",
        "{name} has a high risk of {hazards} without an adaptation action in progress or completed ({n} of "
        "{high} high risks).",
    ),
    "mun.adapt": ("Klimatilpasning", "Climate adaptation"),
    "mun.adapt.assessed": ("Risikovurdering fra {years}; højeste risiko først.",
                           "Risk assessment from {years}; highest risk first."),
    "mun.adapt.actions": ("Tilpasningshandlinger", "Adaptation actions"),
    "mun.adapt.actions_none": ("Ingen tilpasningshandlinger registreret.", "No adaptation actions registered."),
    "method.adaptation.title": ("Klimatilpasning", "Climate adaptation"),
    "method.adaptation.body": (
        "Hver kommune vurderer sine klimafarer – skybrud, stormflod, havvandsstigning, grundvand, oversvømmelse "
        "fra vandløb, hedebølge, tørke og erosion – som lav, middel, høj eller meget høj risiko, med året for "
        "vurderingen. En **høj risiko** er en klimafare vurderet høj eller meget høj. En tilpasningshandling "
        "nævner de klimafarer, den tager sig af, og kan have et beskyttelsesmål (den gentagelsesperiode, den "
        "sikrer mod, fx en 100-års hændelse, eller antal beskyttede bygninger).\n\n"
        "En **høj risiko uden tilpasning i gang** er en kommune og klimafare vurderet høj eller meget høj, hvor "
        "kommunen ikke har nogen tilpasningshandling for netop den klimafare med status *i gang* eller "
        "*gennemført*. Planlagte, forsinkede og pausede handlinger dækker ikke (de er endnu ikke i gang), og "
        "opgivne tæller ikke. En handling tæller kun for sin egen kommune.\n\n"
        "En risikovurdering er **forældet**, når den er mere end {risk_years} år gammel (vurderingsåret ligger mere "
        "end {risk_years} år før i år) – samme fem år som klimaplanens revision. En tilpasningshandling er "
        "**overskredet**, når slutdatoen er passeret, uden at den er gennemført eller opgivet, og **ikke "
        "opdateret**, når den ikke er ændret i {stale} dage (som alle handlinger); gennemførte og opgivne "
        "handlinger vises ikke der.",
        "Each municipality assesses its climate hazards – cloudburst, storm surge, sea level rise, groundwater, "
        "river flooding, heatwave, drought and erosion – as low, medium, high or very high risk, with the year "
        "of the assessment. A **high risk** is a hazard assessed high or very high. An adaptation action names "
        "the hazards it addresses and may carry a protection target (the return period it protects against, "
        "e.g. a 100-year event, or the number of buildings protected).\n\n"
        "A **high risk without adaptation under way** is a municipality and hazard assessed high or very high "
        "where the municipality has no adaptation action for that very hazard with status *in progress* or "
        "*completed*. Planned, delayed and paused actions do not cover it (they are not under way yet), and "
        "cancelled ones do not count. An action counts only for its own municipality.\n\n"
        "A risk assessment is **out of date** when it is more than {risk_years} years old (the year assessed "
        "more than {risk_years} years before this year) – the same five years as the plan's revision. An "
        "adaptation action is **overdue** when its end date has passed and it is neither completed nor "
        "cancelled, and **not updated** when it has not changed for {stale} days (as every action); completed "
        "and cancelled actions are not listed there.",
    ),
    # -- metrics (issue 9: completed actions already in the inventory, required pace, trend) --
    "ov.kpi.pace_reached": ("Målet for {year} er nået", "The {year} target is reached"),
    "zero_year.reached": ("nået", "reached"),
    "bridge.in_inventory_note": (
        "{n} gennemførte handlinger ({tonnes} forventet) blev gennemført i eller før {year} og er allerede med i "
        "opgørelsen; de tæller ikke i reduktionsbroen.",
        "{n} completed actions ({tonnes} expected) were completed in or before {year} and are already in the "
        "inventory; they count nothing in the reduction bridge.",
    ),
    # -- editions per municipality: import preview before -> after, corrections, published date, edition choice
    # (issue 9, item 1) --
    "imp.published": ("Udgivet (valgfrit)", "Published (optional)"),
    "imp.published.help": (
        "Udgivelsesdatoen for udgaven, fx Energistyrelsens udgivelse. Tom: i dag. Hver kommunes tal kommer fra "
        "dens senest udgivne udgave; en udgave med en ældre dato bliver ikke den nyeste.",
        "The edition's publication date, e.g. the Danish Energy Agency's release. Empty: today. Each "
        "municipality's figures come from its edition published last; an edition with an older date does not "
        "become the newest.",
    ),
    "imp.mode": ("Rækkerne bliver", "The rows become"),
    "imp.mode.new": ("en ny udgave", "a new edition"),
    "imp.mode.correction": ("en rettelse af en eksisterende udgave", "a correction of an existing edition"),
    "imp.into_edition": ("Udgave, der rettes", "Edition to correct"),
    "imp.into_edition.help": (
        "Filens rækker erstatter udgavens rækker med samme kommune, år og sektor; udgavens øvrige rækker bevares.",
        "The file's rows replace the edition's rows of the same municipality, year and sector; its other rows "
        "are kept.",
    ),
    "imp.edition_correction": ("Rettelse af udgaven: {name}", "Correction of the edition: {name}"),
    "imp.note.correction": (
        "sammenlignet med udgavens egne rækker; rækker med samme kommune, år og sektor erstattes, resten af "
        "udgaven og andre udgaver røres ikke",
        "compared with the edition's own rows; rows of the same municipality, year and sector are replaced, the "
        "rest of the edition and other editions are not touched",
    ),
    "imp.headlines": ("Før → efter for kommunerne i filen", "Before → after for the municipalities in the file"),
    "imp.headlines.caption": (
        "Hver kommunes tal kommer fra dens nyeste udgave; her står tallene nu og efter indlæsningen.",
        "Each municipality's figures come from its newest edition; here are the figures now and after the import.",
    ),
    "imp.head.edition": ("Udgave", "Edition"),
    "imp.head.years": ("År", "Years"),
    "imp.head.latest_year": ("Seneste år", "Latest year"),
    "imp.head.latest_t": ("Udledning seneste år (t)", "Emissions latest year (t)"),
    "imp.head.baseline_year": ("Basisår", "Baseline year"),
    "imp.head.baseline_t": ("Udledning i basisåret (t)", "Emissions in the baseline year (t)"),
    "imp.head.before": ("før", "before"),
    "imp.head.after": ("efter", "after"),
    "imp.head.new_edition": ("den nye udgave", "the new edition"),
    "imp.warn.baseline": (
        "{n} kommuner står uden tal for planens basisår efter indlæsningen: {names}",
        "{n} municipalities would have no figures for their plan's baseline year after the import: {names}",
    ),
    "imp.warn.fewer_years": (
        "{n} kommuner får færre år end før: {names}",
        "{n} municipalities would have fewer years than before: {names}",
    ),
    "imp.warn.not_newest": (
        "{n} kommuner bruger fortsat en nyere udgave, så filens rækker ændrer ikke deres tal nu (de kan ses på "
        "siden Kommune under udgaven): {names}",
        "{n} municipalities keep using a newer edition, so the file's rows do not change their figures now (they "
        "can be viewed on the Municipality page under the edition): {names}",
    ),
    "imp.warn.correction": (
        "Er filen en rettelse af enkelte tal, så vælg »en rettelse af en eksisterende udgave« (CLI: "
        "--into-edition NAVN) i stedet for en ny udgave.",
        "If the file corrects a few figures, choose \"a correction of an existing edition\" (CLI: "
        "--into-edition NAME) instead of a new edition.",
    ),
    "mun.edition": ("Udgave af opgørelsen", "Inventory edition"),
    "mun.edition.help": (
        "Standard er kommunens nyeste udgave, som alle sider bruger. Vælg en ældre udgave for at se dens tal.",
        "The default is the municipality's newest edition, which every page uses. Choose an older edition to see "
        "its figures.",
    ),
    "mun.edition.option": ("{name} ({years})", "{name} ({years})"),
    "mun.edition.newest": ("{name} ({years}) – nyeste", "{name} ({years}) – newest"),
    "mun.edition.older": (
        "Viser den ældre udgave {name}. Alle andre sider og tallene for regionen bruger kommunens nyeste udgave, "
        "{newest}.",
        "Showing the older edition {name}. Every other page and the region's figures use the municipality's "
        "newest edition, {newest}.",
    ),
    "method.editions_in_use": ("Hver kommunes tal kommer fra dens egen nyeste udgave. I brug nu: {editions}.",
                               "Each municipality's figures come from its own newest edition. In use now: {editions}."),
    "method.edition_use": ("{name} ({n} kommuner)", "{name} ({n} municipalities)"),
    "dq.col.edition": ("Udgave i brug", "Edition in use"),
    "dq.col.newest_for": ("Nyeste for kommuner", "Newest for municipalities"),
    # integrity (issue 9 items 8 and 10): a damaged database on the Data page, a restore that waited
    "exp.damaged.title": ("Databasen kan ikke åbnes", "The database cannot be opened"),
    "exp.damaged.body": (
        "Databasefilen er beskadiget eller ikke fra dette program, så ingen side kan vise data. Brugertabellen ligger "
        "i den samme fil, så siden kan ikke se, hvem der er administrator. En administrator gendanner en backup på "
        "serveren med `python -m dk2020dash restore BACKUP.zip --force`: den erstatter filen, og den beskadigede "
        "fil gemmes ved siden af, så intet slettes.",
        "The database file is damaged or not from this program, so no page can show data. The user table is in the "
        "same file, so the page cannot tell who is an administrator. An administrator restores a backup on the "
        "server with `python -m dk2020dash restore BACKUP.zip --force`: it replaces the file, and the damaged file "
        "is kept beside it, so nothing is deleted.",
    ),
    "exp.damaged.not_allowed": (
        "Kun en administrator kan gendanne en backup. Kontakt den, der driver dashboardet.",
        "Only an administrator can restore a backup. Contact whoever runs the dashboard.",
    ),
    "exp.damaged.kept": ("Den beskadigede fil er gemt som {name}.", "The damaged file was kept as {name}."),
    # -- sign-in, roles and edits (issue 10) ---------------------------------------------------------
    "auth.err.viewer": ("Du har ikke ret til at ændre noget. Log ind som redaktør eller administrator.",
                        "You may not change anything. Sign in as an editor or admin."),
    "auth.err.scope": ("{email} må ikke ændre {name}s handlinger og milepæle (uden for brugerens område).",
                       "{email} may not change the actions and milestones of {name} (outside the user's scope)."),
    "auth.err.admin": ("Kun en administrator må gøre det.", "Only an admin may do that."),
    "auth.err.short_password": ("Adgangskoden skal have mindst {n} tegn.", "The password needs at least {n} characters."),
    "auth.err.wait": ("For mange forsøg. Vent {seconds} sekunder, og prøv igen.",
                      "Too many attempts. Wait {seconds} seconds and try again."),
    "auth.err.bad_login": ("Forkert e-mail eller adgangskode.", "Wrong e-mail or password."),
    "auth.err.email": ("'{email}' er ikke en e-mailadresse.", "'{email}' is not an e-mail address."),
    "auth.err.municipality": ("Ukendt kommune: '{name}' (brug navn eller kommunekode).",
                              "Unknown municipality: '{name}' (use a name or a municipality code)."),
    "auth.err.role": ("Ukendt rolle: '{role}' (editor eller admin).", "Unknown role: '{role}' (editor or admin)."),
    "auth.err.region": ("Ukendt region: '{region}' (en af {regions}).", "Unknown region: '{region}' (one of {regions})."),
    "auth.err.no_scope": ("En redaktør skal have mindst én region eller kommune.",
                          "An editor needs at least one region or municipality."),
    "auth.err.self": ("Du kan ikke fjerne eller ændre din egen administratorrolle.",
                      "You cannot remove or change your own admin role."),
    "auth.err.unknown_user": ("{email} har ingen rolle.", "{email} has no role."),
    "edit.err.unknown_action": ("Handling {id} findes ikke.", "Action {id} does not exist."),
    "edit.err.unknown_milestone": ("Milepæl {id} findes ikke.", "Milestone {id} does not exist."),
    "edit.err.status": ("Ukendt status: '{status}' (en af {statuses}).", "Unknown status: '{status}' (one of {statuses})."),
    "edit.err.date": ("{field}: '{value}' er ikke en dato (ÅÅÅÅ-MM-DD).", "{field}: '{value}' is not a date (YYYY-MM-DD)."),
    "edit.err.end_before_start": ("Slutdatoen {end} ligger før startdatoen {start}.",
                                  "The end date {end} is before the start date {start}."),
    "edit.err.expected": ("Forventet reduktion skal være et tal (t CO2e/år), fik '{value}'.",
                          "The expected reduction must be a number (t CO2e/yr), got '{value}'."),
    "edit.err.negative": ("Forventet reduktion kan ikke være negativ ({value}).",
                          "The expected reduction cannot be negative ({value})."),
    "edit.err.too_large": ("Forventet reduktion {value} t er større end kommunens samlede udledning {total} t ({year}).",
                           "The expected reduction {value} t is larger than the municipality's total emissions "
                           "{total} t ({year})."),
    "edit.err.future": ("Datoen for udført {done} ligger i fremtiden.", "The done date {done} is in the future."),
    "edit.err.already_done": ("Milepælen er allerede udført ({done}).", "The milestone is already done ({done})."),
    "edit.err.reason": ("Angiv en begrundelse for at flytte fristen.", "Give a reason for moving the due date."),
    "edit.err.too_long": ("{field} er for lang (højst {n} tegn).", "{field} is too long (at most {n} characters)."),
    "edit.err.nothing": ("Intet er ændret.", "Nothing was changed."),
    "edit.err.conflict": ("{who} gemte en ændring først (version {version}). Se de nye værdier, og gem igen, hvis din "
                          "ændring stadig gælder: {values}",
                          "{who} saved a change first (version {version}). Look at the new values and save again if "
                          "your change still applies: {values}"),
    "edit.field.status": ("Status", "Status"),
    "edit.field.start_date": ("Start", "Start"),
    "edit.field.end_date": ("Slut", "End"),
    "edit.field.expected_2030_t": ("Forventet reduktion 2030 (t CO2e/år)", "Expected reduction 2030 (t CO2e/yr)"),
    "edit.field.responsible": ("Ansvarlig", "Responsible"),
    "edit.field.note": ("Note", "Note"),
    "edit.field.done": ("Udført", "Done"),
    "edit.field.due": ("Frist", "Due"),
    "edit.field.reason": ("Begrundelse", "Reason"),
    "edit.field.email": ("E-mail", "E-mail"),
    "edit.field.password": ("Adgangskode", "Password"),
    "auth.sign_in": ("Log ind", "Sign in"),
    "auth.sign_in.help": ("Redaktører og administratorer logger ind for at ændre data. Alle kan læse uden at logge ind.",
                          "Editors and admins sign in to change data. Everyone can read without signing in."),
    "auth.sign_out": ("Log ud", "Sign out"),
    "auth.signed_in_as": ("Logget ind som {email} ({role})", "Signed in as {email} ({role})"),
    "auth.role.viewer": ("læser", "viewer"),
    "auth.role.editor": ("redaktør", "editor"),
    "auth.role.admin": ("administrator", "admin"),
    "auth.admin_only": ("Kun administratorer kan indlæse data og gendanne backups. Log ind som administrator.",
                        "Only admins can import data and restore backups. Sign in as an admin."),
    "nav.actions": ("Indsatser", "Actions"),
    "nav.milestones": ("Milepæle", "Milestones"),
    "nav.users": ("Brugere", "Users"),
    "nav.group.work": ("Opfølgning", "Follow-up"),
    "act.title": ("Indsatser på tværs af kommuner", "Actions across municipalities"),
    "act.intro": ("Filtrér indsatserne; filtrene står i adressen, så et link viser det samme udsnit. Vælg en række for "
                  "at se indsatsens historik.",
                  "Filter the actions; the filters are in the address, so a link shows the same selection. Select a "
                  "row to see the action's history."),
    "act.region": ("Region", "Region"),
    "act.municipality": ("Kommune", "Municipality"),
    "act.sector": ("Sektor", "Sector"),
    "act.status": ("Status", "Status"),
    "act.kind": ("Type", "Type"),
    "act.kind.mitigation": ("Reduktion", "Mitigation"),
    "act.kind.adaptation": ("Tilpasning", "Adaptation"),
    "act.stale": ("Kun forældede (ikke opdateret i {days} dage)", "Stale only (not updated for {days} days)"),
    "act.search": ("Søg i titler", "Search titles"),
    "act.all": ("Alle", "All"),
    "act.count": ("{n} indsatser", "{n} actions"),
    "act.totals": ("Antal og forventet reduktion 2030 pr. status", "Count and expected 2030 reduction by status"),
    "act.totals.value": ("{n} · {tonnes}", "{n} · {tonnes}"),
    "act.bridge": ("Reduktionsbroen for udsnittet", "The reduction bridge of the selection"),
    "act.bridge.note": ("Behovet er de valgte kommuners samlede behov; søjlerne dækker kun de viste "
                        "reduktionsindsatser.",
                        "The need is the chosen municipalities' total need; the bars cover only the mitigation "
                        "actions shown."),
    "act.none": ("Ingen indsatser passer til filtrene.", "No actions match the filters."),
    "act.col.municipality": ("Kommune", "Municipality"),
    "act.col.start": ("Start", "Start"),
    "act.col.end": ("Slut", "End"),
    "act.detail": ("Indsats: {title}", "Action: {title}"),
    "act.detail.facts": ("{municipality} · {status} · version {version}", "{municipality} · {status} · version {version}"),
    "act.history": ("Historik", "History"),
    "act.history.none": ("Ingen registrerede ændringer.", "No recorded changes."),
    "act.col.when": ("Hvornår", "When"),
    "act.col.who": ("Hvem", "Who"),
    "act.col.field": ("Felt", "Field"),
    "act.col.old": ("Før", "Before"),
    "act.col.new": ("Efter", "After"),
    "act.col.note": ("Note", "Note"),
    "act.edit": ("Ret indsatsen", "Edit the action"),
    "act.save": ("Gem", "Save"),
    "act.saved": ("Gemt (version {version}).", "Saved (version {version})."),
    "act.no_edit": ("Du kan læse indsatsen, men ikke ændre den: {reason}", "You can read the action but not change it: "
                    "{reason}"),
    "act.unknown": ("Indsats {id} findes ikke.", "Action {id} does not exist."),
    "ms.title": ("Milepæle i DK2020-forløbet", "Milestones of the DK2020 process"),
    "ms.overdue": ("Overskredet ({n})", "Overdue ({n})"),
    "ms.due_soon": ("Forfalder inden for {days} dage ({n})", "Due within {days} days ({n})"),
    "ms.none": ("Ingen.", "None."),
    "ms.per_region": ("Antal pr. region", "Counts per region"),
    "ms.per_municipality": ("Pr. kommune", "Per municipality"),
    "ms.choose": ("Kommune", "Municipality"),
    "ms.choose.placeholder": ("Vælg en kommune", "Choose a municipality"),
    "users.remove.placeholder": ("Vælg en bruger", "Choose a user"),
    "ms.col.region": ("Region", "Region"),
    "ms.edit": ("Opdatér en milepæl", "Update a milestone"),
    "ms.which": ("Milepæl", "Milestone"),
    "ms.done": ("Markér som udført", "Mark as done"),
    "ms.move": ("Flyt fristen", "Move the due date"),
    "ms.saved": ("Gemt.", "Saved."),
    "ms.history": ("Historik for milepælen", "History of the milestone"),
    "users.title": ("Brugere og roller", "Users and roles"),
    "users.intro": ("Redaktører ændrer indsatser og milepæle i deres kommuner eller region; administratorer kan også "
                    "indlæse data, gendanne backups og give roller. Alle andre er læsere.",
                    "Editors change actions and milestones in their municipalities or region; admins can also import "
                    "data, restore backups and grant roles. Everyone else is a viewer."),
    "users.grant": ("Giv eller ændr en rolle", "Grant or change a role"),
    "users.role": ("Rolle", "Role"),
    "users.regions": ("Regioner", "Regions"),
    "users.municipalities": ("Kommuner", "Municipalities"),
    "users.password": ("Adgangskode til lokal konto (tom: uændret / single sign-on)",
                       "Password for a local account (empty: unchanged / single sign-on)"),
    "users.save": ("Gem rolle", "Save role"),
    "users.saved": ("{email} er nu {role}.", "{email} is now {role}."),
    "users.remove": ("Fjern en rolle", "Remove a role"),
    "users.remove.button": ("Fjern rollen", "Remove the role"),
    "users.removed": ("{email} er nu læser.", "{email} is now a viewer."),
    "users.none": ("Ingen brugere har roller endnu.", "No users have roles yet."),
    "users.col.local": ("Lokal adgangskode", "Local password"),
    "users.col.granted_by": ("Givet af", "Granted by"),
    "users.col.granted_at": ("Givet", "Granted"),
    # -- KKR meeting pack: the Præsentation page, the deck, chart images, the shipped map (keys "kkr.*", "chart.dl.*") --
    "nav.presentation": ("Præsentation", "Presentation"),
    "kkr.page.title": ("Præsentation til KKR-mødet", "Presentation for the KKR meeting"),
    "kkr.since": ("Ændringer siden (sidste møde)", "Changes since (last meeting)"),
    "kkr.since.help": ("Datoen for sidste møde, fx 2026-09-01. Standard: 90 dage før i dag.",
                       "The date of the last meeting, e.g. 2026-09-01. Default: 90 days before today."),
    "kkr.since.unreadable": ("Datoen »{text}« kan ikke læses; skriv den som ÅÅÅÅ-MM-DD, fx 2026-09-01.",
                             "The date \"{text}\" cannot be read; write it as YYYY-MM-DD, e.g. 2026-09-01."),
    "kkr.since.future": ("Datoen {since} ligger efter i dag ({today}); vælg datoen for sidste møde.",
                         "The date {since} is after today ({today}); choose the date of the last meeting."),
    "kkr.since.before_history": ("Datoen {since} ligger før al historik i data (den første ændring er fra {first}).",
                                 "The date {since} is before any history in the data (the first change is from {first})."),
    "kkr.slide": ("Dias", "Slide"),
    "kkr.counter": ("Dias {n} af {total}", "Slide {n} of {total}"),
    "kkr.prev": ("Forrige", "Previous"),
    "kkr.next": ("Næste", "Next"),
    "kkr.keys": ("Piletasterne ← → skifter dias.", "The arrow keys ← → change slides."),
    "kkr.download": ("Hent præsentationen (PowerPoint)", "Download the presentation (PowerPoint)"),
    "kkr.download.help": ("De samme syv dias som her, med talernoter om hvor hvert tal kommer fra.",
                          "The same seven slides as here, with speaker notes saying where each figure comes from."),
    "kkr.bad_area": ("Ukendt område {area}; brug et af: {areas}", "Unknown area {area}; use one of: {areas}"),
    "kkr.footer.demo": ("Eksempeldata – ikke officielle tal", "Example data – not official figures"),
    "kkr.footer.year": ("Opgørelsesår {year}", "Inventory year {year}"),
    "kkr.footer.since": ("ændringer siden {since}", "changes since {since}"),
    "kkr.title.verdict": ("{area}: er vi på rette vej?", "{area}: are we on track?"),
    "kkr.title.trajectory": ("Udledningen mod målstien", "Emissions against the target path"),
    "kkr.title.map": ("Kommunerne efter vurdering", "The municipalities by verdict"),
    "kkr.title.bridge": ("Reduktionsbroen og manko til {year}", "The reduction bridge and the gap to {year}"),
    "kkr.title.changes": ("Hvad er ændret siden {since}?", "What has changed since {since}?"),
    "kkr.title.follow_up": ("Opfølgning pr. kommune", "Follow-up per municipality"),
    "kkr.fig.verdict": ("Vurdering", "Verdict"),
    "kkr.fig.emissions": ("Udledning {year}", "Emissions {year}"),
    "kkr.fig.reduction": ("Reduktion {since}", "Reduction {since}"),
    "kkr.fig.target": ("Mål for {year}", "Target for {year}"),
    "kkr.fig.manko": ("Manko {year}", "Gap {year}"),
    "kkr.fig.year": ("Opgørelsesår (data {lag} år gamle)", "Inventory year (data {lag} years old)"),
    "kkr.fig.need": ("Behov for reduktion til {year}", "Reduction needed by {year}"),
    "kkr.fig.covered": ("Dækket af handlinger", "Covered by actions"),
    "kkr.fig.status_changes": ("Statusændringer", "Status changes"),
    "kkr.fig.tonnes_moved": ("Tons flyttet i broen", "Tonnes moved in the bridge"),
    "kkr.fig.milestones_done": ("Milepæle nået", "Milestones reached"),
    "kkr.fig.milestones_overdue": ("Milepæle overskredet", "Milestones become overdue"),
    "kkr.fig.editions": ("Nye opgørelser", "New inventories"),
    "kkr.fig.overdue": ("Overskredne milepæle", "Overdue milestones"),
    "kkr.fig.stale": ("Forældede handlinger", "Stale actions"),
    "kkr.fig.follow_up_munis": ("Kommuner at følge op på", "Municipalities to follow up"),
    "kkr.col.overdue": ("Milepæle over frist", "Overdue milestones"),
    "kkr.col.stale": ("Forældede handlinger", "Stale actions"),
    "kkr.map.lead": ("{n} af {total} kommuner kan vurderes.", "{n} of {total} municipalities can be assessed."),
    "kkr.bridge.lead": ("Handlingerne dækker ikke {manko} af de {need}, der skal reduceres inden {year}.",
                        "The actions leave {manko} of the {need} to be reduced by {year} uncovered."),
    "kkr.bridge.top": ("De {n} kommuner med størst manko", "The {n} municipalities with the largest gap"),
    "kkr.changes.lead": ("Fra {since} til {today}.", "From {since} to {today}."),
    "kkr.changes.moved": ("{tonnes} forventet reduktion flyttede fra {old} til {new}.",
                          "{tonnes} of expected reduction moved from {old} to {new}."),
    "kkr.changes.moved_more": ("… og {n} mindre flytninger mellem broens dele.",
                               "… and {n} smaller moves between the parts of the bridge."),
    "kkr.changes.no_move": ("Ingen statusændring flyttede tons mellem broens dele.",
                            "No status change moved tonnes between the parts of the bridge."),
    "kkr.changes.most": ("Flest statusændringer: {list}.", "Most status changes: {list}."),
    "kkr.changes.edition": ("Ny opgørelse: {name} ({date}).", "New inventory: {name} ({date})."),
    "kkr.changes.verdict": ("{name}: {old} → {new} med den nye opgørelse.", "{name}: {old} → {new} with the new inventory."),
    "kkr.changes.verdict_more": ("… og {n} kommuner mere skiftede vurdering.", "… and {n} more municipalities changed verdict."),
    "kkr.changes.verdict_none": ("Ingen kommune skiftede vurdering med den nye opgørelse.",
                                 "No municipality changed verdict with the new inventory."),
    "kkr.changes.nothing": ("Ingen ændringer i perioden.", "No changes in the period."),
    "kkr.part.none": ("ingen status (ny)", "no status (new)"),
    "kkr.part.secured": ("sikret", "secured"),
    "kkr.part.in_progress": ("i gang", "in progress"),
    "kkr.part.planned": ("planlagt", "planned"),
    "kkr.part.at_risk": ("i fare", "at risk"),
    "kkr.part.cancelled": ("opgivet", "cancelled"),
    "kkr.follow_up.lead": ("Status pr. {today}: milepæle efter fristen uden at være nået, og handlinger i gang eller "
                           "planlagt, der ikke er opdateret i et år.",
                           "As of {today}: milestones past their due date and not reached, and planned or ongoing "
                           "actions not updated for a year."),
    "kkr.follow_up.top": ("De {n} kommuner med mest at følge op på", "The {n} municipalities with most to follow up"),
    "kkr.notes.source": ("Kilde: dashboardets egne tal (progress.py) for {n} kommuner i {area}, opgørelsesudgave "
                         "»{edition}«, beregnet {today}.",
                         "Source: the dashboard's own figures (progress.py) for {n} municipalities in {area}, "
                         "inventory edition \"{edition}\", computed {today}."),
    "kkr.notes.verdict": ("Vurderingen sammenligner udledningen i {year} med målstien: afvigelse {d} % af basisåret "
                          "(på rette vej ved højst 0, afviger op til 5). Manko = behov til 2030 minus handlingernes "
                          "forventede reduktioner, summeret over kommunerne.",
                          "The verdict compares emissions in {year} with the target path: deviation {d} % of the "
                          "baseline (on track at 0 or less, deviating up to 5). Gap = need by 2030 less the actions' "
                          "expected reductions, summed over the municipalities."),
    "kkr.notes.trajectory": ("Målstien går i rette linjer fra basisåret gennem delmålene til netto-nul; tendensen er "
                             "mindste kvadraters metode over de seneste fem opgørelsesår.",
                             "The target path runs in straight lines from the baseline through the interim targets to "
                             "net zero; the trend is least squares over the last five inventory years."),
    "kkr.notes.map": ("Hver kommune er vurderet for sig i sit seneste opgørelsesår. Bornholm er vist flyttet ind i "
                      "en ramme. Kort: {attribution}.",
                      "Each municipality is assessed on its own in its latest inventory year. Bornholm is shown "
                      "moved into a box. Map: {attribution}."),
    "kkr.notes.bridge": ("Broen deler handlingernes forventede reduktion i 2030 efter status; opgivne tæller ikke. "
                         "Områdets manko er summen af kommunernes manko i opgørelsesår {year}.",
                         "The bridge splits the actions' expected 2030 reduction by status; cancelled ones count "
                         "nothing. The area's gap is the sum of the municipalities' gaps in inventory year {year}."),
    "kkr.notes.changes": ("Kilde: handlingernes statushistorik (action_event), milepælenes frist- og udførselsdatoer "
                          "og opgørelsesudgavernes udgivelsesdato. Tons flyttet = forventet reduktion i 2030 for "
                          "afbødende handlinger, hvis status flyttede dem til en anden del af broen.",
                          "Source: the actions' status history (action_event), the milestones' due and done dates "
                          "and the inventory editions' publication dates. Tonnes moved = expected 2030 reduction of "
                          "mitigation actions whose status moved them to another part of the bridge."),
    "kkr.notes.follow_up": ("En milepæl er overskredet, når fristen er passeret uden en udført-dato; en handling er "
                            "forældet, når den ikke er opdateret i 365 dage (gennemførte og opgivne tælles ikke).",
                            "A milestone is overdue when its due date has passed without a done date; an action is "
                            "stale when not updated for 365 days (completed and cancelled ones are not counted)."),
    # the KKR deck's adaptation slide (slide 7)
    "kkr.title.adaptation": ("Klimatilpasning", "Climate adaptation"),
    "kkr.fig.assessed": ("Vurderede kommuner", "Municipalities assessed"),
    "kkr.col.uncovered": ("Antal", "Number"),
    "kkr.adaptation.lead": ("{n} af {high} klimarisici vurderet høj eller meget høj har ingen tilpasningshandling i "
                            "gang eller gennemført.",
                            "{n} of {high} climate risks assessed high or very high have no adaptation action in "
                            "progress or completed."),
    "kkr.adaptation.none": ("Ingen kommune i området har en risikovurdering endnu.",
                            "No municipality in the area has a risk assessment yet."),
    "kkr.adaptation.top": ("De {n} kommuner med flest høje risici uden tilpasning",
                           "The {n} municipalities with most high risks without adaptation"),
    "kkr.notes.adaptation": (
        "Kilde: kommunernes risikovurderinger (tabellen risk) for {assessed} af {n} kommuner i {area} og "
        "tilpasningshandlingerne med deres klimafarer (action_hazard), som på siden Tilpasning. En høj risiko er "
        "vurderet høj eller meget høj; den er uden tilpasning, når kommunen ikke har en handling for klimafaren, "
        "der er i gang eller gennemført (progress.uncovered_high_risks). Figuren tæller kommuner pr. klimafare og "
        "risikoniveau (progress.risk_matrix).",
        "Source: the municipalities' risk assessments (table risk) for {assessed} of {n} municipalities in {area} "
        "and the adaptation actions with their hazards (action_hazard), as on the Tilpasning page. A high risk is "
        "one assessed high or very high; it is uncovered when the municipality has no action for the hazard in "
        "progress or completed (progress.uncovered_high_risks). The chart counts municipalities per hazard and risk "
        "level (progress.risk_matrix)."),
    "kkr.cli.pdf_missing": ("LibreOffice mangler til PDF; installér den med: {install}",
                            "LibreOffice is needed for PDF; install it with: {install}"),
    "chart.dl.png": ("PNG", "PNG"),
    "chart.dl.svg": ("SVG", "SVG"),
    "chart.dl.help": ("Hent figuren som billede (PNG til slides, SVG til tryk).",
                      "Download the chart as an image (PNG for slides, SVG for print)."),
    "map.attribution": ("Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI",
                        "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI"),
    "map.shipped": ("Kommunegrænser: forenklet udgave af DAGI (data/kommuner.geojson). Sæt DK2020_BOUNDARIES for at "
                    "bruge en anden fil.", "Municipal boundaries: a simplified version of DAGI (data/kommuner.geojson). "
                    "Set DK2020_BOUNDARIES to use another file."),
    # PostgreSQL (issue 11)
    "edit.not_stored": (
        "Ikke gemt: databasen kunne ikke nås eller afviste ændringen. Intet er ændret; prøv igen om lidt.",
        "Not saved: the database could not be reached or refused the change. Nothing was changed; try again shortly.",
    ),
    "error.unavailable": (
        "Databaseserveren kan ikke nås lige nu. Siden viser data igen, så snart den er tilbage; genindlæs om lidt. "
        "Intet er ændret.",
        "The database server cannot be reached right now. The page shows data again as soon as it is back; "
        "reload in a moment. Nothing was changed.",
    ),
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string for key in the language, with {placeholders} filled in."""
    da, en = STRINGS[key]
    text = en if lang == "en" else da
    return text.format(**values) if values else text


def locale(lang: str) -> str:
    return _LOCALE.get(lang, _LOCALE[DEFAULT_LANGUAGE])


def number(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1.234,5 in Danish, 1,234.5 in English; an en dash for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _formatted(format_decimal, value, fmt, locale(lang))


@functools.lru_cache(maxsize=65536, typed=True)
def _formatted_once(how: Callable[..., str], value: object, fmt: str, loc: str) -> str:
    return how(value, format=fmt, locale=loc)


def _formatted(how: Callable[..., str], value: object, fmt: str, loc: str) -> str:
    """Babel's text of a value, remembered (issue 14: Babel per table cell was a twentieth of a warm page run);
    typed, so 1 and 1.0 are each formatted as themselves."""
    try:
        return _formatted_once(how, value, fmt, loc)
    except TypeError:  # not hashable
        return how(value, format=fmt, locale=loc)


def percent(share: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A share (0.413) as a percentage: 41 % in Danish, 41% in English."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    if lang == "en":
        fmt = fmt.replace("\u00a0", "")
    return _formatted(format_percent, share, fmt, locale(lang))


def tonnes(value: float | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Tonnes CO2e at a readable scale: Mt above a million, kt above ten thousand, else t."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    size = abs(value)
    if size >= 1_000_000:
        return f"{number(value / 1_000_000, lang, 1)} {t('unit.mt', lang)}"
    if size >= 10_000:
        return f"{number(value / 1_000, lang, 0)} {t('unit.kt', lang)}"
    return f"{number(value, lang, 0)} {t('unit.t', lang)}"


def day(value: date | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date as 28. nov. 2026 (Danish) or 28 Nov 2026 (English)."""
    if value is None:
        return "–"
    return _formatted(format_date, value, "medium", locale(lang))


# -- user and file text on a page (issue 9) ---------------------------------------------------------------
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#~$:@])")  # enough to stop links, images, HTML, emphasis, math
_WWW = re.compile(r"(?i)(www)\.")


def literal(text: object) -> str:
    """Text a user typed or a file held, made safe to put into markdown (st.markdown, st.write of a string,
    st.caption, st.warning, st.info, st.error, st.success, st.title, labels): shown exactly as written, never as
    a link, an image, HTML, a heading, colour or math. Line breaks become spaces. Dataframes need none of this."""
    flat = " ".join(str(text).splitlines())
    return _WWW.sub(r"\1\\.", _MARKDOWN_SPECIAL.sub(r"\\\1", flat))


# The accessibility statement (webtilgængelighedsloven) on the Metode page: what is checked, how, what does not comply.
STRINGS.update({
    "method.accessibility.title": ("Tilgængelighed", "Accessibility"),
    "method.accessibility.body": (
        "Dashboardet skal leve op til WCAG 2.1 niveau AA, som webtilgængelighedsloven kræver af offentlige "
        "myndigheders websteder.\n\n"
        "**Hvad vi tjekker, og hvordan.** Hver ændring af dashboardet afprøves automatisk i en rigtig browser "
        "(Chromium):\n"
        "- axe-core (Deque Systems) gennemgår hver side i menuen på dansk og på engelsk, alle syv dias i "
        "Præsentation, og som logget ind administrator siderne Data, Brugere, Milepæle og Indsatser med en indsats' "
        "redigeringsformular, med alle udvidelsesfelter åbnet. Ét eneste brud på en af axe-reglerne for WCAG 2.1 A og AA stopper ændringen. Ingen "
        "regler er slået fra.\n"
        "- Hver side er markeret med sit sprog (dansk eller engelsk), så en skærmlæser udtaler teksten rigtigt.\n"
        "- Tastaturet alene: sidemenuen, valg af område og sprog og præsentationens dias (Forrige og Næste med Enter "
        "og mellemrum, diasnumrene og piletasterne ← →), og at fokus ses tydeligt på dem.\n"
        "- Tekst, også småtekst, har en kontrast på mindst 4,5:1 til baggrunden.\n\n"
        "**Det, der ikke lever op til kravene, eller som ikke er afprøvet.**\n"
        "- Automatiske test finder kun en del af WCAG's krav. Om teksterne er forståelige, om fokus altid er tydeligt, "
        "og om siderne fungerer med en skærmlæser, er ikke afprøvet af brugere eller med skærmlæser.\n"
        "- Kortet på siden Kort er tegnet på et lærred (pydeck): en skærmlæser kan ikke læse det, og det kan ikke "
        "betjenes med tastaturet. Kommunernes vurderinger står også i tabellen på Overblik, og siden Kommune vælger "
        "en kommune uden kortet.\n"
        "- Tabellerne er tegnet på et lærred; de kan nås med tastaturet, men en skærmlæser læser dem kun delvist. "
        "Hver tabel kan hentes som CSV og XLSX.\n"
        "- Nogle af Streamlits egne knapper og hjælpetekster er på engelsk, også på de danske sider (fx »Skip to main "
        "content«, tabellernes værktøjslinje og diasnumrenes »Page 2«).",
        "The dashboard is to meet WCAG 2.1 level AA, which the Danish Web Accessibility Act "
        "(webtilgængelighedsloven) requires of public bodies' websites.\n\n"
        "**What we check, and how.** Every change to the dashboard is tested automatically in a real browser "
        "(Chromium):\n"
        "- axe-core (Deque Systems) checks every page in the menu in Danish and in English, all seven slides of the "
        "Presentation, and, signed in as an admin, the Data, Users, Milestones and Actions pages with an action's edit "
        "form, with every expander opened. A single violation of any of axe's WCAG 2.1 A and AA rules stops the change. No rule is switched "
        "off.\n"
        "- Every page is marked with its language (Danish or English), so a screen reader pronounces it right.\n"
        "- The keyboard alone: the page menu, the choice of area and language, and the presentation's slides "
        "(Previous and Next with Enter and Space, the slide numbers and the arrow keys ← →), and that the focus on them "
        "is clearly visible.\n"
        "- Text, small text too, has a contrast of at least 4.5:1 against its background.\n\n"
        "**What does not comply, or is not tested.**\n"
        "- Automated tests find only part of what WCAG requires. Whether the texts are understandable, whether the "
        "focus is always clearly visible, and whether the pages work with a screen reader have not been tested by "
        "users or with a screen reader.\n"
        "- The map on the Map page is drawn on a canvas (pydeck): a screen reader cannot read it and it cannot be "
        "used with the keyboard. The municipalities' verdicts are also in the table on Overview, and the "
        "Municipality page chooses a municipality without the map.\n"
        "- The tables are drawn on a canvas; they can be reached with the keyboard, but a screen reader reads them "
        "only in part. Every table can be downloaded as CSV and XLSX.\n"
        "- Some of Streamlit's own buttons and help texts are in English on the Danish pages too (e.g. \"Skip to main "
        "content\", the tables' toolbar and the slide numbers' \"Page 2\").",
    ),
})


# Errors shown to visitors without the server's paths or the database's own words (those go to the log).
STRINGS.update({
    "error.store.plain": ("Databasen kan ikke bruges lige nu. Detaljerne står i serverens log; kontakt den, der "
                          "driver dashboardet.",
                          "The database cannot be used right now. The details are in the server's log; contact "
                          "whoever runs the dashboard."),
    "imp.failed.plain": ("Indlæsningen mislykkedes; intet er ændret. Detaljerne står i serverens log.",
                         "The import failed; nothing was changed. The details are in the server's log."),
    "exp.restore.failed.plain": ("Gendannelsen mislykkedes; intet er ændret. Detaljerne står i serverens log.",
                                 "The restore failed; nothing was changed. The details are in the server's log."),
})

# A write the database file refuses (issue 14, faults): a read-only file or a full disk. The store's error (CLI, log)
# names the file; the page's message does not. Reads go on being served in both cases.
STRINGS.update({
    "store.err.read_only": ("{path}: databasen er skrivebeskyttet (filen eller dens mappe kan ikke skrives); intet er "
                            "ændret.",
                            "{path}: the database is read-only (the file or its folder cannot be written); nothing "
                            "was changed."),
    "store.err.disk_full": ("{path}: disken er fuld, så ændringen kunne ikke gemmes; intet er ændret. Frigør plads og "
                            "prøv igen.",
                            "{path}: the disk is full, so the change could not be saved; nothing was changed. Free "
                            "some space and try again."),
    "store.err.cannot_upgrade.read_only": ("{path}: databasen har skemaversion {version} og skal opgraderes til "
                                           "{newest}, før den kan bruges, men filen er skrivebeskyttet; intet er ændret.",
                                           "{path}: the database has schema version {version} and must be upgraded to "
                                           "{newest} before it can be used, but the file is read-only; nothing was "
                                           "changed."),
    "store.err.cannot_upgrade.disk_full": ("{path}: databasen har skemaversion {version} og skal opgraderes til "
                                           "{newest}, før den kan bruges, men disken er fuld; intet er ændret.",
                                           "{path}: the database has schema version {version} and must be upgraded to "
                                           "{newest} before it can be used, but the disk is full; nothing was changed."),
    "error.read_only.plain": ("Databasen er skrivebeskyttet: siderne kan læses, men intet kan gemmes. Intet er ændret; "
                              "kontakt den, der driver dashboardet.",
                              "The database is read-only: the pages can be read, but nothing can be saved. Nothing "
                              "was changed; contact whoever runs the dashboard."),
    "error.disk_full.plain": ("Disken er fuld, så ændringen kunne ikke gemmes. Intet er ændret; kontakt den, der "
                              "driver dashboardet.",
                              "The disk is full, so the change could not be saved. Nothing was changed; contact "
                              "whoever runs the dashboard."),
})

# Long lists (bench/scale.py, 100 times the demo): a page shows the first rows, the downloads hold every row.
STRINGS.update({
    "table.first": ("Viser de første {shown} af {n} rækker. Filtrér, eller hent hele listen som CSV eller XLSX.",
                    "Showing the first {shown} of {n} rows. Filter, or download the whole list as CSV or XLSX."),
    "table.first.plain": ("Viser de første {shown} af {n} rækker.", "Showing the first {shown} of {n} rows."),
})
