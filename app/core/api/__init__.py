"""Medido's client for the ChileMedido input API (see ChileMedidoClient).

async with ChileMedidoClient(Environment.production()) as api:
    await api.login(pasted_refresh_token)
    device = await api.device_by_number("29")
    result = await api.post_measurements([DeviceMeasurements("29", [Measure(t, values)])])
"""

# Only the light modules load with the package: the first window needs states, errors, tokens
# and addresses, not the client. The client's modules (_client, _session, _transport, _readers,
# _answers, _models: dozens of classes, asyncio) load on the first use of a name in _LAZY.
from typing import TYPE_CHECKING

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
from app.core.api._policy import RetryPolicy, Timeouts
from app.core.api._seconds import MILLISECOND_TIMESTAMPS
from app.core.api._state import EXPIRY_WARNING, ApiState, ApiStatus, ApiVerdict
from app.core.api._tls import TlsOptions
from app.core.api._tokens import Token, TokenInfo, TokenKind, clean_token_text, parse_token
from app.core.lazy_exports import lazy_exports

if TYPE_CHECKING:  # for mypy and editors; at run time these come from __getattr__ below
    from app.core.api._client import ChileMedidoClient, TokenPair
    from app.core.api._models import (
        Device,
        DeviceMeasurements,
        Measure,
        Sensor,
        ServerTime,
        UploadResult,
    )
    from app.core.api._session import refresh_margin

# The names loaded on first use, and the module of each.
_LAZY = {
    "ChileMedidoClient": "_client",
    "TokenPair": "_client",
    "Device": "_models",
    "DeviceMeasurements": "_models",
    "Measure": "_models",
    "Sensor": "_models",
    "ServerTime": "_models",
    "UploadResult": "_models",
    "refresh_margin": "_session",
}


if not TYPE_CHECKING:  # hidden from mypy (app/core/lazy_exports.py says why)
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

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
