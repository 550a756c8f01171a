"""Module-scoped servers for the hypothesis tests: many requests against one emulator (a
function-scoped one per example would not be reset between examples anyway)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.emulator.server import EmulatorServer
from tests.emulator.seed import bearer


@pytest.fixture(scope="module")
def served() -> Iterator[EmulatorServer]:
    with EmulatorServer() as emu:
        yield emu


@pytest.fixture(scope="module")
def api(served: EmulatorServer) -> Iterator[httpx.Client]:
    """One keep-alive client for the module; a valid token, so the handlers answer."""
    with httpx.Client(base_url=served.root_url, headers=bearer(served.issue_access_token())) as c:
        yield c


@pytest.fixture(scope="module")
def admin(served: EmulatorServer) -> Iterator[httpx.Client]:
    """A keep-alive client for /_emulator/* (a new client per request costs ~0.1 s)."""
    with httpx.Client(base_url=f"{served.root_url}/_emulator") as c:
        yield c
