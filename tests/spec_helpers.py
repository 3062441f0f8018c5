"""Helpers for reading Vega-Lite specs in tests."""
from __future__ import annotations


def domains(node: object) -> list[list]:
    """Every scale domain in a spec, so a test can see the series a legend names."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("scale"), dict) and "domain" in node["scale"]:
            found.append(node["scale"]["domain"])
        for v in node.values():
            found += domains(v)
    elif isinstance(node, list):
        for v in node:
            found += domains(v)
    return found
