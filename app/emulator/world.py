"""The emulated platform's world: providers, their gateways and meters, and how the server behaves.

A World is plain frozen data. `default_world()` matches the seed document; a scenario file
(`load_scenario`) or `dataclasses.replace` derives others.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.emulator.dictionary import ALL_SENSOR_NAMES, SENSORS_BY_NAME

API_PREFIX = "/api/v1"
# The seed's endpoints as "METHOD template" under API_PREFIX (failure and latency rules use these).
API_ENDPOINTS: tuple[str, ...] = (
    "POST /auth/token/refresh",
    "GET /devices/{id}",
    "GET /devices/number/{number}",
    "GET /server-time",
    "POST /measurements",
    "GET /sensor-name-list",
    "GET /spec",
)
SEED_ACCESS_LIFETIME_S = 10_800  # 3 h, as in the seed's tokens
SEED_REFRESH_LIFETIME_S = 5_184_000  # 60 days
# Bounds that keep the server's clock, token times and waits inside what datetime, JWT encoding
# and asyncio can handle: an offset of 1e308 or NaN would make every token expire or none.
MAX_CLOCK_OFFSET_S = 10 * 365 * 86_400  # ten years either way
MAX_TOKEN_LIFETIME_S = 10 * 365 * 86_400
MAX_LATENCY_MS = 600_000  # ten minutes
MAX_FAILURE_SECONDS = 3_600.0  # how long a timeout failure may hold a request

FailureKind = Literal["status", "timeout", "html"]
FAILURE_KINDS: tuple[str, ...] = ("status", "timeout", "html")
_DEFAULT_STATUS: dict[str, int] = {"status": 503, "timeout": 504, "html": 200}


class WorldError(ValueError):
    """A world that cannot exist (duplicate ids, unknown sensors...); `key` says where."""

    def __init__(self, message: str, key: str = "provider") -> None:
        super().__init__(message)
        self.key = key


def check_clock_offset(offset_s: float) -> float:
    """The offset if it is a finite number of seconds within MAX_CLOCK_OFFSET_S, else WorldError."""
    if not math.isfinite(offset_s) or abs(offset_s) > MAX_CLOCK_OFFSET_S:
        raise WorldError(
            f"clock offset must be a finite number of seconds between -{MAX_CLOCK_OFFSET_S} "
            f"and {MAX_CLOCK_OFFSET_S}",
            "server",
        )
    return offset_s


def endpoint_matches(pattern: str, endpoint: str) -> bool:
    """Does a rule's pattern ("*", "/measurements", "POST /measurements") cover this endpoint?"""
    if pattern == "*":
        return True
    if " " in pattern:
        return pattern == endpoint
    return endpoint.split(" ", 1)[1] == pattern


def check_endpoint_pattern(pattern: str) -> None:
    if pattern == "*" or any(endpoint_matches(pattern, e) for e in API_ENDPOINTS):
        return
    known = ", ".join(API_ENDPOINTS)
    raise WorldError(f'unknown endpoint "{pattern}"; use "*" or one of: {known}', "endpoint")


@dataclass(frozen=True, slots=True)
class FailureRule:
    """A failure injected on matching endpoints: an error status, a hang, or a captive portal."""

    kind: FailureKind
    endpoint: str = "*"
    status: int | None = None  # default: 503 (status), 504 (timeout, once it answers), 200 (html)
    times: int | None = None  # fail the next N matching calls; None: every call
    probability: float = 1.0  # chance that a matching call fails
    seed: int | None = None  # makes the probability reproducible
    seconds: float = 30.0  # timeout: how long the server sits on the request
    message: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in FAILURE_KINDS:
            raise WorldError(
                f'unknown failure kind "{self.kind}"; use one of {FAILURE_KINDS}', "failure"
            )
        check_endpoint_pattern(self.endpoint)
        if self.status is not None and not 100 <= self.status <= 599:
            raise WorldError(f"status {self.status} is not an HTTP status", "failure")
        if self.times is not None and self.times < 1:
            raise WorldError("times must be at least 1 (omit it to fail every call)", "failure")
        if not 0.0 <= self.probability <= 1.0:
            raise WorldError("probability must be between 0 and 1", "failure")
        if not 0 <= self.seconds <= MAX_FAILURE_SECONDS:  # NaN fails this too
            raise WorldError(
                f"seconds must be a number between 0 and {MAX_FAILURE_SECONDS:g}", "failure"
            )

    @property
    def effective_status(self) -> int:
        return self.status if self.status is not None else _DEFAULT_STATUS[self.kind]


@dataclass(frozen=True, slots=True)
class Device:
    id: int  # ChileMedido's id, unique on the platform
    number: str  # the provider's own meter number: text, unique per provider only
    sensors: tuple[str, ...] = ALL_SENSOR_NAMES  # configured variables, by exact name


@dataclass(frozen=True, slots=True)
class Provider:
    id: str
    gateways: tuple[str, ...]
    devices: tuple[Device, ...] = ()

    def device_by_number(self, number: str) -> Device | None:
        return next((d for d in self.devices if d.number == number), None)


