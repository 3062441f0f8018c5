"""Strings of the KKR meeting pack: the Præsentation page, the deck, chart images, the shipped map: key -> (Danish, English)."""

STRINGS: dict[str, tuple] = {  # (Danish, English); a counted phrase: ((singular, plural), (singular, plural))
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
    "kkr.fig.increase": ("Stigning {since}", "Increase {since}"),
    "kkr.fig.target": ("Mål for {year}", "Target for {year}"),
    "kkr.fig.manko": ("Manko {year}", "Gap {year}"),
    "kkr.fig.year": (
        ("Opgørelsesår (data {count} år gamle)", "Opgørelsesår (data {count} år gamle)"),
        ("Inventory year (data {count} year old)", "Inventory year (data {count} years old)"),
    ),
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
    "kkr.map.lead": (
        ("{n} af {count} kommune kan vurderes.", "{n} af {count} kommuner kan vurderes."),
        ("{n} of {count} municipality can be assessed.", "{n} of {count} municipalities can be assessed."),
    ),
    "kkr.bridge.lead": ("Handlingerne dækker ikke {manko} af de {need}, der skal reduceres inden {year}.",
                        "The actions leave {manko} of the {need} to be reduced by {year} uncovered."),
    "kkr.bridge.top": (
        ("Kommunen med størst manko", "De {count} kommuner med størst manko"),
        ("The municipality with the largest gap", "The {count} municipalities with the largest gap"),
    ),
    "kkr.changes.lead": ("Fra {since} til {today}.", "From {since} to {today}."),
    "kkr.changes.moved": ("{action}: {tonnes} fra {old} til {new}.", "{action}: {tonnes} from {old} to {new}."),
    "kkr.changes.revised": ("{action}: forventet reduktion ændret fra {then} til {now}.",
                            "{action}: expected reduction changed from {then} to {now}."),
    "kkr.changes.then_now": ("{then} → {now}", "{then} → {now}"),
    "kkr.changes.area_verdict": ("Områdets vurdering for 2030: {old} → {new}.", "The area's 2030 verdict: {old} → {new}."),
    "kkr.changes.correction": ("Rettelse af en opgørelse: {file} ({date}). Tallene før rettelsen gemmes ikke, så "
                               "ændringen indgår ikke i »før«.",
                               "Correction of an inventory: {file} ({date}). The figures before a correction are not "
                               "kept, so the change is not in \"before\"."),
    "kkr.changes.moved_more": (
        ("… og {count} mindre ændring af en handling.", "… og {count} mindre ændringer af handlinger."),
        ("… and {count} smaller change of an action.", "… and {count} smaller changes of actions."),
    ),
    "kkr.changes.no_move": ("Ingen statusændring flyttede tons mellem broens dele.",
                            "No status change moved tonnes between the parts of the bridge."),
    "kkr.changes.edition": (
        ("Ny opgørelse: {name} ({date}), tallene for {count} kommune.",
         "Ny opgørelse: {name} ({date}), tallene for {count} kommuner."),
        ("New inventory: {name} ({date}), the figures of {count} municipality.",
         "New inventory: {name} ({date}), the figures of {count} municipalities."),
    ),
    "kkr.changes.verdict": ("{name}: {old} → {new}.", "{name}: {old} → {new}."),
    "kkr.changes.verdict_more": (
        ("… og {count} kommune mere skiftede vurdering.", "… og {count} kommuner mere skiftede vurdering."),
        ("… and {count} more municipality changed verdict.", "… and {count} more municipalities changed verdict."),
    ),
    "kkr.changes.verdict_none": ("Ingen kommune skiftede vurdering.", "No municipality changed verdict."),
    "kkr.changes.nothing": ("Ingen ændringer i perioden.", "No changes in the period."),
    "kkr.follow_up.lead": ("Status pr. {today}: milepæle efter fristen uden at være nået, og handlinger i gang eller "
                           "planlagt, der ikke er opdateret i et år.",
                           "As of {today}: milestones past their due date and not reached, and planned or ongoing "
                           "actions not updated for a year."),
    "kkr.follow_up.top": (
        ("Kommunen med mest at følge op på", "De {count} kommuner med mest at følge op på"),
        ("The municipality with most to follow up", "The {count} municipalities with most to follow up"),
    ),
    "kkr.notes.source": (
        ("Kilde: dashboardets egne tal (metrics/mitigation.py) for {count} kommune i {area}; opgørelser: {editions}; "
         "beregnet {today}.",
         "Kilde: dashboardets egne tal (metrics/mitigation.py) for {count} kommuner i {area}; opgørelser: {editions}; "
         "beregnet {today}."),
        ("Source: the dashboard's own figures (metrics/mitigation.py) for {count} municipality in {area}; "
         "inventories: {editions}; computed {today}.",
         "Source: the dashboard's own figures (metrics/mitigation.py) for {count} municipalities in {area}; "
         "inventories: {editions}; computed {today}."),
    ),
    "kkr.notes.verdict": ("Vurderingen for 2030 fører trenden fra opgørelsesår {year} frem til 2030 og holder den op mod "
                          "målet: afvigelse {d} % af basisåret (på rette vej ved højst 0, afviger op til 5). På rette "
                          "vej betyder altså, at det faktiske fald pr. år er mindst det nødvendige. Manko = behov til "
                          "2030 minus det, handlingerne dækker, summeret over kommunerne.",
                          "The 2030 verdict carries the trend from inventory year {year} on to 2030 and holds it "
                          "against the target: deviation {d} % of the baseline (on track at 0 or less, deviating up to "
                          "5). On track thus means the observed cut per year is at least the required one. Gap = need "
                          "by 2030 less what the actions cover, summed over the municipalities."),
    "kkr.notes.trajectory": ("Målstien går i rette linjer fra basisåret gennem delmålene til netto-nul; tendensen er "
                             "mindste kvadraters metode over de seneste fem opgørelsesår.",
                             "The target path runs in straight lines from the baseline through the interim targets to "
                             "net zero; the trend is least squares over the last five inventory years."),
    "kkr.notes.map": ("Hver kommune er vurderet for sig i sit seneste opgørelsesår. Bornholm er vist flyttet ind i "
                      "en ramme. Kort: {attribution}.",
                      "Each municipality is assessed on its own in its latest inventory year. Bornholm is shown "
                      "moved into a box. Map: {attribution}."),
    "kkr.notes.bridge": ("Broen deler handlingernes forventede reduktion i 2030 efter status, og hver del tæller højst "
                         "op til kommunens behov; resten står som »ud over behovet«. Opgivne tæller ikke. Dele og manko "
                         "giver tilsammen behovet; områdets tal er summen af kommunernes i opgørelsesår {year}.",
                         "The bridge splits the actions' expected 2030 reduction by status, and each part counts up to "
                         "the municipality's need at most; the rest is \"beyond the need\". Cancelled ones count "
                         "nothing. The parts and the gap add up to the need; the area's figures are the sums of the "
                         "municipalities' in inventory year {year}."),
    "kkr.notes.changes": ("Før og nu er regnet på samme måde: tallene, som de stod ved periodens start (de opgørelser, "
                          "der var indlæst, og handlingernes status og forventede reduktion dengang, fra deres "
                          "historik), og tallene nu. Handlingerne nævnes med den største først.",
                          "Before and now are computed the same way: the figures as they stood at the start of the "
                          "period (the inventories loaded by then, and the actions' status and expected reduction "
                          "then, from their history), and the figures now. The actions are named largest first."),
    "kkr.notes.follow_up": ("En milepæl er overskredet, når fristen er passeret uden en udført-dato; en handling er "
                            "forældet, når den ikke er opdateret i 365 dage (gennemførte og opgivne tælles ikke).",
                            "A milestone is overdue when its due date has passed without a done date; an action is "
                            "stale when not updated for 365 days (completed and cancelled ones are not counted)."),
    # the KKR deck's adaptation slide (slide 7)
    "kkr.title.adaptation": ("Klimatilpasning", "Climate adaptation"),
    "kkr.fig.assessed": ("Vurderede kommuner", "Municipalities assessed"),
    "kkr.col.uncovered": ("Antal", "Number"),
    "kkr.adaptation.lead": (
        ("{n} af {count} klimarisiko vurderet høj eller meget høj har ingen tilpasningshandling i gang eller "
         "gennemført.",
         "{n} af {count} klimarisici vurderet høj eller meget høj har ingen tilpasningshandling i gang eller "
         "gennemført."),
        ("{n} of {count} climate risk assessed high or very high has no adaptation action in progress or completed.",
         "{n} of {count} climate risks assessed high or very high have no adaptation action in progress or completed."),
    ),
    "kkr.adaptation.none": ("Ingen kommune i området har en risikovurdering endnu.",
                            "No municipality in the area has a risk assessment yet."),
    "kkr.adaptation.top": (
        ("Kommunen med flest høje risici uden tilpasning", "De {count} kommuner med flest høje risici uden tilpasning"),
        ("The municipality with most high risks without adaptation",
         "The {count} municipalities with most high risks without adaptation"),
    ),
    "kkr.notes.adaptation": (
        "Kilde: kommunernes risikovurderinger (tabellen risk) for {assessed} af {municipalities} i {area} og "
        "tilpasningshandlingerne med deres klimafarer (action_hazard), som på siden Tilpasning. En høj risiko er "
        "vurderet høj eller meget høj; den er uden tilpasning, når kommunen ikke har en handling for klimafaren, "
        "der er i gang eller gennemført (metrics.adaptation.uncovered_high_risks). Figuren tæller kommuner pr. klimafare og "
        "risikoniveau (metrics.adaptation.risk_matrix).",
        "Source: the municipalities' risk assessments (table risk) for {assessed} of {municipalities} in {area} "
        "and the adaptation actions with their hazards (action_hazard), as on the Tilpasning page. A high risk is "
        "one assessed high or very high; it is uncovered when the municipality has no action for the hazard in "
        "progress or completed (metrics.adaptation.uncovered_high_risks). The chart counts municipalities per hazard and risk "
        "level (metrics.adaptation.risk_matrix)."),
    "kkr.cli.pdf_missing": ("LibreOffice mangler til PDF; installér den med: {install}",
                            "LibreOffice is needed for PDF; install it with: {install}"),
}
