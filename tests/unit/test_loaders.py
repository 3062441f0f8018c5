"""loaders.cached: one cache per query, keyed on the database, the data version and the arguments."""
from __future__ import annotations

from dk2020dash import queries
from dk2020dash.db.store import Store
from dk2020dash.ui import context, loaders


def _ctx(store: Store) -> context.Context:
    return context.Context(lang="da", area="Danmark", store=store, version=store.data_version())


def test_each_loader_has_its_own_cache(demo_store: Store) -> None:
    ctx = _ctx(demo_store)
    munis = loaders.load_municipalities(ctx)
    plans = loaders.load_plans(ctx)
    assert list(munis.columns) == list(queries.municipalities(demo_store).columns)
    assert list(plans.columns) == list(queries.plans(demo_store).columns)
    assert list(munis.columns) != list(plans.columns)


def test_a_write_shows_on_the_next_load(demo_copy: Store) -> None:
    ctx = _ctx(demo_copy)
    before = loaders.load_actions(ctx, [101])
    with demo_copy.transaction() as con:
        con.execute("UPDATE action SET title = 'Ny titel' WHERE id = ?", [int(before["id"].iloc[0])])
    assert loaders.load_actions(ctx, [101]).equals(before)  # same version: the cached frame
    after = loaders.load_actions(_ctx(demo_copy), [101])
    assert "Ny titel" in set(after["title"])

