"""One of the Clock page's three clocks: its name, its time now, its offset and verdict, a note.

The page computes the time each second from the measured offsets (no I/O per tick) and hands it
here; the card only shows it. The verdict is written in its tone's colour (ToneLabel), which
follows light/dark switches.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.core.clock.verdict import Verdict
from app.gui.i18n import Retranslating
from app.gui.steps.clock.clock_text import long_date_text, time_text, verdict_name, verdict_tone
from app.gui.widgets.step_pointer import StepPointer
from app.gui.widgets.tone_label import Tone, ToneLabel

_NO_TIME = "--:--:--"


class ClockCard(Retranslating, QFrame):
    link_activated = Signal(str)  # a step key from a pointer in the note ("connection", "meter")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.time = QLabel(_NO_TIME)
        big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        big.setPointSizeF(self.title.font().pointSizeF() * 2.2)
        self.time.setFont(big)
        self.date = QLabel()
        self.zone = QLabel()
        self.offset = QLabel()
        self.offset.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = ToneLabel()  # the verdict, in its colour (light and dark)
        self.state.setFont(bold)
        self.verdict: Verdict | None = None
        self.note = StepPointer()
        self.note.linkActivated.connect(self.link_activated)
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        for label in (self.title, self.time, self.date, self.zone, self.offset, self.state):
            layout.addWidget(label)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.set_note("")
        self.retranslate()

    def retranslate(self) -> None:
        """The verdict's name; the title, offset and note are the owner's texts."""
        self.state.setText(verdict_name(self.verdict) if self.verdict is not None else "")

    def show_time(self, moment: datetime | None) -> None:
        """The clock's wall time now (aware, in the zone it is shown in), or None if unknown."""
        self.time.setText(time_text(moment) if moment is not None else _NO_TIME)
        _show(self.date, long_date_text(moment) if moment is not None else "")

    def set_zone(self, text: str) -> None:
        _show(self.zone, text)

    def set_offset(self, text: str, verdict: Verdict | None) -> None:
        _show(self.offset, text)
        self.verdict = verdict
        self.retranslate()
        self.state.set_tone(verdict_tone(verdict) if verdict is not None else Tone.PLAIN)
        self.state.setVisible(verdict is not None)

    def set_note(self, html: str) -> None:
        _show(self.note, html)


def _show(label: QLabel, text: str) -> None:
    """An empty line takes no room (a card without a meter is not a column of gaps)."""
    label.setText(text)
    label.setVisible(bool(text))
