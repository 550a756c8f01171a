"""The left-hand side of the Meter page: where the meter is, its profile, and the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QScrollArea, QVBoxLayout, QWidget

from app.core.meter.profile import MeterProfile
from app.gui.i18n import Retranslating
from app.gui.steps.meter.link_settings import LinkSettings
from app.gui.steps.meter.poll_controls import PollControls
from app.gui.steps.meter.profile_picker import ProfilePicker


class MeterSetup(Retranslating, QScrollArea):
    """Scrolls when the window is short (the serial settings make a tall form)."""

    def __init__(self, profiles: list[MeterProfile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link_settings = LinkSettings()
        self.picker = ProfilePicker(profiles)
        self.controls = PollControls()
        self.link_box, self.profile_box, self.poll_box = QGroupBox(), QGroupBox(), QGroupBox()
        inside = QWidget()
        column = QVBoxLayout(inside)
        column.setContentsMargins(0, 0, 6, 0)
        for box, widget in (
            (self.link_box, self.link_settings),
            (self.profile_box, self.picker),
            (self.poll_box, self.controls),
        ):
            QVBoxLayout(box).addWidget(widget)
            column.addWidget(box, 1 if box is self.profile_box else 0)
        self.setWidget(inside)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setMinimumWidth(200)  # narrower scrolls sideways; the window may be small
        self.retranslate()

    def retranslate(self) -> None:
        self.link_box.setTitle(self.tr("Where the meter is"))
        self.profile_box.setTitle(self.tr("Profile"))
        self.poll_box.setTitle(self.tr("Polling"))
