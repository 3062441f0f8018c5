"""One refusal type (issue 18): every refusal a user sees is an errors.Refusal (a key and values) that reads in Danish
and in English; every key a raise site, an import problem or a phrase names exists and fills in; import problems
read in both languages."""
from __future__ import annotations

import ast
import datetime as dt
import pickle
import string
from pathlib import Path

import pytest

from dk2020dash import auth, edits, errors, i18n
from dk2020dash.errors import Phrase, Refusal, StoreError, StoreFull, StoreReadOnly
from dk2020dash.exports import backup, since
from dk2020dash.ingest import importer, read
from dk2020dash.ingest.problems import Problem, Problems
from dk2020dash.views import maps
from tests.support import ROOT

PACKAGE = ROOT / "dk2020dash"
LANGS = ("da", "en")


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def _placeholders(text: str) -> list[tuple[str, str, str | None]]:
    """(name, format spec, conversion) of every {placeholder} in a template."""
    return [(name, spec or "", conv) for _, name, spec, conv in string.Formatter().parse(text) if name is not None]


def _dummy(spec: str) -> object:
    return 1234.5 if spec else "x"


def _texts(key: str) -> list[str]:
    """Every text of the entry: Danish and English, each in its singular and plural form if it is counted."""
    return [t for text in i18n.STRINGS[key] for t in ((text,) if isinstance(text, str) else text)]


def _renders(key: str, names: set[str] | None = None) -> None:
    """The key exists, and in both languages (both forms of a counted phrase) it fills in from values of those
    names (all its placeholders, if None) without a leftover brace."""
    assert key in i18n.STRINGS, f"no i18n key {key}"
    wanted = {name: spec for text in _texts(key) for name, spec, _ in _placeholders(text)}
    if names is not None:
        missing = set(wanted) - names - ({"count"} if i18n.counted(key) else set())
        assert not missing, f"{key}: no value for {sorted(missing)}"
        assert ("count" in names) == i18n.counted(key), f"{key}: a counted phrase takes count=, no other does"
    values = {name: _dummy(spec) for name, spec in wanted.items() if name != "count"}
    counts = (1, 2) if i18n.counted(key) else (None,)
    for lang in LANGS:
        for count in counts:
            text = errors.render(key, lang, values if count is None else {**values, "count": count})
            assert text and "{" not in text and "}" not in text, (key, lang, text)


# -- every key a raise site, a problem or a phrase names ----------------------------------------------------------
REFUSAL_NAMES = {c.__name__ for c in _subclasses(Refusal)} | {"Refusal"}
# Classes that build their key themselves: (argument that names it, prefix), or a fixed key.
KEY_FROM_ARG = {"SinceError": "kkr.since.", "BoundaryError": "map.bad."}
FIXED = {"StoreReadOnly", "StoreFull", "ConflictError"}
# Problems.add(row, column, value, key, ...), add_mask(mask, rows, column, cells, key, ...), Problem(file, row,
# column, value, key, values), common.words(values, rows, column, table, key, problems)
KEY_ARG = {"add": 3, "add_mask": 4, "Problem": 4, "words": 4}


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "string" (HAZARD_EXPECTED = "imp.p.hazard")."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            out.update({t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)})
    return out


