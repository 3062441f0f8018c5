"""Strings of the shell, the pages Overblik, Kommune, Sammenlign and Kort, charts and their text alternatives: key -> (Danish, English)."""

STRINGS: dict[str, tuple] = {  # (Danish, English); a counted phrase: ((singular, plural), (singular, plural))
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
    "list.and": (" og ", " and "),
    "chart.mark.national": ("Klimaloven: −{pct} mod 1990", "Climate Act: −{pct} against 1990"),
    "list.others": ((" og {count} anden", " og {count} andre"), (" and {count} other", " and {count} others")),
    "ov.sent.since_year": ("siden {year}", "since {year}"),
    "ov.sent.since_baseline": ("siden basisåret", "since the baseline year"),
    "ov.sent.reduced": ("{name} har reduceret udledningen med {pct} {since}.", "{name} has cut emissions by {pct} {since}."),
    "ov.sent.increased": ("{name} har øget udledningen med {pct} {since}.", "{name} has increased emissions by {pct} {since}."),
    "ov.sent.target": ("Målet for {year} er {pct}.", "The target for {year} is {pct}."),
    "ov.sent.on_track_count": (
        ("{n} af {count} kommune er på rette vej.", "{n} af {count} kommuner er på rette vej."),
        ("{n} of {count} municipality is on track.", "{n} of {count} municipalities are on track."),
    ),
    "ov.sent.excluded_count": ("{n} kan ikke beregnes.", "{n} cannot be computed."),
    "ov.sent.coverage": (
        ("kan ikke vurderes for området: {n} af {count} kommune har en opgørelse",
         "kan ikke vurderes for området: {n} af {count} kommuner har en opgørelse"),
        ("cannot be assessed for the area: {n} of {count} municipality has an inventory",
         "cannot be assessed for the area: {n} of {count} municipalities have an inventory"),
    ),
    "ov.sent.covers": (
        ("Tallene dækker de {n} af {count} kommune, der har en opgørelse.",
         "Tallene dækker de {n} af {count} kommuner, der har en opgørelse."),
        ("The figures cover the {n} of {count} municipality with an inventory.",
         "The figures cover the {n} of {count} municipalities with an inventory."),
    ),
    "ov.sent.basis.forecast": (
        "Trenden fører til {forecast} i {year} mod et mål på {target}.",
        "The trend leads to {forecast} in {year} against a target of {target}."),
    "ov.sent.basis.position": (
        "Vurderet ud fra seneste opgørelse ({year}): der er for få år til en trend.",
        "Judged from the latest inventory ({year}): too few years for a trend."),
    "ov.sent.estimated": ("Områdets sum er skønnet (interpoleret) i {years}, hvor en kommune mangler et år.",
                          "The area's sum is estimated (interpolated) in {years}, where a municipality lacks a year."),
    "ov.national": (
        "Mod 1990: kommunernes samlede mål for {year} er −{target}, og trenden fører til −{forecast}. Klimalovens "
        "nationale mål er −{national}.",
        "Against 1990: the municipalities' combined {year} target is −{target}, and the trend leads to −{forecast}. "
        "The Climate Act's national target is −{national}."),
    "ov.national.rise": (
        "Mod 1990: kommunernes samlede mål for {year} er −{target}, og trenden fører til en stigning på {forecast}. "
        "Klimalovens nationale mål er −{national}.",
        "Against 1990: the municipalities' combined {year} target is −{target}, and the trend leads to a rise of "
        "{forecast}. The Climate Act's national target is −{national}."),
    "ov.national.target_only": (
        "Mod 1990: kommunernes samlede mål for {year} er −{target}. Klimalovens nationale mål er −{national}.",
        "Against 1990: the municipalities' combined {year} target is −{target}. The Climate Act's national target "
        "is −{national}."),
    "ov.national.no_1990": (
        "Klimalovens nationale mål (−{pct} i 2030 mod 1990) kan ikke holdes op mod kommunernes tal: ikke alle har en "
        "opgørelse for 1990.",
        "The Climate Act's national target (−{pct} in 2030 against 1990) cannot be set against the municipalities' "
        "figures: not all have an inventory for 1990."),
    "ov.sent.verdict.on_track": ("{icon} {name} er på rette vej.", "{icon} {name} is on track."),
    "ov.sent.verdict.deviating": ("{icon} {name} afviger fra målstien.", "{icon} {name} is deviating from the target path."),
    "ov.sent.verdict.off_track": ("{icon} {name} er ikke på rette vej.", "{icon} {name} is off track."),
    "ov.sent.freshness": (
        ("Opgørelsesår {year} · data er {count} år gamle", "Opgørelsesår {year} · data er {count} år gamle"),
        ("Inventory year {year} · data are {count} year old", "Inventory year {year} · data are {count} years old"),
    ),
    "chart.series.actual": ("Udledning (opgørelse)", "Emissions (inventory)"),
    "chart.series.target": ("Målsti", "Target path"),
    "chart.series.trend": ("Trend fra seneste opgørelse (prognose)", "Trend from the latest inventory (forecast)"),
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
        "Øverst det, der skal reduceres til 2030. Nedenunder hvad handlingerne dækker efter status, højst op til hver "
        "kommunes behov, og manko: hvad ingen handling dækker; til sammen er de behovet. Det, handlingerne rækker ud "
        "over behovet, og handlinger gennemført i eller før opgørelsesåret (allerede med i udledningen) vises nederst "
        "uden at tælle. Opgivne handlinger tæller ikke.",
        "At the top what must be cut by 2030. Below it what the actions cover by status, up to each municipality's need "
        "at most, and the gap no action covers; together they are the need. What the actions go beyond the need, and "
        "actions completed in or before the inventory year (already in the emissions), are shown at the bottom and "
        "count nothing. Cancelled actions count for nothing.",
    ),
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
                        "{in_progress}, planlagt {planned}, i fare {at_risk}), og mankoen er {manko}; dele og manko "
                        "giver tilsammen behovet.",
                        "The need by {year} is {need}; the actions cover {covered} (secured {secured}, in progress "
                        "{in_progress}, planned {planned}, at risk {at_risk}), and the gap is {manko}; the parts and the "
                        "gap add up to the need."),
    "alt.bridge.beyond": ("Handlinger for yderligere {beyond} går ud over kommunernes eget behov og tæller ikke.",
                          "Actions for a further {beyond} go beyond the municipalities' own need and count nothing."),
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
    "alt.index.one_rise": ("Målt mod sit eget basisår (= 100) har {name} øget udledningen med {pct}.",
                           "Measured against its own baseline (= 100), {name} has increased its emissions by {pct}."),
    "alt.index.many_mixed": (
        "Målt mod hver sit basisår (= 100) har {best} reduceret mest ({best_pct}), mens {worst} har øget udledningen "
        "mest ({worst_pct}).",
        "Measured against each one's baseline (= 100), {best} has cut the most ({best_pct}), while {worst} has "
        "increased its emissions the most ({worst_pct})."),
    "alt.index.many_rise": (
        "Målt mod hver sit basisår (= 100) har alle de valgte øget udledningen: {best} mindst ({best_pct}) og {worst} "
        "mest ({worst_pct}).",
        "Measured against each one's baseline (= 100), all those chosen have increased their emissions: {best} the "
        "least ({best_pct}) and {worst} the most ({worst_pct})."),
    "alt.scatter": (
        ("Diagrammet viser {count} kommune; af de valgte har {low} den laveste udledning pr. indbygger ({low_value}) "
         "og {best} {best_part}.",
         "Diagrammet viser {count} kommuner; af de valgte har {low} den laveste udledning pr. indbygger "
         "({low_value}) og {best} {best_part}."),
        ("The chart shows {count} municipality; of those chosen, {low} has the lowest emissions per inhabitant "
         "({low_value}) and {best} {best_part}.",
         "The chart shows {count} municipalities; of those chosen, {low} has the lowest emissions per inhabitant "
         "({low_value}) and {best} {best_part}."),
    ),
    "alt.scatter.same": (
        ("Diagrammet viser {count} kommune; af de valgte har {name} både den laveste udledning pr. indbygger "
         "({low_value}) og {best_part}.",
         "Diagrammet viser {count} kommuner; af de valgte har {name} både den laveste udledning pr. indbygger "
         "({low_value}) og {best_part}."),
        ("The chart shows {count} municipality; of those chosen, {name} has both the lowest emissions per inhabitant "
         "({low_value}) and {best_part}.",
         "The chart shows {count} municipalities; of those chosen, {name} has both the lowest emissions per "
         "inhabitant ({low_value}) and {best_part}."),
    ),
    "alt.scatter.best": ("den største reduktion ({pct})", "the largest reduction ({pct})"),
    "alt.scatter.best_rise": ("den mindste stigning ({pct})", "the smallest increase ({pct})"),  # all chosen rose
    "alt.scatter.none": (
        ("Diagrammet viser {count} kommune; ingen af de valgte kan beregnes.",
         "Diagrammet viser {count} kommuner; ingen af de valgte kan beregnes."),
        ("The chart shows {count} municipality; none of those chosen can be computed.",
         "The chart shows {count} municipalities; none of those chosen can be computed."),
    ),
    "alt.heat": (
        ("{count} kommune har vurderet sine klimarisici; oftest vurderet som høj eller meget høj risiko er {hazard} "
         "({k}).",
         "{count} kommuner har vurderet deres klimarisici; oftest vurderet som høj eller meget høj risiko er "
         "{hazard} ({k})."),
        ("{count} municipality has assessed its climate risks; the hazard most often rated a high or very high risk "
         "is {hazard} ({k}).",
         "{count} municipalities have assessed their climate risks; the hazard most often rated a high or very high "
         "risk is {hazard} ({k})."),
    ),
    "alt.heat.none_high": (
        ("{count} kommune har vurderet sine klimarisici; den vurderer ingen klimafare som høj eller meget høj risiko.",
         "{count} kommuner har vurderet deres klimarisici; ingen vurderer en klimafare som høj eller meget høj "
         "risiko."),
        ("{count} municipality has assessed its climate risks; it rates no hazard as a high or very high risk.",
         "{count} municipalities have assessed their climate risks; none rates a hazard as a high or very high risk."),
    ),
    "alt.status": (
        ("{count} tilpasningshandling ({k} i gang eller gennemført); den handler om {hazard} ({m}).",
         "{count} tilpasningshandlinger, heraf {k} i gang eller gennemført; flest handler om {hazard} ({m})."),
        ("{count} adaptation action ({k} in progress or completed); it addresses {hazard} ({m}).",
         "{count} adaptation actions, {k} of them in progress or completed; most address {hazard} ({m})."),
    ),
    "n.municipalities": (
        ("{count} kommune", "{count} kommuner"),
        ("{count} municipality", "{count} municipalities"),
    ),
    "n.actions": (
        ("{count} handling", "{count} handlinger"),
        ("{count} action", "{count} actions"),
    ),
    # counted nouns for a text that holds more than one count (t() fills one {count}): pass the phrase as a value
    "n.days": (("{count} dag", "{count} dage"), ("{count} day", "{count} days")),
    "n.rows": (("{count} række", "{count} rækker"), ("{count} row", "{count} rows")),
    "n.columns": (("{count} kolonne", "{count} kolonner"), ("{count} column", "{count} columns")),
    "n.cells": (("{count} celle", "{count} celler"), ("{count} cell", "{count} cells")),
    "n.bytes": (("{count} byte", "{count} bytes"), ("{count} byte", "{count} bytes")),
    "n.calendar_years": (("{count} kalenderår", "{count} kalenderår"), ("{count} calendar year", "{count} calendar years")),
    "n.inventory_years": (("{count} opgørelsesår", "{count} opgørelsesår"),
                          ("{count} inventory year", "{count} inventory years")),
    "alt.map": (
        ("Af {count} kommune er {on_track} på rette vej, {deviating} afviger og {off_track} er ikke på rette vej.",
         "Af {count} kommuner er {on_track} på rette vej, {deviating} afviger og {off_track} er ikke på rette vej."),
        ("Of {count} municipality, {on_track} is on track, {deviating} is deviating and {off_track} is off track.",
         "Of {count} municipalities, {on_track} are on track, {deviating} are deviating and {off_track} are off "
         "track."),
    ),
    "alt.map.none": (
        ("Af {count} kommune er {on_track} på rette vej, {deviating} afviger og {off_track} er ikke på rette vej; "
         "{none} kan ikke beregnes.",
         "Af {count} kommuner er {on_track} på rette vej, {deviating} afviger og {off_track} er ikke på rette vej; "
         "{none} kan ikke beregnes."),
        ("Of {count} municipality, {on_track} is on track, {deviating} is deviating and {off_track} is off track; "
         "{none} cannot be computed.",
         "Of {count} municipalities, {on_track} are on track, {deviating} are deviating and {off_track} are off "
         "track; {none} cannot be computed."),
    ),
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
    "ov.kpi.increase": ("Stigning {since}", "Increase {since}"),
    "ov.kpi.target": ("Mål {year}: {pct}", "Target {year}: {pct}"),
    "ov.kpi.required_pace": ("Nødvendigt fald pr. år til {year}", "Required cut per year to {year}"),
    "ov.kpi.required_pace.help": (
        "(Udledning i seneste opgørelsesår − målet for 2030) / år tilbage til 2030, for et område summen af kommunernes "
        "udledning og mål. Er det faktiske fald mindst så stort, er vurderingen for 2030 »på rette vej«.",
        "(Emissions in the latest inventory year − the 2030 target) / years left to 2030, for an area the sum of its "
        "municipalities' emissions and targets. If the observed cut is at least this, the 2030 verdict is \"on "
        "track\"."),
    "ov.kpi.verdict.help": (
        "Trenden (de seneste fem års fald) ført frem til 2030 mod målet for 2030: på rette vej, når prognosen er på "
        "eller under målet; afviger, når den er højst 5 % af basisåret over; ellers ikke på rette vej. Uden trend "
        "vurderes seneste opgørelse mod målstien.",
        "The trend (the last five years' fall) carried on to 2030 against the 2030 target: on track when the forecast "
        "is at or below it; deviating when at most 5 % of the baseline above; otherwise off track. Without a trend the "
        "latest inventory is judged against the target path."),
    "ov.kpi.forecast": ("Prognose {year}: {value} (fast rate: {rate})", "Forecast {year}: {value} (constant rate: {rate})"),
    "ov.kpi.forecast.linear": ("Prognose {year}: {value}", "Forecast {year}: {value}"),
    "ov.kpi.position": ("ud fra seneste opgørelse ({year})", "from the latest inventory ({year})"),
    "ov.kpi.zero_plan": ("Planens mål: {year}", "The plan's goal: {year}"),
    "ov.kpi.observed": ("Faktisk fald pr. år (trend): {value}", "Actual cut per year (trend): {value}"),
    "ov.kpi.observed_rise": ("Faktisk stigning pr. år (trend): {value}", "Actual rise per year (trend): {value}"),
    "ov.kpi.no_trend": ("Trenden kan ikke beregnes: {reason}", "The trend cannot be computed: {reason}"),
    "ov.kpi.manko": ("Manko til {year}", "Gap to {year}"),
    "ov.kpi.manko.help": ("Den reduktion til 2030, som ingen handling dækker endnu.", "The reduction needed by 2030 that no action covers yet."),
    "ov.kpi.manko.need": ("Behov: {value}", "Needed: {value}"),
    "ov.kpi.verdict": ("Samlet vurdering for {year}", "Overall verdict for {year}"),
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
    "mun.actions.count": (
        ("{count} handling vist. ⚠️ Forældet = hverken gennemført eller opgivet og ikke opdateret i {days} dage.",
         "{count} handlinger vist. ⚠️ Forældet = hverken gennemført eller opgivet og ikke opdateret i {days} dage."),
        ("{count} action shown. ⚠️ Stale = neither completed nor cancelled and not updated for {days} days.",
         "{count} actions shown. ⚠️ Stale = neither completed nor cancelled and not updated for {days} days."),
    ),
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
    "cmp.index.title_rise": ("Alle de valgte har øget udledningen; {best} mindst: {pct} siden basisåret",
                             "All those chosen have increased emissions; {best} the least: {pct} since the baseline"),
    "cmp.index.subtitle": ("Udledning i forhold til basisåret (basisår = 100)", "Emissions relative to the baseline (baseline = 100)"),
    "cmp.index.axis": ("Indeks (basisår = 100)", "Index (baseline = 100)"),
    "cmp.index.value": ("Indeks", "Index"),
    "cmp.scatter.title": (
        ("De valgte blandt {count} kommune: udledning pr. indbygger mod reduktion",
         "De valgte blandt alle {count} kommuner: udledning pr. indbygger mod reduktion"),
        ("Those chosen among {count} municipality: emissions per inhabitant against reduction",
         "Those chosen among all {count} municipalities: emissions per inhabitant against reduction"),
    ),
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
    "map.legend.count": (
        ("{count} kommune", "{count} kommuner"),
        ("{count} municipality", "{count} municipalities"),
    ),
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
    "map.tip.increase": ("Stigning siden basisår", "Increase since baseline"),
    "map.tip.lag": (
        ("dataforsinkelse {count} år", "dataforsinkelse {count} år"),
        ("data lag {count} year", "data lag {count} years"),
    ),
    "map.tip.manko": ("Manko 2030", "Gap 2030"),
    "map.tip.year": ("Seneste opgørelse", "Latest inventory"),
    "nav.quality": ("Datakvalitet", "Data quality"),
    "nav.adaptation": ("Tilpasning", "Adaptation"),
    "mun.adapt": ("Klimatilpasning", "Climate adaptation"),
    "mun.adapt.assessed": ("Risikovurdering fra {years}; højeste risiko først.",
                           "Risk assessment from {years}; highest risk first."),
    "mun.adapt.actions": ("Tilpasningshandlinger", "Adaptation actions"),
    "mun.adapt.actions_none": ("Ingen tilpasningshandlinger registreret.", "No adaptation actions registered."),
    "ov.kpi.pace_reached": ("Målet for {year} er nået", "The {year} target is reached"),
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
    "nav.actions": ("Indsatser", "Actions"),
    "nav.milestones": ("Milepæle", "Milestones"),
    "nav.users": ("Brugere", "Users"),
    "nav.group.work": ("Opfølgning", "Follow-up"),
    "nav.presentation": ("Præsentation", "Presentation"),
    "chart.dl.png": ("PNG", "PNG"),
    "chart.dl.svg": ("SVG", "SVG"),
    "chart.dl.help": ("Hent figuren som billede (PNG til slides, SVG til tryk).",
                      "Download the chart as an image (PNG for slides, SVG for print)."),
    "map.attribution": ("Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI",
                        "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI"),
    "map.shipped": ("Kommunegrænser: forenklet udgave af DAGI (data/kommuner.geojson). Sæt DK2020_BOUNDARIES for at "
                    "bruge en anden fil.", "Municipal boundaries: a simplified version of DAGI (data/kommuner.geojson). "
                    "Set DK2020_BOUNDARIES to use another file."),
    "table.first": (
        ("Viser de første {shown} af {count} række. Filtrér, eller hent hele listen som CSV eller XLSX.",
         "Viser de første {shown} af {count} rækker. Filtrér, eller hent hele listen som CSV eller XLSX."),
        ("Showing the first {shown} of {count} row. Filter, or download the whole list as CSV or XLSX.",
         "Showing the first {shown} of {count} rows. Filter, or download the whole list as CSV or XLSX."),
    ),
    "table.first.plain": (
        ("Viser de første {shown} af {count} række.", "Viser de første {shown} af {count} rækker."),
        ("Showing the first {shown} of {count} row.", "Showing the first {shown} of {count} rows."),
    ),
}
