"""Where the installer pastes a refresh token; once it reads as a token, it disappears.

Tokens arrive wrapped, with spaces, quotes and line breaks (PDFs, e-mails): the core's
parse_token copes with all of that, so the text is read on every change. As soon as it is a
token, the widget keeps the cleaned text privately, empties the editor (its undo history too)
and shows a masked line instead: the claims say everything the installer needs, the token
itself is never on screen again. Text that is not a token stays, so it can be fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
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
        self._secret, self.info, self.problem = clean_token_text(text), info, None
        self.editor.blockSignals(True)
        self.editor.clear()  # also drops the undo history: Ctrl+Z cannot bring it back
        self.editor.blockSignals(False)
        self._show_page(1)
        self.changed.emit()

    def _show_page(self, index: int) -> None:
        """The editor is four lines tall; the masked line needs only its own height."""
        self.stack.setCurrentIndex(index)
        masked = self._masked_page.sizeHint().height()
        self.stack.setFixedHeight(masked if index else self.editor.height())
