"""What the tests share that is not a fixture: the checkout's paths and page(), the one way to open a page in AppTest."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dk2020dash import queries
from dk2020dash.metrics.inputs import inputs_from_frames
from dk2020dash.metrics.mitigation import MunicipalityInputs

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"  # the reference files beside the checkout, where present
SCREENSHOTS = ROOT / "tests" / "screenshots"


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
    return inputs_from_frames(*queries.input_frames_before(store, day))
