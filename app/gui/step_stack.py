"""The steps' pages, stacked, one per sidebar row; the main window shows one at a time.

Pages are built with the window, except a step the catalog marks `deferred` (the Plot: pyqtgraph
and numpy): an empty placeholder holds its place until `build_deferred()`, which the window calls
right after its first paint, or until the page is shown or asked for (`page(key)`, `pages()`).
The installer sees the window that much sooner, and the page is still listening to the session
within a moment of start-up (its step state in the sidebar, the sensors it offers).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

from app.gui.session import Session
from app.gui.steps.catalog import Step
from app.gui.steps.page import Page


class StepStack(QStackedWidget):
    step_state = Signal(str, object)  # the step's key, its page's StepState

    def __init__(self, session: Session, steps: tuple[Step, ...]) -> None:
        super().__init__()
        self.session = session
        self.steps = steps
        self._pages: dict[str, Page] = {}
        self._placeholders: dict[str, QWidget] = {}
        for step in steps:
            if step.deferred:
                self._placeholders[step.key] = QWidget()
                self.addWidget(self._placeholders[step.key])
            else:
                self.addWidget(self._build(step))

    def page(self, key: str) -> Page:
        """The step's page, built now if it was deferred."""
        if key not in self._pages:
            row = self.row(key)
            placeholder = self._placeholders.pop(key)
            frame = self._build(self.steps[row])
            shown = self.currentWidget() is placeholder
            self.insertWidget(row, frame)  # the placeholder moves to row + 1
            if shown:
                self.setCurrentWidget(frame)
            self.removeWidget(placeholder)
            placeholder.deleteLater()
        return self._pages[key]

    def pages(self) -> dict[str, Page]:
        """Every step's page in the steps' order (the deferred ones are built now)."""
        return {step.key: self.page(step.key) for step in self.steps}

    def built(self) -> list[Page]:
        """The pages built so far, in the steps' order (what there is to save at exit)."""
        return [self._pages[s.key] for s in self.steps if s.key in self._pages]

    def build_deferred(self) -> None:
        for step in self.steps:
            if step.deferred:
                self.page(step.key)

    def show_row(self, row: int) -> None:
        """Show the row's page, building it first if it was deferred (the sidebar's slot)."""
        if 0 <= row < len(self.steps):
            self.page(self.steps[row].key)
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
