"""Fixtures for the GUI tests: a running core bridge, a session, the main window.

Settings go to MEDIDO_CONFIG_DIR (a temporary folder per test, see tests/conftest.py); the
language is English unless a test switches it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.gui.bridge import CoreBridge
from app.gui.i18n import Language, Translations
from app.gui.main_window import MainWindow
from app.gui.session import Session
from app.gui.settings import Settings


@pytest.fixture
def bridge(qtbot: QtBot) -> Iterator[CoreBridge]:
    core = CoreBridge()
    core.start()
    yield core
    assert core.shutdown(timeout=5.0)


@pytest.fixture
def session(bridge: CoreBridge) -> Iterator[Session]:
    shared = Session(bridge, Settings.open())
    yield shared
    shared.close()


@pytest.fixture
def translations(qapp: QCoreApplication) -> Iterator[Translations]:
    installed = Translations()
    installed.apply(Language.ENGLISH)
    yield installed
    installed.apply(Language.ENGLISH)  # the next test starts in English whatever this one did


@pytest.fixture
def window(qtbot: QtBot, session: Session, translations: Translations) -> MainWindow:
    main = MainWindow.with_session(session, translations)
    qtbot.addWidget(main)
    return main


def on_loop[T](bridge: CoreBridge, coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
    """Test set-up only: run a coroutine on the core loop and wait for it."""
    return asyncio.run_coroutine_threadsafe(coro, bridge.loop).result(timeout)