def _key_uses() -> list[tuple[str, str, set[str] | None]]:
    """(where, key or key prefix ending in '.', names of the values given or None) of every call that names an i18n
    key for a refusal, a problem or a phrase."""
    constants: dict[str, str] = {}
    trees = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        trees[path] = ast.parse(path.read_text(encoding="utf-8"))
        constants.update(_constants(trees[path]))
    uses = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            names = {k.arg for k in node.keywords if k.arg is not None}
            if any(k.arg is None or k.arg == "expected_values" for k in node.keywords):  # **values, or words()'s
                names = None  # expected_values: the names are not known here
            if name in KEY_FROM_ARG and node.args and isinstance(node.args[0], ast.Constant):
                uses.append((where, KEY_FROM_ARG[name] + node.args[0].value, names if name == "SinceError" else set()))
                continue
            if name in REFUSAL_NAMES and name not in FIXED or name == "Phrase":
                index = 0
            elif name in KEY_ARG and "ingest" in path.parts:
                index = KEY_ARG[name]
            else:
                continue
            if len(node.args) <= index:
                continue
            arg = node.args[index]
            if name == "Problem" and len(node.args) > 5 and isinstance(node.args[5], ast.Dict):
                names = {k.value for k in node.args[5].keys if isinstance(k, ast.Constant)}
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                uses.append((where, arg.value, names))
            elif isinstance(arg, ast.Name) and arg.id in constants:
                uses.append((where, constants[arg.id], names))
            elif isinstance(arg, ast.IfExp):  # "a" if ... else "b"
                for branch in (arg.body, arg.orelse):
                    if isinstance(branch, ast.Constant):
                        uses.append((where, branch.value, names))
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):  # f"prefix.{x}"
                uses.append((where, arg.values[0].value, names))
            elif isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant):  # "prefix." + ...
                uses.append((where, arg.left.value, names))
    return uses


USES = _key_uses()


def test_the_scan_finds_the_raise_sites() -> None:
    keys = {key for _, key, _ in USES}
    assert len(USES) > 150
    for sample in ("store.err.missing", "store.err.cannot_upgrade.", "backup.err.not_zip", "auth.err.scope",
                   "edit.err.date", "kkr.since.future", "map.bad.missing", "imp.file.empty", "imp.p.municipality",
                   "imp.p.hazard", "imp.p.what.", "imp.p.style."):
        assert sample in keys, sample


@pytest.mark.parametrize(("where", "key", "names"), USES, ids=[f"{w} {k}" for w, k, _ in USES])
def test_every_key_a_raise_site_names_renders_in_both_languages(where: str, key: str, names: set[str] | None) -> None:
    if key.endswith("."):  # a prefix: every key under it renders
        under = [k for k in i18n.STRINGS if k.startswith(key)]
        assert under, f"{where}: no i18n key starts with {key}"
        for k in under:
            _renders(k)
    else:
        _renders(key, names)


def test_no_refusal_key_has_a_placeholder_that_t_takes_itself() -> None:
    """render fills values in through t(key, lang, count=, **values): a {key} or {lang} could never be filled."""
    for key in i18n.STRINGS:
        if key.startswith(("store.err.", "backup.err.", "imp.p.", "imp.file.", "imp.line", "error.", "auth.err.",
                           "edit.err.", "kkr.since.", "map.bad")):
            assert not {p[0] for text in _texts(key) for p in _placeholders(text)} & {"key", "lang"}, key


# -- every Refusal subclass ---------------------------------------------------------------------------------------
SECRET = "/srv/hemmelig/dk2020.duckdb"
SAMPLES: dict[type, Refusal] = {
    Refusal: Refusal("auth.err.admin"),
    errors.Rejected: errors.Rejected("auth.err.admin"),
    StoreError: StoreError("store.err.missing", path=SECRET),
    errors.StoreLocked: errors.StoreLocked("store.err.locked_pid", path=SECRET, pid="42"),
    errors.StoreUnavailable: errors.StoreUnavailable("store.err.unavailable", path="postgresql://u:***@h/db",
                                                     detail="connection refused"),
    errors.StoreDamaged: errors.StoreDamaged("store.err.corrupt", path=SECRET),
    errors.StoreBusy: errors.StoreBusy("store.err.busy", path=SECRET),
    StoreReadOnly: StoreReadOnly(SECRET),
    StoreFull: StoreFull(SECRET),
    errors.DataMoved: errors.DataMoved("store.err.data_moved", path=SECRET, data_key="abc:7"),
    backup.BackupError: backup.BackupError("backup.err.newer", "newer", name="b.zip", version=9, known=8),
    auth.AuthError: auth.AuthError("auth.err.scope", email="a@b.dk", name="Aarhus"),
    edits.EditError: edits.EditError("edit.err.date", field=Phrase("edit.field.due"), value="i morgen"),
    edits.ConflictError: edits.ConflictError({"version": 3, "status": "delayed", "note": "x"}, "b@c.dk"),
    since.SinceError: since.SinceError("future", since=dt.date(2026, 12, 24), today=dt.date(2026, 12, 1)),
    maps.BoundaryError: maps.BoundaryError("not_json", "/srv/geo/kommuner.geojson", "Expecting value"),
    read.FileError: read.FileError("imp.file.xlsx_rows", count=2_000_100),
    importer.PreviewMoved: importer.PreviewMoved("imp.err.moved", file="ecr2025.csv"),
}


