"""The main window: the steps on the left, the current step's page, the status bar, the traffic.

It is made in two parts so that `medido` paints it before the core exists (app/gui/app.py,
StagedLaunch): the *shell* — the sidebar with its steps, the menus, the window's size — needs
only Qt, the settings and the translations; `attach(session)` then adds what needs the session
and the core loop (the pages, the status bar, the traffic dock) on the event loop's next turn.
Until then the page area is blank and the actions that need the session are disabled.

It wires pages to the sidebar and the menus and saves the window's layout; it holds no domain
state (that is the Session's) and runs no I/O.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QWidget

from app.core.version import app_version, tzdata_version
from app.gui.i18n import Language, Retranslating, Translations, fill
from app.gui.icons import app_icon
from app.gui.settings import LANGUAGE, LAST_STEP, WINDOW_GEOMETRY, WINDOW_STATE, Settings
from app.gui.sidebar import Sidebar
from app.gui.start_moments import StartMoments
from app.gui.steps.catalog import STEPS
from app.gui.steps.step import StepState

if TYPE_CHECKING:
    from app.gui.demo import DemoWorld
    from app.gui.open_bundle import BundleOpener
    from app.gui.register_console import RegisterConsole
    from app.gui.session import Session
    from app.gui.status_bar import StatusBar
    from app.gui.step_stack import StepStack
    from app.gui.steps.page import Page
    from app.gui.traffic_dock import TrafficDock


class MainWindow(Retranslating, QMainWindow):
    # Set by attach(): the window's shell paints without them.
    session: Session
    stack: StepStack
    status: StatusBar
    traffic: TrafficDock

    def __init__(self, settings: Settings, translations: Translations, *, demo: bool = False):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.translations = translations
        self.demo = demo
        self.attached = False
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)

        self.sidebar = Sidebar(STEPS)
        self._close_after_ms: int | None = None  # smoke tests and start-up figures
        self.moments = StartMoments(self)  # StagedLaunch attaches on moments.first_painted
        self.moments.started.connect(self._started)
        central = QWidget()
        self._row = QHBoxLayout(central)
        self._row.setContentsMargins(6, 6, 0, 0)
        self._row.setSpacing(0)
        self._row.addWidget(self.sidebar)
        self._blank = QWidget()  # where the pages go, blank until attach()
        self._row.addWidget(self._blank, 1)
        self.setCentralWidget(central)

        self.traffic_action: QAction | None = None  # the traffic dock's, from attach()
        self._build_menus()
        self.retranslate()
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        self.show_step(settings.get(LAST_STEP))

    @classmethod
    def with_session(cls, session: Session, translations: Translations) -> MainWindow:
        """The whole window at once, for a session made beforehand (tests, benchmarks)."""
        window = cls(session.settings, translations, demo=session.demo)
        window.attach(session)
        return window

    def attach(self, session: Session) -> None:
        """Add what needs the session: the pages (the shown one built now), status, traffic."""
        from PySide6.QtCore import Qt  # not in the shell: app/gui/theme.py says why

        from app.gui.status_bar import StatusBar
        from app.gui.step_stack import StepStack
        from app.gui.traffic_dock import TrafficDock

        self.session = session
        self.stack = StepStack(session, STEPS)  # pages built when shown, the rest after painting
        self.stack.step_state.connect(self._on_step_state)
        self._row.replaceWidget(self._blank, self.stack)
        self._blank.deleteLater()
        self.setTabOrder(self.sidebar, self.stack)
        self.sidebar.currentRowChanged.connect(self.stack.show_row)
        session.step_requested.connect(self.show_step)

        self.status = StatusBar(session)
        self.setStatusBar(self.status)
        self.traffic = TrafficDock(session)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.traffic)
        self.traffic.hide()  # for support work; the saved state brings it back if it was open
        self.traffic_action = self.traffic.toggleViewAction()
        self.traffic_action.setShortcut(QKeySequence("Ctrl+T"))
        self.view_menu.insertAction(self.console_action, self.traffic_action)

        # The platform's Quit keys (Ctrl+Q on GNOME, KDE and macOS; Windows has none) from any
        # of the app's windows (the register console too), not only this one.
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.address_actions[session.address_base].setChecked(True)
        session.address_base_changed.connect(self._on_address_base)
        for action in self._needs_session:
            action.setEnabled(True)
        self.attached = True
        self.retranslate()
        state = self.settings.get(WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))
        self.stack.show_row(self.sidebar.currentRow())
        if self.moments.painted:  # a staged start: the rest waits for the shown page's frame
            key = self.current_step()  # its build may have failed (logged): nothing to wait for
            shown = next((p for p in self.stack.built() if p.key == key), None)
            if shown is not None:
                self.moments.watch_page(shown, self.stack.currentChanged)

    # -- steps --------------------------------------------------------------------------------

    def show_step(self, key: str) -> None:
        row = next((i for i, s in enumerate(STEPS) if s.key == key), 0)
        self.sidebar.setCurrentRow(row)

    def current_step(self) -> str:
        return STEPS[max(0, self.sidebar.currentRow())].key

    def current_page(self) -> Page:
        return self.stack.page(self.current_step())

    @property
    def pages(self) -> dict[str, Page]:
        """Every step's page by its key, in the steps' order (any not built yet are built now)."""
        return self.stack.pages()

    def _started(self) -> None:
        """The window and its shown page are on screen: the rest is built from now on."""
        if self._close_after_ms is not None:
            QTimer.singleShot(self._close_after_ms, self.close)
        if self.attached:
            QTimer.singleShot(0, self.stack.build_the_rest)

    def close_after_start(self, ms: int) -> None:
        """Close this many ms after the window and its shown page first painted (smoke tests,
        start-up figures)."""
        self._close_after_ms = ms

    def _on_step_state(self, key: str, state: StepState) -> None:
        self.sidebar.set_state(key, state)

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.demo_world: DemoWorld | None = None  # set by start_core() with --demo
        self.opener: BundleOpener | None = None  # made by the first File → Open bundle
        self.open_bundle_action = QAction(self)
        self.open_bundle_action.triggered.connect(self.open_bundle)
        self.file_menu.addAction(self.open_bundle_action)
        self.quit_action = QAction(self)
        # setShortcuts, with a StandardKey or a list from fromString: QKeySequence's constructor
        # and setShortcut's overloads make PySide6 build the Qt namespace (theme.py: the cost).
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")  # the traffic dock's action goes first, from attach()
        self.console_action = QAction(self)  # the register console, for support and odd meters
        self.console_action.triggered.connect(self.show_register_console)
        self.view_menu.addAction(self.console_action)
        self.register_console: RegisterConsole | None = None
        self.view_menu.addSeparator()
        self.step_actions: list[QAction] = []
        for number, step in enumerate(STEPS, start=1):
            action = QAction(self)
            action.setShortcuts([QKeySequence.fromString(f"Ctrl+{number}")])
            action.triggered.connect(lambda _checked=False, key=step.key: self.show_step(key))
            self.view_menu.addAction(action)
            self.step_actions.append(action)
        self.view_menu.addSeparator()

        self.address_menu = self.view_menu.addMenu("")
        self.address_group = QActionGroup(self)
        self.address_actions: dict[int, QAction] = {}
        for base in (0, 1):
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _on=False, b=base: self.session.set_address_base(b))
            self.address_group.addAction(action)
            self.address_menu.addAction(action)
            self.address_actions[base] = action

        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[Language, QAction] = {}
        for language in (Language.SYSTEM, Language.SPANISH, Language.ENGLISH):
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _checked=False, lang=language: self.set_language(lang))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[language] = action
        self.language_actions[self.translations.choice].setChecked(True)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.bundle_action = QAction(self)
        self.bundle_action.triggered.connect(self.save_diagnostics)
        self.help_menu.addAction(self.bundle_action)
        self.help_menu.addAction(self.about_action)
        self._needs_session = [
            self.open_bundle_action,
            self.console_action,
            self.bundle_action,
            *self.address_actions.values(),
        ]
        for action in self._needs_session:
            action.setEnabled(False)  # until attach()

    def _on_address_base(self, base: int) -> None:
        self.address_actions[base].setChecked(True)

    def set_language(self, language: Language) -> None:
        """Switch now (every widget gets LanguageChange) and remember the choice."""
        self.translations.apply(language)
        self.language_actions[language].setChecked(True)
        self.settings.set(LANGUAGE, language.value)

    def show_register_console(self) -> None:
        """The register console, non-modal, one per window (raised when it is open)."""
        if self.register_console is None:
            from app.gui.register_console import RegisterConsole  # a support tool: not at launch

            self.register_console = RegisterConsole(self.session, self)
        self.register_console.show()
        self.register_console.raise_()
        self.register_console.activateWindow()

    def show_about(self) -> None:
        text = self.tr(
            "<h3>Medido %1</h3><p>Commissioning tool for energy meters that report to "
            "ChileMedido: connect, read the meter, check its clock and send a test "
            "measurement before leaving the site.</p>"
        )
        rules = self.tr(
            "<p>Time-zone rules: IANA %1. Chile changes its daylight saving dates now and then; "
            "a Medido built after such a change carries the new rules.</p>"
        )
        shown = fill(text, app_version()) + fill(rules, tzdata_version())
        from PySide6.QtWidgets import QMessageBox  # the dialogs' classes: not in the shell

        QMessageBox.about(self, self.tr("About Medido"), shown)

    def show_start_failure(self, error: BaseException) -> None:
        """Medido cannot run without its core loop and session: say why, before it quits."""
        import html

        from app.core.traffic import redact  # a token-shaped word never reaches the screen

        text = self.tr(
            "<p>Medido could not start: %1</p><p>Close other copies of Medido and start it "
            "again. If this happens again, send this message to support.</p>"
        )
        reason = html.escape(redact(f"{type(error).__name__}: {error}")[:300])
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, self.tr("Medido could not start"), fill(text, reason))

    def open_bundle(self) -> None:
        """Ask for a diagnostics bundle, then reproduce its site here (app/gui/open_bundle.py)."""
        from PySide6.QtWidgets import QFileDialog

        from app.gui.widgets.documents import documents_file

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open diagnostics bundle"),
            documents_file(""),
            self.tr("Zip files (*.zip)"),
        )
        if not name:
            return
        from app.gui.open_bundle import BundleOpener  # the emulator and simulator only when asked

        if self.opener is None:
            self.opener = BundleOpener(self.session, self)
            self.opener.world = self.demo_world
        self.opener.open(Path(name), self.current_page())

    def save_diagnostics(self) -> None:
        """Ask where, then write the live session's diagnostics bundle on the core loop."""
        # Imported here: the bundle's modules would slow every start for a support action.
        from PySide6.QtWidgets import QFileDialog

        from app.gui.diagnostics import bundle_name, live_parts, save_bundle, with_zip_suffix
        from app.gui.widgets.documents import documents_file

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save diagnostics bundle"),
            documents_file(bundle_name()),
            self.tr("Zip files (*.zip)"),
        )
        if not name:
            return
        from app.gui.steps.check.page import CheckPage  # built by now; imported with it

        check = self.stack.page("check")
        checklist, result = (
            (check.checklist, check.result) if isinstance(check, CheckPage) else (None, None)
        )
        page = self.current_page()
        session = self.session
        coro = save_bundle(
            with_zip_suffix(name),
            live_parts(session),
            session.settings.values(),
            checklist=checklist,
            result=result,
            client=session.api,
        )
        page.run(coro, partial(self._diagnostics_saved, page))

    def _diagnostics_saved(self, page: Page, path: Path) -> None:
        from app.gui.message_banner import Level

        page.show_message(
            Level.SUCCESS,
            lambda: self.tr("Diagnostics bundle saved."),
            lambda: self.tr("Send it to support; it holds no token."),
            str(path),
        )

    def retranslate(self) -> None:
        title = "Medido"
        if self.demo:
            title += " — " + self.tr("demo (local emulator and simulated meter)")
        self.setWindowTitle(title)
        self.sidebar.set_titles([step.title() for step in STEPS])
        self.file_menu.setTitle(self.tr("&File"))
        self.open_bundle_action.setText(self.tr("&Open bundle…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        if self.traffic_action is not None:
            self.traffic_action.setText(self.tr("&Traffic"))
        self.console_action.setText(self.tr("Register &console…"))
        for number, (action, step) in enumerate(zip(self.step_actions, STEPS, strict=True), 1):
            action.setText(f"&{number} {step.title()}")
        self.address_menu.setTitle(self.tr("Register &addresses"))
        self.address_actions[0].setText(self.tr("&0-based (as sent on the wire)"))
        self.address_actions[1].setText(self.tr("&1-based (as in many manuals)"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[Language.SYSTEM].setText(self.tr("&System"))
        self.language_actions[Language.SPANISH].setText("&Español")  # each in its own language
        self.language_actions[Language.ENGLISH].setText("&English")
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Medido"))
        self.bundle_action.setText(self.tr("Save &diagnostics bundle…"))

    # -- layout and exit ----------------------------------------------------------------------

    def save_layout(self) -> None:
        settings = self.settings
        settings.set(WINDOW_GEOMETRY, self.saveGeometry().data())
        settings.set(LAST_STEP, self.current_step())
        if self.attached:  # a shell closed at once has no dock state or pages to save
            settings.set(WINDOW_STATE, self.saveState().data())
            for page in self.stack.built():
                page.save_settings()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self.attached:
            for page in self.stack.built():
                page.cancel_jobs()
        super().closeEvent(event)
