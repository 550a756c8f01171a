"""The steps' pages, stacked, one per sidebar row; the main window shows one at a time.

A page is built when it is first shown or asked for (`page(key)`, `pages()`); until then an empty
placeholder holds its row. The window shows one step when it first paints (the last one used),
so only that page is built before the installer sees the window; right after the first paint
the window builds the others, one per turn of the event loop (`build_next()`), so each import
and build is a short pause rather than one long one. Within a moment of start-up every page is
listening to the session (its step state in the sidebar, the sensors it offers); a page builds
itself from the session's current state, so it does not matter what happened before.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import sys

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

from app.gui.job import Job
from app.gui.session import Session
from app.gui.steps.catalog import Step
from app.gui.steps.page import Page

log = logging.getLogger(__name__)


class StepStack(QStackedWidget):
    step_state = Signal(str, object)  # the step's key, its page's StepState

    def __init__(self, session: Session, steps: tuple[Step, ...]) -> None:
        super().__init__()
        self.session = session
        self.steps = steps
        self._pages: dict[str, Page] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._failed: set[str] = set()  # pages whose build raised (logged), skipped after it
        self._preloaded: set[str] = set()  # libraries already asked for off the GUI thread
        self._preloading: Job[None] | None = None
        for step in steps:
            self._placeholders[step.key] = QWidget()
            self.addWidget(self._placeholders[step.key])

    def page(self, key: str) -> Page:
        """The step's page, built now if it was not yet."""
        if key not in self._pages:
            row = self.row(key)
            frame = self._build(self.steps[row])  # may raise: the placeholder stays then
            placeholder = self._placeholders.pop(key)
            shown = self.currentWidget() is placeholder
            self.insertWidget(row, frame)  # the placeholder moves to row + 1
            if shown:
                self.setCurrentWidget(frame)
            self.removeWidget(placeholder)
            placeholder.deleteLater()
        return self._pages[key]

    def pages(self) -> dict[str, Page]:
        """Every step's page in the steps' order (the ones not built yet are built now)."""
        return {step.key: self.page(step.key) for step in self.steps}

    def built(self) -> list[Page]:
        """The pages built so far, in the steps' order (what there is to save at exit)."""
        return [self._pages[s.key] for s in self.steps if s.key in self._pages]

    def waiting(self) -> list[Step]:
        """The steps whose page is not built (nor failed) yet, in order."""
        return [s for s in self.steps if s.key not in self._pages and s.key not in self._failed]

    def build_next(self) -> bool:
        """Build the first page not built (nor failed) yet; False when none is left.

        A page whose build raises is logged and skipped, so the pages after it are still
        built; showing it tries again (and its row stays empty if it fails again)."""
        waiting = self.waiting()
        if waiting:
            try:
                self.page(waiting[0].key)
            except Exception:
                log.exception("The %s page could not be built", waiting[0].key)
                self._failed.add(waiting[0].key)
        return len(waiting) > 1

    def build_the_rest(self) -> None:
        """Build the pages not built yet, one per turn of the event loop (the window calls this
        once its first frame with the shown page is on screen); stops if the window closes."""
        if not self.isVisible():  # the window closed at once (smoke tests)
            return
        waiting = self.waiting()
        heavy = tuple(
            name
            for name in ((waiting[0].module, *waiting[0].preload) if waiting else ())
            if name not in sys.modules and name not in self._preloaded
        )
        bridge = self.session.bridge
        if heavy and bridge.running:
            # Off the GUI thread first (the import lock and a 0.5 ms GIL switch interval keep
            # the window answering); the page is built when the import is done, whatever it did.
            self._preloaded.update(heavy)
            self._preloading = bridge.submit(asyncio.to_thread(preload, heavy))
            self._preloading.finished.connect(self.build_the_rest)
            return
        if self.build_next():
            QTimer.singleShot(0, self.build_the_rest)  # events waiting go first
        else:
            # What start-up made lives as long as the app: out of the collector's sight, so
            # that its full collections (up to 110 ms each, measured while an upload ran,
            # holding the GIL from the GUI) scan only what came later (bench/gui_stall.py).
            gc.freeze()

    def show_row(self, row: int) -> None:
        """Show the row's page, building it first if need be (the sidebar's slot)."""
        if 0 <= row < len(self.steps):
            try:
                self.page(self.steps[row].key)
            except Exception:
                log.exception("The %s page could not be built", self.steps[row].key)
        self.setCurrentIndex(row)

    def row(self, key: str) -> int:
        for row, step in enumerate(self.steps):
            if step.key == key:
                return row
        raise KeyError(key)

    def _build(self, step: Step) -> QScrollArea:
        page = step.page.build(self.session)
        page.step_state.connect(lambda state, key=step.key: self.step_state.emit(key, state))
        self._pages[step.key] = page
        self.step_state.emit(step.key, page.state)  # what it set while it was being built
        return _scrollable(page)


def _scrollable(page: Page) -> QScrollArea:
    """A page that is taller or wider than the window scrolls instead of growing the window.

    Installers' laptops run 1366x768 at 125 % scaling (about 1090x610 usable); the stacked pages'
    largest minimum size would otherwise become the window's minimum.
    """
    frame = QScrollArea()
    frame.setWidget(page)
    frame.setWidgetResizable(True)
    frame.setFrameShape(QFrame.Shape.NoFrame)
    return frame


def preload(modules: tuple[str, ...]) -> None:
    """Import a page's heavy libraries (on a worker thread: see MainWindow._build_next_page).

    Python's import lock makes a page built meanwhile on the GUI thread wait for the import
    rather than run it twice; a library that fails to import fails again, with its message,
    when the page itself imports it."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            log.exception("%s could not be loaded ahead of its page", name)
