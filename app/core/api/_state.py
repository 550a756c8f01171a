"""The API connection's state, as the GUI's status bar shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.core.api._credentials import CredentialNotice
from app.core.api._errors import (
    ApiError,
    CaptivePortal,
    InvalidToken,
    NotLoggedIn,
    OfflineError,
    ServerError,
    TlsError,
    TokenError,
    TokenExpired,
)


class ApiState(StrEnum):
    LOGGED_OUT = "logged_out"  # no refresh token
    LOGGING_IN = "logging_in"  # first refresh with a pasted or remembered token
    READY = "ready"
    REFRESHING = "refreshing"  # getting a new access token
    OFFLINE = "offline"  # ChileMedido cannot be reached (or a Wi-Fi login page answers)
    # the refresh token expired: a new one is needed
    TOKEN_EXPIRED = "token_expired"  # noqa: S105 (a state name, not a password)
    ERROR = "error"  # the token was refused, TLS failed, or the server is failing


@dataclass(frozen=True, slots=True)
class ApiStatus:
    """One snapshot, emitted on every change. Expiries are the token claims (UTC)."""

    state: ApiState
    provider: str | None = None
    gateway: str | None = None
    access_expires_at: datetime | None = None
    refresh_expires_at: datetime | None = None
    error_code: str | None = None  # the ApiError code behind OFFLINE/TOKEN_EXPIRED/ERROR
    error_message: str | None = None
    credential_notice: CredentialNotice | None = None  # the token could not be remembered

    @property
    def needs_new_token(self) -> bool:
        """Only a new refresh token from the administrator gets out of this state."""
        return self.state is ApiState.TOKEN_EXPIRED or (
            self.state is ApiState.ERROR and self.error_code == "token_rejected"
        )


def state_after(error: ApiError) -> ApiState | None:
    """The connection state an error leaves behind; None if it concerns only that request."""
    if isinstance(error, InvalidToken):
        return None  # pasted text that is not a token changes nothing
    if isinstance(error, TokenExpired):
        return ApiState.TOKEN_EXPIRED
    if isinstance(error, NotLoggedIn):
        return ApiState.LOGGED_OUT
    if isinstance(error, OfflineError | CaptivePortal):
        return ApiState.OFFLINE
    if isinstance(error, TokenError | TlsError | ServerError):
        return ApiState.ERROR
    return None  # meter not found, rejected measurement...: the connection itself is fine
