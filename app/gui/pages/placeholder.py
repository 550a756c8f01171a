"""What a step shows until its page module exists, so the frame runs with any set of pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.gui.pages.base import Page
from app.gui.session import Session
from app.gui.steps import Step


class PlaceholderPage(Page):
    def __init__(self, session: Session, step: Step) -> None:
        self.key = step.key  # per instance: one class stands in for any step
        self._step = step
        super().__init__(session)
        self.note = QLabel()
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setEnabled(False)  # drawn in the palette's muted colour
        self.body.addWidget(self.note, 1)

    def title(self) -> str:
        return self._step.title()

    def retranslate(self) -> None:
        self.note.setText(self.tr("This step is not available in this version yet."))
