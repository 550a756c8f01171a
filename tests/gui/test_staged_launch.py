"""`medido`'s start (app/gui/app.py, StagedLaunch): the window's shell paints before the core.

The first frame shows the sidebar and the menus; the core loop, the session, the status bar and
the pages come on the next turn, the shown page built first. What the shell must not load is
checked in a fresh interpreter, as the frozen app starts (no BEFORE_QT: see app/commands/gui.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.gui import app as app_module
from app.gui import start_moments
from app.gui.app import StagedLaunch
from app.gui.first_paint import PAINTED_ENV, read_paint_times
from app.gui.i18n import Language
from app.gui.main_window import MainWindow
from app.gui.settings import LAST_STEP, WINDOW_STATE, Settings
from app.gui.steps.catalog import STEPS
from app.gui.steps.connection.page import ConnectionPage
from tests.fixtures.fresh_python import run_python
from tests.gui.test_launch import NOT_BEFORE_THE_WINDOW

# Beyond what the whole first window leaves out (test_launch.py): the core's side.
NOT_IN_THE_SHELL = (
    "asyncio",
    "app.core.api",
    "app.core.account",
    "app.core.logs",
    "app.core.traffic",
    "app.gui.bridge",
    "app.gui.session",
    "app.gui.job",
    "app.gui.status_bar",
    "app.gui.traffic_dock",
    "app.gui.message_banner",
    "app.gui.step_stack",
    "app.gui.steps.page",
    "app.gui.steps.connection",
    "app.gui.widgets.documents",
)
CORE_THREADS = ("medido-core",)
SHELL = """\
import sys

from PySide6.QtCore import QEvent, QObject, QTimer

from app.gui.app import StagedLaunch


class AtFirstPaint(QObject):
    names: list[str] | None = None
    attached: bool | None = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.names is None:
            self.names = sorted(sys.modules)
            self.attached = start.window.attached
            self.qt_namespace = "Qt" in vars(sys.modules["PySide6.QtCore"])
            widgets = vars(sys.modules["PySide6.QtWidgets"])
            self.dialogs = [name for name in ("QFileDialog", "QMessageBox") if name in widgets]
        return False


start = StagedLaunch()
spy = AtFirstPaint()
start.window.installEventFilter(spy)
start.window.show()
start.window.close_after_start(200)
code = start.app.exec()
start.shut_down()
print("attached at first paint:", spy.attached, "core started:", start.running is not None)
print("Qt namespace at first paint:", spy.qt_namespace, "and at exit:",
      "Qt" in vars(sys.modules["PySide6.QtCore"]))
