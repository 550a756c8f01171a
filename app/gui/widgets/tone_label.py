"""A label whose text colour says ok / warning / error, and follows light and dark switches."""

from __future__ import annotations

import html
from enum import StrEnum

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.gui.theme import colors


class Tone(StrEnum):
    PLAIN = "plain"
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


def tone_colour(tone: Tone) -> QColor:
    """The theme's colour for a tone now (light or dark); PLAIN is the app's text colour."""
    if tone is Tone.PLAIN:
        return QApplication.palette().color(QPalette.ColorRole.WindowText)
    meaning: QColor = getattr(colors(), tone.value)
    return meaning


def tagged_line(tone: Tone, tag: str, text: str) -> str:
    """A rich-text line "Tag · text", the tag bold in the tone's colour (both escaped here).

    For lists of verdicts and checks in a QLabel; redraw it when the theme changes.
    """
    colour = tone_colour(tone).name()
    tagged = f'<b style="color:{colour}">{html.escape(tag)}</b>'
    return f'<p style="margin:2px 0">{tagged} · {html.escape(text)}</p>'


class ToneLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.tone = Tone.PLAIN

    def set_tone(self, tone: Tone) -> None:
        self.tone = tone
        self._paint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()  # the app switched light/dark: the meaning colours have two variants
        super().changeEvent(event)

    def _paint(self) -> None:
        colour = tone_colour(self.tone)
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != colour:  # setPalette is a change too
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)
