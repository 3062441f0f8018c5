"""Strings of refusals: database, files and the server: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "error.locked": (
        "Databasen opdateres af et andet program lige nu. Vent et øjeblik og genindlæs siden.",
        "The database is being updated by another program. Wait a moment and reload the page.",
    ),
    "error.unavailable": (
        "Databaseserveren kan ikke nås lige nu. Siden viser data igen, så snart den er tilbage; genindlæs om lidt. "
        "Intet er ændret.",
        "The database server cannot be reached right now. The page shows data again as soon as it is back; "
        "reload in a moment. Nothing was changed.",
    ),
    "error.store.plain": ("Databasen kan ikke bruges lige nu. Detaljerne står i serverens log; kontakt den, der "
                          "driver dashboardet.",
                          "The database cannot be used right now. The details are in the server's log; contact "
                          "whoever runs the dashboard."),
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

    # -- the StoreError family: one key per raise site (the message names the file or the masked URL; a page shows
    # the plain text above instead: errors.StoreError.public). {path} is the file's path or the masked URL.
    "store.err.missing": ("{path}: databasen findes ikke; opret den med 'python -m dk2020dash init'.",
                          "{path}: the database does not exist; create it with 'python -m dk2020dash init'."),
    "store.err.pg_missing": ("{path}: databasen findes ikke (ingen tabeller); opret den med "
                             "'python -m dk2020dash init --database-url ...'.",
                             "{path}: the database does not exist (no tables); create it with "
                             "'python -m dk2020dash init --database-url ...'."),
    "store.err.exists": ("{path}: databasen findes allerede; brug --force for at erstatte den.",
                         "{path}: the database exists already; use --force to replace it."),
    "store.err.in_use": ("{path}: databasen er i brug; prøv igen.", "{path}: the database is in use; try again."),
    "store.err.locked": ("{path}: databasen bruges af et andet program; prøv igen, når det er færdigt.",
                         "{path}: the database is used by another program; try again when it has finished."),
    "store.err.locked_pid": ("{path}: databasen bruges af et andet program (proces {pid}); prøv igen, når det er "
                             "færdigt.",
                             "{path}: the database is used by another program (process {pid}); try again when it has "
                             "finished."),
    "store.err.busy": ("{path}: en anden skriver i programmet er i gang; intet er ændret. Prøv igen.",
                       "{path}: another writer in the program is at work; nothing was changed. Try again."),
    "store.err.busy_other": ("{path}: en anden skriver (indlæsning, gendannelse eller init) er i gang; intet er "
                             "ændret. Prøv igen, når den er færdig.",
                             "{path}: another writer (an import, a restore or init) is at work; nothing was changed. "
                             "Try again when it has finished."),
    "store.err.not_duckdb": ("{path}: filen er ikke en DuckDB-database fra dette program; intet er ændret.",
                             "{path}: the file is not a DuckDB database of this program; nothing was changed."),
    "store.err.no_meta": ("{path}: filen er en DuckDB-database, men ikke fra dette program (ingen meta-tabel).",
                          "{path}: the file is a DuckDB database, but not of this program (no meta table)."),
    "store.err.pg_no_meta": ("{path}: databasen er ikke fra dette program (ingen skemaversion i meta).",
                             "{path}: the database is not of this program (no schema version in meta)."),
    "store.err.corrupt": ("{path}: filen er beskadiget (afkortet eller med ødelagte blokke) og kan ikke åbnes; intet "
                          "er ændret.",
                          "{path}: the file is damaged (truncated or with broken blocks) and cannot be opened; nothing "
                          "was changed."),
    "store.err.cannot_open": ("{path}: kan ikke åbne eller oprette databasen her ({detail}).",
                              "{path}: cannot open or create the database here ({detail})."),
    "store.err.other": ("{path}: {detail}", "{path}: {detail}"),
    "store.err.unavailable": ("{path}: databaseserveren kan ikke nås ({detail}); prøv igen om lidt. Intet er ændret.",
                              "{path}: the database server cannot be reached ({detail}); try again in a moment. "
                              "Nothing was changed."),
    "store.err.newer_schema": ("{path}: databasen har skemaversion {version}, men denne version af programmet kender "
                               "kun op til {known}. Opdatér programmet; intet er ændret.",
                               "{path}: the database has schema version {version}, but this version of the program "
                               "knows only up to {known}. Update the program; nothing was changed."),
    "store.err.pg_newer_schema": ("{path}: databasen har en nyere skemaversion; intet er ændret.",
                                  "{path}: the database has a newer schema version; nothing was changed."),
    "store.err.pg_no_table": ("{path}: tabellen {table} mangler; intet er ændret.",
                              "{path}: the table {table} is missing; nothing was changed."),
    "store.err.pg_not_url": ("{path}: ikke en postgresql://-adresse.", "{path}: not a postgresql:// address."),
    "store.err.pg_source": ("{path}: kilden skal være en databasefil.", "{path}: the source must be a database file."),
    "store.err.pg_copy_differs": ("{path}: efter kopieringen stemmer {tables} ikke med filen (antal rækker eller "
                                  "kontrolsum); intet er skrevet.",
                                  "{path}: after the copy, {tables} do not match the file (row count or checksum); "
                                  "nothing was written."),
    "store.err.data_moved": ("{path}: data er skiftet fra version {data_key}", "{path}: data moved on from {data_key}"),
    "store.err.import_failed": ("{file}: databasen kunne ikke gemme indlæsningen ({error}); intet er ændret. Prøv "
                                "igen; sker det igen, så se programmets log.",
                                "{file}: the database could not store the import ({error}); nothing was changed. Try "
                                "again; if it happens again, see the program's log."),
    "store.err.edition_gone": ("udgaven {edition!r} findes ikke længere; intet er ændret",
                               "the edition {edition!r} no longer exists; nothing was changed"),

    # -- backup.BackupError: a file that cannot be restored ({name}: the backup's file name; a page shows
    # exp.restore.refused with exp.restore.reason.* instead)
    "backup.err.missing": ("{path}: filen findes ikke.", "{path}: the file does not exist."),
    "backup.err.unreadable_path": ("{path}: kan ikke læses.", "{path}: cannot be read."),
    "backup.err.unreadable": ("{name}: filen kan ikke læses; intet er ændret.",
                              "{name}: the file cannot be read; nothing was changed."),
    "backup.err.not_zip": ("{name}: ikke en backup fra DK2020 Klimaplan-dashboard (ikke en zip-fil); intet er ændret.",
                           "{name}: not a backup from DK2020 Klimaplan-dashboard (not a zip file); nothing was "
                           "changed."),
    "backup.err.no_manifest": ("{name}: ikke en backup fra DK2020 Klimaplan-dashboard (ingen {manifest}); intet er "
                               "ændret.",
                               "{name}: not a backup from DK2020 Klimaplan-dashboard (no {manifest}); nothing was "
                               "changed."),
    "backup.err.manifest_too_big": ("{name}: ikke en backup fra DK2020 Klimaplan-dashboard ({manifest} er for stor); "
                                    "intet er ændret.",
                                    "{name}: not a backup from DK2020 Klimaplan-dashboard ({manifest} is too large); "
                                    "nothing was changed."),
    "backup.err.manifest_unreadable": ("{name}: ikke en backup fra DK2020 Klimaplan-dashboard ({manifest} kan ikke "
                                       "læses); intet er ændret.",
                                       "{name}: not a backup from DK2020 Klimaplan-dashboard ({manifest} cannot be "
                                       "read); nothing was changed."),
    "backup.err.other_app": ("{name}: ikke en backup fra DK2020 Klimaplan-dashboard ({manifest} er fra et andet "
                             "program); intet er ændret.",
                             "{name}: not a backup from DK2020 Klimaplan-dashboard ({manifest} is from another "
                             "program); nothing was changed."),
    "backup.err.manifest_incomplete": ("{name}: {manifest} er ufuldstændig ({what}); intet er ændret.",
                                       "{name}: {manifest} is incomplete ({what}); nothing was changed."),
    "backup.err.unknown_tables": ("{name}: {manifest} er ufuldstændig (ukendte tabeller {tables}); intet er ændret.",
                                  "{name}: {manifest} is incomplete (unknown tables {tables}); nothing was changed."),
    "backup.err.missing_tables": ("{name}: backuppen mangler tabellerne {tables}; intet er ændret.",
                                  "{name}: the backup lacks the tables {tables}; nothing was changed."),
    "backup.err.too_big_mb": ("{name}: backuppen fylder mere end {mb:.0f} MB udpakket, mere end en backup af den "
                              "størrelse kan fylde; intet er ændret.",
                              "{name}: the backup unpacks to more than {mb:.0f} MB, more than a backup of its size "
                              "can hold; nothing was changed."),
    "backup.err.too_big_bytes": ("{name}: backuppen fylder mere end {size} udpakket, mere end en backup af den "
                                 "størrelse kan fylde; intet er ændret.",
                                 "{name}: the backup unpacks to more than {size}, more than a backup of its "
                                 "size can hold; nothing was changed."),
    "backup.err.newer": ("{name}: backuppen har skemaversion {version}, men denne version af programmet kender kun op "
                         "til {known}. Opdatér programmet; intet er ændret.",
                         "{name}: the backup has schema version {version}, but this version of the program knows only "
                         "up to {known}. Update the program; nothing was changed."),
    "backup.err.older": ("{name}: backuppen har skemaversion {version}, og denne version af programmet gendanner kun "
                         "skemaversion {oldest} til {known}; intet er ændret.",
                         "{name}: the backup has schema version {version}, and this version of the program restores "
                         "only schema versions {oldest} to {known}; nothing was changed."),
    "backup.err.checksum": ("{name}: tabellen {table} stemmer ikke med sin kontrolsum (filen er ændret eller "
                            "beskadiget); intet er ændret.",
                            "{name}: the table {table} does not match its checksum (the file was changed or "
                            "damaged); nothing was changed."),
    "backup.err.bad_zip": ("{name}: zip-filen er beskadiget ({detail}); intet er ændret.",
                           "{name}: the zip file is damaged ({detail}); nothing was changed."),
    "backup.err.rows": ("{name}: antal rækker stemmer ikke med manifestet ({wrong}); intet er ændret.",
                        "{name}: the row counts do not match the manifest ({wrong}); nothing was changed."),
    "backup.err.cannot_load": ("{name}: backuppen kan ikke indlæses ({detail}); intet er ændret.",
                               "{name}: the backup cannot be loaded ({detail}); nothing was changed."),
    "backup.err.ids": (("{name}: tabellen {table} har id'er op til {target}, langt over sin {count} række; intet er "
                        "ændret.",
                        "{name}: tabellen {table} har id'er op til {target}, langt over sine {count} rækker; intet er "
                        "ændret."),
                       ("{name}: the table {table} has ids up to {target}, far beyond its {count} row; nothing was "
                        "changed.",
                        "{name}: the table {table} has ids up to {target}, far beyond its {count} rows; nothing was "
                        "changed.")),
}
