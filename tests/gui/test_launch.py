"""Launch time (issues 11 and 12): what loads before the first window, and the pages built after it.

The first window shows one step (the Connection page on a first start) and must not wait for
what only the other pages need: pyqtgraph and numpy (Plot), Modbus and serial ports (Meter), the
uploads' outbox and validation (Upload), the check; nor for pyjwt's cryptography (the client only
reads a token's claims, and only once there is one), httpx (the first client), httpx's
command-line extras (click, rich, pygments), importlib.metadata (the version, when shown) or
keyring's backends (asked once the Connection page is on screen). bench/launch.py and
packaging/startup.py measure the time.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.gui import step_stack as step_stack_module
from app.gui.main_window import MainWindow
from app.gui.steps.catalog import STEPS, Step
from app.gui.steps.plot.page import PlotPage
from app.gui.steps.step import StepState
from tests.fixtures.fresh_python import run_python

NOT_BEFORE_THE_WINDOW = (
    "pyqtgraph",
    "numpy",
    "cryptography",
    "jwt",
    "click",
    "rich",
    "pygments",
    "keyring",
    "httpx",
    "httpcore",
    "pymodbus",
    "serial",
    "truststore",
    "importlib.metadata",
    "app.core.meter.session",
    "app.core.meter.reader",
    "app.core.upload",
    "app.core.measurements",
    "app.core.check",
    "app.gui.steps.device",
    "app.gui.steps.meter",
    "app.gui.steps.plot",
    "app.gui.steps.clock",
    "app.gui.steps.upload",
    "app.gui.steps.check",
)
# The whole first window (launch(): shell and shown page) as run from source, with BEFORE_QT
# first (app/commands/gui.py), up to its show(); then the modules. What the shell alone loads
# (`medido`'s first frame) is checked in test_staged_launch.py.
FIRST_WINDOW = """\
import importlib
import sys

from app.commands.gui import BEFORE_QT

for name in BEFORE_QT:
    importlib.import_module(name)
from app.gui.app import launch

running = launch()
running.window.show()
names = sorted(sys.modules)
running.shut_down()
print(" ".join(names))
"""


def test_the_first_window_loads_nothing_it_does_not_show(tmp_path: Path) -> None:
    output = run_python(FIRST_WINDOW, tmp_path, QT_QPA_PLATFORM="offscreen")
    loaded = output.splitlines()[-1].split()
    assert "app.gui.main_window" in loaded  # the script really built the window
    early = [
        m for m in loaded if any(m == n or m.startswith(f"{n}.") for n in NOT_BEFORE_THE_WINDOW)
    ]
    assert early == []


def test_only_the_shown_page_is_built_before_the_first_paint_and_the_rest_right_after(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert [page.key for page in window.stack.built()] == ["connection"]
    window.show()
    qtbot.waitUntil(lambda: len(window.stack.built()) == len(STEPS))
    plot = window.stack.page("plot")
    assert isinstance(plot, PlotPage)
    frame = window.stack.widget(window.stack.row("plot"))  # the page's scroll area
    assert frame is not None
    assert frame.isAncestorOf(plot)
    assert window.current_step() == "connection"  # building it did not switch pages


def test_a_deferred_page_asked_for_or_shown_is_built_then(window: MainWindow) -> None:
    window.show_step("plot")  # the window not even shown yet
    assert isinstance(window.current_page(), PlotPage)
    assert window.stack.count() == len(window.pages) == 7
    assert list(window.pages) == [step.key for step in window.stack.steps]


def test_the_step_shown_stays_shown_while_the_others_are_built_around_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_step("upload")
    assert [page.key for page in window.stack.built()] == ["connection", "upload"]
    window.show()
    qtbot.waitUntil(lambda: len(window.stack.built()) == len(STEPS))
    assert window.current_step() == "upload"
    shown = window.stack.currentWidget()
    assert shown is not None
    assert shown.isAncestorOf(window.stack.page("upload"))


def test_the_pages_after_the_first_paint_are_built_one_per_turn(window: MainWindow) -> None:
    assert window.stack.build_next()  # device: more to come
    assert [page.key for page in window.stack.built()] == ["connection", "device"]
    while window.stack.build_next():
        pass
    assert len(window.stack.built()) == len(STEPS)
    assert not window.stack.build_next()


def test_a_state_a_page_set_while_being_built_reaches_the_sidebar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.gui.steps.device.page import DevicePage

    def built_ok(self: DevicePage) -> None:
        self.set_step_state(StepState.OK)

    monkeypatch.setattr(DevicePage, "restore_settings", built_ok)
    window.stack.page("device")
    assert window.sidebar.states["device"] is StepState.OK


def test_a_page_that_fails_to_build_is_logged_and_the_others_are_still_built(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from app.gui.steps.device.page import DevicePage

    def broken(self: DevicePage) -> None:
        raise RuntimeError("broken profile file")

    monkeypatch.setattr(DevicePage, "restore_settings", broken)
    while window.stack.build_next():
        pass
    assert "device" not in [page.key for page in window.stack.built()]
    assert len(window.stack.built()) == len(STEPS) - 1
    assert "The device page could not be built" in caplog.text
    window.show_step("device")  # tried again, logged again; the window goes on
    assert window.current_step() == "device"


def with_plot_preload(window: MainWindow, modules: tuple[str, ...]) -> tuple[Step, ...]:
    return tuple(replace(s, preload=modules) if s.key == "plot" else s for s in window.stack.steps)


def test_a_pages_heavy_libraries_load_off_the_gui_thread_before_it_is_built(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bool, tuple[str, ...], list[str]]] = []

    def recording(modules: tuple[str, ...]) -> None:
        on_gui_thread = threading.current_thread() is threading.main_thread()
        calls.append((on_gui_thread, modules, [p.key for p in window.stack.built()]))

    monkeypatch.setattr(step_stack_module, "preload", recording)
    monkeypatch.setattr(window.stack, "steps", with_plot_preload(window, ("never_loaded_lib",)))
    window.show()
    qtbot.waitUntil(lambda: len(window.stack.built()) == len(STEPS))
    plot = next(call for call in calls if "never_loaded_lib" in call[1])
    on_gui_thread, _, built_by_then = plot
    assert not on_gui_thread
    assert "plot" not in built_by_then
    assert all(not on_gui for on_gui, _, _ in calls)


def test_a_library_that_fails_to_load_ahead_still_lets_its_page_be_built(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(window.stack, "steps", with_plot_preload(window, ("never_loaded_lib",)))
    window.show()
    qtbot.waitUntil(lambda: len(window.stack.built()) == len(STEPS))
    assert "never_loaded_lib could not be loaded ahead of its page" in caplog.text
