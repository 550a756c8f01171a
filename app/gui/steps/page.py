"""The base of every step's page: header, message banner, body, step state, jobs, language.

A page is a QWidget in its step's folder (app/gui/steps/<key>/page.py) that talks only to the
Session.
It fills `self.body` (a QVBoxLayout) in __init__, runs core coroutines with `self.run(...)`,
shows core errors with `self.show_error(...)` (or lets `run` do it), reports its step's state
with `self.set_step_state(...)`, and sets its texts in `retranslate()`. Build pages with
`PageClass.build(session)`: it calls retranslate() and restore_settings() once the subclass's
__init__ is done; retranslate() runs again on every language switch (app.gui.i18n.Retranslating;
the page's child widgets retranslate themselves). See docs/gui-architecture.md.

The banner never moves the page: it lies over a slot of its own height kept in the layout
(MessageBanner.dock), so showing a message does not push the buttons below away from the pointer.
Messages keep their source and follow a language switch: `self.show_message(level, lambda:
self.tr("..."))`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Self

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.meter.bus_time import LinkKind
from app.gui.i18n import Retranslating
from app.gui.job import Job
from app.gui.message_banner import Level, MessageBanner, Render
from app.gui.session import Session
from app.gui.steps.step import StepState, step_title


class Page(Retranslating, QWidget):
    """Subclasses set `key` to their step's key (see app/gui/steps.py)."""

    key: str = ""  # the step this page is for (app/gui/steps.py); set by each subclass
    step_state = Signal(object)  # StepState, whenever it changes

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._state = StepState.NOT_STARTED
        self._jobs: set[Job[Any]] = set()
        self.setObjectName(f"page-{self.key}")

        self.header = QLabel()
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.header.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.banner = MessageBanner(self)  # over banner_slot, outside the layout
        self.banner_slot = QWidget()
        self.banner_slot.setObjectName("bannerSlot")
        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.addWidget(self.header)
        outer.addWidget(self.intro)
        outer.addWidget(self.banner_slot)
        outer.addLayout(self.body, 1)
        self.banner.dock(self.banner_slot)

    @classmethod
    def build(cls, session: Session) -> Self:
        """Construct, then set the texts and restore the settings (the subclass is built now)."""
        page = cls(session)
        page.retranslate_all()
        page.restore_settings()
        return page

    # -- what subclasses provide --------------------------------------------------------------

    def title(self) -> str:
        """The step's name, translated (sidebar, header); the registry's unless overridden."""
        return step_title(self.key)

    def description(self) -> str:
        """One translated sentence under the title saying what this step proves; "" for none."""
        return ""

    def retranslate(self) -> None:
        """Set every text the page itself makes with self.tr(...) (widgets from app/gui/widgets
        set their own); called at start and on every language switch."""

    def save_settings(self) -> None:
        """Write this page's options to self.session.settings (called at exit)."""

    def restore_settings(self) -> None:
        """Read this page's options (called once, after construction)."""

    # -- what subclasses use ------------------------------------------------------------------

    @property
    def state(self) -> StepState:
        return self._state

    def set_step_state(self, state: StepState) -> None:
        if state is not self._state:
            self._state = state
            self.step_state.emit(state)

    def run[T](
        self,
        coro: Coroutine[Any, Any, T],
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job[T]:
        """Run a core coroutine on the core loop; callbacks run on the GUI thread.

        Errors go to `on_error`, or to this page's banner if none is given. The main window
        cancels jobs still running when it closes (cancel_jobs).
        """
        job = self.session.bridge.submit(coro)
        self._jobs.add(job)
        if on_success is not None:
            job.succeeded.connect(on_success)
        job.failed.connect(on_error if on_error is not None else self.show_error)
        job.finished.connect(lambda: self._jobs.discard(job))
        return job

    def cancel_jobs(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def show_error(self, error: BaseException, *, link: LinkKind | None = None) -> None:
        """A core error in the banner; `link`: the meter link's kind, for a link error."""
        self.banner.show_error(error, link=link)

    def show_message(
        self,
        level: Level,
        what: Callable[[], str],
        todo: Callable[[], str] | None = None,
        details: str = "",
    ) -> None:
        """A message of the page's own, given as functions that call self.tr() (so that it
        follows a language switch): `self.show_message(Level.INFO, lambda: self.tr("Saved."))`.
        `details` is language-free text (a path, the core's English message)."""
        self.banner.show_message(level, what, todo or "", details)

    def show_text(self, level: Level, render: Render) -> None:
        """A message rendered by `render()` now and on every language switch."""
        self.banner.show_text(level, render)

    # -- plumbing -----------------------------------------------------------------------------

    def language_changed(self) -> None:
        self.retranslate_all()  # the header and intro too (Retranslating calls this)

    def retranslate_all(self) -> None:
        """Header, intro, then the subclass's retranslate()."""
        self.header.setText(self.title())
        text = self.description()
        self.intro.setText(text)
        self.intro.setVisible(bool(text))
        self.retranslate()
