"""Scenario files: a TOML (or JSON) description of a world, checked key by key.

name = "two providers"
[server]                       # all optional; defaults are the seed's
clock_offset_s = 0             # server clock minus real time, seconds
latency_ms = 0                 # added to every API call
endpoint_latency_ms = { "POST /measurements" = 300 }
rotation = "lenient"           # or "strict": a refresh token works once, reuse revokes its
                               # chain (strict_refresh_rotation = true/false still reads)
access_token_lifetime_s = 10800
refresh_token_lifetime_s = 5184000
[[provider]]                   # omit every [[provider]] to keep the default world's
id = "1"
gateways = ["2"]
[[provider.device]]
id = 29
number = "29"
sensors = "all"                # or a list of exact sensor names
[[failure]]
endpoint = "POST /measurements"   # "*", "/path" (any method) or "METHOD /path"
kind = "status"                   # status | timeout | html
status = 503
times = 2                         # or probability = 0.3 with seed = 1
"""

from __future__ import annotations

import json
import math
import tomllib
from pathlib import Path
from typing import Any

from app.emulator.dictionary import ALL_SENSOR_NAMES
from app.emulator.errors import shorten
from app.emulator.world import (
    Device,
    FailureRule,
    Provider,
    World,
    WorldError,
    default_world,
)

_TOP = {"name", "description", "server", "provider", "failure"}
_SERVER = {
    "clock_offset_s",
    "latency_ms",
    "endpoint_latency_ms",
    "rotation",
    "strict_refresh_rotation",  # the older spelling of rotation, still read
    "access_token_lifetime_s",
    "refresh_token_lifetime_s",
}
ROTATIONS = ("strict", "lenient")  # server.rotation: single-use refresh tokens, or reusable ones
_PROVIDER = {"id", "gateways", "device"}
_DEVICE = {"id", "number", "sensors"}
TOO_DEEP = "arrays or tables nested far too deeply; a scenario needs only a few levels"
FAILURE_KEYS = {"endpoint", "kind", "status", "times", "probability", "seed", "seconds", "message"}


class ScenarioError(ValueError):
    """A scenario that cannot be used; the text names the file and the key."""

    def __init__(self, source: str, key: str, message: str) -> None:
        super().__init__(f"{source}: {key}: {message}")
        self.source = source
        self.key = key


def read_scenario(path: Path) -> World:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(str(path), "(file)", f"cannot read it ({exc.strerror})") from exc
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ScenarioError(str(path), "(syntax)", str(exc)) from exc
    except RecursionError:  # both parsers recurse once per nested array or table
        raise ScenarioError(str(path), "(syntax)", TOO_DEEP) from None
    try:
        return world_from_mapping(data, source=str(path))
    except RecursionError:  # nesting the parser took, but too deep to describe in a message
        raise ScenarioError(str(path), "(top)", TOO_DEEP) from None


def world_from_mapping(data: Any, source: str = "scenario") -> World:
    r = _Reader(source)
    top = r.table(data, "(top)", _TOP)
    server = r.table(top.get("server", {}), "server", _SERVER)
    if "provider" in top:
        entries = r.array(top["provider"], "provider")
        providers = tuple(r.provider(p, f"provider[{i}]") for i, p in enumerate(entries))
    else:
        providers = default_world().providers
    failures = tuple(
        failure_from_mapping(f, source, f"failure[{i}]")
        for i, f in enumerate(r.array(top.get("failure", []), "failure"))
    )
    latency = r.table(server.get("endpoint_latency_ms", {}), "server.endpoint_latency_ms", None)
    try:
        return World(
            providers=providers,
            clock_offset_s=r.number(server, "clock_offset_s", "server", 0.0),
            latency_ms=r.integer(server, "latency_ms", "server", 0),
            endpoint_latency_ms={
                k: r.integer(latency, k, "server.endpoint_latency_ms", 0) for k in latency
            },
            failures=failures,
            strict_refresh_rotation=r.rotation(server),
            access_token_lifetime_s=r.integer(server, "access_token_lifetime_s", "server", 10_800),
            refresh_token_lifetime_s=r.integer(
                server, "refresh_token_lifetime_s", "server", 5_184_000
            ),
            name=r.text(top, "name", "(top)", "scenario"),
        )
    except WorldError as exc:
        raise ScenarioError(source, exc.key, str(exc)) from exc


def failure_from_mapping(data: Any, source: str, key: str = "failure") -> FailureRule:
    """One failure entry (scenario [[failure]] or POST /_emulator/failures)."""
    r = _Reader(source)
    f = r.table(data, key, FAILURE_KEYS)
    if "kind" not in f:
        raise ScenarioError(source, f"{key}.kind", "missing; use status, timeout or html")
    status = r.integer(f, "status", key, None)
    times = r.integer(f, "times", key, None)
    seed = r.integer(f, "seed", key, None)
    message = r.text(f, "message", key, None)
    try:
        return FailureRule(
            kind=r.text(f, "kind", key, "status"),  # checked by the rule
            endpoint=r.text(f, "endpoint", key, "*"),
            status=status,
            times=times,
            probability=r.number(f, "probability", key, 1.0),
            seed=seed,
            seconds=r.number(f, "seconds", key, 30.0),
            message=message,
        )
    except WorldError as exc:
        where = f"{key}.endpoint" if exc.key == "endpoint" else key
        raise ScenarioError(source, where, str(exc)) from exc


