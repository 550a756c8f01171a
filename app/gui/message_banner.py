"""An inline message strip at the top of a page: what happened, what to do, details on demand.

Not a modal dialog: the installer can keep working, and a repeated error replaces the one shown
instead of stacking up. An error shown with `show_error` is re-described when the language
changes, so switching language mid-problem shows the same problem in the new language.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.error_text import describe
from app.gui.i18n import Retranslating
from app.gui.icons import step_icon
from app.gui.steps.step import StepState
from app.gui.theme import colors


class Level(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


_ICON_STATE = {
    Level.INFO: StepState.BUSY,
    Level.SUCCESS: StepState.OK,
    Level.WARNING: StepState.WARNING,
    Level.ERROR: StepState.ERROR,
}


class MessageBanner(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._error: BaseException | None = None
        self._level = Level.INFO

        self._icon = QLabel()
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.what = QLabel()
        self.what.setWordWrap(True)
        font = self.what.font()
        font.setBold(True)
        self.what.setFont(font)
        self.todo = QLabel()
        self.todo.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        italic = self.details.font()
        italic.setItalic(True)  # the core's own words, for support: set apart from the advice
        self.details.setFont(italic)
        self.details.hide()
        self._toggle = QToolButton()
        self._toggle.setCheckable(True)
        self._toggle.setAutoRaise(True)
        self._toggle.toggled.connect(self.details.setVisible)
        self._close = QToolButton()
        self._close.setAutoRaise(True)
        self._close.setText("✕")
        self._close.clicked.connect(self.clear)

        text = QVBoxLayout()
        text.setSpacing(2)
        for label in (self.what, self.todo, self.details):
            text.addWidget(label)
        buttons = QVBoxLayout()
        buttons.addWidget(self._close, 0, Qt.AlignmentFlag.AlignRight)
        buttons.addStretch(1)
        buttons.addWidget(self._toggle)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 6, 8)
        row.addWidget(self._icon)
        row.addLayout(text, 1)
        row.addLayout(buttons)
        self.retranslate()
        self.hide()

    def show_error(self, error: BaseException, level: Level = Level.ERROR) -> None:
        """Show a core error translated by its code, with its own message as details."""
        self._error = error
        self._render(level)

    def show_message(self, level: Level, what: str, todo: str = "", details: str = "") -> None:
        """Show text the caller has already translated."""
        self._error = None
        self._set(level, what, todo, details)

    def clear(self) -> None:
        self._error = None
        self.hide()

    @property
    def level(self) -> Level:
        return self._level

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint(self._level)
        super().changeEvent(event)  # Retranslating takes LanguageChange

    def _render(self, level: Level) -> None:
        assert self._error is not None
        text = describe(self._error)
        self._set(level, text.what, text.todo, text.details)

    def _set(self, level: Level, what: str, todo: str, details: str) -> None:
        self.what.setText(what)
        self.todo.setText(todo)
        self.todo.setVisible(bool(todo))
        self.details.setText(details)
        self._toggle.setVisible(bool(details))
        self._toggle.setChecked(False)
        self._icon.setPixmap(step_icon(_ICON_STATE[level]).pixmap(22, 22))
        self._paint(level)
        self.show()

    def _paint(self, level: Level) -> None:
        self._level = level
        palette = colors()
        accent = {
            Level.INFO: palette.info,
            Level.SUCCESS: palette.ok,
            Level.WARNING: palette.warning,
            Level.ERROR: palette.error,
        }[level]
        # The app's palette, not ours: our style sheet changes our own palette.
        base = QApplication.palette().color(QPalette.ColorRole.Window)
        tint = _blend(base, accent, 0.14)
        # Object-name selector: the style must not leak into the labels and buttons inside.
        sheet = (
            f"#messageBanner {{ background: {tint.name()}; border: 1px solid {accent.name()};"
            f" border-left: 4px solid {accent.name()}; border-radius: 4px; }}"
        )
        if sheet != self.styleSheet():  # a style sheet change is itself a palette change
            self.setStyleSheet(sheet)

    def retranslate(self) -> None:
        self._toggle.setText(self.tr("Details"))
        self._close.setToolTip(self.tr("Dismiss"))
        if self._error is not None:
            self._render(self._level)


def _blend(base: QColor, accent: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (accent.red() - base.red()) * amount),
        round(base.green() + (accent.green() - base.green()) * amount),
        round(base.blue() + (accent.blue() - base.blue()) * amount),
    )
