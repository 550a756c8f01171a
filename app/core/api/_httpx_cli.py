"""httpx, imported when first needed and without its command-line tool.

Importing httpx (httpcore, h11, anyio, idna, email, http.client…) is about a quarter of the
frozen app's start-up, and nothing at start-up sends a request, so no module of app.core.api
imports it at load time: `load_httpx()` does, when the first ChileMedidoClient is made.

httpx's `__init__` imports `httpx._main` (click, rich, pygments) whenever those happen to be
installed, and they are: uvicorn needs click, the dev tools bring rich and pygments. That costs
about 0.2 s for a tool Medido never runs. Marking the module as absent for the one import makes
httpx fall back to its stub `main`; the mark is removed again so that nothing else in the
process is affected.
"""

from __future__ import annotations

import sys
import threading
from types import ModuleType

_CLI = "httpx._main"
# Clients are made on the GUI thread and on the core loop's: one import, the mark set once.
_lock = threading.Lock()
_httpx: ModuleType | None = None


def load_httpx() -> ModuleType:
    """The httpx module, imported on the first call (later calls: a global's look-up)."""
    global _httpx
    if _httpx is None:
        with _lock:
            if _httpx is None:
                _httpx = _import_httpx()
    return _httpx


def _import_httpx() -> ModuleType:
    # Plain import statements, not importlib: PyInstaller sees them and bundles httpx.
    if "httpx" in sys.modules or _CLI in sys.modules:
        import httpx  # imported already (or its CLI on purpose): nothing to mark

        return httpx
    sys.modules[_CLI] = None  # type: ignore[assignment]  # None: "import fails" (importlib docs)
    try:
        import httpx
    finally:
        del sys.modules[_CLI]
    return httpx
