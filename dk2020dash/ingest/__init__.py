"""Import of real data files (CSV/XLSX) of every kind: parse, validate completely, then write atomically."""
from dk2020dash.ingest.importer import KINDS, MAX_ROWS, PreviewMoved, run_import
from dk2020dash.ingest.problems import MAX_PROBLEMS, Problem
from dk2020dash.ingest.result import ImportResult, Summary

__all__ = ["KINDS", "MAX_PROBLEMS", "MAX_ROWS", "ImportResult", "PreviewMoved", "Problem", "Summary", "run_import"]
