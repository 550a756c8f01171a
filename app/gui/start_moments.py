"""The main window's start-up moments: its first frame, the first frame of the page it shows.

A staged start (app/gui/app.py, StagedLaunch) paints the window's shell, attaches the session
on the next turn, then waits for the shown page's first frame before the other pages are
built, so that they never delay it. `launch()` builds the page before the window shows, so
there the page paints with the window. Each moment is written for the start-up figures
(app/gui/first_paint.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from app.gui.first_paint import note_first_paint, note_page_paint

# How long a staged start waits for the shown page's first frame (a minimised window paints
# none) before it goes on all the same.
PAGE_PAINT_WAIT_MS = 2000


class StartMoments(QObject):
    first_painted = Signal()  # once, on the turn after the window's first frame
    started = Signal()  # once, when the window and its shown page are on screen

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.painted = False
        self._page: QWidget | None = None  # the page shown at start, until it paints
        self._waited_for_page = False
        self._announced = False
        window.installEventFilter(self)

    def watch_page(self, page: QWidget, shown_instead: SignalInstance) -> None:
        """Emit `started` once `page` painted, or once `shown_instead` fires first (another
        step shown by a click or key that waited for the core), or after PAGE_PAINT_WAIT_MS."""
        self._page = page
        self._waited_for_page = True
        page.installEventFilter(self)
        shown_instead.connect(self._page_not_painted)
        QTimer.singleShot(PAGE_PAINT_WAIT_MS, self._page_not_painted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self._window and not self.painted:
                self.painted = True
                QTimer.singleShot(0, note_first_paint)  # once this frame is done, children too
                # A zero timer started by show() fires before the first paint: hence here.
                QTimer.singleShot(0, self._after_first_paint)
            elif watched is self._page:
                self._page_on_screen(painted=True)
        return False

    def _after_first_paint(self) -> None:
        if not self._window.isVisible():  # closed at once (smoke tests)
            return
        self.first_painted.emit()  # a staged start attaches the session now (watch_page)
        if not self._waited_for_page:
            self._announce()  # the shown page painted with the window, or there is none

    def _page_not_painted(self, *_: object) -> None:
        self._page_on_screen(painted=False)

    def _page_on_screen(self, *, painted: bool) -> None:
        page = self._page
        if page is None:
            return
        page.removeEventFilter(self)
        self._page = None
        if painted:
            QTimer.singleShot(0, note_page_paint)  # once the page's frame is done
        QTimer.singleShot(0, self._announce)

    def _announce(self) -> None:
        if not self._announced:  # once, whichever way it came
            self._announced = True
            self.started.emit()
