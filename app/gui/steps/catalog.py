"""The installer's steps, in order, each with its page class.

The main window, the sidebar, the Ctrl+1..7 shortcuts and the screenshots read STEPS. It imports
the page classes directly, so static tools see the whole import graph; pages and shared widgets
import app.gui.steps.step (state and titles) and app.gui.steps.page (the base), never this.

A `deferred` step's page is built right after the window first paints itself (see
app/gui/step_stack.py), so what only that page needs loads then: the Plot's pyqtgraph and numpy
were a third of the launch time. Its module imports them in the page's __init__, not at the top.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.gui.steps.check.page import CheckPage
from app.gui.steps.clock.page import ClockPage
from app.gui.steps.connection.page import ConnectionPage
from app.gui.steps.device.page import DevicePage
from app.gui.steps.meter.page import MeterPage
from app.gui.steps.page import Page
from app.gui.steps.plot.page import PlotPage
from app.gui.steps.step import TITLES, step_title
from app.gui.steps.upload.page import UploadPage


@dataclass(frozen=True, slots=True)
class Step:
    page: type[Page]
    deferred: bool = False  # built after the window's first paint (see above)

    @property
    def key(self) -> str:
        """Also the step's folder and the screenshot's file name."""
        return self.page.key

    @property
    def title_source(self) -> str:
        return TITLES[self.key]

    def title(self) -> str:
        return step_title(self.key)


STEPS: tuple[Step, ...] = (
    Step(ConnectionPage),
    Step(DevicePage),
    Step(MeterPage),
    Step(PlotPage, deferred=True),
    Step(ClockPage),
    Step(UploadPage),
    Step(CheckPage),
)


def step(key: str) -> Step:
    for candidate in STEPS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
