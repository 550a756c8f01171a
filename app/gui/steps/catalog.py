"""The installer's steps, in order; each page class is imported when its page is built.

The main window, the sidebar, the Ctrl+1..7 shortcuts and the screenshots read STEPS. A step
names its page class instead of importing it: the window paints with only the step it shows
built (and its modules loaded), and the other pages are built one at a time right after the
first paint (app/gui/step_stack.py), so what only they need — pyqtgraph and numpy for the Plot,
Modbus and HTTP for the meter and the check — loads once the installer already sees the window.
Pages and shared widgets import app.gui.steps.step (state and titles) and app.gui.steps.page (the
base), never this. tests/gui/steps/test_page.py imports every page class named here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.gui.steps.step import TITLES, step_title

if TYPE_CHECKING:  # the pages' base brings the session and the core: not for the window's shell
    from app.gui.steps.page import Page


@dataclass(frozen=True, slots=True)
class Step:
    key: str  # also the step's folder (app/gui/steps/<key>/page.py) and its screenshot's name
    class_name: str  # the page class in that module
    # Heavy libraries the page imports only when built (not at the top of its module): loaded
    # with the page's module on a worker thread first when the page is built after the first
    # paint, so the window does not stop for them (the Plot's pyqtgraph and numpy: about 0.3 s
    # frozen, 1.5 s from source).
    preload: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        return f"app.gui.steps.{self.key}.page"

    @property
    def page(self) -> type[Page]:
        """The page class, its module imported now (the first time)."""
        from app.gui.steps.page import Page

        found = getattr(importlib.import_module(self.module), self.class_name)
        if not (isinstance(found, type) and issubclass(found, Page)):
            raise TypeError(f"{self.module}.{self.class_name} is not a page")
        return found

    @property
    def title_source(self) -> str:
        return TITLES[self.key]

    def title(self) -> str:
        return step_title(self.key)


STEPS: tuple[Step, ...] = (
    Step("connection", "ConnectionPage"),
    Step("device", "DevicePage"),
    Step("meter", "MeterPage"),
    Step("plot", "PlotPage", preload=("numpy", "pyqtgraph")),
    Step("clock", "ClockPage"),
    Step("upload", "UploadPage"),
    Step("check", "CheckPage"),
)


def step(key: str) -> Step:
    for candidate in STEPS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
