"""Which ChileMedido the client talks to: production, a custom address, or the local emulator."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from app.core.api._errors import InvalidEnvironment

PRODUCTION_URL = "https://in.chilemedido.cl/api/v1"


class EnvironmentKind(StrEnum):
    PRODUCTION = "production"
    CUSTOM = "custom"
    EMULATOR = "emulator"


@dataclass(frozen=True, slots=True)
class Environment:
    """A validated API base address (no trailing slash) and what kind of server it is."""

    kind: EnvironmentKind
    base_url: str

    @classmethod
    def production(cls) -> Environment:
        return cls(EnvironmentKind.PRODUCTION, PRODUCTION_URL)

    @classmethod
    def custom(cls, url: str) -> Environment:
        return cls(EnvironmentKind.CUSTOM, normalise_base_url(url))

    @classmethod
    def emulator(cls, url: str) -> Environment:
        return cls(EnvironmentKind.EMULATOR, normalise_base_url(url))

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    @property
    def address(self) -> str:
        """Host and port as typed, for messages ("127.0.0.1:8000", "in.chilemedido.cl")."""
        return urlsplit(self.base_url).netloc

    @property
    def is_loopback(self) -> bool:
        return is_loopback_host(self.host)

    @property
    def warning(self) -> str | None:
        """Something the settings page should show next to the address, if anything."""
        if urlsplit(self.base_url).scheme == "http" and not self.is_loopback:
            return (
                f"The address uses plain http to {self.host}: tokens and measurements would "
                "travel unencrypted. Use https unless this is a test server on your own network."
            )
        return None

    @property
    def label(self) -> str:
        return self.kind.value if self.kind is not EnvironmentKind.CUSTOM else self.host


def is_loopback_host(host: str) -> bool:
    """localhost or a loopback IP address (127.0.0.0/8, ::1, bracketed or not)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_base_url(url: str) -> str:
    """Check an API address typed by a person; raises InvalidEnvironment saying what to fix."""
    text = url.strip()
    example = f"e.g. {PRODUCTION_URL}"
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unbalanced [ in an IPv6 address
        parts = urlsplit("")
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidEnvironment(
            f"The API address must start with https:// and name a server ({example}).",
            reason="scheme",
        )
    if not port_ok:
        raise InvalidEnvironment(f"The API address has an invalid port ({example}).", reason="port")
    if parts.username or parts.password:
        raise InvalidEnvironment(
            "The API address must not contain a user name or password.", reason="userinfo"
        )
    if parts.query or parts.fragment:
        raise InvalidEnvironment(
            f"The API address must not contain ? or # ({example}).", reason="query"
        )
    return f"{parts.scheme.lower()}://{parts.netloc}{parts.path.rstrip('/')}"
