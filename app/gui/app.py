"""Start and stop the desktop app: QApplication, language, theme, window, bridge, session.

Used by `medido` (app/commands/gui.py), by scripts/screenshots.py and by the tests, so all
build the same app, in two parts: `open_window` makes the window's shell (Qt, the settings, the
translations, the Fusion style and, unless asked not to, the OS's light/dark scheme: what its
first frame needs) and `start_core` the core loop, the
session, the logs (and the demo's emulator and meter), then attaches the session to the window.
`launch` does both at once; `medido` paints the shell first and starts the core on the next
turn of the event loop (StagedLaunch), so the installer sees the window before the core exists.

The order at exit matters (PySide6 with pyqtgraph can abort if widgets outlive the
QApplication or if a thread is still running): close the window, stop polling, shut the core
loop down (tasks, then services), stop the demo's emulator, then delete the widgets.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from app.gui.i18n import Language, Translations
from app.gui.icons import app_icon
from app.gui.main_window import MainWindow
from app.gui.settings import LANGUAGE, Settings
from app.gui.theme import follow_os_scheme, match_scheme, use_fusion

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from app.gui.bridge import CoreBridge
    from app.gui.demo import DemoWorld
    from app.gui.session import Session

log = logging.getLogger(__name__)

# The GUI thread shares the interpreter with the core loop's thread. With Python's default 5 ms
# switch interval, every Python callback a paint makes (pyqtgraph paints in Python) may wait up
# to 5 ms for the GIL while the core thread computes — an upload's JSON, a poll's decoding —
# and a redraw makes dozens: stalls of 100 ms and more were measured (bench/gui_stall.py).
GIL_SWITCH_INTERVAL_S = 0.0005


def make_application() -> QApplication:
    """The QApplication (made once per process), named for QSettings and the OS."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Medido")
    app.setOrganizationName("Medido")
    app.setDesktopFileName("medido")
    app.setWindowIcon(app_icon())
    return app


def current_application() -> QApplication:
    """The QApplication make_application made (not set up again)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication yet: open_window() makes it")
    return app


@dataclass
class RunningApp:
    app: QApplication
    bridge: CoreBridge
    session: Session
    translations: Translations
    window: MainWindow
    demo: DemoWorld | None = None
    stopped: bool = field(default=False)

    def shut_down(self, timeout: float = 5.0) -> bool:
        """Everything off, in order; True if the core loop ended in time. Safe to call twice."""
        if self.stopped:
            return True
        self.stopped = True
        if self.window.isVisible():
            self.window.close()  # saves layout and settings
        self.session.close()
        clean = self.bridge.shutdown(timeout)
        if self.demo is not None:
            self.demo.stop()
        self.window.deleteLater()
        return clean


def open_window(
    *,
    demo: bool = False,
    language: Language | None = None,
    scheme: Qt.ColorScheme | None = None,
    os_scheme_now: bool = True,
) -> MainWindow:
    """The window's shell (not shown yet). `language`/`scheme` override the saved and OS ones;
    without `os_scheme_now` the OS's scheme is left for the caller to follow (StagedLaunch)."""
    app = make_application()
    settings = Settings.open(demo=demo)
    translations = Translations(app)
    chosen = language if language is not None else Language.parse(settings.get(LANGUAGE))
    translations.apply(chosen)
    use_fusion(app)
    if scheme is not None:
        match_scheme(app, scheme)
    elif os_scheme_now:
        follow_os_scheme(app)
    return MainWindow(settings, translations, demo=demo)


def start_core(window: MainWindow) -> RunningApp:
    """The core loop, the session and the logs (and the demo's world), attached to `window`."""
    from app.core.logs import install_file_logs
    from app.gui.bridge import CoreBridge
    from app.gui.session import Session

    app = current_application()
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)  # Medido reports timeouts itself
    bridge = CoreBridge(app)
    bridge.start()
    session = Session(bridge, window.settings, demo=window.demo, parent=app)
    world: DemoWorld | None = None
    try:
        logs = install_file_logs()  # medido.log and traffic.jsonl in the user's log folder
        if logs is not None:
            logs.follow(session.traffic)
        if window.demo:
            from app.gui import demo as demo_wiring  # the emulator and simulator only when asked

            world = demo_wiring.start_world(session)
        window.attach(session)
        window.demo_world = world  # File → Open bundle stops it before starting a bundle's
        if world is not None:
            demo_wiring.connect(session, world)
    except BaseException:  # nothing left running behind a start that failed half-way
        session.close()
        bridge.shutdown()
        if world is not None:
            world.stop()
        raise
    return RunningApp(app, bridge, session, window.translations, window, world)


def launch(
    *,
    demo: bool = False,
    language: Language | None = None,
    scheme: Qt.ColorScheme | None = None,
) -> RunningApp:
    """Build the whole app at once (not shown yet): the tests', screenshots' and benchmarks'."""
    return start_core(open_window(demo=demo, language=language, scheme=scheme))


class StagedLaunch:
    """`medido`'s start: the window's shell paints first, the core starts right after.

    Nothing the installer can do is lost meanwhile: the actions that need the session are
    disabled in the shell, and the first page is built with the session. If the core cannot
    start, a message box says why, the app quits, and `failure` holds the error (the command
    line's last net prints it too).
    """

    def __init__(self, *, demo: bool = False) -> None:
        # The OS's light/dark scheme is matched right after the first frame: asking for it makes
        # PySide6 build the Qt namespace's enums, ~40 ms frozen. Windows and macOS already give
        # Fusion the dark palette in dark mode, so the frame does not change there.
        self.window = open_window(demo=demo, os_scheme_now=False)
        self.app = current_application()
        self.running: RunningApp | None = None
        self.failure: Exception | None = None
        self.window.moments.first_painted.connect(self._start_core)

    def _start_core(self) -> None:  # once: the window's first frame is announced once
        try:
            follow_os_scheme(self.app)
            self.running = start_core(self.window)
        except Exception as exc:  # in a Qt slot: PySide6 would print it and carry on
            _log_for_support(exc)
            self.failure = exc
            self.window.show_start_failure(exc)  # a windowed exe has no console to print to
            self.window.close()
            self.app.exit(1)

    def shut_down(self, timeout: float = 5.0) -> bool:
        if self.running is not None:
            return self.running.shut_down(timeout)
        if self.window.isVisible():  # closed before the core started: a shell only
            self.window.close()
        self.window.deleteLater()
        return True


def _log_for_support(error: Exception) -> None:
    """The traceback in medido.log (installed now if the core failed before it was); never on
    the terminal, where the command line's last net prints one line."""
    root = logging.getLogger()
    if not root.handlers:
        from app.core.logs import install_file_logs

        try:
            install_file_logs()
        except Exception:  # the logs may be what failed
            return
    if root.handlers:
        log.error("Medido could not start its core", exc_info=error)
