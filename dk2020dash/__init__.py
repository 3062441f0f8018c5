"""DK2020 Klimaplan-dashboard: municipal climate plans followed toward net zero in 2050."""
