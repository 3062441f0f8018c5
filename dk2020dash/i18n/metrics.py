"""Strings of the metrics: what cannot be computed, the bridge's notes, units and the Metode page: key -> (Danish,
English). The words for verdicts, statuses, bridge parts, milestones and cohorts are in labels.py."""

STRINGS: dict[str, tuple] = {  # (Danish, English); a counted phrase: ((singular, plural), (singular, plural))
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
        ("{count} handling med ukendt eller manglende status ({statuses}) er udeladt af reduktionsbroen ({tonnes} "
         "forventet).",
         "{count} handlinger med ukendt eller manglende status ({statuses}) er udeladt af reduktionsbroen ({tonnes} "
         "forventet)."),
        ("{count} action with an unknown or missing status ({statuses}) is left out of the reduction bridge "
         "({tonnes} expected).",
         "{count} actions with an unknown or missing status ({statuses}) are left out of the reduction bridge "
         "({tonnes} expected)."),
    ),
    "bridge.status_missing": ("mangler", "missing"),
    "bridge.missing_expected": (
        ("{count} handling har ingen forventet reduktion og tæller med 0 t.",
         "{count} handlinger har ingen forventet reduktion og tæller med 0 t."),
        ("{count} action has no expected reduction and counts as 0 t.",
         "{count} actions have no expected reduction and count as 0 t."),
    ),
    "cannot_compute": ("Kan ikke beregnes: {reason}", "Cannot be computed: {reason}"),
    # units
    "unit.t": ("t CO2e", "t CO2e"),
    "unit.kt": ("kt CO2e", "kt CO2e"),
    "unit.mt": ("mio. t CO2e", "Mt CO2e"),
    "unit.t_per_year": ("t CO2e/år", "t CO2e/yr"),
    "unit.t_per_capita": ("t CO2e pr. indbygger", "t CO2e per inhabitant"),
    "approx": ("ca.", "approx."),
    "never_before_2100": ("ikke før 2100", "not before 2100"),
    "years": (
        ("{count} år", "{count} år"),
        ("{count} year", "{count} years"),
    ),
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
        "1 − E(seneste år) / B: hvor stor en del af basisårets udledning der er væk. Er udledningen steget, står "
        "der en stigning (»Stigning siden 1990: 4 %«), aldrig en negativ reduktion.",
        "1 − E(latest year) / B: the share of the baseline emissions that is gone. Where emissions have risen, it "
        "says so as an increase (\"Increase since 1990: 4%\"), never as a negative reduction.",
    ),
    "method.verdict.title": ("Vurdering for 2030", "Verdict for 2030"),
    "method.verdict.body": (
        "Spørgsmålet er: falder udledningen hurtigt nok til målet for {target_year}? Trenden (se nedenfor) føres "
        "frem fra seneste opgørelse til en prognose F({target_year}) = E(seneste) − s · ({target_year} − seneste år), "
        "hvor s er det faktiske fald pr. år. Prognosens afstand til målet, som andel af basisåret: "
        "d = (F({target_year}) − T({target_year})) / B. d ≤ {on_track}: **På rette vej** (✅). {on_track} < d ≤ "
        "{deviating}: **Afviger** (⚠️). d > {deviating}: **Ikke på rette vej** (❌). Derfor er en kommune på rette "
        "vej netop, når det faktiske fald pr. år er mindst det nødvendige (se Nødvendigt tempo) – de to tal på "
        "siden siger altid det samme. Uden trend (for få år) vurderes seneste opgørelse mod målstien, "
        "d = (E(seneste) − T(seneste)) / B, og siden siger »ud fra seneste opgørelse«. Vurderingen vises altid med "
        "det opgørelsesår, den bygger på, og dataforsinkelsen. Netto-nul vurderes for sig: det år, trenden når "
        "nul, holdt op mod planens netto-nul-år.",
        "The question is: do emissions fall fast enough for the {target_year} target? The trend (see below) is "
        "carried on from the latest inventory to a forecast F({target_year}) = E(latest) − s · ({target_year} − "
        "latest year), where s is the observed fall per year. The forecast's distance to the target, as a share of "
        "the baseline: d = (F({target_year}) − T({target_year})) / B. d ≤ {on_track}: **On track** (✅). {on_track} < "
        "d ≤ {deviating}: **Deviating** (⚠️). d > {deviating}: **Off track** (❌). So a municipality is on track "
        "exactly when its observed fall per year is at least the required one (see Required pace) – the two "
        "figures on the page always agree. Without a trend (too few years) the latest inventory is judged against "
        "the target path, d = (E(latest) − T(latest)) / B, and the page says \"from the latest inventory\". The "
        "verdict is always shown with the inventory year it rests on and the data lag. Net zero is judged on its "
        "own: the year the trend reaches zero, against the plan's net-zero year.",
    ),
    "method.trend.title": ("Trend og forventet netto-nul-år", "Trend and expected net-zero year"),
    "method.trend.body": (
        "En ret linje (mindste kvadraters metode) gennem de opgørelsesår, der ligger inden for de {trend_years} "
        "op til og med det seneste opgørelsesår (fx 2020–2024), forlænget til {target_year} og til det "
        "år, den rammer nul. Der skal være mindst {trend_min} inden for dem; ellers kan trenden "
        "ikke beregnes, og siden siger hvorfor. Ældre år (fx 1990) indgår aldrig. Er udledningen i seneste "
        "opgørelsesår allerede nul eller derunder, står der »nået«. Rammer linjen ikke nul før 2100, står der »ikke "
        "før 2100«. Ved siden af den lineære prognose vises prognosen med fast rate, E(seneste) · (1 − r)^år, hvor r "
        "er det årlige fald i procent over de samme år; den nationale opfølgning bruger begge slags.",
        "A straight line (least squares) through the inventory years within the {trend_years} up "
        "to and including the latest inventory year (for example 2020–2024), projected to {target_year} and to the "
        "year it reaches zero. At least {trend_min} are needed within them; "
        "otherwise the trend cannot be computed, and the page says why. Older years (such as 1990) are never used. "
        "If emissions in the latest inventory year are already at or below zero, it says \"reached\". If the line "
        "does not reach zero before 2100, it says \"not before 2100\". Beside the linear forecast the constant-rate "
        "forecast is shown, E(latest) · (1 − r)^years, where r is the yearly fall in per cent over the same years; "
        "the national monitoring publishes both kinds.",
    ),
    "method.pace.title": ("Nødvendigt tempo", "Required pace"),
    "method.pace.body": (
        "P = (E(seneste) − T({target_year})) / ({target_year} − seneste år): de ton pr. år, udledningen skal falde "
        "med fra seneste opgørelse for at nå målet i {target_year}. For et område er E og T summen af kommunernes. "
        "Vises som mindst 0: er udledningen allerede under målet, står der »målet for {target_year} er nået«. Vises "
        "ved siden af det faktiske fald pr. år i trenden, i samme enhed (»faktisk stigning«, når trenden stiger).",
        "P = (E(latest) − T({target_year})) / ({target_year} − latest year): the tonnes per year emissions must fall "
        "from the latest inventory to reach the {target_year} target. For an area E and T are the sums of its "
        "municipalities'. Shown as at least 0: where emissions are already below the target it says \"the "
        "{target_year} target is reached\". Shown beside the observed fall per year in the trend, in the same unit "
        "(\"actual rise\" when the trend rises).",
    ),
    "method.bridge.title": ("Reduktionsbro og manko", "Reduction bridge and gap (manko)"),
    "method.bridge.body": (
        "Spørgsmålet er: dækker planernes handlinger behovet? Behovet N = max(0, E(seneste) − T({target_year})). "
        "Handlingernes forventede reduktion i {target_year} tæller mod behovet i denne rækkefølge: sikret "
        "(gennemført efter seneste opgørelsesår), i gang, planlagt og i fare (forsinket eller sat på pause). Hver "
        "del tæller højst op til det, der er tilbage af behovet; det, handlingerne rækker ud over, vises som »ud "
        "over behovet« og tæller ikke. Manko = N − delene: den reduktion, som ingen handling dækker endnu. Delene og "
        "mankoen giver altså tilsammen behovet. Opgivne handlinger tæller ikke. En gennemført handling, hvis "
        "gennemførelsesdato (slutdato, ellers datoen for en redigering, der ændrede dens status til gennemført – "
        "ikke den import, der oprettede den –, ellers seneste opdatering) ligger i eller før seneste opgørelsesår, "
        "er allerede med i udledningen: den vises som »allerede i opgørelsen« og tæller ikke. For et område er "
        "behov, dele, manko og »ud over behovet« summer af kommunernes – én kommunes overskud dækker ikke en andens "
        "hul. Den samme beregning bruges på Overblik, Kommune, Indsatser (med filtrene), i præsentationen og i "
        "eksporterne.",
        "The question is: do the plans' actions cover the need? The need N = max(0, E(latest) − "
        "T({target_year})). The actions' expected reduction in {target_year} counts toward the need in this order: "
        "secured (completed after the latest inventory year), in progress, planned and at risk (delayed or paused). "
        "Each part counts up to what is left of the need at most; what the actions go beyond it is shown as "
        "\"beyond the need\" and counts nothing. Gap (manko) = N − the parts: the reduction no action covers yet. "
        "So the parts and the gap add up to the need. Cancelled actions count for nothing. A completed action whose "
        "completion date (its end date, else the date of an edit that changed its status to completed – not the "
        "import that created it –, else its last update) falls in or before the latest inventory year is already "
        "in the emissions: it is shown as \"already in the inventory\" and counts nothing. For an area the need, "
        "parts, gap and \"beyond the need\" are the sums of its municipalities' – one municipality's surplus does "
        "not cover another's gap. The same computation is used on Overview, Municipality, Actions (with its "
        "filters), in the presentation and in the exports.",
    ),
    "method.freshness.title": ("Aktualitet", "Freshness"),
    "method.freshness.body": (
        "En handling, der er planlagt, i gang, forsinket eller sat på pause og ikke er opdateret i {stale}, "
        "er forældet; gennemførte og opgivne handlinger er aldrig forældede. En milepæl, hvis frist er passeret "
        "uden at den er udført, er overskredet; en, der forfalder inden for {soon}, forfalder snart.",
        "An action planned, in progress, delayed or paused and not updated for {stale} is stale; completed "
        "and cancelled actions never are. A milestone past its due date without a done date is "
        "overdue; one due within {soon} is due soon.",
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
        "Et område (region/KKR eller Danmark) besvarer de to spørgsmål hver for sig. Falder udledningen hurtigt nok: "
        "området ses som ét geografisk område, så udledning, målsti, trend, prognose og nødvendigt tempo regnes på "
        "summen af de medtagne kommuners tal. Dækker handlingerne behovet: behov, broens dele og manko er summer af "
        "kommunernes egne. Medtaget er kommuner med en plan og opgørelser for basisåret og seneste år; de øvrige "
        "nævnes. Områdets år er de år, en medtaget kommune har, som ligger inden for alle de medtagnes egne "
        "opgørelsesår; mangler en kommune et år mellem to af sine egne, indgår det med en ret linje mellem dem "
        "(markeret skønnet) – der gættes aldrig ud over kommunens første eller seneste år. Sektorfiguren viser kun år, "
        "alle medtagne kommuner har. Områdets vurdering, prognose og tempo vises kun, når mindst 90 % af dets "
        "kommuner er medtaget; ellers står der »kan ikke vurderes for området: k af n kommuner har en opgørelse«, og "
        "tallene siges at dække de k. Har kommunerne færre end to år til fælles, kan området ikke beregnes, og "
        "siden nævner hvem der mangler hvilke år.",
        "An area (region/KKR or Denmark) answers the two questions each on its own. Do emissions fall fast enough: "
        "the area is seen as one geography, so emissions, target path, trend, forecast and required pace are "
        "computed on the sum of its included municipalities' figures. Do the actions cover the need: the need, the "
        "bridge parts and the gap are sums of the municipalities' own. Included are municipalities with a plan and "
        "inventories for their baseline and latest years; the others are listed. The area's years are the years an "
        "included municipality has that lie within every included municipality's own inventory years; where a "
        "municipality lacks a year between two of its own, a straight line between them is used (marked estimated) "
        "– nothing is ever guessed beyond a municipality's first or latest year. The sector chart shows only years "
        "every included municipality has. The area's verdict, forecast and pace are shown only when at least 90 % "
        "of its municipalities are included; otherwise it says \"cannot be assessed for the area: k of n "
        "municipalities have an inventory\", and the figures say they cover those k. With fewer than two years in "
        "common the area cannot be computed, and the page names who lacks which years.",
    ),
    "method.national.title": ("Den nationale ramme", "The national frame"),
    "method.national.body": (
        "Planerne skal bidrage til Klimalovens mål: {national} lavere udledning i {target_year} end i 1990. For "
        "Danmark og hver region vises kommunernes samlede mål for {target_year} og prognosen for {target_year} som "
        "reduktion i forhold til kommunernes egen udledning i 1990, ved siden af de {national} – kun hvor alle "
        "medtagne kommuner har en opgørelse for 1990. Summen af kommunernes territoriale opgørelser er ikke det "
        "nationale klimaregnskab: den dækker andre kilder (fx ikke international luft- og skibsfart på samme måde), "
        "så tallene er en ramme, ikke en måling af Danmarks mål.",
        "The plans are to contribute to the Climate Act's target: {national} lower emissions in {target_year} than in "
        "1990. For Denmark and each region the municipalities' combined {target_year} target and the {target_year} "
        "forecast are shown as reductions against the municipalities' own 1990 emissions, beside the {national} – "
        "only where every included municipality has an inventory for 1990. The sum of the municipalities' "
        "territorial inventories is not the national inventory: it covers sources differently (for example "
        "international aviation and shipping), so the figures are a frame, not a measurement of Denmark's target.",
    ),
    "method.example.title": ("Et regneeksempel", "A worked example"),
    "method.example.body": (
        "En kommune udledte B = 1.000 t i basisåret 1990 og har målet −70 % i 2030, så T(2030) = 300 t. I 2020–2024 "
        "udledte den 575, 545, 515, 485 og 455 t: trenden falder s = 30 t om året. Prognosen for 2030 er "
        "455 − 30 · 6 = 275 t, under målet: d = (275 − 300) / 1.000 = −0,025, **på rette vej**. Det nødvendige "
        "tempo er (455 − 300) / 6 = 25,8 t om året, og det faktiske fald (30) er større – samme svar. Behovet er "
        "455 − 300 = 155 t. Handlingerne er 50 t sikret, 40 t i gang, 20 t planlagt og 15 t i fare, i alt 125 t: "
        "mankoen er 155 − 125 = 30 t. Havde handlingerne i gang været 100 t, ville de tilsammen være 185 t: sikret "
        "50 og i gang 100 tæller fuldt, planlagt kun de 5 t, der er tilbage af behovet, og i fare intet; de 30 t for "
        "meget står som »ud over behovet«, og mankoen er 0.",
        "A municipality emitted B = 1,000 t in its baseline year 1990 and has the target −70 % in 2030, so "
        "T(2030) = 300 t. In 2020–2024 it emitted 575, 545, 515, 485 and 455 t: the trend falls s = 30 t a year. "
        "The forecast for 2030 is 455 − 30 · 6 = 275 t, below the target: d = (275 − 300) / 1,000 = −0.025, **on "
        "track**. The required pace is (455 − 300) / 6 = 25.8 t a year, and the observed fall (30) is more – the "
        "same answer. The need is 455 − 300 = 155 t. The actions are 50 t secured, 40 t in progress, 20 t planned "
        "and 15 t at risk, 125 t in all: the gap is 155 − 125 = 30 t. Had the actions in progress been 100 t, they "
        "would add up to 185 t: secured 50 and in progress 100 count in full, planned only the 5 t left of the need, "
        "and at risk nothing; the 30 t too many are \"beyond the need\", and the gap is 0.",
    ),
    "method.sources": ("Kilder og data", "Sources and data"),
    "method.data_now": ("Data i databasen nu", "Data in the database now"),
    "method.edition": ("Nyeste udgave af opgørelsen: {name} (udgivet {published})",
                       "Newest inventory edition: {name} (published {published})"),
    "method.no_edition": ("Der er ingen opgørelse i databasen endnu.", "There is no inventory in the database yet."),
    "method.thresholds": ("Tærskler", "Thresholds"),
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
        "En risikovurdering er **forældet**, når den er mere end {risk_years} gammel (vurderingsåret ligger mere "
        "end {risk_years} før i år) – samme fem år som klimaplanens revision. En tilpasningshandling er "
        "**overskredet**, når slutdatoen er passeret, uden at den er gennemført eller opgivet, og **ikke "
        "opdateret**, når den ikke er ændret i {stale} (som alle handlinger); gennemførte og opgivne "
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
        "A risk assessment is **out of date** when it is more than {risk_years} old (the year assessed "
        "more than {risk_years} before this year) – the same five years as the plan's revision. An "
        "adaptation action is **overdue** when its end date has passed and it is neither completed nor "
        "cancelled, and **not updated** when it has not changed for {stale} (as every action); completed "
        "and cancelled actions are not listed there.",
    ),
    "zero_year.reached": ("nået", "reached"),
    "bridge.in_inventory_note": (
        ("{count} gennemført handling ({tonnes} forventet) blev gennemført i eller før {year} og er allerede med i "
         "opgørelsen; den tæller ikke i reduktionsbroen.",
         "{count} gennemførte handlinger ({tonnes} forventet) blev gennemført i eller før {year} og er allerede med "
         "i opgørelsen; de tæller ikke i reduktionsbroen."),
        ("{count} completed action ({tonnes} expected) was completed in or before {year} and is already in the "
         "inventory; it counts nothing in the reduction bridge.",
         "{count} completed actions ({tonnes} expected) were completed in or before {year} and are already in the "
         "inventory; they count nothing in the reduction bridge."),
    ),
    "method.editions_in_use": ("Hver kommunes tal kommer fra dens egen nyeste udgave. I brug nu: {editions}.",
                               "Each municipality's figures come from its own newest edition. In use now: {editions}."),
    "method.edition_use": (
        ("{name} ({count} kommune)", "{name} ({count} kommuner)"),
        ("{name} ({count} municipality)", "{name} ({count} municipalities)"),
    ),
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
}
