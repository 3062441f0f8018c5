"""Strings of import, the Data page, exports, backups and Datakvalitet: key -> (Danish, English)."""

STRINGS: dict[str, tuple] = {  # (Danish, English); a counted phrase: ((singular, plural), (singular, plural))
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
        ("Filen kan ikke indlæses: {count} problem. Intet er ændret. Ret filen og upload den igen.",
         "Filen kan ikke indlæses: {count} problemer. Intet er ændret. Ret filen og upload den igen."),
        ("The file cannot be imported: {count} problem. Nothing was changed. Fix the file and upload it again.",
         "The file cannot be imported: {count} problems. Nothing was changed. Fix the file and upload it again."),
    ),
    "imp.more": (
        ("… og {count} problem mere.", "… og {count} problemer mere."),
        ("… and {count} more problem.", "… and {count} more problems."),
    ),
    "imp.duplicate": ("Filen er allerede indlæst – intet ændres. ({message})",
                      "The file has already been imported – nothing changes. ({message})"),
    "imp.valid": (
        ("Filen er gyldig: {count} række.", "Filen er gyldig: {count} rækker."),
        ("The file is valid: {count} row.", "The file is valid: {count} rows."),
    ),
    "imp.rows": ("Rækker", "Rows"),
    "imp.added": ("Nye", "New"),
    "imp.changed": ("Ændrede", "Changed"),
    "imp.unchanged": ("Uændrede", "Unchanged"),
    "imp.replaced": ("Erstattes", "Replaced"),
    "imp.demo_removed": ("Eksempeldata fjernes", "Demo data removed"),
    "imp.edition_new": ("Ny udgave af opgørelsen: {name}", "New inventory edition: {name}"),
    "imp.demo_note": (
        ("Eksempeldata (demo) af denne slags fjernes i samme omgang ({count} række), så rigtige tal og demotal "
         "aldrig blandes.",
         "Eksempeldata (demo) af denne slags fjernes i samme omgang ({count} rækker), så rigtige tal og demotal "
         "aldrig blandes."),
        ("Demo data of this kind is removed at the same time ({count} row), so real and demo figures are never mixed.",
         "Demo data of this kind is removed at the same time ({count} rows), so real and demo figures are never "
         "mixed."),
    ),
    "imp.per_municipality": ("Pr. kommune", "Per municipality"),
    "imp.status_changes": ("Statusændringer (gemmes som hændelser)", "Status changes (kept as events)"),
    "imp.first_rows": ("De første rækker, som de er læst", "The first rows as read"),
    "imp.notes": ("Bemærk", "Note"),
    "imp.apply": ("Indlæs", "Import"),
    "imp.done": ("Indlæst: {file}. {message}", "Imported: {file}. {message}"),
    "imp.err.moved": (
        "{file} er ikke indlæst: dataene er ændret, siden forhåndsvisningen blev lavet (en anden har gemt, indlæst "
        "eller gendannet i mellemtiden). Intet er ændret. Læs den nye forhåndsvisning, og klik Indlæs igen, hvis "
        "den stadig er rigtig.",
        "{file} was not imported: the data changed after the preview was made (someone saved, imported or restored "
        "meanwhile). Nothing was changed. Read the new preview and click Import again if it is still right.",
    ),
    "imp.col.row": ("Række", "Row"),
    "imp.col.column": ("Kolonne", "Column"),
    "imp.col.value": ("Værdi", "Value"),
    "imp.col.expected": ("Forventet", "Expected"),
    "imp.col.municipality": ("Kommunekode", "Municipality code"),
    "imp.col.name": ("Kommune", "Municipality"),
    "imp.note.inventory": ("sammenlignet med hver kommunes nyeste udgave",
                           "compared with each municipality's newest edition"),
    "imp.note.older_kept": ("den ældre rigtige udgave bevares og kan stadig ses på siden Kommune",
                            "the older real edition is kept and can still be viewed on the Municipality page"),
    "imp.note.others_keep": (
        ("{count} kommune, der ikke står i filen, beholder sine tal (dens rigtige udgave røres ikke)",
         "{count} kommuner, der ikke står i filen, beholder deres tal (deres rigtige udgaver røres ikke)"),
        ("{count} municipality not in the file keeps its figures (its real edition is not touched)",
         "{count} municipalities not in the file keep their figures (their real editions are not touched)"),
    ),
    "imp.warn.demo_lost": (
        ("{count} kommune mister sine tal (eksempeldata fjernes): {names}. Den viser »kan ikke beregnes«, indtil "
         "dens egen opgørelse er indlæst.",
         "{count} kommuner mister deres tal (eksempeldata fjernes): {names}. De viser »kan ikke beregnes«, indtil "
         "deres egen opgørelse er indlæst."),
        ("{count} municipality loses its figures (demo data is removed): {names}. It shows \"cannot be computed\" "
         "until its own inventory is loaded.",
         "{count} municipalities lose their figures (demo data is removed): {names}. They show \"cannot be "
         "computed\" until their own inventory is loaded."),
    ),
    "imp.names.more": (("{names} og {count} anden", "{names} og {count} andre"),
                       ("{names} and {count} other", "{names} and {count} others")),
    "imp.note.plans": ("planerne (med delmål) for kommunerne i filen erstattes helt; andre kommuners rigtige planer røres ikke",
                       "the plans (with targets) of the municipalities in the file are replaced; other real plans are kept"),
    "imp.note.scenarios": ("scenarierne for kommunerne i filen erstattes helt; andre kommuners rigtige scenarier røres ikke",
                           "the scenarios of the municipalities in the file are replaced; other real scenarios are kept"),
    "imp.note.milestones": ("milepælene for kommunerne i filen erstattes helt; andre kommuners rigtige milepæle røres ikke",
                            "the milestones of the municipalities in the file are replaced; other real milestones are kept"),
    "imp.note.actions": ("handlinger matches på id eller (kommune, titel); rigtige handlinger, der ikke står i filen, røres ikke",
                         "actions are matched by id or (municipality, title); real actions not in the file are kept"),
    "imp.note.population_missing": (
        ("{count} kommune står ikke i filen og beholder sine tal: {names}",
         "{count} kommuner står ikke i filen og beholder deres tal: {names}"),
        ("{count} municipality is not in the file and keeps its figures: {names}",
         "{count} municipalities are not in the file and keep their figures: {names}"),
    ),
    "imp.note.population_approx": (
        ("{count} omtrentligt befolkningstal erstattes af Danmarks Statistiks tal (FOLK1A)",
         "{count} omtrentlige befolkningstal erstattes af Danmarks Statistiks tal (FOLK1A)"),
        ("{count} approximate population figure is replaced by Statistics Denmark's (FOLK1A)",
         "{count} approximate population figures are replaced by Statistics Denmark's (FOLK1A)"),
    ),
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
    "dq.metric.of": (
        ("af {count} kommune i området", "af {count} kommuner i området"),
        ("of {count} municipality in the area", "of {count} municipalities in the area"),
    ),
    "dq.metric.estimated_help": ("Andel af alle værdier i kommunernes nyeste udgaver, der er markeret som skøn.",
                                 "Share of all values in the municipalities' newest editions flagged as estimates."),
    "dq.gaps": ("Huller i data", "Gaps in the data"),
    "dq.gap.no_inventory": ("**{name}**: ingen opgørelse i nogen udgave", "**{name}**: no inventory in any edition"),
    "dq.gap.years": ("**{name}**: mangler år {years}", "**{name}**: missing years {years}"),
    "dq.gap.sectors": (
        ("**{name}**: mangler sektorerne {sectors} i nogle år ({count} felt)",
         "**{name}**: mangler sektorerne {sectors} i nogle år ({count} felter)"),
        ("**{name}**: missing the sectors {sectors} in some years ({count} cell)",
         "**{name}**: missing the sectors {sectors} in some years ({count} cells)"),
    ),
    "dq.gap.more": (
        ("… og {count} mere (se tabellen herunder)", "… og {count} flere (se tabellen herunder)"),
        ("… and {count} more (see the table below)", "… and {count} more (see the table below)"),
    ),
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
        "befolkningstal, brugere og roller – med backuppens. Historikken siden backuppen (statusændringer, "
        "ændringer, tildelinger og importloggen) bevares. Den erstattede databasefil gemmes ved siden af; på "
        "PostgreSQL bør du først hente en backup af de nuværende data, hvis du vil kunne vende tilbage.",
        "Restoring replaces ALL current data – inventories, plans, scenarios, actions, milestones, population, users "
        "and roles – with the backup's. The history since the backup (status changes, edits, grants and the import "
        "log) is kept. The replaced database file is kept beside it; on PostgreSQL download a backup of the current "
        "data first if you may want to go back.",
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
        ("{count} kommune står uden tal for planens basisår efter indlæsningen: {names}",
         "{count} kommuner står uden tal for planens basisår efter indlæsningen: {names}"),
        ("{count} municipality would have no figures for its plan's baseline year after the import: {names}",
         "{count} municipalities would have no figures for their plan's baseline year after the import: {names}"),
    ),
    "imp.warn.fewer_years": (
        ("{count} kommune får færre år end før: {names}", "{count} kommuner får færre år end før: {names}"),
        ("{count} municipality would have fewer years than before: {names}",
         "{count} municipalities would have fewer years than before: {names}"),
    ),
    "imp.warn.not_newest": (
        ("{count} kommune bruger fortsat en nyere udgave, så filens rækker ændrer ikke dens tal nu (de kan ses på "
         "siden Kommune under udgaven): {names}",
         "{count} kommuner bruger fortsat en nyere udgave, så filens rækker ændrer ikke deres tal nu (de kan ses på "
         "siden Kommune under udgaven): {names}"),
        ("{count} municipality keeps using a newer edition, so the file's rows do not change its figures now (they "
         "can be viewed on the Municipality page under the edition): {names}",
         "{count} municipalities keep using a newer edition, so the file's rows do not change their figures now "
         "(they can be viewed on the Municipality page under the edition): {names}"),
    ),
    "imp.warn.correction": (
        "Er filen en rettelse af enkelte tal, så vælg »en rettelse af en eksisterende udgave« (CLI: "
        "--into-edition NAVN) i stedet for en ny udgave.",
        "If the file corrects a few figures, choose \"a correction of an existing edition\" (CLI: "
        "--into-edition NAME) instead of a new edition.",
    ),
    "dq.col.edition": ("Udgave i brug", "Edition in use"),
    "dq.col.newest_for": ("Nyeste for kommuner", "Newest for municipalities"),
    "dq.col.withdrawn": ("Trukket tilbage", "Withdrawn"),
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
    "exp.restore.kept": ("Den erstattede databasefil er gemt som {name}.", "The replaced database file was kept as {name}."),
    "imp.failed.plain": ("Indlæsningen mislykkedes; intet er ændret. Detaljerne står i serverens log.",
                         "The import failed; nothing was changed. The details are in the server's log."),
    "exp.restore.failed.plain": ("Gendannelsen mislykkedes; intet er ændret. Detaljerne står i serverens log.",
                                 "The restore failed; nothing was changed. The details are in the server's log."),

    # -- import problems (ingest.problems.Problem): what a file should hold where it does not ----------------------
    "imp.line": ("{where}: {value} – forventet {expected}", "{where}: {value} – expected {expected}"),
    "imp.line.file": ("{where}: {expected}", "{where}: {expected}"),
    "imp.line.more": (("... og {count} problem mere", "... og {count} problemer mere"),
                      ("... and {count} more problem", "... and {count} more problems")),
    "imp.p.found_columns": ("fandt kolonnerne: {columns}", "found the columns: {columns}"),
    "imp.p.columns": ("kolonnerne {columns}", "the columns {columns}"),
    "imp.p.size": ("{mb:.1f} MB", "{mb:.1f} MB"),
    "imp.p.max_size": ("en fil på højst {mb:.0f} MB (DK2020_MAX_IMPORT_MB)",
                       "a file of at most {mb:.0f} MB (DK2020_MAX_IMPORT_MB)"),
    "imp.p.rows": (("{count} række", "{count} rækker"), ("{count} row", "{count} rows")),
    "imp.p.max_rows": (("højst {count} række", "højst {count} rækker"), ("at most {count} row", "at most {count} rows")),
    "imp.p.no_rows": ("mindst én række med data under overskriften", "at least one row of data below the header"),
    "imp.p.municipality": ("en af de 98 kommuner, ved kode (101 eller 0101) eller navn",
                           "one of the 98 municipalities, by code (101 or 0101) or name"),
    "imp.p.municipality_named": ("en af de 98 kommuner (navn eller kode)",
                                 "one of the 98 municipalities (name or code)"),
    "imp.p.sector": ("en sektor, fx vej, Vejtransport, El, Fjernvarme, Husdyr, LULUCF (se ingest/synonyms.py)",
                     "a sector, e.g. vej, Road transport, Electricity, District heating, Livestock, LULUCF (see "
                     "ingest/synonyms.py)"),
    "imp.p.flag": ("ja/nej (yes/no, 1/0) eller tom", "yes/no (ja/nej, 1/0) or empty"),
    "imp.p.year": ("et år fra {low} til {high}", "a year from {low} to {high}"),
    "imp.p.year_header": ("et år fra {low} til {high} som kolonneoverskrift", "a year from {low} to {high} as the "
                                                                              "column header"),
    "imp.p.duplicate": ("én række pr. {what} (samme som række {first})",
                        "one row per {what} (the same as row {first})"),
    "imp.p.what.municipality": ("kommune", "municipality"),
    "imp.p.what.municipality_title": ("kommune og titel", "municipality and title"),
    "imp.p.what.municipality_scenario": ("kommune og scenarie", "municipality and scenario"),
    "imp.p.what.municipality_scenario_year": ("kommune, scenarie og år", "municipality, scenario and year"),
    "imp.p.what.municipality_sector": ("kommune og sektor", "municipality and sector"),
    "imp.p.what.municipality_year_sector": ("kommune, år og sektor", "municipality, year and sector"),
    "imp.p.what.municipality_hazard": ("kommune og klimafare", "municipality and climate hazard"),
    "imp.p.what.municipality_milestone": ("kommune, milepæl og frist", "municipality, milestone and due date"),
    "imp.p.what.id": ("id", "id"),
    "imp.p.number": ("et tal, fx 1234,5 eller 1.234,5", "a number, e.g. 1234,5 or 1.234,5 (or 1234.5)"),
    "imp.p.integer": ("et heltal", "a whole number"),
    "imp.p.number_empty": ("et tal (feltet er tomt)", "a number (the field is empty)"),
    "imp.p.ambiguous": ("et entydigt tal: 1,234 og 1.234 kan betyde både 1234 og 1,234; skriv fx 1234 eller 1.234,0 "
                        "(filen afgør det ikke med andre tal)",
                        "an unambiguous number: 1,234 and 1.234 can each mean 1234 or 1.234; write e.g. 1234 or "
                        "1.234,0 (the file's other numbers do not settle it)"),
    "imp.p.same_style": ("tal i samme format som resten af filen ({style})",
                         "numbers in the same format as the rest of the file ({style})"),
    "imp.p.style.da": ("dansk: 1.234,5", "Danish: 1.234,5"),
    "imp.p.style.en": ("engelsk: 1,234.5", "English: 1,234.5"),
    "imp.p.one_style": ("ét talformat i hele filen; række {r1} er dansk (1.234,5), række {r2} kolonne {c2} er engelsk "
                        "({v2}); ret filen til ét format",
                        "one number format in the whole file; row {r1} is Danish (1.234,5), row {r2} column {c2} is "
                        "English ({v2}); change the file to one format"),
    "imp.p.date": ("en dato som 2025-03-01, 01-03-2025 eller 1.3.2025", "a date such as 2025-03-01, 01-03-2025 or "
                                                                        "1.3.2025"),
    "imp.p.date_range": ("en dato fra {low} til {high}", "a date from {low} to {high}"),
    "imp.p.date_empty": ("en dato (feltet er tomt)", "a date (the field is empty)"),
    "imp.p.population": ("et befolkningstal over 0", "a population above 0"),
    "imp.p.period": ("en periode som 2025K1 eller 2025", "a period such as 2025K1 or 2025"),
    "imp.p.scenario_kind": ("bau (fremskrivning uden plan) eller plan", "bau (projection without the plan) or plan"),
    "imp.p.scenario_huge": ("en udledning under 5 mia. t CO2e (tjek enheden)",
                            "an emission below 5 billion t CO2e (check the unit)"),
    "imp.p.huge": ("højst {max:,} t CO2e for én kommune, sektor og år (tjek enheden: ton, ikke kg)",
                   "at most {max:,} t CO2e for one municipality, sector and year (check the unit: tonnes, not kg)"),
    "imp.p.negative": ("et tal ≥ 0: kun arealanvendelse (LULUCF) kan være negativ",
                       "a number ≥ 0: only land use (LULUCF) can be negative"),
    "imp.p.edition_unknown": ("navnet på en udgave, der findes (se udgaverne på Datakvalitet)",
                              "the name of an edition that exists (see the editions on Datakvalitet)"),
    "imp.p.edition_demo": ("en rigtig udgave: eksempeldata (demo) kan ikke rettes, de fjernes ved indlæsningen",
                           "a real edition: example data (demo) cannot be corrected, it is removed by the import"),
    "imp.p.edition_both": ("enten en ny udgave (--edition, --published) eller en rettelse af en eksisterende "
                           "(--into-edition), ikke begge",
                           "either a new edition (--edition, --published) or a correction of an existing one "
                           "(--into-edition), not both"),
    "imp.p.edition_taken": ("et navn, som ingen anden udgave har (navnet findes allerede)",
                            "a name no other edition has (the name exists already)"),
    "imp.p.net_zero_after_baseline": ("et nettonul-år efter basisåret", "a net-zero year after the baseline year"),
    "imp.p.baseline_positive": ("en udledning større end 0 t CO2e", "an emission above 0 t CO2e"),
    "imp.p.target_share": ("en reduktion fra 0 til 100 % (70, 70 % eller 0,7)",
                           "a reduction from 0 to 100 % (70, 70 % or 0,7)"),
    "imp.p.target_before_baseline": ("et delmål for et år efter basisåret {base} (målåret {year} ligger før "
                                     "basisåret, så målstien kan ikke bruge det)",
                                     "a target for a year after the baseline year {base} (the target year {year} is "
                                     "before the baseline year, so the target path cannot use it)"),
    "imp.p.target_in_baseline": ("et delmål for et år efter basisåret {base} (målåret {year} ligger i basisåret, så "
                                 "målstien kan ikke bruge det)",
                                 "a target for a year after the baseline year {base} (the target year {year} is the "
                                 "baseline year, so the target path cannot use it)"),
    "imp.p.target_after_net_zero": ("et delmål senest i nettonul-året {zero} (målåret {year} ligger efter "
                                    "nettonul-året, så målstien kan ikke bruge det)",
                                    "a target no later than the net-zero year {zero} (the target year {year} is after "
                                    "the net-zero year, so the target path cannot use it)"),
    "imp.p.target_net_zero_full": ("100 % i nettonul-året {zero} (et delmål i nettonul-året er netto-nul)",
                                   "100 % in the net-zero year {zero} (a target in the net-zero year is net zero)"),
    "imp.p.title_empty": ("en titel (feltet er tomt)", "a title (the field is empty)"),
    "imp.p.non_negative": ("et tal ≥ 0", "a number ≥ 0"),
    "imp.p.protection": ("et tal større end 0 (år for gentagelsesperioden, antal bygninger) eller tomt",
                         "a number above 0 (years of the return period, number of buildings) or empty"),
    "imp.p.action_kind": ("mitigation/reduktion eller adaptation/tilpasning",
                          "mitigation/reduktion or adaptation/tilpasning"),
    "imp.p.status": ("en status: planlagt, i gang, gennemført, forsinket, sat på pause eller opgivet",
                     "a status: planned, in progress, completed, delayed, paused or cancelled (or in Danish)"),
    "imp.p.end_after_start": ("en slutdato på eller efter startdatoen", "an end date on or after the start date"),
    "imp.p.hazard_adaptation_only": ("klimafare kun på tilpasningshandlinger (type tilpasning/adaptation); tom for "
                                     "reduktion",
                                     "a climate hazard only on adaptation actions (kind tilpasning/adaptation); empty "
                                     "for mitigation"),
    "imp.p.protection_adaptation_only": ("et beskyttelsesmål kun på tilpasningshandlinger (type "
                                         "tilpasning/adaptation)",
                                         "a protection target only on adaptation actions (kind "
                                         "tilpasning/adaptation)"),
    "imp.p.id_other_municipality": ("et id fra kommunen selv (id {id} tilhører {owner})",
                                    "an id of the municipality itself (id {id} belongs to {owner})"),
    "imp.p.id_unknown": ("et id på en eksisterende handling, eller tomt for en ny",
                         "the id of an existing action, or empty for a new one"),
    "imp.p.same_sector": ("samme sektor som den eksisterende handling (en handling kan ikke skifte sektor; opret den "
                          "som en ny handling og sæt den gamle til opgivet)",
                          "the same sector as the existing action (an action cannot change sector; create it as a new "
                          "action and set the old one to cancelled)"),
    "imp.p.milestone_kind": ("en milepæl: tilsluttet, godkendt, vedtaget, statusrapport eller revision",
                             "a milestone: joined, approved, adopted, status report or revision (or in Danish)"),
    "imp.p.hazard": ("en klimafare: {hazards} (eller på engelsk)", "a climate hazard: {hazards} (or in Danish)"),
    "imp.p.hazards": ("{hazard}; flere adskilt af , eller ;", "{hazard}; several separated by , or ;"),
    "imp.p.level": ("et risikoniveau: {levels} ({other})", "a risk level: {levels} ({other})"),
    "imp.p.or": ("eller", "or"),
    "imp.p.assessed_empty": ("året (2023) eller datoen (2023-05-01) for vurderingen (feltet er tomt)",
                             "the year (2023) or the date (2023-05-01) of the assessment (the field is empty)"),
    # -- a file that cannot be read as a table at all (ingest.read.FileError) -------------------------------------
    "imp.file.empty": ("filen er tom", "the file is empty"),
    "imp.file.sheet_empty": ("regnearket er tomt", "the spreadsheet is empty"),
    "imp.file.binary": ("filen er ikke en tekstfil (CSV) eller et Excel-regneark (XLSX); den indeholder binære data",
                        "the file is not a text file (CSV) or an Excel spreadsheet (XLSX); it holds binary data"),
    "imp.file.encoding": ("filen kan ikke læses som tekst i UTF-8 eller Windows-1252; gem den som CSV (UTF-8)",
                          "the file cannot be read as text in UTF-8 or Windows-1252; save it as CSV (UTF-8)"),
    "imp.file.ragged": ("rækkerne har ikke det samme antal kolonner som overskriften ({n} adskilt af {delimiter}); "
                        "tjek skilletegnet, og at decimalkomma-tal står i anførselstegn, når skilletegnet er komma",
                        "the rows do not have the same number of columns as the header ({n} separated by "
                        "{delimiter}); check the delimiter, and that numbers with a decimal comma are in quotes when "
                        "the delimiter is a comma"),
    "imp.file.field_too_long": (
        ("et felt er længere end {count} tegn; tjek at anførselstegn (\") er lukket",
         "et felt er længere end {count} tegn; tjek at anførselstegn (\") er lukket"),
        ("a field is longer than {count} character; check that quotes (\") are closed",
         "a field is longer than {count} characters; check that quotes (\") are closed"),
    ),
    "imp.file.delimiter.semicolon": ("semikolon", "semicolon"),
    "imp.file.delimiter.comma": ("komma", "comma"),
    "imp.file.delimiter.tab": ("tabulator", "tab"),
    "imp.file.no_header_columns": ("kan ikke finde kolonnerne: overskriften skal være adskilt af semikolon, komma "
                                   "eller tabulator (fandt: {header!r})",
                                   "cannot find the columns: the header must be separated by semicolons, commas or "
                                   "tabs (found: {header!r})"),
    "imp.file.no_columns": ("kan ikke finde kolonnerne: ingen linjer er adskilt af semikolon, komma eller tabulator",
                            "cannot find the columns: no lines are separated by semicolons, commas or tabs"),
    "imp.file.not_xlsx": ("filen hedder {suffix}, men er ikke et Excel-regneark",
                          "the file is called {suffix}, but is not an Excel spreadsheet"),
    "imp.file.not_xlsx_text": ("filen hedder {suffix}, men er ikke et Excel-regneark; den ser ud til at være en "
                               "CSV-tekstfil – omdøb den til .csv",
                               "the file is called {suffix}, but is not an Excel spreadsheet; it looks like a CSV "
                               "text file – rename it to .csv"),
    "imp.file.xlsx_is_text": ("filen hedder .xlsx, men er ikke et Excel-regneark; den ser ud til at være tekst – "
                              "omdøb den til .csv",
                              "the file is called .xlsx, but is not an Excel spreadsheet; it looks like text – "
                              "rename it to .csv"),
    "imp.file.xls": ("det gamle Excel-format .xls kan ikke læses; gem som .xlsx eller CSV",
                     "the old Excel format .xls cannot be read; save as .xlsx or CSV"),
    "imp.file.ragged_rows": ("rækkerne har ikke samme antal kolonner som overskriften ({detail})",
                             "the rows do not have the same number of columns as the header ({detail})"),
    "imp.file.xlsx_open": ("filen kan ikke åbnes som Excel-regneark ({error})",
                           "the file cannot be opened as an Excel spreadsheet ({error})"),
    "imp.file.xlsx_read": ("regnearket kan ikke læses ({error})", "the spreadsheet cannot be read ({error})"),
    "imp.file.xlsx_columns": (
        ("regnearket har {count} kolonne; højst {max:,} kan læses – slet de tomme kolonner til højre for tabellen",
         "regnearket har {count} kolonner; højst {max:,} kan læses – slet de tomme kolonner til højre for tabellen"),
        ("the spreadsheet has {count} column; at most {max:,} can be read – delete the empty columns to the right "
         "of the table",
         "the spreadsheet has {count} columns; at most {max:,} can be read – delete the empty columns to the right "
         "of the table"),
    ),
    "imp.file.xlsx_rows": (
        ("regnearket har over {count} række; del filen op, eller slet de tomme rækker under tabellen",
         "regnearket har over {count} rækker; del filen op, eller slet de tomme rækker under tabellen"),
        ("the spreadsheet has over {count} row; split the file, or delete the empty rows below the table",
         "the spreadsheet has over {count} rows; split the file, or delete the empty rows below the table"),
    ),
    "imp.file.xlsx_cells": ("regnearket har over {max} ({rows} × {columns}); slet de tomme rækker og kolonner uden om "
                            "tabellen, eller del filen op",
                            "the spreadsheet has over {max} ({rows} × {columns}); delete the empty rows and columns "
                            "around the table, or split the file"),
    "imp.file.xlsx_unpacked": ("regnearket fylder over {mb} MB udpakket; det er for stort til at blive læst (eller "
                               "ikke et almindeligt regneark)",
                               "the spreadsheet unpacks to over {mb} MB; it is too large to be read (or not an "
                               "ordinary spreadsheet)"),
    "imp.file.too_many_rows": ("filen har {rows}; højst {max} kan indlæses ad gangen",
                               "the file has {rows}; at most {max} can be imported at a time"),
    "imp.file.no_population": ("fandt ingen kommuner med befolkningstal; forventet FOLK1A fra Statistikbanken "
                               "(fx \"101 København\";\"2025K1\";\"653.491\")",
                               "found no municipalities with a population; expected FOLK1A from Statistikbanken "
                               "(e.g. \"101 København\";\"2025K1\";\"653.491\")"),
}
