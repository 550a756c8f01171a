"""What a pasted token says about itself: for whom, issued and expiring when, still valid or not.

Read from the claims only (TokenInfo): the token text never gets here. Text that is not a token
gets one clear sentence instead, saying what is wrong and what to paste.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.core.api import EXPIRY_WARNING, InvalidToken, TokenInfo, TokenKind
from app.gui.i18n import N_, Retranslating, fill
from app.gui.widgets.dates import date_text, local_and_utc, now
from app.gui.widgets.tone_label import Tone, ToneLabel

# InvalidToken.params["reason"] → what is wrong, in the installer's words.
_PIECES = ("truncated", "incomplete")  # a token cut short, or pasted in pieces: more to come
_REASONS = {
    "empty": N_("TokenClaims", "nothing was pasted"),
    "segments": N_("TokenClaims", "a token has three parts separated by dots, this text has not"),
    "base64": N_("TokenClaims", "it has characters a token never contains"),
    "header_json": N_("TokenClaims", "its contents cannot be read"),
    "claims_json": N_("TokenClaims", "its contents cannot be read"),
    "no_exp": N_("TokenClaims", "it has no expiry date"),
    "bad_iat": N_("TokenClaims", "its dates are not valid"),
    "bad_exp": N_("TokenClaims", "its dates are not valid"),
}


class TokenClaims(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: TokenInfo | None = None
        self.problem: InvalidToken | None = None
        self.provider = QLabel()
        self.gateway = QLabel()
        self.issuer = QLabel()
        self.issued = QLabel()
        self.expires = QLabel()
        self.validity = ToneLabel()
        self.validity.setObjectName("tokenValidity")
        self.validity.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self._names = [QLabel() for _ in range(6)]
        values = (self.provider, self.gateway, self.issuer, self.issued, self.expires)
        for name, value in zip(self._names, (*values, self.validity), strict=True):
            self.form.addRow(name, value)
        self.retranslate()

    def show_token(self, info: TokenInfo | None, problem: InvalidToken | None) -> None:
        self.info, self.problem = info, problem
        self._render()

    def retranslate(self) -> None:
        names = (
            self.tr("Provider:"),
            self.tr("Gateway:"),
            self.tr("Issuer:"),
            self.tr("Issued:"),
            self.tr("Expires:"),
            self.tr("Status:"),
        )
        for label, text in zip(self._names, names, strict=True):
            label.setText(text)
        self._render()

    def _render(self) -> None:
        info, problem = self.info, self.problem
        self.setVisible(info is not None or problem is not None)
        for row in range(5):
            self.form.setRowVisible(row, info is not None)
        self.form.setRowVisible(5, info is not None or problem is not None)
        if problem is not None:
            self.validity.setText(self._problem_text(problem))
            waiting = problem.params.get("reason") in _PIECES
            self.validity.set_tone(Tone.WARNING if waiting else Tone.ERROR)
            return
        if info is None:
            return
        dash = "—"
        self.provider.setText(info.audience or dash)
        self.gateway.setText(info.subject or dash)
        self.issuer.setText(info.issuer or dash)
        self.issued.setText(local_and_utc(info.issued_at) if info.issued_at else dash)
        self.expires.setText(local_and_utc(info.expires_at))
        text, tone = self._validity(info)
        self.validity.setText(text)
        self.validity.set_tone(tone)

    def _validity(self, info: TokenInfo) -> tuple[str, Tone]:
        left = info.remaining(now())
        if left <= timedelta(0):
            expired = self.tr("Expired on %1: ask the ChileMedido administrator for a new one.")
            return fill(expired, date_text(info.expires_at)), Tone.ERROR
        if info.kind is TokenKind.ACCESS:
            return self.tr(
                "This is an access token (it lasts hours). Log in with the refresh token."
            ), Tone.WARNING
        days = self.tr("Valid: %n day(s) left.", "", left.days)
        return days, Tone.WARNING if left < EXPIRY_WARNING else Tone.OK

    def _problem_text(self, problem: InvalidToken) -> str:
        if problem.params.get("reason") in _PIECES:
            return self.tr(
                "Not a whole token yet: part of it is missing. Paste the rest after what is "
                "there, or paste the whole token again."
            )
        reason = _REASONS.get(str(problem.params.get("reason", "")))
        why = (
            QCoreApplication.translate("TokenClaims", reason)
            if reason
            else self.tr("it cannot be read")
        )
        text = self.tr(
            "This is not a token: %1. Paste the whole refresh token the ChileMedido "
            "administrator sent."
        )
        return fill(text, why)
