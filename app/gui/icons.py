"""The app's SVG icons (crisp at any DPI), loaded once from resources/icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from app.core.resources import resources_dir
from app.gui.steps.step import StepState


@cache
def icon(name: str) -> QIcon:
    """resources/icons/<name>.svg; an empty icon (logged by Qt) if the file is missing."""
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def app_icon() -> QIcon:
    return icon("medido")


@cache
def step_icon(state: StepState) -> QIcon:
    name = f"step-{state.value.replace('_', '-')}"
    if state is not StepState.NOT_STARTED:
        return icon(name)
    # The grey ring vanishes on a selection highlight; selected rows get a light one.
    ring = QIcon(str(resources_dir() / "icons" / f"{name}.svg"))
    ring.addFile(str(resources_dir() / "icons" / f"{name}-selected.svg"), mode=QIcon.Mode.Selected)
    return ring
