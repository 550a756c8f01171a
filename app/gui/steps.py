"""The installer's steps, in order, and the state each one can be in.

The sidebar, the Ctrl+1..6 shortcuts, the screenshots and the page loader all read STEPS. A
step's page lives in app/gui/pages/<key>.py as the class named here; until that file exists
the app shows a placeholder, so the frame runs with any subset of pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.gui.i18n import N_


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    BUSY = "busy"
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Step:
    key: str  # also the page's module name and the screenshot's file name
    title_source: str  # English source text; translated by title()
    class_name: str

    @property
    def module(self) -> str:
        return f"app.gui.pages.{self.key}"

    def title(self) -> str:
        return QCoreApplication.translate("Steps", self.title_source)


STEPS: tuple[Step, ...] = (
    Step("connection", N_("Steps", "Connection"), "ConnectionPage"),
    Step("device", N_("Steps", "Device"), "DevicePage"),
    Step("meter", N_("Steps", "Meter"), "MeterPage"),
    Step("plot", N_("Steps", "Plot"), "PlotPage"),
    Step("clock", N_("Steps", "Clock"), "ClockPage"),
    Step("upload", N_("Steps", "Upload"), "UploadPage"),
)


def step(key: str) -> Step:
    for candidate in STEPS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
