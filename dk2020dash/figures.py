"""The figures every page, slide, report and export shows, read from a store by one function each: the metric
inputs of every municipality, the assessment of any set of municipalities and the reduction bridge of any
selection of their actions (queries.py reads, metrics/ computes; this joins them, so nothing does it twice)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from dk2020dash import queries
from dk2020dash.db.store import Store
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.inputs import inputs_from_frames, with_actions
from dk2020dash.metrics.mitigation import MunicipalityInputs, Progress, Unavailable, assess, members_bridge

__all__ = ["assess", "assess_store", "municipality_inputs", "selection_bridge"]


def municipality_inputs(store: Store, edition: int | None = None) -> dict[int, MunicipalityInputs]:
    """Every municipality's metric inputs, each from its newest edition (or from the given edition)."""
    return inputs_from_frames(*queries.input_frames(store, edition))


def selection_bridge(store: Store, inputs: Mapping[int, MunicipalityInputs], progress: Progress | Unavailable,
                     codes: Sequence[int], sectors: Sequence[str] = (), statuses: Sequence[str] = (),
                     kind: str | None = None, stale_since=None, search: str = "") -> Bridge | None:
    """The reduction bridge of the actions that pass Indsatser's filters, against the need of the assessment's
    members at its year (mitigation.members_bridge): with no filter it is the assessment's own bridge. None when
    the municipalities cannot be assessed. Municipalities the assessment leaves out count nothing."""
    if not isinstance(progress, Progress):
        return None
    selected = queries.action_expected(store, codes, sectors, statuses, kind, stale_since, search)
    chosen = with_actions({c: inputs[c] for c in progress.members}, selected)
    return members_bridge(chosen.values(), progress.needs, progress.latest_year)


def assess_store(store: Store, codes: Sequence[int], today: date | None = None) -> Progress | Unavailable:
    """assess() of the given municipalities, reading their inputs from the store."""
    return assess(municipality_inputs(store), codes, today or date.today())
