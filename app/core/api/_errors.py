"""What can go wrong talking to ChileMedido, in words an installer understands.

Every error has a stable `code` (the GUI translates by code, filling in `params`) and an English
message saying what happened and what to do. Messages pass through `redact`, so a server that
echoes a token cannot leak it into a dialog or a log.
"""

from __future__ import annotations

from typing import ClassVar

from app.core.traffic import redact


class ApiError(Exception):
    """Base of everything the API client raises on purpose."""

    code: ClassVar[str] = "api_error"

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        server_message: str | None = None,
        **params: object,
    ) -> None:
        self.message = redact(message)
        self.status = status
        self.server_message = redact(server_message) if server_message else None
        self.params: dict[str, object] = {k: redact(str(v)) for k, v in params.items()}
        text = self.message
        if self.server_message:
            text = f'{text} The server said: "{self.server_message}"'
        super().__init__(text)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status!r})"


class OfflineError(ApiError):
    """The server could not be reached at all (no answer, not a bad answer)."""

    code = "offline"


class DnsError(OfflineError):
    code = "offline_dns"


class ConnectionRefused(OfflineError):
    code = "offline_refused"


class ApiTimeout(OfflineError):
    code = "offline_timeout"


class CaptivePortal(ApiError):
    """A web page answered instead of the API: typically a hotel or airport Wi-Fi login."""

    code = "captive_portal"


class BrokenAnswer(ApiError):
    """ChileMedido's answer came cut short or garbled (not whole JSON): the connection dropped
    mid-answer, or a proxy on the way altered it. Not a web page, so not a captive portal."""

    code = "answer_broken"


class TlsError(ApiError):
    """The server's certificate could not be verified."""

    code = "tls"


class CaFileError(TlsError):
    """The custom CA file given in the settings cannot be used."""

    code = "tls_ca_file"


class TokenError(ApiError):
    """Base of the token problems; all of them need the installer to act on the token."""

    code = "token"


class NotLoggedIn(TokenError):
    code = "token_missing"


class InvalidToken(TokenError, ValueError):
    """Pasted text that is not a token at all; `params["reason"]` says which check failed."""

    code = "token_invalid"


class TokenExpired(TokenError):
    code = "token_expired"


class TokenRejected(TokenError):
    code = "token_rejected"


class MeterNotFound(ApiError):
    code = "meter_not_found"


class NotYourMeter(ApiError):
    code = "not_your_meter"


class RejectedMeasurement(ApiError):
    code = "measurement_rejected"


class InvalidMeasurement(ApiError, ValueError):
    """A measurement Medido refuses to send (it cannot be written as JSON)."""

    code = "measurement_invalid"


class ServerError(ApiError):
    code = "server_error"


class UnexpectedAnswer(ApiError):
    code = "unexpected_answer"


class InvalidEnvironment(ApiError, ValueError):
    """An API address that cannot be used."""

    code = "bad_url"


ERROR_CODES: tuple[str, ...] = tuple(
    cls.code
    for cls in (
        ApiError,
        OfflineError,
        DnsError,
        ConnectionRefused,
        ApiTimeout,
        CaptivePortal,
        BrokenAnswer,
        TlsError,
        CaFileError,
        TokenError,
        NotLoggedIn,
        InvalidToken,
        TokenExpired,
        TokenRejected,
        MeterNotFound,
        NotYourMeter,
        RejectedMeasurement,
        InvalidMeasurement,
        ServerError,
        UnexpectedAnswer,
        InvalidEnvironment,
    )
)
