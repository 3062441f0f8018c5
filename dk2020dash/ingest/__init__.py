"""Import of real data files (CSV/XLSX) of every kind: parse, validate completely, then write atomically."""
from .importer import KINDS, MAX_ROWS, run_import
from .problems import MAX_PROBLEMS, Problem
from .report import ImportReport, Summary

__all__ = ["KINDS", "MAX_PROBLEMS", "MAX_ROWS", "ImportReport", "Problem", "Summary", "run_import"]
