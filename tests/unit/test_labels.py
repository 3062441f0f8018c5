"""labels.py: the one home of the words and icons for codes (issue 18, "Words for codes in four places")."""
from __future__ import annotations

import ast
import re
from enum import Enum
from pathlib import Path

import pytest

from dk2020dash import auth, domain, i18n, labels
from dk2020dash.views import charts

PACKAGE = Path(labels.__file__).resolve().parent

# Every kind of code in domain.py (and auth.py's roles) and its table of words.
CODES: dict[str, tuple[tuple[str, ...], labels.Words]] = {
    "Verdict": (tuple(v.value for v in domain.Verdict), labels.VERDICTS),
    "ActionStatus": (tuple(s.value for s in domain.ActionStatus), labels.STATUSES),
    "ACTION_KINDS": (domain.ACTION_KINDS, labels.ACTION_KINDS),
    "BRIDGE_PARTS": (("need", *domain.BRIDGE_PARTS, "manko", "beyond_need", "in_inventory"), labels.BRIDGE_PARTS),
    "SCENARIO_KINDS": (domain.SCENARIO_KINDS, labels.SCENARIO_KINDS),
    "MILESTONE_KINDS": (domain.MILESTONE_KINDS, labels.MILESTONE_KINDS),
    "MILESTONE_STATES": (domain.MILESTONE_STATES, labels.MILESTONE_STATES),
    "COHORTS": (domain.COHORTS, labels.COHORTS),
    "SECTOR_GROUPS": (domain.SECTOR_GROUPS, labels.SECTOR_GROUPS),
    "SECTOR_CODES": (domain.SECTOR_CODES, labels.SECTORS),
    "HAZARD_CODES": (domain.HAZARD_CODES, labels.HAZARDS),
    "RISK_LEVELS": (domain.RISK_LEVELS, labels.RISK_LEVELS),
    "PROTECTION_KINDS": (domain.PROTECTION_KINDS, labels.PROTECTION_KINDS),
    "roles": ((auth.VIEWER, *auth.ROLES), labels.ROLES),
    "change parts": (("none", *domain.BRIDGE_PARTS, "cancelled", "in_inventory"), labels.CHANGE_PARTS),
}
# Tuples of domain.py that are no kind of code of their own: names (regions), or subsets of a kind above.
NOT_KINDS = {"REGIONS", "VERDICTS", "ACTION_STATUSES", "HIGH_RISK_LEVELS", "COVERING_STATUSES",
             "OPEN_STATUSES"}


@pytest.mark.parametrize("kind", sorted(CODES))
def test_every_code_has_a_word_in_both_languages(kind: str) -> None:
    codes, words = CODES[kind]
    assert list(words) == list(codes), kind  # every code, nothing else, in the codes' order
    for code, pair in words.items():
        assert isinstance(pair, tuple) and len(pair) == 2, (kind, code)
        da, en = pair
        assert isinstance(da, str) and da.strip() and isinstance(en, str) and en.strip(), (kind, code)


def test_every_kind_of_code_in_domain_has_a_table() -> None:
    """A new enum or tuple of codes in domain.py needs its words here (or a reason in NOT_KINDS)."""
    kinds = {name for name, value in vars(domain).items() if not name.startswith("_") and (
        (isinstance(value, type) and issubclass(value, Enum) and value is not Enum)
        or (isinstance(value, tuple) and value and all(isinstance(v, str) for v in value)))}
    assert kinds - NOT_KINDS <= set(CODES)
    # and every table of labels is checked against its codes above
    assert {id(t) for t in labels.TABLES.values()} == {id(t) for _, t in CODES.values()}


def test_domain_holds_codes_and_no_words() -> None:
    assert [f for f in domain.Sector.__dataclass_fields__] == ["code", "group", "gpc", "can_be_negative"]
    assert not [n for n in vars(domain) if "LABEL" in n or n in {"HAZARDS", "HAZARD_BY_CODE", "Hazard"}]
    code = re.compile(r"^[a-z0-9_]+$")
    for name, value in vars(domain).items():
        if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value) and name != "REGIONS":
            assert all(code.match(v) for v in value), name


