"""Fixtures for the GUI tests: a running core bridge."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.gui.bridge import CoreBridge


@pytest.fixture
def bridge(qtbot: QtBot) -> Iterator[CoreBridge]:
    core = CoreBridge()
    core.start()
    yield core
    assert core.shutdown(timeout=5.0)
