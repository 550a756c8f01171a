"""Start and stop the desktop app: QApplication, language, theme, bridge, session, window.

Used by `medido` (app/commands/gui.py), by scripts/screenshots.py and by the tests, so all three
build the same app. The order at exit matters (PySide6 with pyqtgraph can abort if widgets
outlive the QApplication or if a thread is still running): close the window, stop polling, shut
the core loop down (tasks, then services), stop the demo's emulator, then delete the widgets.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.logs import install_file_logs
from app.gui.bridge import CoreBridge
from app.gui.i18n import Language, Translations
from app.gui.icons import app_icon
from app.gui.main_window import MainWindow
from app.gui.session import Session
from app.gui.settings import LANGUAGE, Settings
from app.gui.theme import ThemeWatcher, apply_theme

if TYPE_CHECKING:
    from app.gui.demo import DemoWorld

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


def launch(
    *,
    demo: bool = False,
    language: Language | None = None,
    scheme: Qt.ColorScheme | None = None,
) -> RunningApp:
    """Build the app (not shown yet). `language`/`scheme` override the saved and OS choices."""
    app = make_application()
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)  # Medido reports timeouts itself
    settings = Settings.open(demo=demo)
    translations = Translations(app)
    chosen = language if language is not None else Language.parse(settings.get(LANGUAGE))
    translations.apply(chosen)
    apply_theme(app, scheme)
    if scheme is None:  # follow the OS when it switches between light and dark
        watcher = ThemeWatcher(app)
        watcher.changed.connect(lambda _dark: apply_theme(app))
    bridge = CoreBridge(app)
    bridge.start()
    session = Session(bridge, settings, demo=demo, parent=app)
    logs = install_file_logs()  # medido.log and traffic.jsonl in the user's log folder
    if logs is not None:
        logs.follow(session.traffic)
    world: DemoWorld | None = None
    if demo:
        from app.gui import demo as demo_wiring  # the emulator and simulator only when asked

        try:
            world = demo_wiring.start_world(session)
        except BaseException:
            bridge.shutdown()
            raise
    window = MainWindow(session, translations)
    window.demo_world = world  # File → Open bundle stops it before starting a bundle's
    running = RunningApp(app, bridge, session, translations, window, world)
    if world is not None:
        from app.gui import demo as demo_wiring

        demo_wiring.connect(session, world)
    return running
