"""Strings of climate adaptation: import, the Tilpasning page, the Kommune section, Metode: key -> (Danish, English)."""

STRINGS: dict[str, tuple] = {  # (Danish, English); a counted phrase: ((singular, plural), (singular, plural))
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
    "ad.chart.heat.subtitle": (
        ("{count} kommune med en risikovurdering; en kommune, der ikke har vurderet en klimafare (fx stormflod inde "
         "i landet), tælles ikke i den række",
         "{count} kommuner med en risikovurdering; en kommune, der ikke har vurderet en klimafare (fx stormflod inde "
         "i landet), tælles ikke i den række"),
        ("{count} municipality with a risk assessment; one that has not assessed a hazard (e.g. storm surge inland) "
         "is not counted in that row",
         "{count} municipalities with a risk assessment; one that has not assessed a hazard (e.g. storm surge "
         "inland) is not counted in that row"),
    ),
    "ad.actions": ("Tilpasningshandlinger efter klimafare og status", "Adaptation actions by hazard and status"),
    "ad.actions.none": ("Ingen tilpasningshandlinger nævner en klimafare i området.",
                        "No adaptation action in the area names a hazard."),
    "ad.actions.untagged": (
        ("{count} tilpasningshandling nævner ingen klimafare og tælles ikke med her.",
         "{count} tilpasningshandlinger nævner ingen klimafare og tælles ikke med her."),
        ("{count} adaptation action names no hazard and is not counted here.",
         "{count} adaptation actions name no hazard and are not counted here."),
    ),
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
        ("Tilpasningshandlinger, der ikke er gennemført eller opgivet, og hvis slutdato er passeret, eller som "
         "ikke er opdateret i {count} dag.",
         "Tilpasningshandlinger, der ikke er gennemført eller opgivet, og hvis slutdato er passeret, eller som "
         "ikke er opdateret i {count} dage."),
        ("Adaptation actions not completed or cancelled whose end date has passed, or that have not been updated "
         "for {count} day.",
         "Adaptation actions not completed or cancelled whose end date has passed, or that have not been updated "
         "for {count} days."),
    ),
    "ad.attention.none": ("Ingen tilpasningshandlinger er overskredet eller uden opdatering.",
                          "No adaptation action is overdue or without an update."),
    "ad.stale_assessments": (
        ("Risikovurderinger ældre end {count} år ({n}): {names}", "Risikovurderinger ældre end {count} år ({n}): {names}"),
        ("Risk assessments older than {count} year ({n}): {names}",
         "Risk assessments older than {count} years ({n}): {names}"),
    ),
    "ad.no_assessment": ("Ingen risikovurdering indlæst ({n}): {names}", "No risk assessment loaded ({n}): {names}"),
    "ad.assessed.stale": (
        ("{year} (ældre end {count} år)", "{year} (ældre end {count} år)"),
        ("{year} (older than {count} year)", "{year} (older than {count} years)"),
    ),
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
    "ad.why.stale": (
        ("ikke opdateret i {count} dag", "ikke opdateret i {count} dage"),
        ("not updated for {count} day", "not updated for {count} days"),
    ),
    "ad.protection.return": ("{n}-års hændelse", "{n}-year event"),
    "ad.protection.buildings": (
        ("{count} bygning", "{count} bygninger"),
        ("{count} building", "{count} buildings"),
    ),
    "ad.sent.and": (" og ", " and "),
    "ad.sent.no_assessment": ("{name} har ingen klimarisikovurdering indlæst.",
                              "{name} has no climate risk assessment loaded."),
    "ad.sent.no_high": ("{name} har ingen høje klimarisici i sin risikovurdering.",
                        "{name} has no high climate risks in its assessment."),
    "ad.sent.covered": (
        ("{count} høj klimarisiko i {name} har en tilpasningshandling i gang eller gennemført.",
         "Alle {count} høje klimarisici i {name} har en tilpasningshandling i gang eller gennemført."),
        ("{count} high climate risk in {name} has an adaptation action in progress or completed.",
         "All {count} high climate risks in {name} have an adaptation action in progress or completed."),
    ),
    "ad.sent.uncovered": (
        ("{name} har høj risiko for {hazards} uden en tilpasningshandling i gang eller gennemført ({n} af {count} "
         "høj risiko).",
         "{name} har høj risiko for {hazards} uden en tilpasningshandling i gang eller gennemført ({n} af {count} "
         "høje risici)."),
        ("{name} has a high risk of {hazards} without an adaptation action in progress or completed ({n} of {count} "
         "high risk).",
         "{name} has a high risk of {hazards} without an adaptation action in progress or completed ({n} of {count} "
         "high risks)."),
    ),
}
