"""The list of steps on the left, each with its state icon (not started, busy, ok, warning…)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from app.gui.icons import step_icon
from app.gui.steps.catalog import Step
from app.gui.steps.step import StepState


class Sidebar(QListWidget):
    def __init__(self, steps: tuple[Step, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.steps = steps
        self.states = {s.key: StepState.NOT_STARTED for s in steps}
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(1)
        # Roomier rows; no dotted focus frame (the highlighted row already shows the focus).
        self.setStyleSheet("#sidebar { outline: 0; } #sidebar::item { padding: 5px 4px; }")
        self.setUniformItemSizes(True)
        for _ in steps:
            self.addItem(QListWidgetItem())
        self.set_titles([s.title() for s in steps])
        for s in steps:
            self.set_state(s.key, StepState.NOT_STARTED)

    def set_titles(self, titles: list[str]) -> None:
        for row, title in enumerate(titles):
            item = self.item(row)
            item.setText(title)
            item.setToolTip(f"{title} (Ctrl+{row + 1})")
        # Wide enough for the longest title in this language, and never jumpy for short ones.
        longest = max(self.fontMetrics().horizontalAdvance(t) for t in titles)
        minimum = self.fontMetrics().horizontalAdvance("M") * 12
        self.setFixedWidth(max(longest, minimum) + self.iconSize().width() + 40)

    def set_state(self, key: str, state: StepState) -> None:
        row = next(i for i, s in enumerate(self.steps) if s.key == key)
        self.states[key] = state
        self.item(row).setIcon(step_icon(state))