print("dialog classes at first paint:", spy.dialogs)
print(" ".join(spy.names or []))
"""


def test_the_shell_paints_before_the_core_loads_and_the_core_follows(tmp_path: Path) -> None:
    output = run_python(SHELL, tmp_path, QT_QPA_PLATFORM="offscreen").splitlines()
    assert output[-4] == "attached at first paint: False core started: True"
    # PySide6 makes the ~94 enums of `Qt` at once, ~40 ms frozen (app/gui/theme.py); by the
    # exit the pages have used it (so the check does see it when it is there).
    assert output[-3] == "Qt namespace at first paint: False and at exit: True"
    assert output[-2] == "dialog classes at first paint: []"
    loaded = output[-1].split()
    assert "app.gui.main_window" in loaded  # the script really painted the window
    early = [
        m
        for m in loaded
        if any(m == n or m.startswith(f"{n}.") for n in NOT_BEFORE_THE_WINDOW + NOT_IN_THE_SHELL)
    ]
    assert early == []


class PaintSpy(QObject):
    """What the window was when it first painted."""

    def __init__(self, start: StagedLaunch) -> None:
        super().__init__()
        self.start = start
        self.attached: bool | None = None
        self.enabled: list[bool] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.attached is None:
            window = self.start.window
            self.attached = window.attached
            self.enabled = [a.isEnabled() for a in (window.bundle_action, window.console_action)]
        return False


@pytest.fixture
def staged(qtbot: QtBot) -> Iterator[StagedLaunch]:
    start = StagedLaunch()
    start.window.translations.apply(Language.ENGLISH)
    yield start
    start.shut_down()


def test_the_session_is_attached_after_the_first_frame_and_the_shown_page_built_first(
    qtbot: QtBot, staged: StagedLaunch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "painted"
    monkeypatch.setenv(PAINTED_ENV, str(marker))
    spy = PaintSpy(staged)
    staged.window.installEventFilter(spy)
    staged.window.show()
    qtbot.waitUntil(lambda: staged.running is not None)
    assert spy.attached is False
    assert spy.enabled == [False, False]  # nothing to click that needs the session yet
    window = staged.window
    assert isinstance(window.current_page(), ConnectionPage)
    assert window.bundle_action.isEnabled()
    assert window.console_action.isEnabled()
    assert window.traffic_action is not None
    assert window.traffic_action in window.view_menu.actions()
    assert window.statusBar() is window.status
    # Both moments written: the window's shell, then the page, in that order.
    qtbot.waitUntil(lambda: marker.exists() and len(marker.read_text().split()) == 2)
    shell, page = read_paint_times(marker.read_text(encoding="ascii"))
    assert shell < page
    qtbot.waitUntil(lambda: len(window.stack.built()) == len(STEPS))


def test_a_saved_step_is_highlighted_in_the_shell_and_shown_once_attached(qtbot: QtBot) -> None:
    settings = Settings.open()
    settings.set(LAST_STEP, "clock")
    settings.sync()
    start = StagedLaunch()
    try:
        assert start.window.current_step() == "clock"  # the shell's sidebar already says so
        start.window.show()
        qtbot.waitUntil(lambda: start.running is not None)
        assert start.window.stack.currentWidget() is start.window.stack.widget(
            start.window.stack.row("clock")
        )
        assert start.window.current_page().key == "clock"
    finally:
        start.shut_down()


def test_a_shell_closed_before_the_core_started_keeps_the_saved_layout(qtbot: QtBot) -> None:
    settings = Settings.open()
    settings.set(WINDOW_STATE, b"saved dock state")
    settings.sync()
    start = StagedLaunch()
    start.window.show_step("meter")
    start.window.close()  # before its first frame: the core is never started
    qtbot.wait(50)
    assert start.running is None
    assert start.shut_down()
    reread = Settings.open()
    assert reread.get(WINDOW_STATE) == b"saved dock state"  # no dock yet: nothing to save
    assert reread.get(LAST_STEP) == "meter"


class Refusals:
    """What the window said when the core could not start (QMessageBox.critical's place)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def critical(self, _parent: object, title: str, text: str) -> None:
        self.shown.append((title, text))


def test_a_core_that_cannot_start_says_why_and_quits_the_app(
    qtbot: QtBot,
    staged: StagedLaunch,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl"

    def broken(window: object) -> object:
        raise OSError(f"no room left for the logs <disk full> token={token}")

    exits: list[int] = []
    refusals = Refusals()
    monkeypatch.setattr(app_module, "start_core", broken)
    monkeypatch.setattr(staged.app, "exit", exits.append)
    monkeypatch.setattr(QMessageBox, "critical", refusals.critical)
    staged.window.show()
    qtbot.waitUntil(lambda: staged.failure is not None)
    assert isinstance(staged.failure, OSError)
    assert exits == [1]
    assert not staged.window.isVisible()
    assert "Medido could not start its core" in caplog.text
    [(title, text)] = refusals.shown
    assert title == "Medido could not start"
    assert "OSError: no room left for the logs &lt;disk full&gt;" in text
    assert "eyJ" not in text  # redacted, as everywhere else


# In a fresh interpreter: once a QApplication's exec() has returned, Qt stops painting windows
# made after it, so the test process never runs the event loop itself.
CORE_FAILS = """\
import io
import sys
from contextlib import redirect_stderr

from PySide6.QtWidgets import QMessageBox

from app import cli
from app.gui import app


def broken(window):
    raise OSError("no room left for the logs")


shown = []
app.start_core = broken
QMessageBox.critical = lambda parent, title, text: shown.append(title)
err = io.StringIO()
with redirect_stderr(err):
    code = cli.main([])
print(code, shown)
print(err.getvalue().strip())
"""


def test_medido_whose_core_cannot_start_exits_1_with_one_line(tmp_path: Path) -> None:
    output = run_python(CORE_FAILS, tmp_path, QT_QPA_PLATFORM="offscreen").splitlines()
    assert output[0] == "1 ['Medido could not start']"
    assert len(output) == 2  # one line from the command line's last net, no traceback
    assert "OSError: no room left for the logs" in output[1]
    logged = (tmp_path / "logs" / "medido.log").read_text(encoding="utf-8")
    assert "Medido could not start its core" in logged  # with its traceback, for support
    assert "Traceback" in logged


def test_a_half_started_core_is_stopped_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_attach(self: MainWindow, session: object) -> None:
        raise RuntimeError("a page could not be laid out")

    monkeypatch.setattr(MainWindow, "attach", broken_attach)
    window = app_module.open_window(demo=True, language=Language.ENGLISH)
    try:
        with pytest.raises(RuntimeError, match="laid out"):
            app_module.start_core(window)
        qtbot.waitUntil(lambda: not any(t.name in CORE_THREADS for t in threading.enumerate()))
        assert not [t for t in threading.enumerate() if t.name.startswith("emulator:")]
    finally:
        window.deleteLater()


def test_a_step_shown_before_the_first_page_painted_does_not_stop_the_rest(
    qtbot: QtBot, staged: StagedLaunch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(start_moments, "PAGE_PAINT_WAIT_MS", 60_000)  # not the fallback
    window = staged.window
    started: list[bool] = []
    window.moments.started.connect(lambda: started.append(True))

    def press_down_as_soon_as_attached() -> None:  # a key that waited for the core
        window.sidebar.setCurrentRow(1)

    window.moments.first_painted.connect(press_down_as_soon_as_attached)  # after attach
    window.show()
    qtbot.waitUntil(lambda: started == [True])
    qtbot.wait(50)
    assert started == [True]  # once: one close timer (if asked for), one chain of page builds
    assert window.current_step() == "device"
    qtbot.waitUntil(lambda: len(window.stack.built()) == len(STEPS))


def test_a_shown_page_that_fails_to_build_leaves_the_rest_of_the_app_running(
    qtbot: QtBot,
    staged: StagedLaunch,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(self: ConnectionPage) -> None:
        raise RuntimeError("broken settings file")

    monkeypatch.setattr(ConnectionPage, "restore_settings", broken)
    staged.window.show()
    qtbot.waitUntil(lambda: staged.running is not None)
    assert staged.failure is None
    assert "The connection page could not be built" in caplog.text
    qtbot.waitUntil(lambda: len(staged.window.stack.built()) == len(STEPS) - 1)


def test_the_oss_dark_scheme_is_matched_as_soon_as_the_shell_has_painted(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStyleHints

    from app.gui.theme import apply_theme, is_dark

    # An OS in dark mode (the offscreen platform has no scheme of its own to set).
    monkeypatch.setattr(QStyleHints, "colorScheme", lambda _self: Qt.ColorScheme.Dark)
    start = StagedLaunch()
    try:
        assert not is_dark()  # the shell's frame: what the platform's palette gives
        start.window.show()
        qtbot.waitUntil(lambda: start.running is not None)
        assert is_dark()  # offscreen gives no dark palette of its own: Medido's is set
    finally:
        start.shut_down()
        apply_theme(start.app, Qt.ColorScheme.Light)  # later tests expect the light palette
