"""The main window: the steps on the left, the current step's page, the status bar, the traffic.

It wires pages to the sidebar and the menus and saves the window's layout; it holds no domain
state (that is the Session's) and runs no I/O.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from app.core.version import app_version, tzdata_version
from app.gui.first_paint import note_first_paint
from app.gui.i18n import Language, Retranslating, Translations, fill
from app.gui.icons import app_icon
from app.gui.job import Job
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.settings import LANGUAGE, LAST_STEP, WINDOW_GEOMETRY, WINDOW_STATE
from app.gui.sidebar import Sidebar
from app.gui.status_bar import StatusBar
from app.gui.step_stack import StepStack, preload
from app.gui.steps.catalog import STEPS
from app.gui.steps.page import Page
from app.gui.steps.step import StepState
from app.gui.traffic_dock import TrafficDock
from app.gui.widgets.documents import documents_file

if TYPE_CHECKING:
    from app.gui.demo import DemoWorld
    from app.gui.open_bundle import BundleOpener
    from app.gui.register_console import RegisterConsole


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, session: Session, translations: Translations) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.translations = translations
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)

        self.sidebar = Sidebar(STEPS)
        self.stack = StepStack(session, STEPS)  # pages built when shown, the rest after painting
        self.stack.step_state.connect(self._on_step_state)
        self._painted = False
        self._close_after_ms: int | None = None  # smoke tests and start-up figures
        self._preloaded: set[str] = set()  # libraries already asked for off the GUI thread
        self._preloading: Job[None] | None = None
        self.sidebar.currentRowChanged.connect(self.stack.show_row)
        session.step_requested.connect(self.show_step)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.sidebar, self.stack)

        self.status = StatusBar(session)
        self.setStatusBar(self.status)
        self.traffic = TrafficDock(session)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.traffic)
        self.traffic.hide()  # for support work; restore_layout brings it back if it was open

        self._build_menus()
        self.retranslate()
        self.restore_layout()

    # -- steps --------------------------------------------------------------------------------

    def show_step(self, key: str) -> None:
        row = next((i for i, s in enumerate(STEPS) if s.key == key), 0)
        self.sidebar.setCurrentRow(row)

    def current_step(self) -> str:
        return STEPS[max(0, self.stack.currentIndex())].key

    def current_page(self) -> Page:
        return self.stack.page(self.current_step())

    @property
    def pages(self) -> dict[str, Page]:
        """Every step's page by its key, in the steps' order (any not built yet are built now)."""
        return self.stack.pages()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, note_first_paint)  # once this frame is done, children included
            if self._close_after_ms is not None:
                QTimer.singleShot(self._close_after_ms, self.close)
            # On screen now: the other pages once this paint is flushed, one per turn of the
            # event loop. (A zero timer started by show() fires before the first paint, hence
            # waiting for it here.)
            QTimer.singleShot(0, self._build_next_page)

    def close_after_first_paint(self, ms: int) -> None:
        """Close this many ms after the window first painted (smoke tests, start-up figures)."""
        self._close_after_ms = ms

    def _build_next_page(self) -> None:
        if not self.isVisible():  # not when the window closed at once (smoke tests)
            return
        waiting = self.stack.waiting()
        heavy = tuple(
            name
            for name in ((waiting[0].module, *waiting[0].preload) if waiting else ())
            if name not in sys.modules and name not in self._preloaded
        )
        if heavy and self.session.bridge.running:
            # Off the GUI thread first (the import lock and a 0.5 ms GIL switch interval keep
            # the window answering); the page is built when the import is done, whatever it did.
            self._preloaded.update(heavy)
            self._preloading = self.session.bridge.submit(asyncio.to_thread(preload, heavy))
            self._preloading.finished.connect(self._build_next_page)
            return
        if self.stack.build_next():
            QTimer.singleShot(0, self._build_next_page)  # events waiting go first
        else:
            # What start-up made lives as long as the app: out of the collector's sight, so
            # that its full collections (up to 110 ms each, measured while an upload ran,
            # holding the GIL from the GUI) scan only what came later (bench/gui_stall.py).
            gc.freeze()

    def _on_step_state(self, key: str, state: StepState) -> None:
        self.sidebar.set_state(key, state)

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.demo_world: DemoWorld | None = None  # set by launch() with --demo
        self.opener: BundleOpener | None = None  # made by the first File → Open bundle
        self.open_bundle_action = QAction(self)
        self.open_bundle_action.triggered.connect(self.open_bundle)
        self.file_menu.addAction(self.open_bundle_action)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.traffic_action = self.traffic.toggleViewAction()
        self.traffic_action.setShortcut(QKeySequence("Ctrl+T"))
        self.view_menu.addAction(self.traffic_action)
        self.console_action = QAction(self)  # the register console, for support and odd meters
        self.console_action.triggered.connect(self.show_register_console)
        self.view_menu.addAction(self.console_action)
        self.register_console: RegisterConsole | None = None
        self.view_menu.addSeparator()
        self.step_actions: list[QAction] = []
        for number, step in enumerate(STEPS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
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
        self.address_actions[self.session.address_base].setChecked(True)
        self.session.address_base_changed.connect(self._on_address_base)

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

    def _on_address_base(self, base: int) -> None:
        self.address_actions[base].setChecked(True)

    def set_language(self, language: Language) -> None:
        """Switch now (every widget gets LanguageChange) and remember the choice."""
        self.translations.apply(language)
        self.language_actions[language].setChecked(True)
        self.session.settings.set(LANGUAGE, language.value)

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
        QMessageBox.about(self, self.tr("About Medido"), shown)

    def open_bundle(self) -> None:
        """Ask for a diagnostics bundle, then reproduce its site here (app/gui/open_bundle.py)."""
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
        from app.gui.diagnostics import bundle_name, live_parts, save_bundle, with_zip_suffix

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
        page.show_message(
            Level.SUCCESS,
            lambda: self.tr("Diagnostics bundle saved."),
            lambda: self.tr("Send it to support; it holds no token."),
            str(path),
        )

    def retranslate(self) -> None:
        title = "Medido"
        if self.session.demo:
            title += " — " + self.tr("demo (local emulator and simulated meter)")
        self.setWindowTitle(title)
        self.sidebar.set_titles([step.title() for step in STEPS])
        self.file_menu.setTitle(self.tr("&File"))
        self.open_bundle_action.setText(self.tr("&Open bundle…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
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

    def restore_layout(self) -> None:
        settings = self.session.settings
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = settings.get(WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))
        self.show_step(settings.get(LAST_STEP))

    def save_layout(self) -> None:
        settings = self.session.settings
        settings.set(WINDOW_GEOMETRY, self.saveGeometry().data())
        settings.set(WINDOW_STATE, self.saveState().data())
        settings.set(LAST_STEP, self.current_step())
        for page in self.stack.built():
            page.save_settings()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        for page in self.stack.built():
            page.cancel_jobs()
        super().closeEvent(event)