def test_every_refusal_subclass_has_a_sample() -> None:
    assert _subclasses(Refusal) | {Refusal} == set(SAMPLES)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_every_refusal_reads_in_danish_and_english(cls: type) -> None:
    exc = SAMPLES[cls]
    assert type(exc) is cls
    texts = {lang: (exc.message(lang), exc.shown(lang)) for lang in LANGS}
    for lang, (message, shown) in texts.items():
        assert message and shown and "{" not in message + shown, (lang, message, shown)
    assert texts["da"][0] != texts["en"][0]
    assert str(exc) == exc.message("da") == exc.message()  # the CLI and the log: Danish
    again = pickle.loads(pickle.dumps(exc))  # st.cache_data, a child process
    assert type(again) is cls and again.message("en") == exc.message("en") and again.shown("da") == exc.shown("da")


def test_a_store_refusal_shows_its_plain_text_and_never_the_path() -> None:
    for cls in (StoreError, errors.StoreDamaged, errors.StoreBusy, StoreReadOnly, StoreFull):
        exc = SAMPLES[cls]
        assert SECRET in str(exc)
        for lang in LANGS:
            assert SECRET not in exc.shown(lang) and "hemmelig" not in exc.shown(lang)
    assert SAMPLES[StoreReadOnly].shown("en") == i18n.t("error.read_only.plain", "en")
    assert SAMPLES[StoreFull].shown("da") == i18n.t("error.disk_full.plain", "da")
    assert SAMPLES[StoreError].shown("da") == i18n.t("error.store.plain", "da")
    refused = SAMPLES[backup.BackupError].shown("en")
    assert refused.startswith("b.zip cannot be restored: the backup is from a newer version") and "9" in refused


def test_the_danish_text_of_a_store_refusal_is_what_it_was() -> None:
    assert str(StoreReadOnly("/x/db.duckdb")) == ("/x/db.duckdb: databasen er skrivebeskyttet (filen eller dens mappe "
                                                  "kan ikke skrives); intet er ændret.")
    assert str(StoreError("store.err.newer_schema", path="/x", version=9, known=8)) == (
        "/x: databasen har skemaversion 9, men denne version af programmet kender kun op til 8. Opdatér programmet; "
        "intet er ændret.")


def test_values_are_written_in_the_language_of_the_message() -> None:
    refused = edits.EditError("edit.err.too_large", value=1234567.0, total=50000.0, year=2024)
    assert "1.234.567" in refused.message("da") and "1,234,567" in refused.message("en")
    assert "2024" in refused.message("en") and "2,024" not in refused.message("en")  # an int without a spec: as is
    late = SAMPLES[since.SinceError]
    assert i18n.day(dt.date(2026, 12, 24), "da") in late.message("da")
    assert i18n.day(dt.date(2026, 12, 24), "en") in late.message("en")
    field = SAMPLES[edits.EditError]
    assert field.message("da").startswith(i18n.t("edit.field.due", "da"))
    assert field.message("en").startswith(i18n.t("edit.field.due", "en"))
    wide = read.FileError("imp.file.xlsx_rows", count=2_000_100)
    assert "2.000.100" in str(wide) and "2,000,100" in wide.message("en")


