"""A child process for tests/faults/test_faults.py: the real CLI (or the app through AppTest) under one fault, reached
deterministically without test hooks in the program.

    python tests/fault_child.py FAULT[,FAULT...] -- ARGS...

ARGS are the CLI's arguments (python -m dk2020dash ARGS), or `app DB KIND FILE ACTION` for the app (run_app).
FAULT is one of
    kill-before=MODULE:ATTR:N  SIGKILL at the Nth call of MODULE.ATTR (a function or Class.method), before it runs
    kill-after=MODULE:ATTR:N   SIGKILL right after the Nth call of MODULE.ATTR returned
    kill-in-tx=N               SIGKILL inside the Nth write transaction (Store.transaction), after its statements
                               and before its commit
    kill-after-tx=N            SIGKILL right after the Nth write transaction committed
    fsize=BYTES                no file may grow past BYTES, SIGXFSZ at its default: the kernel kills the process
                               inside the write that crosses the limit (mid-commit, mid-checkpoint)
    full=BYTES                 the same limit with SIGXFSZ ignored: that write fails (EFBIG), as on a full disk
    nocaps                     drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (done by the parent through setpriv:
                               root then obeys file modes, so a chmod 444 file is read-only as for anyone else)
"""
from __future__ import annotations

import importlib
import json
import os
import resource
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def die() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _counted(n: int, real, before: bool):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        if before and calls[0] == n:
            die()
        out = real(*args, **kwargs)
        if not before and calls[0] == n:
            die()
        return out

    return wrapper


def kill_at_call(target: str, before: bool) -> None:
    module_name, attr, n = target.split(":")
    module = importlib.import_module(module_name)
    owner, _, name = attr.rpartition(".")
    holder = getattr(module, owner) if owner else module
    setattr(holder, name, _counted(int(n), getattr(holder, name), before))


def kill_in_transaction(n: int, after_commit: bool) -> None:
    from dk2020dash.db.store import Store

    real = Store.transaction
    calls = [0]

    @contextmanager
    def transaction(self):
        calls[0] += 1
        mine = calls[0] == n
        with real(self) as con:
            yield con
            if mine and not after_commit:
                die()
        if mine and after_commit:
            die()

    Store.transaction = transaction


def limit_file_size(size: int, ignore_signal: bool) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN if ignore_signal else signal.SIG_DFL)  # Python ignores it
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def apply(faults: str) -> None:
    for fault in filter(None, faults.split(",")):
        name, _, value = fault.partition("=")
        if name == "kill-before":
            kill_at_call(value, before=True)
        elif name == "kill-after":
            kill_at_call(value, before=False)
        elif name == "kill-in-tx":
            kill_in_transaction(int(value), after_commit=False)
        elif name == "kill-after-tx":
            kill_in_transaction(int(value), after_commit=True)
        elif name in ("fsize", "full"):
            limit_file_size(int(value), ignore_signal=name == "full")
        elif name != "nocaps":
            raise SystemExit(f"unknown fault {fault!r}")


def page_state(at) -> dict:
    """What a test asks of a page run: did it raise, what did it say."""
    return {"exception": [str(e.value) for e in at.exception],
            "error": [e.value for e in at.error], "warning": [w.value for w in at.warning],
            "success": [s.value for s in at.success], "title": [t.value for t in at.title],
            "metrics": len(at.metric)}


def run_app(db: str, kind: str, file: str, action_id: str) -> int:
    """The app on DB: Overblik, the Data page's import of FILE (KIND) by an admin, the admin's change of the status
    of ACTION on Indsatser, then Overblik again, all in this one process (so a failed write cannot leave the app's
    open database unusable for its readers). Prints one JSON object."""
    os.environ["DK2020_DB"] = db
    os.environ.pop("DK2020_DATABASE_URL", None)
    from streamlit.testing.v1 import AppTest

    from dk2020dash.ui.signin import SESSION_KEY

    def overblik() -> dict:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
        return page_state(at.switch_page("pages/overblik.py").run())

    out = {"before": overblik()}
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state[SESSION_KEY] = "admin@kommune.dk"
    at.run()
    at = at.switch_page("pages/data.py").run()
    at.selectbox(key="imp-kind").set_value(kind).run()
    at.file_uploader(key="imp-file").set_value((Path(file).name, Path(file).read_bytes(), "text/csv"))
    at.run()
    out["preview"] = page_state(at)
    buttons = [b for b in at.button if b.key == "imp-apply"]
    out["apply_offered"] = bool(buttons)
    if buttons:
        at.button(key="imp-apply").click().run()
        out["apply"] = page_state(at)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["indsats"] = action_id
    at.session_state[SESSION_KEY] = "admin@kommune.dk"
    at.run()
    at = at.switch_page("pages/indsatser.py").run()
    at.selectbox(key=f"act-status-{action_id}").set_value("paused")
    at.button(key=f"act-save-{action_id}").click().run()
    out["edit"] = page_state(at)
    out["after"] = overblik()
    print(json.dumps(out, ensure_ascii=False))
    return 0


def main(argv: list[str]) -> int:
    faults, sep, args = argv[0], argv[1], argv[2:]
    assert sep == "--", "usage: fault_child.py FAULTS -- ARGS"
    apply(faults)
    if args and args[0] == "app":
        return run_app(*args[1:])
    from dk2020dash.cli import main as cli

    return cli(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
