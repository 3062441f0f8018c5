"""The figures every page, slide, report and export shows, read from a store by one function each: the metric
inputs of every municipality, the assessment of any set of municipalities and the reduction bridge of any
selection of their actions (queries.py reads, metrics/ computes; this joins them, so nothing does it twice)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from dk2020dash import queries
from dk2020dash.db.store import Store
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.changes import Changes, changes_between
from dk2020dash.metrics.inputs import inputs_from_frames, with_actions
from dk2020dash.metrics.mitigation import (
    MunicipalityInputs,
    Progress,
    Unavailable,
    assess,
    assess_municipality,
    members_bridge,
)
from dk2020dash.queries import history

__all__ = ["area_changes", "assess", "assess_store", "inputs_before", "municipality_inputs", "selection_bridge"]


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


def inputs_before(store: Store, day: date) -> dict[int, MunicipalityInputs]:
    """Every municipality's metric inputs as they stood at the start of `day` (queries.input_frames_before)."""
    return inputs_from_frames(*history.input_frames_before(store, day))


def area_changes(store: Store, codes: Sequence[int], since: date, until: date,
                 inputs: Mapping[int, MunicipalityInputs] | None = None) -> Changes:
    """What changed in the municipalities from the start of `since` to `until`: the assessment, bridge and verdicts
    at both points by the same functions (assess on the inputs then and now), and what moved them."""
    now_inputs = inputs if inputs is not None else municipality_inputs(store)
    then_inputs = inputs_before(store, since)
    codes = list(codes)
    return changes_between(
        assess(then_inputs, codes, since), assess(now_inputs, codes, until),
        {c: assess_municipality(then_inputs[c], since) for c in codes if c in then_inputs},
        {c: assess_municipality(now_inputs[c], until) for c in codes if c in now_inputs},
        history.actions_at(store, codes, since), history.status_changes_since(store, codes, since, until),
        history.milestones_changed_since(store, codes, since, until), history.editions_imported(store, since, until),
        history.corrections_imported(store, since, until), since, until)
