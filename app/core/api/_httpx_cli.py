"""Import httpx without its command-line tool.

httpx's `__init__` imports `httpx._main` (click, rich, pygments) whenever those happen to be
installed, and they are: uvicorn needs click, the dev tools bring rich and pygments. That costs
about 0.2 s on every start (a third of the app's launch budget) for a tool Medido never runs.
Marking the module as absent for the one import makes httpx fall back to its stub `main`; the
mark is removed again so that nothing else in the process is affected. The package's
`__init__` imports this first, before any module of app.core.api imports httpx.
"""

from __future__ import annotations

import sys

_CLI = "httpx._main"

if "httpx" not in sys.modules and _CLI not in sys.modules:
    sys.modules[_CLI] = None  # type: ignore[assignment]  # None: "import fails" (importlib docs)
    try:
        import httpx  # noqa: F401
    finally:
        del sys.modules[_CLI]
