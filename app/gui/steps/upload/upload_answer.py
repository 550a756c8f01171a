"""ChileMedido's answer to a test upload, in words: stored (with each warning explained), or
refused with the server's own message, and whether the history kept a record."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.core.api import ApiError
from app.core.upload.attempt import UploadAttempt
from app.gui.error_text import describe, describe_code
from app.gui.i18n import Retranslating, fill


class UploadAnswer(Retranslating, QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attempt: UploadAttempt | None = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def retranslate(self) -> None:
        self.show_attempt(self.attempt)

    def show_attempt(self, attempt: UploadAttempt | None) -> None:
        self.attempt = attempt
        lines = self._lines(attempt) if attempt is not None else []
        self.setText("".join(f'<p style="margin:2px 0">{html.escape(t)}</p>' for t in lines))
        self.setVisible(bool(lines))

    def _lines(self, attempt: UploadAttempt) -> list[str]:
        lines: list[str] = []
        result, error = attempt.result, attempt.error
        if result is not None:
            answered = (
                self.tr("ChileMedido answered HTTP %1: stored.")
                if result.success
                else self.tr("ChileMedido answered HTTP %1 but did not confirm it stored it.")
            )
            lines.append(fill(answered, result.status))
            for note in attempt.explanations:
                text = describe_code(note.code, note.message, {"sensor": note.sensor or ""})
                said = fill(self.tr("(ChileMedido said: “%1”)"), note.raw)
                lines.append(" ".join(t for t in ("⚠", text.what, text.todo, said) if t))
        elif isinstance(error, ApiError):
            status = str(error.status) if error.status is not None else "—"
            lines.append(fill(self.tr("Not stored (HTTP %1): %2"), status, describe(error).what))
            if error.server_message:
                lines.append(fill(self.tr("ChileMedido said: “%1”"), error.server_message))
            if attempt.queued:
                lines.append(
                    self.tr(
                        "It waits in the outbox and is sent again by itself when ChileMedido "
                        "answers."
                    )
                )
            else:
                lines.append(self.tr("The measurement is kept above: change it or send it again."))
        if attempt.history_error is not None:
            lines.append(describe(attempt.history_error).what)
        if attempt.outbox_error is not None:
            lines.append(describe(attempt.outbox_error).what)
        return lines
