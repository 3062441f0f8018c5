"""Parts drawn by one page only."""
