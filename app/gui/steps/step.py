"""A step's state and its title: what the pages, the sidebar and the window share about steps.

Kept apart from STEPS (app/gui/steps/__init__.py), which imports every page: a page imports
this module, never the list that imports it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.gui.i18n import N_


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    BUSY = "busy"
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


# English source texts, in the installer's order; translated by step_title().
TITLES: dict[str, str] = {
    "connection": N_("Steps", "Connection"),
    "device": N_("Steps", "Device"),
    "meter": N_("Steps", "Meter"),
    "plot": N_("Steps", "Plot"),
    "clock": N_("Steps", "Clock"),
    "upload": N_("Steps", "Upload"),
    "check": N_("Steps", "Check"),
}


def step_title(key: str) -> str:
    return QCoreApplication.translate("Steps", TITLES[key])