def _short(value: Any, limit: int = 40) -> str:
    """repr() of a value from an untrusted body, cut short (a 4,000-digit number is no message)."""
    huge = isinstance(value, int) and value.bit_length() > 128  # repr() fails past 4,300 digits
    return "<huge integer>" if huge else shorten(repr(value), limit)


class _Reader:
    """Typed getters that fail with the file and the dotted key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, message: str) -> ScenarioError:
        return ScenarioError(self.source, key, message)

    def table(self, value: Any, key: str, allowed: set[str] | None) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table/object")
        if allowed is not None:
            unknown = sorted(set(value) - allowed)
            if unknown:
                raise self.fail(
                    key, f"unknown key(s) {_short(unknown, 80)}; known: {sorted(allowed)}"
                )
        return value

    def array(self, value: Any, key: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(key, "must be an array (use [[...]] in TOML)")
        return value

    def _get(self, t: dict[str, Any], name: str, default: Any) -> tuple[Any, bool]:
        return (t[name], True) if name in t else (default, False)

    def integer(self, t: dict[str, Any], name: str, at: str, default: Any) -> Any:
        v, given = self._get(t, name, default)
        if given and (isinstance(v, bool) or not isinstance(v, int)):
            raise self.fail(f"{at}.{name}", f"must be an integer, got {_short(v)}")
        return v

    def number(self, t: dict[str, Any], name: str, at: str, default: float) -> float:
        v, given = self._get(t, name, default)
        if given and (isinstance(v, bool) or not isinstance(v, int | float)):
            raise self.fail(f"{at}.{name}", f"must be a number, got {_short(v)}")
        try:
            number = float(v)
        except OverflowError:  # an integer too large for a float (JSON allows 1 followed by 400 0s)
            number = math.inf
        if not math.isfinite(number):
            raise self.fail(f"{at}.{name}", f"must be a finite number, got {_short(v)}")
        return number

    def boolean(self, t: dict[str, Any], name: str, at: str, default: bool) -> bool:
        v, given = self._get(t, name, default)
        if given and not isinstance(v, bool):
            raise self.fail(f"{at}.{name}", f"must be true or false, got {_short(v)}")
        return bool(v)

    def rotation(self, server: dict[str, Any]) -> bool:
        """server.rotation ("strict" or "lenient") as World.strict_refresh_rotation; the older
        boolean strict_refresh_rotation still works, but not both at once."""
        if "rotation" not in server:
            return self.boolean(server, "strict_refresh_rotation", "server", False)
        if "strict_refresh_rotation" in server:
            raise self.fail("server.rotation", "give rotation or strict_refresh_rotation, not both")
        value = server["rotation"]
        if value not in ROTATIONS:
            raise self.fail(
                "server.rotation", f'must be "strict" or "lenient", got {_short(value)}'
            )
        return bool(value == "strict")

    def text(self, t: dict[str, Any], name: str, at: str, default: Any) -> Any:
        v, given = self._get(t, name, default)
        if given and not isinstance(v, str):
            raise self.fail(f"{at}.{name}", f"must be a string, got {_short(v)}")
        return v

    def provider(self, value: Any, key: str) -> Provider:
        p = self.table(value, key, _PROVIDER)
        if "id" not in p or "gateways" not in p:
            raise self.fail(key, 'needs "id" and "gateways"')
        gateways = self.array(p["gateways"], f"{key}.gateways")
        if not all(isinstance(g, str) for g in gateways):
            raise self.fail(f"{key}.gateways", 'must be strings, e.g. ["2"]')
        devices = self.array(p.get("device", []), f"{key}.device")
        return Provider(
            id=self.text(p, "id", key, ""),
            gateways=tuple(gateways),
            devices=tuple(self.device(d, f"{key}.device[{i}]") for i, d in enumerate(devices)),
        )

    def device(self, value: Any, key: str) -> Device:
        d = self.table(value, key, _DEVICE)
        if "id" not in d or "number" not in d:
            raise self.fail(key, 'needs "id" (integer) and "number" (string)')
        sensors = d.get("sensors", "all")
        if sensors == "all":
            sensors = list(ALL_SENSOR_NAMES)
        sensors = self.array(sensors, f"{key}.sensors")
        for i, name in enumerate(sensors):
            if name not in ALL_SENSOR_NAMES:
                raise self.fail(f"{key}.sensors[{i}]", f"{name!r} is not in the sensor dictionary")
        return Device(
            id=self.integer(d, "id", key, 0),
            number=self.text(d, "number", key, ""),
            sensors=tuple(sensors),
        )
