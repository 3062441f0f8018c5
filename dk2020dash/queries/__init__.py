"""Named read queries: each answers one question and returns a pandas DataFrame (parameterised SQL only)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from dk2020dash.db.store import Store
from dk2020dash.domain import DENMARK, OPEN_STATUSES, REGIONS


# Which edition each municipality's figures come from (DESIGN.md section 4, Inputs), the one rule, here. An edition
# covers the municipalities it holds rows for; a municipality's newest edition is the one published last (an edition
# without a published date counts as published on the day it was imported), then the one imported last (created_at,
# then id). So a file for one municipality never changes another's figures, and an older release imported late does
# not win. An edition an admin withdrew (edition.withdrawn_at, edits.withdraw_edition) counts nowhere while withdrawn.
# edition_order is the order as SQL, _newest_per_municipality the rule (newest_per_municipality for other modules),
# newest_editions_of the same over frames (the import preview's).
def edition_day(alias: str = "ed") -> str:
    """SQL: the day an edition counts as published (its published date, else the day it was imported)."""
    return f"coalesce({alias}.published, CAST({alias}.created_at AS DATE))"


def edition_order(alias: str = "ed", newest_first: bool = True) -> str:
    """SQL ORDER BY terms of the newest-edition rule for the edition table as `alias` (oldest first if asked)."""
    way = " DESC" if newest_first else ""
    return ", ".join(f"{term}{way}" for term in (edition_day(alias), f"{alias}.created_at", f"{alias}.id"))


def edition_counts(alias: str = "ed") -> str:
    """SQL: the edition counts, i.e. is not withdrawn (the rule's one condition besides the order)."""
    return f"{alias}.withdrawn_at IS NULL"


def newest_editions_of(held: pd.DataFrame, editions: pd.DataFrame) -> pd.DataFrame:
    """The rule over frames: from (municipality, edition) pairs held and the editions (id, published, created_at,
    withdrawn_at if known), each municipality's newest edition (columns municipality, edition; by municipality), as
    _newest_per_municipality picks: withdrawn editions are skipped."""
    if "withdrawn_at" in editions.columns:
        editions = editions[editions["withdrawn_at"].isna()]
    keys = editions[["id", "published", "created_at"]].copy()
    keys["created_at"] = pd.to_datetime(keys["created_at"])
    keys["day"] = pd.to_datetime(keys["published"]).fillna(keys["created_at"].dt.normalize())
    pairs = held[["municipality", "edition"]].drop_duplicates().merge(keys, left_on="edition", right_on="id")
    pairs = pairs.sort_values(["municipality", "day", "created_at", "id"], ascending=[True, False, False, False])
    return pairs.drop_duplicates("municipality")[["municipality", "edition"]].reset_index(drop=True)


_EDITION_ORDER = edition_order()


def _newest_per_municipality(before: bool = False) -> str:
    """SQL: (municipality, edition) of each municipality's newest edition that counts (not withdrawn); with `before`,
    among the editions imported before a day given as a parameter (twice), so as the figures stood at the start of
    that day (a correction published earlier but imported since is not among them; one withdrawn since is)."""
    counts = ("WHERE CAST(ed.created_at AS DATE) < ? AND (ed.withdrawn_at IS NULL OR CAST(ed.withdrawn_at AS DATE) >= ?) "
              if before else f"WHERE {edition_counts()} ")
    return ("(SELECT DISTINCT ON (h.municipality) h.municipality, h.edition "  # noqa: S608 - fixed SQL fragments
            "FROM (SELECT DISTINCT municipality, edition FROM emission) h JOIN edition ed ON ed.id = h.edition "
            f"{counts}ORDER BY h.municipality, {_EDITION_ORDER})")


_NEWEST_PER_MUNICIPALITY = _newest_per_municipality()
# The newest edition of all (Metode's note; the default of an edition choice): the same order.
_NEWEST_EDITION = (f"(SELECT ed.id FROM edition ed WHERE {edition_counts()} "  # noqa: S608 - fixed SQL fragments
                   f"ORDER BY {_EDITION_ORDER} LIMIT 1)")


def newest_per_municipality() -> str:
    """SQL: (municipality, edition) of each municipality's newest edition, the rule every figure uses, for a query
    of another module (an edit's bound, the import's comparison)."""
    return _NEWEST_PER_MUNICIPALITY


def _rows(edition: int | None, before=None) -> tuple[str, list]:
    """The emission rows figures rest on: each municipality's newest edition (among those imported before the day
    `before`, when given), or one given edition's rows."""
    if edition is not None:
        return "(SELECT * FROM emission WHERE edition = ?)", [edition]
    newest = (f"(SELECT em.* FROM emission em JOIN {_newest_per_municipality(before is not None)} n "  # noqa: S608 - fixed SQL fragments
              "ON n.municipality = em.municipality AND n.edition = em.edition)")
    return newest, [] if before is None else [before, before]


def municipalities(store: Store) -> pd.DataFrame:
    """The 98 municipalities with region, population and label point, ordered by code."""
    return store.query(
        "SELECT code, name, region, region_code, label_lat, label_lon, area_km2, cohort, population, "
        "population_year, population_approx FROM municipality ORDER BY code"
    )


def area_codes(munis: pd.DataFrame, area: str) -> list[int]:
    """Municipality codes in an area: Denmark ("DK") or a region name."""
    if area == DENMARK:
        return munis["code"].astype(int).tolist()
    if area not in REGIONS:
        raise ValueError(f"ukendt område: {area!r}")
    return munis.loc[munis["region"] == area, "code"].astype(int).tolist()


def sectors(store: Store) -> pd.DataFrame:
    return store.query("SELECT code, label_da, label_en, sector_group, gpc, can_be_negative FROM sector")


def editions(store: Store) -> pd.DataFrame:
    """All inventory editions, newest first, with their row counts, year span, how many municipalities they
    hold and for how many they are the newest (the figures shown come from them)."""
    return store.query(
        f"WITH n AS (SELECT edition, count(*) AS newest_for FROM {_NEWEST_PER_MUNICIPALITY} GROUP BY edition) "  # noqa: S608 - fixed SQL fragments
        "SELECT ed.id, ed.name, ed.source, ed.published, ed.is_demo, ed.created_at, count(m.tco2e) AS rows, "
        "min(m.year) AS first_year, max(m.year) AS last_year, count(DISTINCT m.municipality) AS municipalities, "
        "coalesce(any_value(n.newest_for), 0) AS newest_for, ed.withdrawn_at "
        "FROM edition ed LEFT JOIN emission m ON m.edition = ed.id LEFT JOIN n ON n.edition = ed.id "
        "GROUP BY ed.id, ed.name, ed.source, ed.published, ed.is_demo, ed.created_at, ed.withdrawn_at "
        f"ORDER BY {_EDITION_ORDER}"
    )


def newest_edition(store: Store) -> pd.DataFrame:
    """The newest edition of all (published last, then imported last); figures use each municipality's own."""
    return store.query(f"SELECT id, name, source, published, is_demo FROM edition WHERE id = {_NEWEST_EDITION}")  # noqa: S608 - fixed SQL fragments


def municipality_editions(store: Store, code: int) -> pd.DataFrame:
    """The editions that hold rows for one municipality, its newest (the one its figures use) first, with the
    years each covers for it."""
    return store.query(
        "SELECT ed.id, ed.name, ed.source, ed.published, ed.is_demo, ed.created_at, count(*) AS rows, "  # noqa: S608 - fixed SQL fragments
        "min(m.year) AS first_year, max(m.year) AS last_year "
        f"FROM edition ed JOIN emission m ON m.edition = ed.id WHERE m.municipality = ? AND {edition_counts()} "
        "GROUP BY ed.id, ed.name, ed.source, ed.published, ed.is_demo, ed.created_at "
        f"ORDER BY {_EDITION_ORDER}",
        [code],
    )


def newest_editions(store: Store) -> pd.DataFrame:
    """Per municipality with any inventory: the edition its figures come from (id, name, published)."""
    return store.query(
        f"SELECT n.municipality, ed.id AS edition, ed.name, ed.published, ed.is_demo "  # noqa: S608 - fixed SQL fragments
        f"FROM {_NEWEST_PER_MUNICIPALITY} n JOIN edition ed ON ed.id = n.edition ORDER BY n.municipality"
    )


def demo_kinds(store: Store) -> list[str]:
    """Which kinds of data in the store are demo data (empty when all is real)."""
    df = store.query(
        "SELECT 'inventory' AS kind WHERE EXISTS (SELECT 1 FROM edition WHERE is_demo) "
        "UNION ALL SELECT 'plans' WHERE EXISTS (SELECT 1 FROM plan WHERE is_demo) "
        "UNION ALL SELECT 'scenarios' WHERE EXISTS (SELECT 1 FROM scenario WHERE is_demo) "
        "UNION ALL SELECT 'actions' WHERE EXISTS (SELECT 1 FROM action WHERE is_demo) "
        "UNION ALL SELECT 'milestones' WHERE EXISTS (SELECT 1 FROM milestone WHERE is_demo) "
        "UNION ALL SELECT 'risks' WHERE EXISTS (SELECT 1 FROM risk WHERE is_demo)"
    )
    return df["kind"].tolist()


def emission_totals(store: Store, edition: int | None = None) -> pd.DataFrame:
    """E(y) per municipality: net emissions summed over all sectors (each municipality's newest edition unless
    one is given)."""
    rows, params = _rows(edition)
    return store.query(
        f"SELECT municipality, year, sum(tco2e) AS tco2e, bool_or(estimated) AS any_estimated "  # noqa: S608 - fixed SQL fragments
        f"FROM {rows} GROUP BY municipality, year ORDER BY municipality, year",
        params,
    )


def emissions_by_sector(store: Store, codes: Sequence[int], edition: int | None = None) -> pd.DataFrame:
    """Emissions per year and sector summed over the given municipalities (each from its newest edition unless
    one is given), with sector labels, at the years every given municipality with an inventory has (DESIGN.md
    section 4: an area's sums never mix years of all its members with years of a few); `municipalities` is
    how many each year sums. One municipality keeps all its years."""
    rows, params = _rows(edition)
    return store.query(
        f"WITH r AS (SELECT * FROM {rows} e WHERE list_contains(?, e.municipality)), "  # noqa: S608 - fixed SQL fragments
        "held AS (SELECT year, count(DISTINCT municipality) AS municipalities FROM r GROUP BY year) "
        "SELECT r.year, r.sector, s.label_da, s.label_en, s.sector_group, sum(r.tco2e) AS tco2e, h.municipalities "
        "FROM r JOIN sector s ON s.code = r.sector JOIN held h ON h.year = r.year "
        "WHERE h.municipalities = (SELECT count(DISTINCT municipality) FROM r) "
        "GROUP BY ALL ORDER BY r.year, r.sector",
        [*params, list(codes)],
    )


def estimated_share(store: Store, codes: Sequence[int], edition: int | None = None) -> pd.DataFrame:
    """Per municipality: latest year and the share of values flagged as estimated (its newest edition unless
    one is given)."""
    rows, params = _rows(edition)
    return store.query(
        f"SELECT municipality, max(year) AS latest_year, avg(CASE WHEN estimated THEN 1 ELSE 0 END) AS estimated_share "  # noqa: S608 - fixed SQL fragments
        f"FROM {rows} WHERE list_contains(?, municipality) GROUP BY municipality",
        [*params, list(codes)],
    )


def plans(store: Store) -> pd.DataFrame:
    return store.query(
        "SELECT municipality, adopted, approved, baseline_year, baseline_tco2e, net_zero_year, revision_due, is_demo "
        "FROM plan ORDER BY municipality"
    )


def plan_targets(store: Store) -> pd.DataFrame:
    return store.query("SELECT municipality, target_year, reduction FROM plan_target ORDER BY municipality, target_year")


def scenarios(store: Store, codes: Sequence[int]) -> pd.DataFrame:
    """The adopted plans' BAU and plan scenarios summed over the given municipalities."""
    return store.query(
        "SELECT kind, year, sum(tco2e) AS tco2e, count(*) AS municipalities FROM scenario "
        "WHERE list_contains(?, municipality) GROUP BY kind, year ORDER BY kind, year",
        [list(codes)],
    )


# When a completed action was completed (DESIGN.md section 4), the one rule: its end date, else the date of its
# (latest) change to completed: an event that changed an existing action's status to completed. The import or
# creation that inserted the action (old status NULL, dated the day it was inserted) is no such change, nor is an
# event that keeps it completed (say a new responsible unit). Else its last update. NULL when not completed.
_COMPLETED_ON = ("CASE WHEN a.status = 'completed' THEN coalesce(a.end_date, "
                 "(SELECT CAST(max(e.changed_on) AS DATE) FROM action_event e WHERE e.action_id = a.id "
                 "AND e.new_status = 'completed' AND e.old_status IS NOT NULL AND e.old_status <> 'completed'), "
                 "a.last_updated) END")


def action_expected(store: Store, codes: Sequence[int] | None = None, sectors: Sequence[str] = (),
                    statuses: Sequence[str] = (), kind: str | None = None, stale_since=None,
                    search: str = "") -> pd.DataFrame:
    """Expected 2030 reductions of mitigation actions per municipality and status (completed ones also per year
    of their completion date, `completed_year`), with the number of actions and of those without an expected
    reduction (counted as 0; the reduction bridge says so); of every municipality, or of the actions that pass
    Indsatser's filters (see _action_filters) when `codes` is given. mitigation.in_inventory decides which
    completed actions are already in the inventory; metrics.inputs.with_actions makes a selection's inputs."""
    where, params = ("TRUE", []) if codes is None else _action_filters(codes, sectors, statuses, kind, stale_since,
                                                                       search)
    return store.query(
        f"SELECT a.municipality, a.status, year({_COMPLETED_ON}) AS completed_year, "  # noqa: S608 - fixed SQL fragments
        "sum(coalesce(a.expected_2030_t, 0)) AS expected_2030_t, count(*) AS actions, "
        "count(*) FILTER (WHERE a.expected_2030_t IS NULL) AS missing_expected "
        f"FROM action a WHERE a.kind = 'mitigation' AND {where} "
        "GROUP BY ALL ORDER BY a.municipality, a.status, completed_year",
        params,
    )


def actions(store: Store, codes: Sequence[int]) -> pd.DataFrame:
    """The actions of the given municipalities, largest expected reduction first."""
    return store.query(
        "SELECT a.id, a.municipality, m.name AS municipality_name, a.title, a.sector, a.kind, a.status, "  # noqa: S608 - fixed SQL fragments
        "a.start_date, a.end_date, a.expected_2030_t, a.responsible, a.budget_dkk, a.last_updated, a.version, "
        f"{_COMPLETED_ON} AS completed_on "
        "FROM action a JOIN municipality m ON m.code = a.municipality "
        "WHERE list_contains(?, a.municipality) ORDER BY a.expected_2030_t DESC NULLS LAST, a.id",
        [list(codes)],
    )


def milestones(store: Store, codes: Sequence[int]) -> pd.DataFrame:
    return store.query(
        "SELECT s.id, s.municipality, m.name AS municipality_name, s.kind, s.due, s.done, s.note "
        "FROM milestone s JOIN municipality m ON m.code = s.municipality "
        "WHERE list_contains(?, s.municipality) ORDER BY s.due, s.id",
        [list(codes)],
    )


def action_events_since(store: Store, codes: Sequence[int], since) -> pd.DataFrame:
    """Status changes of the given municipalities' actions on or after a date, newest first."""
    return store.query(
        "SELECT e.changed_on, a.municipality, m.name AS municipality_name, a.title, e.old_status, e.new_status, "
        "e.who, e.note FROM action_event e JOIN action a ON a.id = e.action_id "
        "JOIN municipality m ON m.code = a.municipality "
        "WHERE list_contains(?, a.municipality) AND CAST(e.changed_on AS DATE) >= ? "
        "ORDER BY e.changed_on DESC, e.id DESC",
        [list(codes), since],
    )


def import_log(store: Store) -> pd.DataFrame:
    return store.query(
        "SELECT id, logged_at, who, kind, file_name, sha256, rows, outcome, message FROM import_log ORDER BY id DESC"
    )


def latest_inventory_year(store: Store) -> int | None:
    """The latest year any municipality's figures reach (each from its newest edition)."""
    rows, params = _rows(None)
    df = store.query(f"SELECT max(year) AS y FROM {rows}", params)  # noqa: S608 - fixed SQL fragments
    y = df.iloc[0, 0]
    return None if pd.isna(y) else int(y)


class InputFrames(NamedTuple):
    """The frames metrics.inputs.inputs_from_frames assembles into each municipality's inputs, in its order."""

    emissions: pd.DataFrame
    plans: pd.DataFrame
    targets: pd.DataFrame
    actions: pd.DataFrame
    municipalities: pd.DataFrame


def input_frames(store: Store, edition: int | None = None) -> InputFrames:
    """Everything metrics/ needs for every municipality, each from its newest edition (or from the given
    edition: municipalities it holds no rows for then have no inventory)."""
    return InputFrames(emission_totals(store, edition), plans(store), plan_targets(store), action_expected(store),
                       municipalities(store))


# -- views (Overblik, Kommune, Sammenlign, Kort) -----------------------------------------------------


# -- climate adaptation (Tilpasning page, Kommune's Klimatilpasning section) ---------------------------

def risks(store: Store, codes: Sequence[int]) -> pd.DataFrame:
    """The climate risk assessment of the given municipalities: one row per assessed hazard."""
    return store.query(
        "SELECT r.municipality, m.name AS municipality_name, m.region, r.hazard, r.level, r.assessed_year, "
        "r.assessed_on, r.note, r.is_demo FROM risk r JOIN municipality m ON m.code = r.municipality "
        "WHERE list_contains(?, r.municipality) ORDER BY r.municipality, r.hazard",
        [list(codes)],
    )


def adaptation_actions(store: Store, codes: Sequence[int]) -> pd.DataFrame:
    """The adaptation actions of the given municipalities with the hazards they name (a sorted list, empty when
    none) and their protection targets (return period in years, buildings protected; empty when not stated)."""
    return store.query(
        "SELECT a.id, a.municipality, m.name AS municipality_name, a.title, a.status, a.start_date, a.end_date, "
        "a.last_updated, a.responsible, a.is_demo, "
        "coalesce((SELECT list_sort(list(h.hazard)) FROM action_hazard h WHERE h.action_id = a.id), []) AS hazards, "
        "(SELECT p.value FROM action_protection p WHERE p.action_id = a.id AND p.kind = 'return_period_years') "
        "AS return_period_years, "
        "(SELECT p.value FROM action_protection p WHERE p.action_id = a.id AND p.kind = 'buildings_protected') "
        "AS buildings_protected "
        "FROM action a JOIN municipality m ON m.code = a.municipality "
        "WHERE a.kind = 'adaptation' AND list_contains(?, a.municipality) ORDER BY a.municipality, a.id",
        [list(codes)],
    )


# -- data (import, export, backup, data quality) -----------------------------------------------------


# -- data quality (Datakvalitet page) -----------------------------------------------------------------

# Kinds of data an import brings in; the demo build stands in for all but population (which ships approximate).
DATA_KINDS: tuple[str, ...] = ("inventory", "plans", "scenarios", "actions", "milestones", "population", "risks")
DEMO_KINDS: tuple[str, ...] = ("inventory", "plans", "scenarios", "actions", "milestones", "risks")


def data_quality(store: Store, codes: Sequence[int], baseline_year: int = 1990) -> pd.DataFrame:
    """Per municipality, in its newest edition (`edition`, its name in `edition_name`): latest year, years
    present, missing years (1990, the plan's baseline year, and every year of the span after 1990), sectors
    missing in any year present, the share of estimated values, the editions the municipality appears in (oldest
    first), when its inventory was last loaded and by whom ('demo' for demo editions); span_first and span_last
    give the span after 1990 of the figures shown (all municipalities, each from its newest edition; the same on
    every row)."""
    rows, _ = _rows(None)
    df = store.query(
        f"""
        WITH em AS (SELECT municipality, year, sector, estimated, edition FROM {rows}),
        current AS (SELECT DISTINCT em.municipality, em.edition, ed.name FROM em JOIN edition ed ON ed.id = em.edition),
        span AS (SELECT min(year) FILTER (WHERE year > ?) AS first_year, max(year) AS last_year FROM em),
        munis AS (SELECT code, name, region FROM municipality WHERE list_contains(?, code)),
        expected AS (
            SELECT m.code AS municipality, unnest(list_distinct(
                [?::INTEGER, coalesce(p.baseline_year, ?::INTEGER)]
                || coalesce(generate_series(span.first_year, span.last_year), []::BIGINT[])::INTEGER[]
            )) AS year
            FROM munis m CROSS JOIN span LEFT JOIN plan p ON p.municipality = m.code
        ),
        present AS (SELECT municipality, year FROM em GROUP BY ALL),
        missing_years AS (
            SELECT municipality, list_sort(list(year)) AS years FROM (
                SELECT municipality, year FROM expected EXCEPT SELECT municipality, year FROM present
            ) GROUP BY municipality
        ),
        missing_sectors AS (
            SELECT p.municipality, list_sort(list(DISTINCT s.code)) AS sectors, count(*) AS cells
            FROM present p CROSS JOIN sector s
            ANTI JOIN em ON em.municipality = p.municipality AND em.year = p.year AND em.sector = s.code
            GROUP BY p.municipality
        ),
        stats AS (
            SELECT municipality, max(year) AS latest_year, count(DISTINCT year) AS years, count(*) AS rows,
                   avg(CASE WHEN estimated THEN 1.0 ELSE 0.0 END) AS estimated_share
            FROM em GROUP BY municipality
        ),
        editions AS (
            SELECT e.municipality, list(ed.name ORDER BY {edition_order(newest_first=False)}) AS editions
            FROM (SELECT DISTINCT municipality, edition FROM emission) e JOIN edition ed ON ed.id = e.edition
            GROUP BY e.municipality
        ),
        -- An import writes its edition and its log row in one transaction, so both carry the same timestamp.
        loaded AS (
            SELECT DISTINCT ON (e.municipality) e.municipality, ed.created_at AS loaded_at,
                   CASE WHEN ed.is_demo THEN 'demo' ELSE l.who END AS loaded_by
            FROM (SELECT DISTINCT municipality, edition FROM emission) e JOIN edition ed ON ed.id = e.edition
            LEFT JOIN import_log l ON l.kind = 'inventory' AND l.outcome = 'imported' AND l.logged_at = ed.created_at
            ORDER BY e.municipality, ed.created_at DESC, ed.id DESC
        )
        SELECT m.code AS municipality, m.name, m.region, st.latest_year, coalesce(st.years, 0) AS years,
               coalesce(st.rows, 0) AS rows, coalesce(my.years, []) AS missing_years,
               coalesce(ms.sectors, []) AS missing_sectors, coalesce(ms.cells, 0) AS missing_cells,
               st.estimated_share, coalesce(ed.editions, []) AS editions, ld.loaded_at, ld.loaded_by,
               span.first_year AS span_first, span.last_year AS span_last, cur.edition, cur.name AS edition_name
        FROM munis m CROSS JOIN span
        LEFT JOIN current cur ON cur.municipality = m.code
        LEFT JOIN stats st ON st.municipality = m.code
        LEFT JOIN missing_years my ON my.municipality = m.code
        LEFT JOIN missing_sectors ms ON ms.municipality = m.code
        LEFT JOIN editions ed ON ed.municipality = m.code
        LEFT JOIN loaded ld ON ld.municipality = m.code
        ORDER BY m.code
        """,  # noqa: S608 - fixed SQL fragments
        [baseline_year, list(codes), baseline_year, baseline_year],
    )
    for col in ("missing_years", "missing_sectors", "editions"):
        df[col] = df[col].map(lambda v: [x.item() if hasattr(x, "item") else x for x in v])
    return df


def last_imports(store: Store) -> pd.DataFrame:
    """When each kind of data was last brought in and by whom: the newest 'imported' row of that kind, or the
    demo build for the kinds it fills (kind 'demo'); a kind never imported has no row."""
    return store.query(
        """
        WITH kinds AS (SELECT unnest(?::VARCHAR[]) AS kind),
        loads AS (
            SELECT k.kind, l.id, l.logged_at, l.who, l.file_name, l.rows, l.outcome
            FROM kinds k JOIN import_log l
              ON (l.outcome = 'imported' AND l.kind = k.kind)
              OR (l.outcome = 'demo' AND list_contains(?::VARCHAR[], k.kind))
        )
        SELECT kind, logged_at, who, file_name, rows, outcome FROM loads
        QUALIFY row_number() OVER (PARTITION BY kind ORDER BY logged_at DESC, id DESC) = 1
        ORDER BY list_position(?::VARCHAR[], kind)
        """,
        [list(DATA_KINDS), list(DEMO_KINDS), list(DATA_KINDS)],
    )


# -- large areas: totals and the first rows, so a page never fetches every action or milestone of Denmark -------

# The stale rule (metrics.followup.is_stale) as SQL over `action a`: an open status and a last update on or before
# a day given as a parameter (followup.stale_since); the open statuses are its first parameter.
STALE_ACTION = "list_contains(?, a.status) AND a.last_updated <= ?"


def _action_filters(codes: Sequence[int], sectors: Sequence[str], statuses: Sequence[str], kind: str | None,
                    stale_since, search: str) -> tuple[str, list]:
    """WHERE clause and parameters of the Indsatser filters (an empty filter passes everything): sectors and
    statuses among those given, the kind, stale on the day `stale_since` belongs to (STALE_ACTION with
    followup.stale_since), and `search` in the title, any case."""
    where, params = ["list_contains(?, a.municipality)"], [list(codes)]
    if sectors:
        where.append("list_contains(?, a.sector)")
        params.append(list(sectors))
    if statuses:
        where.append("list_contains(?, a.status)")
        params.append(list(statuses))
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    if stale_since is not None:
        where.append(STALE_ACTION)
        params.extend([list(OPEN_STATUSES), stale_since])
    if search and search.strip():
        where.append("contains(lower(a.title), ?)")
        params.append(search.strip().lower())
    return " AND ".join(where), params


def action_totals(store: Store, codes: Sequence[int], sectors: Sequence[str] = (), statuses: Sequence[str] = (),
                  kind: str | None = None, stale_since=None, search: str = "") -> pd.DataFrame:
    """Per status and kind of the actions that pass the filters: how many (`n`), their expected 2030 reduction
    (`tonnes`, missing ones as 0) and how many have none (`missing_expected`)."""
    where, params = _action_filters(codes, sectors, statuses, kind, stale_since, search)
    return store.query(
        "SELECT a.status, a.kind, count(*) AS n, coalesce(sum(a.expected_2030_t), 0) AS tonnes, "  # noqa: S608 - fixed SQL fragments
        "count(*) FILTER (WHERE a.expected_2030_t IS NULL) AS missing_expected "
        f"FROM action a WHERE {where} GROUP BY ALL ORDER BY a.status, a.kind",
        params,
    )


def actions_filtered(store: Store, codes: Sequence[int], sectors: Sequence[str] = (), statuses: Sequence[str] = (),
                     kind: str | None = None, stale_since=None, search: str = "",
                     limit: int | None = None) -> pd.DataFrame:
    """The actions that pass the filters, as `actions` returns them (largest expected reduction first), the first
    `limit` of them when a limit is given."""
    where, params = _action_filters(codes, sectors, statuses, kind, stale_since, search)
    first = "SELECT * FROM action a WHERE " + where + " ORDER BY a.expected_2030_t DESC NULLS LAST, a.id"  # noqa: S608 - fixed SQL fragments
    if limit is not None:
        first += " LIMIT ?"
        params.append(int(limit))
    return store.query(
        "SELECT a.id, a.municipality, m.name AS municipality_name, a.title, a.sector, a.kind, a.status, "  # noqa: S608 - fixed SQL fragments
        "a.start_date, a.end_date, a.expected_2030_t, a.responsible, a.budget_dkk, a.last_updated, a.version, "
        f"{_COMPLETED_ON} AS completed_on "
        f"FROM ({first}) a JOIN municipality m ON m.code = a.municipality "
        "ORDER BY a.expected_2030_t DESC NULLS LAST, a.id",
        params,
    )


def action_status_counts(store: Store, codes: Sequence[int]) -> pd.DataFrame:
    """How many actions the given municipalities have per status."""
    return store.query("SELECT status, count(*) AS n FROM action WHERE list_contains(?, municipality) "
                       "GROUP BY status ORDER BY status", [list(codes)])


def milestone_dates(store: Store, codes: Sequence[int]) -> pd.DataFrame:
    """The given municipalities' milestones counted per region, due date and whether done (`done`: one done date of
    the group, NULL for those not done), so followup.milestone_state runs once per group, not once per milestone."""
    return store.query(
        "SELECT m.region, s.due, any_value(s.done) AS done, count(*) AS n FROM milestone s "
        "JOIN municipality m ON m.code = s.municipality WHERE list_contains(?, s.municipality) "
        "GROUP BY m.region, s.due, s.done IS NULL ORDER BY m.region, s.due",
        [list(codes)],
    )


def open_milestones(store: Store, codes: Sequence[int], due_from, due_until, limit: int | None = None) -> pd.DataFrame:
    """Milestones not done, due on or after `due_from` (None: no bound) and before `due_until`, as `milestones`
    returns them, by due date and municipality name; the first `limit` when one is given (followup.milestone_windows
    gives the bounds of overdue and due soon)."""
    sql = ("SELECT s.id, s.municipality, m.name AS municipality_name, s.kind, s.due, s.done, s.note "
           "FROM milestone s JOIN municipality m ON m.code = s.municipality "
           "WHERE list_contains(?, s.municipality) AND s.done IS NULL AND s.due < ?")
    params: list = [list(codes), due_until]
    if due_from is not None:
        sql += " AND s.due >= ?"
        params.append(due_from)
    sql += " ORDER BY s.due, m.name, s.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return store.query(sql, params)
