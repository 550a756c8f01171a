"""A sentence that sends the installer to another step: rich text with `<a href="key">` links.

The app's one "go to step" style (the Device page's login pointer, the Upload page's hints, the
Clock page's card notes): the link's href is the step's key (app/gui/steps.py), and the page
connects `linkActivated` to `session.request_step`. Plain text mixed in must be html-escaped.
Links take the keyboard focus too (Tab, then Enter).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class StepPointer(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