def test_the_functions_give_the_word_in_the_language() -> None:
    assert labels.verdict("on_track", "da") == "På rette vej"
    assert labels.verdict(domain.Verdict.OFF_TRACK, "en") == "Off track"  # an enum member works as its value
    assert labels.status(domain.ActionStatus.PAUSED, "da") == "Sat på pause"
    assert labels.sector("soe", "en") == "Shipping"
    assert labels.sector_group("lulucf", "da") == "Arealanvendelse (LULUCF)"
    assert labels.hazard("vandloeb", "da") == "Oversvømmelse fra vandløb" and labels.hazard("toerke", "en") == "Drought"
    assert labels.risk_level("meget_hoej", "da") == "Meget høj" and labels.risk_level("hoej", "en") == "High"
    assert labels.milestone_kind("plan_adopted", "en") == "Plan adopted by the council"
    assert labels.milestone_state("due_soon", "da") == "Forfalder snart"
    assert labels.bridge_part("manko", "en") == "Gap (uncovered)" and labels.cohort("round_2020", "en") == "2020 round"
    assert labels.role("editor", "da") == "redaktør" and labels.action_kind("adaptation", "en") == "Adaptation"
    assert labels.verdict_icon(domain.Verdict.DEVIATING) == "⚠️" and labels.milestone_icon("overdue") == "❌"
    assert labels.word_or_code(labels.SECTORS, "ukendt", "da") == "ukendt"
    with pytest.raises(KeyError):
        labels.status("bogus", "da")


def test_one_icon_table_for_verdicts_and_milestone_states() -> None:
    assert set(labels.VERDICT_ICONS) == set(domain.VERDICTS)
    assert set(labels.MILESTONE_ICONS) == set(domain.MILESTONE_STATES)
    assert len(set(labels.VERDICT_ICONS.values())) == len(domain.VERDICTS)  # an icon tells one verdict
    defined = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) else []
            defined += [(path.name, t.id) for t in targets if isinstance(t, ast.Name) and "ICON" in t.id]
            if isinstance(node, ast.Dict):  # no copy of the icon table under another name
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if path.name != "labels.py" and keys >= set(domain.VERDICTS):
                    values = {v.value for v in node.values if isinstance(v, ast.Constant)}
                    assert not values & set(labels.VERDICT_ICONS.values()), path
    assert sorted(defined) == [("labels.py", "ICONS"), ("labels.py", "MILESTONE_ICONS"), ("labels.py", "VERDICT_ICONS")]


def test_no_word_for_a_code_is_left_in_the_string_tables() -> None:
    """i18n holds phrases; a key that names a code's word (status.planned, verdict.on_track, ...) lives here."""
    prefixes = ("verdict.", "status.", "milestone.", "milestone_state.", "cohort.", "act.kind.", "auth.role.",
                "kkr.part.", "sector.", "hazard.", "risk_level.")
    assert [k for k in i18n.STRINGS if k.startswith(prefixes)] == []
    assert not {f"bridge.{p}" for p in labels.BRIDGE_PARTS} & set(i18n.STRINGS)
    assert not {f"chart.series.{k}" for k in labels.SCENARIO_KINDS} & set(i18n.STRINGS)


def test_labels_sits_on_the_bottom_floor() -> None:
    """labels imports nothing of the package, so db/ and every layer above may import it."""
    tree = ast.parse((PACKAGE / "labels.py").read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m.startswith("dk2020dash")]


def test_views_take_hazard_and_risk_words_from_labels_without_a_cycle() -> None:
    """sentences no longer imports charts for its words (charts imports sentences for verdict_label)."""
    graph: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / "views").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out = set()
        for n in ast.walk(tree):
            if isinstance(n, ast.ImportFrom) and n.module == "dk2020dash.views":
                out |= {a.name for a in n.names}
            elif isinstance(n, ast.ImportFrom) and (n.module or "").startswith("dk2020dash.views."):
                out.add(n.module.rsplit(".", 1)[1])
        graph[path.stem] = out

    def reaches(start: str, goal: str, seen: frozenset = frozenset()) -> bool:
        return any(m == goal or (m not in seen and reaches(m, goal, seen | {m})) for m in graph.get(start, ()))

    assert [m for m in graph if reaches(m, m)] == []
    assert "charts" not in graph["sentences"]
    assert not hasattr(charts, "hazard_label") and not hasattr(charts, "risk_level_label")


def test_the_sector_table_holds_the_words_of_labels(empty_store) -> None:
    rows = empty_store.query("SELECT code, label_da, label_en FROM sector ORDER BY code")
    assert {r.code: (r.label_da, r.label_en) for r in rows.itertuples()} == labels.SECTORS


def test_the_export_readme_lists_codes_with_the_words_of_labels() -> None:
    from dk2020dash.exports.tables import COLUMN_DOCS

    da, en = COLUMN_DOCS["risk"]["level"]
    assert da == "risikoniveau: lav, middel, hoej (høj), meget_hoej (meget høj)"
    assert en == "risk level: lav (low), middel (medium), hoej (high), meget_hoej (very high)"
    da, en = COLUMN_DOCS["action"]["status"]
    assert "in_progress (i gang)" in da and "paused (sat på pause)" in da and en.startswith("planned, in_progress,")
    for code, (word_da, word_en) in labels.HAZARDS.items():
        assert code in COLUMN_DOCS["risk"]["hazard"][0]
        assert word_en.lower() in COLUMN_DOCS["risk"]["hazard"][1] or word_en.lower() == code
