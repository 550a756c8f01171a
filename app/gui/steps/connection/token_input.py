"""Where the installer pastes a refresh token; once it reads as a token, it disappears.

Tokens arrive wrapped, with spaces, quotes and line breaks (PDFs, e-mails): the core's
parse_token copes with all of that, so the text is read on every change. As soon as it is a
token, the widget keeps the cleaned text privately, empties the editor (its undo history too)
and shows a masked line instead: the claims say everything the installer needs, the token
itself is never on screen again. Text that is not a token stays, so it can be fixed; so does a
token whose end is still missing (token_check.py): pasted in pieces, it waits for the rest, and
only a whole token enables Log in. A paste (or a key typed) while the masked line shows is
never dropped: added after the token it may complete it (a piece that happened to look whole),
or it is a new whole token, or the editor shows both again to be fixed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.api import InvalidToken, TokenInfo, clean_token_text, parse_token
from app.gui.i18n import Retranslating
from app.gui.steps.connection.token_check import incomplete, signature_complete


class TokenInput(Retranslating, QWidget):
    changed = Signal()  # the token, its claims or the problem changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret: str | None = None
        self.info: TokenInfo | None = None
        self.problem: InvalidToken | None = None

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("tokenEditor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setTabChangesFocus(True)
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setFixedHeight(line * 4 + 12)
        self.editor.textChanged.connect(self._on_text)

        self.masked = QLabel()
        self.masked.setObjectName("tokenMasked")
        self.masked.setWordWrap(True)
        self.replace = QPushButton()
        self.replace.clicked.connect(self.clear)
        masked_page = QWidget()
        row = QHBoxLayout(masked_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.masked, 1)
        row.addWidget(self.replace)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.editor)
        self.stack.addWidget(masked_page)
        self.stack.setFixedHeight(self.editor.height())
        self._masked_page = masked_page
        self._paste = QShortcut(QKeySequence.StandardKey.Paste, self)
        self._paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._paste.setEnabled(False)  # only while masked: the editor pastes by itself
        self._paste.activated.connect(self.paste_more)
        for widget in (masked_page, self.replace):  # keys typed while masked: kept, not lost
            widget.installEventFilter(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stack)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def retranslate(self) -> None:
        self.editor.setPlaceholderText(
            self.tr(
                "Paste here the refresh token the ChileMedido administrator sent (line breaks "
                "and spaces from the e-mail or PDF do not matter)."
            )
        )
        self.masked.setText(
            "●●●●●●●●  " + self.tr("Refresh token pasted (hidden). Its claims are shown below.")
        )
        self.replace.setText(self.tr("Paste &another"))

    # -- state --------------------------------------------------------------------------------

    def token_text(self) -> str | None:
        """The cleaned token (a secret: hand it to the core, never to a widget or a log)."""
        return self._secret

    def set_token(self, text: str) -> None:
        """Take a token from elsewhere (a file) as if it had been pasted."""
        self.editor.setPlainText(text)

    def paste_more(self, pasted: str | None = None) -> None:
        """A paste (the clipboard's text) while the token is masked, kept whatever it is."""
        pasted = QApplication.clipboard().text() if pasted is None else pasted
        if not pasted.strip():
            return
        joined = (self._secret or "") + pasted
        text = pasted if not _whole(joined) and _whole(pasted) else joined
        self.clear()
        self.editor.setPlainText(text)  # read again: masked if whole, else shown to be fixed
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # where the next piece goes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Text typed while the masked line shows goes after the token, as a paste would."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            typed = event.text()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if plain and typed.isprintable() and typed.strip():
                self.paste_more(typed)
                return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Forget the token and any text; the editor is ready for a new paste."""
        self._secret = None
        self.info = None
        self.problem = None
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self._show_page(0)
        self.changed.emit()
        self.editor.setFocus()

    # -- reading ------------------------------------------------------------------------------

    def _on_text(self) -> None:
        text = self.editor.toPlainText()
        if not text.strip():
            self._secret, self.info, self.problem = None, None, None
            self.changed.emit()
            return
        try:
            info = parse_token(text)
        except InvalidToken as error:
            self._secret, self.info, self.problem = None, None, error
            self.changed.emit()
            return
        cleaned = clean_token_text(text)
        if not signature_complete(cleaned, info):  # a piece of a token: wait for the rest
            self._secret, self.info, self.problem = None, None, incomplete()
            self.changed.emit()
            return
        self._secret, self.info, self.problem = cleaned, info, None
        typing = self.editor.hasFocus()
        self.editor.blockSignals(True)
        self.editor.clear()  # also drops the undo history: Ctrl+Z cannot bring it back
        self.editor.blockSignals(False)
        self._show_page(1)
        if typing:
            self.replace.setFocus()  # keeps the focus here, where a paste starts a new token
        self.changed.emit()

    def _show_page(self, index: int) -> None:
        """The editor is four lines tall; the masked line needs only its own height."""
        self.stack.setCurrentIndex(index)
        self._paste.setEnabled(index == 1)
        masked = self._masked_page.sizeHint().height()
        self.stack.setFixedHeight(masked if index else self.editor.height())


def _whole(text: str) -> bool:
    try:
        info = parse_token(text)
    except InvalidToken:
        return False
    return signature_complete(clean_token_text(text), info)
