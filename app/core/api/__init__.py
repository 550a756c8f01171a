"""Medido's client for the ChileMedido input API (see ChileMedidoClient).

async with ChileMedidoClient(Environment.production()) as api:
    await api.login(pasted_refresh_token)
    device = await api.device_by_number("29")
    result = await api.post_measurements([DeviceMeasurements("29", [Measure(t, values)])])
"""

# First: httpx without its command-line extras (click, rich), before the modules below import it.
from app.core.api import _httpx_cli  # noqa: F401
from app.core.api._client import ChileMedidoClient, TokenPair
from app.core.api._credentials import (
    SERVICE,
    Account,
    CredentialNotice,
    CredentialStore,
)
from app.core.api._environment import (
    PRODUCTION_URL,
    Environment,
    EnvironmentKind,
    is_loopback_host,
)
from app.core.api._errors import (
    ERROR_CODES,
    ApiError,
    ApiTimeout,
    BrokenAnswer,
    CaFileError,
    CaptivePortal,
    ConnectionRefused,
    DnsError,
    InvalidEnvironment,
    InvalidMeasurement,
    InvalidToken,
    MeterNotFound,
    NotLoggedIn,
    NotYourMeter,
    OfflineError,
    RejectedMeasurement,
    ServerError,
    TlsError,
    TokenError,
    TokenExpired,
    TokenRejected,
    UnexpectedAnswer,
)
from app.core.api._models import (
    MILLISECOND_TIMESTAMPS,
    Device,
    DeviceMeasurements,
    Measure,
    Sensor,
    ServerTime,
    UploadResult,
)
from app.core.api._policy import RetryPolicy, Timeouts
from app.core.api._session import refresh_margin
from app.core.api._state import EXPIRY_WARNING, ApiState, ApiStatus, ApiVerdict
from app.core.api._tls import TlsOptions
from app.core.api._tokens import Token, TokenInfo, TokenKind, clean_token_text, parse_token

__all__ = [
    "ERROR_CODES",
    "EXPIRY_WARNING",
    "MILLISECOND_TIMESTAMPS",
    "PRODUCTION_URL",
    "SERVICE",
    "Account",
    "ApiError",
    "ApiState",
    "ApiStatus",
    "ApiTimeout",
    "ApiVerdict",
    "BrokenAnswer",
    "CaFileError",
    "CaptivePortal",
    "ChileMedidoClient",
    "ConnectionRefused",
    "CredentialNotice",
    "CredentialStore",
    "Device",
    "DeviceMeasurements",
    "DnsError",
    "Environment",
    "EnvironmentKind",
    "InvalidEnvironment",
    "InvalidMeasurement",
    "InvalidToken",
    "Measure",
    "MeterNotFound",
    "NotLoggedIn",
    "NotYourMeter",
    "OfflineError",
    "RejectedMeasurement",
    "RetryPolicy",
    "Sensor",
    "ServerError",
    "ServerTime",
    "Timeouts",
    "TlsError",
    "TlsOptions",
    "Token",
    "TokenError",
    "TokenExpired",
    "TokenInfo",
    "TokenKind",
    "TokenPair",
    "TokenRejected",
    "UnexpectedAnswer",
    "UploadResult",
    "clean_token_text",
    "is_loopback_host",
    "parse_token",
    "refresh_margin",
]
