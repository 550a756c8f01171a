"""An inline message strip at the top of a page: what happened, what to do, details on demand.

Not a modal dialog: the installer can keep working, and a repeated error replaces the one shown
instead of stacking up. Every message keeps its source, not its words: an error (described by
its code), a `render` function, or functions that call self.tr() (`show_message(level, lambda:
self.tr("Saved."))`). A language switch renders it again, so a problem on screen follows the
switch. A plain str is shown as it is (only for text that is in no language: a path, a number).

Docked (`dock(slot)`, as every Page does), the banner lies over an empty slot that keeps its
place in the page's layout: showing or hiding it never moves the widgets below, so a button is
never pulled away from under the pointer. A message longer than the slot spreads over the top
of the page's body instead of pushing it down.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt
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

from app.core.meter.bus_time import LinkKind
from app.gui.error_text import ErrorText, describe
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


type Text = str | Callable[[], str]  # a function renders it in the language of the moment
type Render = Callable[[], ErrorText]


def _text(text: Text) -> str:
    return text if isinstance(text, str) else text()


class MessageBanner(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._render: Render | None = None  # the message's source, rendered on each switch
        self._level = Level.INFO
        self._slot: QWidget | None = None

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
        self._toggle.toggled.connect(self._on_toggle)
        self._close = QToolButton()
        self._close.setAutoRaise(True)
        self._close.setText("✕")
        self._close.clicked.connect(self.clear)

        text = QVBoxLayout()
        text.setSpacing(2)
        for label in (self.what, self.todo, self.details):
            text.addWidget(label)
        text.addStretch(1)  # a short message stays at the top, beside the icon
        buttons = QVBoxLayout()
        buttons.addWidget(self._close, 0, Qt.AlignmentFlag.AlignRight)
        buttons.addStretch(1)
        buttons.addWidget(self._toggle)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 6, 8)
        row.addWidget(self._icon)
        row.addLayout(text, 1)
        row.addLayout(buttons)
        self._row = row
        self.retranslate()
        self.hide()

    def show_error(
        self, error: BaseException, level: Level = Level.ERROR, *, link: LinkKind | None = None
    ) -> None:
        """Show a core error translated by its code, with its own message as details; `link`,
        the kind of meter link it came from, makes a link error's advice fit that link."""
        self.show_text(level, lambda: describe(error, link=link))

    def show_text(self, level: Level, render: Render) -> None:
        """Show what `render()` says (called again on every language switch)."""
        self._render = render
        self._level = level
        self._show()

    def show_message(self, level: Level, what: Text, todo: Text = "", details: str = "") -> None:
        """Show a message; give `what` and `todo` as functions that call self.tr() so that a
        language switch can render them again (`lambda: self.tr("Logged out.")`)."""
        self.show_text(level, lambda: ErrorText(_text(what), _text(todo), details))

    def clear(self) -> None:
        self._render = None
        self.hide()

    def dock(self, slot: QWidget) -> None:
        """Lie over `slot`, an empty widget in the parent's layout that keeps the banner's
        place (one line of what happened and one of what to do), shown or not."""
        self._slot = slot
        slot.setFixedHeight(self._docked_height())
        slot.installEventFilter(self)
        self._place()

    @property
    def level(self) -> Level:
        return self._level

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._paint(self._level)
            if self._slot is not None and event.type() == QEvent.Type.FontChange:
                self._slot.setFixedHeight(self._docked_height())
        super().changeEvent(event)  # Retranslating takes LanguageChange

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._slot and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._place()
        return super().eventFilter(watched, event)

    def _show(self, keep_details: bool = False) -> None:
        assert self._render is not None
        text = self._render()
        self.what.setText(text.what)
        self.todo.setText(text.todo)
        self.todo.setVisible(bool(text.todo))
        self.details.setText(text.details)
        self._toggle.setVisible(bool(text.details))
        if not keep_details:
            self._toggle.setChecked(False)
        self._icon.setPixmap(step_icon(_ICON_STATE[self._level]).pixmap(22, 22))
        self._paint(self._level)
        self.show()
        self._place()

    def _on_toggle(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self._place()

    def _place(self) -> None:
        """Docked: over the slot, as wide, as tall as the message needs (at least the slot)."""
        slot = self._slot
        if slot is None or self.isHidden():
            return
        layout, width = self._row, slot.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
        height = max(slot.height(), needed, layout.totalMinimumSize().height())
        self.setGeometry(slot.x(), slot.y(), width, height)
        self.raise_()

    def _docked_height(self) -> int:
        """A one-line "what happened" and a one-line "what to do", with the buttons beside."""
        text = self.what.fontMetrics().lineSpacing() + self.todo.fontMetrics().lineSpacing() + 2
        buttons = self._close.sizeHint().height() + self._toggle.sizeHint().height()
        margins = self._row.contentsMargins()
        frame = 2 * self.frameWidth()
        return max(text, buttons) + margins.top() + margins.bottom() + frame

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
        if self._render is not None:
            self._show(keep_details=True)


def _blend(base: QColor, accent: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (accent.red() - base.red()) * amount),
        round(base.green() + (accent.green() - base.green()) * amount),
        round(base.blue() + (accent.blue() - base.blue()) * amount),
    )
