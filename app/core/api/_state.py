"""The API connection's state, and the one verdict the GUI shows for it everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.core.api._credentials import CredentialNotice
from app.core.api._errors import (
    ApiError,
    BrokenAnswer,
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
    OFFLINE = "offline"  # ChileMedido cannot be reached (a Wi-Fi login page or a cut answer)
    # the refresh token expired: a new one is needed
    TOKEN_EXPIRED = "token_expired"  # noqa: S105 (a state name, not a password)
    ERROR = "error"  # the token was refused, TLS failed, or the server is failing


EXPIRY_WARNING = timedelta(days=7)  # from here on a refresh token's end is a warning


class ApiVerdict(StrEnum):
    """What the connection's state means to the installer; the GUI gives each one icon and colour.

    Only the refresh token's end counts: the access token renews itself (REFRESHING), so its
    countdown is information, not a warning.
    """

    IDLE = "idle"  # not logged in: nothing started
    BUSY = "busy"  # logging in
    OK = "ok"  # logged in, the refresh token has more than EXPIRY_WARNING left
    EXPIRES_SOON = "expires_soon"  # logged in, but the refresh token ends within EXPIRY_WARNING
    WARNING = "warning"  # logged in, but ChileMedido cannot be reached now (may pass by itself)
    ERROR = "error"  # a new token is needed, or TLS or the server is failing


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

    def refresh_expires_soon(self, now: datetime) -> bool:
        """The refresh token ends within EXPIRY_WARNING of `now` (aware), or has ended."""
        expires = self.refresh_expires_at
        return expires is not None and expires - now < EXPIRY_WARNING

    def verdict(self, now: datetime) -> ApiVerdict:
        """The one verdict on this state at `now` (aware): the status bar, the sidebar and the
        Connection page show this, each with the same icon and colour."""
        if self.state is ApiState.LOGGED_OUT:
            return ApiVerdict.IDLE
        if self.state is ApiState.LOGGING_IN:
            return ApiVerdict.BUSY
        if self.state is ApiState.OFFLINE:
            return ApiVerdict.WARNING
        if self.state in (ApiState.READY, ApiState.REFRESHING):
            return ApiVerdict.EXPIRES_SOON if self.refresh_expires_soon(now) else ApiVerdict.OK
        return ApiVerdict.ERROR  # TOKEN_EXPIRED, ERROR


def state_after(error: ApiError) -> ApiState | None:
    """The connection state an error leaves behind; None if it concerns only that request."""
    if isinstance(error, InvalidToken):
        return None  # pasted text that is not a token changes nothing
    if isinstance(error, TokenExpired):
        return ApiState.TOKEN_EXPIRED
    if isinstance(error, NotLoggedIn):
        return ApiState.LOGGED_OUT
    if isinstance(error, OfflineError | CaptivePortal | BrokenAnswer):  # may pass by itself
        return ApiState.OFFLINE
    if isinstance(error, TokenError | TlsError | ServerError):
        return ApiState.ERROR
    return None  # meter not found, rejected measurement...: the connection itself is fine
