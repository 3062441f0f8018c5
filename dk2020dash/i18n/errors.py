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
}
