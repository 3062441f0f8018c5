"""Parts drawn by one page only: workspace (the Indsatser and Milepæle pages' lists and edit forms), adaptation
(Tilpasning, and the Kommune page's climate adaptation section), presentation (the Præsentation page's deck)."""