@dataclass(frozen=True)
class World:
    providers: tuple[Provider, ...]
    clock_offset_s: float = 0.0  # server clock minus real time
    latency_ms: int = 0  # added to every API call
    endpoint_latency_ms: Mapping[str, int] = field(default_factory=dict)  # overrides latency_ms
    failures: tuple[FailureRule, ...] = ()
    strict_refresh_rotation: bool = False
    access_token_lifetime_s: int = SEED_ACCESS_LIFETIME_S
    refresh_token_lifetime_s: int = SEED_REFRESH_LIFETIME_S
    name: str = "default"

    def __post_init__(self) -> None:
        _check_world(self)

    def provider(self, provider_id: str) -> Provider | None:
        return next((p for p in self.providers if p.id == provider_id), None)

    def provider_of_gateway(self, gateway: str) -> Provider | None:
        return next((p for p in self.providers if gateway in p.gateways), None)

    def device_by_id(self, device_id: int) -> tuple[Provider, Device] | None:
        for provider in self.providers:
            for device in provider.devices:
                if device.id == device_id:
                    return provider, device
        return None

    def gateways(self) -> list[tuple[str, str]]:
        """(provider id, gateway id) for every gateway, in world order."""
        return [(p.id, g) for p in self.providers for g in p.gateways]


def _check_world(world: World) -> None:
    if not world.providers:
        raise WorldError("a world needs at least one provider")
    seen_providers: set[str] = set()
    seen_gateways: set[str] = set()
    seen_devices: set[int] = set()
    for p in world.providers:
        if not p.id or p.id in seen_providers:
            raise WorldError(f'provider id "{p.id}" is empty or repeated')
        seen_providers.add(p.id)
        if not p.gateways:
            raise WorldError(f'provider "{p.id}" has no gateway')
        for g in p.gateways:
            if not g or g in seen_gateways:
                raise WorldError(f'gateway "{g}" is empty or belongs to two providers')
            seen_gateways.add(g)
        numbers: set[str] = set()
        for d in p.devices:
            _check_device(p.id, d, seen_devices, numbers)
    check_clock_offset(world.clock_offset_s)
    for lifetime in (world.access_token_lifetime_s, world.refresh_token_lifetime_s):
        if not 0 < lifetime <= MAX_TOKEN_LIFETIME_S:
            raise WorldError(
                f"token lifetimes must be positive, at most {MAX_TOKEN_LIFETIME_S} s", "server"
            )
    for latency in (world.latency_ms, *world.endpoint_latency_ms.values()):
        if not 0 <= latency <= MAX_LATENCY_MS:
            raise WorldError(f"latency must be between 0 and {MAX_LATENCY_MS} ms", "server")
    for pattern in world.endpoint_latency_ms:
        try:
            check_endpoint_pattern(pattern)
        except WorldError as exc:
            raise WorldError(str(exc), "server.endpoint_latency_ms") from exc


def _check_device(provider: str, d: Device, ids: set[int], numbers: set[str]) -> None:
    if d.id in ids:
        raise WorldError(f"device id {d.id} is used twice (ids are unique on the platform)")
    ids.add(d.id)
    if not d.number or d.number in numbers or "/" in d.number:
        raise WorldError(f'device number "{d.number}" is empty, repeated or has "/" ({provider})')
    numbers.add(d.number)
    if len(set(d.sensors)) != len(d.sensors):
        raise WorldError(f"device {d.id} lists a sensor twice")
    for name in d.sensors:
        if name not in SENSORS_BY_NAME:
            raise WorldError(f'device {d.id}: "{name}" is not in the sensor dictionary')


# Provider 1's second meter: a single-phase meter with few variables (for warning tests).
SINGLE_PHASE_SENSORS: tuple[str, ...] = (
    "Potencia activa total instantánea",
    "Energía activa acumulada",
    "Corriente A",
    "Voltaje F-N",
    "Factor de potencia total",
)
# Provider 7's meter "29": same number as provider 1's, another id, a smaller sensor list.
OTHER_PROVIDER_SENSORS: tuple[str, ...] = (
    "Potencia activa total instantánea",
    "Energía activa acumulada",
    "Energía reactiva acumulada",
    "Factor de potencia total",
)


def default_world() -> World:
    """The seed's world: provider "1", gateway "2", meter id 29 number "29" with all 30 sensors."""
    return World(
        providers=(
            Provider(
                id="1",
                gateways=("2",),
                devices=(Device(29, "29"), Device(30, "30", SINGLE_PHASE_SENSORS)),
            ),
            Provider(
                id="7", gateways=("8",), devices=(Device(4129, "29", OTHER_PROVIDER_SENSORS),)
            ),
        )
    )


def load_scenario(path: str | Path) -> World:
    """Read a scenario file (TOML or JSON) into a World; ScenarioError names the file and key."""
    from app.emulator.scenario import read_scenario  # the parser needs this module's types

    return read_scenario(Path(path))
