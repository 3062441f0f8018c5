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
}
