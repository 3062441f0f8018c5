"""What leaves the app as files: tables, the KKR deck, backups."""
