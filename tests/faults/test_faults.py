"""Faults (issue 14): an import or an edit killed at every stage of its write, a full disk, a read-only database
file, and files that are not this program's database. Each runs the real CLI (or the app through AppTest) in a
child process, tests/fault_child.py, which reaches the fault deterministically: SIGKILL at the Nth call of a
function, or a file-size limit (RLIMIT_FSIZE) that makes the kernel kill the process inside the write that crosses
it (mid-commit, mid-checkpoint) or makes that write fail as on a full disk. Afterwards the database opens, and
holds exactly the old data or, once the commit is through, exactly the new."""
from __future__ import annotations

import getpass
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dk2020dash import auth, edits, i18n
from dk2020dash.cli import main
from dk2020dash.db.migrations import ADAPTATION_VERSION, MIGRATIONS, SCHEMA_VERSION, TABLES
from dk2020dash.db.store import Store
from dk2020dash.errors import StoreError
from dk2020dash.ingest import run_import
from tests.support import ROOT, page

CHILD = ROOT / "tests" / "faults" / "fault_child.py"
ADMIN = "admin@kommune.dk"
# The files the killed imports write; each touches demo rows of its kind, so its write deletes and inserts.
FILES: dict[str, tuple[str, bytes]] = {
    "actions": ("handlinger.csv", ("kommune;titel;sektor;status\n"
                                   + "".join(f"{code};Fejltest {i};vej;planlagt\n" for i, code in
                                             enumerate([101, 147, 751, 461] * 10))).encode()),
    "inventory": ("ecr.csv", "kommune;år;sektor;ton\n101;2024;vej;1000\n751;2024;el;5\n461;2023;el;7\n".encode()),
    "plans": ("planer.csv", "kommune;basisår;nettonul år;mål 2030\n101;1990;2050;70 %\n751;1990;2050;70 %\n".encode()),
    "milestones": ("milepæle.csv", "kommune;milepæl;frist\n101;statusrapport;2027-06-01\n".encode()),
    "risks": ("risici.csv", "kommune;klimafare;risiko;vurderet\n101;skybrud;høj;2024\n751;stormflod;middel;2023\n"
              .encode()),
}
# The next writer after a fault: an import of another file (population: a small write, no demo rows to remove).
NEXT = ("FOLK1A.csv", '"147 Frederiksberg";"2025K1";"104.123"\n'.encode())
SETPRIV_DROP = ["--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


# -- helpers ------------------------------------------------------------------------------------------------------

def child(faults: str, *args: str, nocaps: bool = False, timeout: float = 180) -> subprocess.CompletedProcess:
    """tests/fault_child.py FAULTS -- ARGS; with nocaps, as a root that obeys file modes (see readonly_runner)."""
    cmd = [sys.executable, str(CHILD), faults, "--", *args]
    if nocaps and os.geteuid() == 0:
        cmd = [shutil.which("setpriv"), *SETPRIV_DROP, *cmd]
    env = {k: v for k, v in os.environ.items() if k not in ("DK2020_DB", "DK2020_DATABASE_URL")}
    env["DK2020_LOCK_WAIT"] = "10"
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env,
                          check=False)