def test_values_in_a_message_round_halves_away_from_zero_as_i18n_does() -> None:
    # issue 19 item 11: "{mb:.1f}" went through Babel's half-to-even rounding (2,25 MB read "2,2 MB")
    assert errors.render("imp.p.size", "da", {"mb": 2.25}) == "2,3 MB"
    assert errors.render("imp.p.size", "en", {"mb": 0.25}) == "0.3 MB"
    assert errors.render("imp.p.max_size", "en", {"mb": 2.5}) == "a file of at most 3 MB (DK2020_MAX_IMPORT_MB)"
    assert "1.234.568" in edits.EditError("edit.err.too_large", value=1234567.5, total=5.0, year=2024).message("da")


def test_a_page_shows_user_values_as_written() -> None:
    typed = since.SinceError("unreadable", text="[klik](http://x.dk)")
    shown = typed.shown("da", i18n.literal)
    assert i18n.literal("[klik](http://x.dk)") in shown and "»" in shown  # the template's own text is not escaped


# -- import problems in both languages ----------------------------------------------------------------------------
def test_a_problem_reads_in_danish_and_english() -> None:
    problems = Problems("f.csv")
    problems.add(3, "sektor", "Rumfart", "imp.p.sector")
    problems.add(1, None, Phrase("imp.p.found_columns", columns="a, b"), "imp.p.columns", columns="kommune")
    problems.add(None, None, "", "imp.file.empty")
    sector, columns, empty = problems.found
    assert sector.expected == sector.expected_text("da") == i18n.t("imp.p.sector", "da")
    assert sector.line() == f"f.csv:3:sektor: Rumfart – forventet {i18n.t('imp.p.sector', 'da')}"
    assert sector.line("en") == f"f.csv:3:sektor: Rumfart – expected {i18n.t('imp.p.sector', 'en')}"
    assert columns.line() == "f.csv:1: fandt kolonnerne: a, b – forventet kolonnerne kommune"
    assert columns.line("en") == "f.csv:1: found the columns: a, b – expected the columns kommune"
    assert empty.line() == "f.csv: filen er tom" and empty.line("en") == "f.csv: the file is empty"
    assert isinstance(sector, Problem) and sector.value == "Rumfart"


def test_an_import_report_lists_its_problems_in_the_language(empty_store) -> None:
    from dk2020dash.ingest import run_import

    bad = "kommune;år;sektor;ton\n101;2024;vej;mange\nGotham;2024;vej;5\n".encode()
    report = run_import(empty_store, "inventory", bad, "bad.csv", dry_run=True, who="test")
    assert not report.ok
    da, en = report.problem_lines(), report.problem_lines("en")
    assert da[0] == "bad.csv:2:ton: mange – forventet et tal, fx 1234,5 eller 1.234,5"
    assert en[0].startswith("bad.csv:2:ton: mange – expected a number")
    assert en[1].startswith("bad.csv:3:kommune: Gotham – expected one of the 98 municipalities")
    frame = report.problem_frame("en")
    assert frame["expected"].str.contains("forventet|kommuner|et tal").sum() == 0
    assert report.problem_frame()["expected"].tolist() == [p.expected for p in report.problems]


def test_a_file_that_cannot_be_read_is_a_problem_in_both_languages(empty_store) -> None:
    from dk2020dash.ingest import run_import

    report = run_import(empty_store, "inventory", b"\x00\x01binary", "x.csv", dry_run=True, who="test")
    assert report.problem_lines() == ["x.csv: " + i18n.t("imp.file.binary", "da")]
    assert report.problem_lines("en") == ["x.csv: " + i18n.t("imp.file.binary", "en")]


def test_the_import_log_keeps_the_danish_text(empty_store) -> None:
    from dk2020dash import queries
    from dk2020dash.ingest import run_import

    bad = "kommune;år;sektor;ton\n101;2024;vej;mange\n".encode()
    run_import(empty_store, "inventory", bad, "bad.csv", who="test")
    message = queries.import_log(empty_store)["message"].iloc[0]
    assert "forventet et tal" in message


def test_the_cli_prints_a_refusals_danish_message(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from dk2020dash import cli

    missing = tmp_path / "ingen.duckdb"
    assert cli.main(["user", "list", "--db", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"fejl: {StoreError('store.err.missing', path=missing)}"
