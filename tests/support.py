"""What the tests share that is not a fixture: the checkout's paths, page() (the one way to open a page in AppTest),
the test secrets and the session's folder of app server logs."""
from __future__ import annotations

import re
import secrets
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dk2020dash import queries
from dk2020dash.metrics.inputs import inputs_from_frames
from dk2020dash.metrics.mitigation import MunicipalityInputs
from dk2020dash.queries import history

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"  # the reference files beside the checkout, where present
SCREENSHOTS = ROOT / "tests" / "screenshots"

# Every secret the tests use. No app server's log may show any of them: every helper that starts one writes its
# output into server_logs(), and conftest's pytest_sessionfinish fails the run if a log there holds one.
LOCAL_PASSWORD = "en-lang-adgangskode"  # local accounts signed in through AppTest
A11Y_PASSWORD = "tilgaengelig-1234"  # the accessibility tests' admin (browser sign-in)
REGION_PASSWORD = "Hemmeligt-2026"  # the admin signing in behind nginx (tests/browser/test_pg_browser.py)
PG_PASSWORD = "s3cret-pw"  # in every URL of the pg fixtures (trust authentication ignores it)
OIDC_CLIENT_SECRET = "dk2020-test-secret"  # [auth] client_secret of the single sign-on test
COOKIE_SECRET = secrets.token_hex(32)  # [auth] cookie_secret of the single sign-on test
TEST_SECRETS = (LOCAL_PASSWORD, A11Y_PASSWORD, REGION_PASSWORD, PG_PASSWORD, OIDC_CLIENT_SECRET, COOKIE_SECRET)

_server_logs: list[Path] = []


def server_logs() -> Path:
    """The session's folder of app server logs (made on first use)."""
    if not _server_logs:
        _server_logs.append(Path(tempfile.mkdtemp(prefix="dk2020-server-logs-")))
    return _server_logs[0]


def server_log(name: str) -> Path:
    """A new file in server_logs() for one app server's stdout and stderr."""
    folder = server_logs()
    n = len(list(folder.glob(f"{name}-*.log"))) + 1
    return folder / f"{name}-{n}.log"


def secrets_in_logs(folder: Path, known: tuple[str, ...] = TEST_SECRETS) -> Iterator[str]:
    """"file:line: text" (the secret shown as ***) for every line of a log in folder that holds a known secret."""
    pattern = re.compile("|".join(re.escape(s) for s in known))
    for log in sorted(folder.glob("*.log")):
        for n, line in enumerate(log.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if pattern.search(line):
                yield f"{log}:{n}: {pattern.sub('***', line)[:300]}"


def page(path: str | None = None, *, runs: int = 1, session: Mapping[str, object] | None = None,
         secrets: Mapping[str, object] | None = None, timeout: float = 120, **query: object) -> AppTest:
    """The app as a visitor opens it: app.py with the URL's query parameters (and session state or secrets, if
    given), run once; then, with a path, switch_page to it and run `runs` times. The first run after switch_page
    drops ?lang= and ?area= (as a browser's menu click does); a second run has them again."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.query_params.update(query)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    at.run()
    if path is not None:
        at.switch_page(path)
        for _ in range(runs):
            at.run()
    return at


def municipality_inputs(store, edition: int | None = None) -> dict[int, MunicipalityInputs]:
    """Every municipality's metric inputs, as the pages assemble them (queries' frames, metrics' inputs)."""
    return inputs_from_frames(*queries.input_frames(store, edition))


def municipality_inputs_before(store, day) -> dict[int, MunicipalityInputs]:
    """As municipality_inputs, from each municipality's newest edition before `day`."""
    return inputs_from_frames(*history.input_frames_before(store, day))
