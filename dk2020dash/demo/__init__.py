"""The deterministic demo dataset (Eksempeldata) that fills the embedded default database: base (assumptions and
inserting), mitigation (plans, inventories, scenarios, actions, milestones), adaptation (risks, hazards)."""
from __future__ import annotations

import duckdb
import numpy as np

from dk2020dash.demo.adaptation import (
    ADAPTATION_STREAM,
    INLAND,
    NO_RISK_ASSESSMENT,
    build_risks,
    tag_adaptation_actions,
)
from dk2020dash.demo.base import (
    NO_BASELINE_INVENTORY,
    NO_INVENTORY,
    REFERENCE_DATE,
    SEED,
    insert_import_log,
    insert_rows,
)
from dk2020dash.demo.mitigation import (
    build_actions,
    build_inventory,
    build_milestones,
    build_plans,
    insert_editions,
    insert_emissions,
    insert_plans,
    insert_scenarios,
    revise_for_older_edition,
)


def fill_demo(con: duckdb.DuckDBPyConnection) -> None:
    """Insert the demo dataset into a store that already has its schema, sectors and municipalities."""
    rng = dict(zip(("plans", "emissions", "verdicts", "editions", "actions", "milestones"),
                   np.random.default_rng(SEED).spawn(6), strict=True))
    munis = con.execute(
        "SELECT code, name, region, label_lat AS lat, label_lon AS lon, area_km2, cohort, population "
        "FROM municipality ORDER BY code"
    ).df()
    plans = build_plans(munis, rng["plans"])
    newest = build_inventory(munis, plans, rng["emissions"], rng["verdicts"])
    older = revise_for_older_edition(newest, rng["editions"])
    rows = 0
    rows += insert_editions(con)
    rows += insert_emissions(con, newest, older, rng["editions"])
    rows += insert_plans(con, plans, older)
    rows += insert_scenarios(con, plans, older)
    actions, events = build_actions(munis, plans, newest, rng["actions"])
    # Climate adaptation draws from a generator of its own, so adding it left every number above as it was.
    adaptation_rng = np.random.default_rng([SEED, ADAPTATION_STREAM])
    risks = build_risks(munis, adaptation_rng)
    actions, hazards, protection = tag_adaptation_actions(actions, munis, risks, adaptation_rng)
    rows += insert_rows(con, "action", actions) + insert_rows(con, "action_event", events)
    rows += insert_rows(con, "action_hazard", hazards) + insert_rows(con, "action_protection", protection)
    rows += insert_rows(con, "milestone", build_milestones(munis, plans, rng["milestones"]))
    rows += insert_rows(con, "risk", risks)
    insert_import_log(con, rows)


__all__ = ["INLAND", "NO_BASELINE_INVENTORY", "NO_INVENTORY", "NO_RISK_ASSESSMENT", "REFERENCE_DATE", "SEED", "fill_demo"]