def fingerprint(path: Path) -> dict[str, tuple[int, int]]:
    """Every table's row count and a checksum of its rows (the data version and the import log included), opened
    the way the program opens it. Timestamps (when a row was logged) are left out: an uninterrupted run of the same
    write at another moment must give the same fingerprint."""
    store = Store(path, lock_wait=5)
    out = {}
    with store.connection() as con:
        for table in TABLES:
            cols = [c for c, t in con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                              "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                    if not t.startswith("TIMESTAMP")]
            packed = ", ".join(f'"{c}"' for c in cols)
            out[table] = con.execute(f'SELECT count(*), bit_xor(hash(struct_pack({packed}))) '  # noqa: S608
                                     f'FROM "{table}"').fetchone()
    return out


def file_state(path: Path) -> tuple:
    """The file exactly: content hash, size, modification time (ns)."""
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns


def one_line(text: str) -> str:
    """stderr of a CLI that failed cleanly: exactly one line, starting with 'fejl:', no traceback."""
    assert text.count("\n") == 1 and text.startswith("fejl:") and "Traceback" not in text, text
    return text


def next_writer_works(path: Path) -> None:
    """The writers' lock of a dead process does not block, and a new import goes in."""
    store = Store(path, lock_wait=0.5)
    with store.write_lock():
        pass
    assert run_import(store, "population", NEXT[1], NEXT[0]).written
    assert Store(path).query("SELECT population FROM municipality WHERE code = 147").iloc[0, 0] == 104123


@pytest.fixture(scope="module")
def prepared(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with an admin who may edit every municipality (for the CLI's edits), checkpointed."""
    path = tmp_path_factory.mktemp("faults") / "prepared.duckdb"
    shutil.copy(demo_db, path)
    auth.grant(Store(path), auth.cli_admin("test"), ADMIN, "admin")
    return path


@pytest.fixture
def db(prepared: Path, tmp_path: Path) -> Path:
    path = tmp_path / "db.duckdb"
    shutil.copy(prepared, path)
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("files")
    for name, data in [*FILES.values(), NEXT]:
        (folder / name).write_bytes(data)
    return folder


_AFTER: dict[str, dict] = {}


def after_import(prepared: Path, tmp: Path, kind: str) -> dict:
    """The fingerprint of the prepared database after an uninterrupted import of FILES[kind] (as the CLI does it)."""
    if kind not in _AFTER:
        path = tmp / f"ref-{kind}.duckdb"
        shutil.copy(prepared, path)
        name, data = FILES[kind]
        assert run_import(Store(path), kind, data, name, who=f"cli:{getpass.getuser()}").written  # as the CLI names it
        _AFTER[kind] = fingerprint(path)
    return _AFTER[kind]


def edit_target(path: Path) -> int:
    return int(Store(path).query("SELECT min(id) FROM action WHERE status = 'planned'").iloc[0, 0])


def edit_args(path: Path, action_id: int) -> list[str]:
    return ["action", "set-status", str(action_id), "paused", "--by", ADMIN, "--db", str(path)]


# -- 1. killed at every stage of an import or an edit ----------------------------------------------------------------

DB_SIZE = "DBSIZE"  # replaced by the database file's size: the checkpoint, growing the file, crosses it
# (stage, fault, what the file must hold afterwards, how the child must have died)
STAGES = [
    ("before the transaction", "kill-before=dk2020dash.db.store:Store.transaction:1", "old", signal.SIGKILL),
    ("after the first rows", "kill-after=dk2020dash.ingest.common:insert_frame:1", "old", signal.SIGKILL),
    ("before the commit", "kill-in-tx=1", "old", signal.SIGKILL),
    ("inside the commit's log write", "fsize=1024", "old", signal.SIGXFSZ),
    ("inside the checkpoint after the commit", f"fsize={DB_SIZE}", "new", signal.SIGXFSZ),
    ("after the commit, before the rest", "kill-after-tx=1", "new", signal.SIGKILL),
]
# Every stage for an import of actions; the torn commit (the stage a crash most often hits) for the other kinds.
CASES = [("actions", *s) for s in STAGES] + [
    (kind, *s) for kind in ("inventory", "plans", "milestones", "risks") for s in STAGES
    if s[0] == "inside the commit's log write"]


def fault_for(fault: str, path: Path) -> str:
    return fault.replace(DB_SIZE, str(path.stat().st_size))


def assert_died_where_asked(done: subprocess.CompletedProcess, how: signal.Signals, fault: str, path: Path) -> None:
    assert done.returncode == -how, (done.returncode, done.stdout, done.stderr)
    if fault.startswith("fsize=") and DB_SIZE not in fault:  # torn at the limit: it died inside that write
        assert Path(f"{path}.wal").stat().st_size == int(fault.split("=")[1])


@pytest.mark.parametrize(("kind", "stage", "fault", "holds", "how"), CASES,
                         ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_an_import_killed_at_any_stage_leaves_the_old_or_exactly_the_new_data(
        db: Path, prepared: Path, inputs: Path, tmp_path_factory: pytest.TempPathFactory, kind: str, stage: str,
        fault: str, holds: str, how: signal.Signals) -> None:
    before = fingerprint(db)
    name = FILES[kind][0]
    done = child(fault_for(fault, db), "import", kind, str(inputs / name), "--db", str(db))
    assert_died_where_asked(done, how, fault, db)
    expected = before if holds == "old" else after_import(prepared, tmp_path_factory.mktemp("ref"), kind)
    assert fingerprint(db) == expected  # opens, and holds exactly the old or exactly the new data
    next_writer_works(db)


# An edit's commit writes less than 1 KB to the log.
EDIT_STAGES = [(s, f.replace("fsize=1024", "fsize=512"), h, w) for s, f, h, w in STAGES
               if s in ("before the commit", "inside the commit's log write", "after the commit, before the rest")]


@pytest.mark.parametrize(("stage", "fault", "holds", "how"), EDIT_STAGES, ids=[s[0] for s in EDIT_STAGES])
def test_an_edit_killed_at_any_stage_leaves_the_old_or_exactly_the_new_data(
        db: Path, prepared: Path, tmp_path: Path, stage: str, fault: str, holds: str, how: signal.Signals) -> None:
    action_id = edit_target(db)
    before = fingerprint(db)
    done = child(fault_for(fault, db), *edit_args(db, action_id))
    assert_died_where_asked(done, how, fault, db)
    if holds == "old":
        expected = before
    else:
        ref = tmp_path / "ref.duckdb"
        shutil.copy(prepared, ref)
        # the CLI's edit, recorded as 'cli:<os user> as <admin>'
        edits.set_status(Store(ref), auth.on_command_line(Store(ref), getpass.getuser(), ADMIN), action_id, "paused")
        expected = fingerprint(ref)
    assert fingerprint(db) == expected
    assert Store(db).query("SELECT status FROM action WHERE id = ?", [action_id]).iloc[0, 0] == (
        "planned" if holds == "old" else "paused")
    next_writer_works(db)


# -- 2. a full disk during an import or an edit -----------------------------------------------------------------------
# The portable full disk: a file-size limit (RLIMIT_FSIZE) with SIGXFSZ ignored, so the write that would grow a file
# past it fails with EFBIG, as a write to a full disk fails with ENOSPC; the store treats both alike.

@pytest.mark.parametrize("what", ["import", "edit"])
def test_a_full_disk_refuses_the_write_clearly_and_loses_nothing(db: Path, inputs: Path, what: str) -> None:
    """The CLI; the app under the same fault, reading on in the same process, is the next test."""
    before = fingerprint(db)
    args = (["import", "actions", str(inputs / FILES["actions"][0]), "--db", str(db)] if what == "import"
            else edit_args(db, edit_target(db)))
    done = child("full=512", *args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert one_line(done.stderr) == f"fejl: {i18n.t('store.err.disk_full', 'da', path=db)}\n"
    assert fingerprint(db) == before
    next_writer_works(db)


@pytest.fixture
def full_tmpfs(prepared: Path, tmp_path: Path):
    """The database on a tmpfs with about 24 KB left: a real full disk (ENOSPC). Needs root and mount, so it is
    skipped elsewhere; the file-size limit above stands in for it on every machine."""
    disk = tmp_path / "disk"
    disk.mkdir()
    size = prepared.stat().st_size // 1024 + 24
    if os.geteuid() != 0 or shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}k,mode=0755", "dk2020-faults", str(disk)],
            capture_output=True, check=False).returncode:
        pytest.skip("no tmpfs mount here (needs root and mount)")
    try:
        shutil.copy(prepared, disk / "db.duckdb")
        yield disk / "db.duckdb"
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True, check=False)


def test_an_import_onto_a_really_full_disk_is_refused_clearly(full_tmpfs: Path, inputs: Path) -> None:
    db = full_tmpfs
    before = fingerprint(db)
    done = child("", "import", "actions", str(inputs / FILES["actions"][0]), "--db", str(db))
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert one_line(done.stderr) == f"fejl: {i18n.t('store.err.disk_full', 'da', path=db)}\n"
    assert fingerprint(db) == before


def app_run(faults: str, db: Path, kind: str, file: Path, *, nocaps: bool = False) -> dict:
    """The app in a child process under the fault: Overblik, the Data page's import of the file by an admin, an
    admin's edit of an action on Indsatser, and Overblik again (fault_child.run_app)."""
    done = child(faults, "app", str(db), kind, str(file), str(edit_target(db)), nocaps=nocaps)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def assert_pages_read(state: dict) -> None:
    assert state["exception"] == [] and state["error"] == [] and state["metrics"] > 0, state


def test_the_app_says_the_disk_is_full_and_keeps_serving_reads(db: Path, inputs: Path) -> None:
    before = fingerprint(db)
    seen = app_run("full=512", db, "actions", inputs / FILES["actions"][0])
    assert_pages_read(seen["before"])
    assert seen["preview"]["exception"] == [] and seen["apply_offered"], seen["preview"]
    assert seen["apply"]["exception"] == []
    assert seen["apply"]["error"] == [i18n.t("error.disk_full.plain", "da")]  # no path, no database words
    assert seen["edit"]["exception"] == [] and seen["edit"]["error"] == [i18n.t("error.disk_full.plain", "da")]
    assert_pages_read(seen["after"])  # the same process reads on after its write failed
    assert fingerprint(db) == before


# -- 3. a read-only database file during an import or an edit --------------------------------------------------------

@pytest.fixture
def read_only(db: Path) -> Path:
    """The database file made read-only (mode 444). Root ignores file modes, so as root the children run without
    CAP_DAC_OVERRIDE (setpriv): then a 444 file is as read-only to them as to anyone."""
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None or subprocess.run([setpriv, *SETPRIV_DROP, "true"], capture_output=True, check=False).returncode:
            pytest.skip("running as root without setpriv (util-linux) able to drop CAP_DAC_OVERRIDE")
    db.chmod(0o444)
    yield db
    db.chmod(0o644)


@pytest.mark.parametrize("what", ["import", "edit", "init --force", "restore --force"])
def test_a_read_only_database_refuses_writes_clearly_and_still_serves_reads(read_only: Path, inputs: Path,
                                                                            tmp_path: Path, what: str) -> None:
    """Renaming a new file over a 444 file needs no write permission on it, so init --force and restore --force
    would replace it: they are refused like every other write."""
    from dk2020dash.exports.backup import backup

    db = read_only
    action_id = edit_target(db)
    before, state = fingerprint(db), file_state(db)
    args = {"import": ["import", "actions", str(inputs / FILES["actions"][0])], "edit": edit_args(db, action_id)[:-2],
            "init --force": ["init", "--force"], "restore --force": ["restore", str(tmp_path / "b.zip"), "--force"]
            }[what] + ["--db", str(db)]
    if what.startswith("restore"):
        backup(Store(db), tmp_path / "b.zip")
    done = child("nocaps", *args, nocaps=True)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert one_line(done.stderr) == f"fejl: {i18n.t('store.err.read_only', 'da', path=db)}\n"
    if what == "import":  # the CLI reads it (the app's reads: the next tests)
        info = child("nocaps", "info", "--db", str(db), nocaps=True)
        assert info.returncode == 0 and "dataversion" in info.stdout, info.stderr
    assert file_state(db) == state and not Path(f"{db}.wal").exists()
    assert fingerprint(db) == before


def test_an_older_read_only_database_that_needs_an_upgrade_says_so_and_is_left_alone(read_only: Path) -> None:
    """It cannot be read until migrated, and cannot be migrated: a plain error naming both, not "pages can be read"."""
    from tests.unit.test_store import make_v2

    db = read_only
    db.chmod(0o644)
    make_v2(db)  # the version before the adaptation tables
    db.chmod(0o444)
    state = file_state(db)
    done = child("nocaps", "info", "--db", str(db), nocaps=True)
    assert done.returncode == 1
    assert one_line(done.stderr) == "fejl: " + i18n.t("store.err.cannot_upgrade.read_only", "da", path=db,
                                                     version=ADAPTATION_VERSION - 1, newest=SCHEMA_VERSION) + "\n"
    assert file_state(db) == state and not Path(f"{db}.wal").exists()


def test_the_app_serves_a_read_only_database_and_says_it_cannot_save(read_only: Path, inputs: Path) -> None:
    db = read_only
    state = file_state(db)
    seen = app_run("nocaps", db, "actions", inputs / FILES["actions"][0], nocaps=True)
    assert_pages_read(seen["before"])
    assert seen["preview"]["exception"] == [] and seen["apply_offered"], seen["preview"]
    assert seen["apply"]["exception"] == []
    assert seen["apply"]["error"] == [i18n.t("error.read_only.plain", "da")]
    assert seen["edit"]["exception"] == [] and seen["edit"]["error"] == [i18n.t("error.read_only.plain", "da")]
    assert_pages_read(seen["after"])
    assert file_state(db) == state


# -- 4. a file from a newer version, truncated, or not a database: refused, never changed -----------------------------

def bad_file(kind: str, demo_db: Path, path: Path) -> None:
    import zipfile

    if kind == "a newer schema version":
        shutil.copy(demo_db, path)
        import duckdb

        con = duckdb.connect(str(path))
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
        con.execute("CHECKPOINT")
        con.close()
    elif kind == "truncated":
        path.write_bytes(demo_db.read_bytes()[: demo_db.stat().st_size // 3])
    elif kind == "zeros":
        path.write_bytes(bytes(1 << 20))
    elif kind == "text":
        path.write_text("kommune;år;sektor;ton\n101;2024;vej;5\n", encoding="utf-8")
    elif kind == "a zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("manifest.json", '{"app": "noget andet"}')
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))  # an mtime a write would move


BAD = ["a newer schema version", "truncated", "zeros", "text", "a zip"]


@pytest.mark.parametrize("kind", BAD)
def test_a_file_that_is_not_a_current_database_is_refused_everywhere_and_never_changed(
        kind: str, demo_db: Path, tmp_path: Path, inputs: Path, capsys: pytest.CaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:

    db = tmp_path / "bad.duckdb"
    bad_file(kind, demo_db, db)
    state = file_state(db)
    with pytest.raises(StoreError):
        Store(db).data_version()
    with pytest.raises(StoreError):  # an older program (it would not migrate a newer file)
        Store(db, migrations={}).data_version()
    if kind != "a newer schema version":  # a newer program would migrate this one: its attempt fails untouched
        with pytest.raises(StoreError):
            Store(db, migrations={**MIGRATIONS, SCHEMA_VERSION + 1: "CREATE TABLE extra (x INTEGER)"}).data_version()
    with pytest.raises(StoreError):
        run_import(Store(db), "actions", FILES["actions"][1], FILES["actions"][0])
    assert file_state(db) == state

    commands = [["info"], ["import", "actions", str(inputs / FILES["actions"][0])], edit_args(db, 1)[:-2],
                ["init"], ["init", "--force"], ["init", "--empty", "--force"]]
    for args in commands:
        assert main([*args, "--db", str(db)]) == 1, args
        err = one_line(capsys.readouterr().err)
        assert str(db) in err, err
        assert file_state(db) == state, args

    monkeypatch.setenv("DK2020_DB", str(db))
    monkeypatch.delenv("DK2020_DATABASE_URL", raising=False)
    for path in ("pages/overblik.py", "pages/data.py"):
        at = page(path, timeout=90)
        assert not at.exception, path
        assert at.error and at.error[0].value == i18n.t("error.store.plain", "da"), path
    assert file_state(db) == state
    assert {p.name for p in tmp_path.iterdir()} <= {"bad.duckdb", "bad.duckdb.lock"}  # no log, no copy beside
