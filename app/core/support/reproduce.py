"""Reproducing a site from a diagnostics bundle (docs/bundle.md, "Reproducing").

`reproduction(contents)` reads what the emulator and a replayed meter need from a bundle's
site.json and registers.json: the provider and gateway, the device (id, number, sensors), the
server's clock offset, the meter's unit and its captured answers. `bundle_profile(contents)`
loads the bundle's profile.toml with the profile loader.

Core only, plain data: turning it into an emulator World and a replayed meter is edge code
(app/reproduce.py; docs/design.md §3 keeps emulator and simulator wiring out of app/core).
Raises BundleError (app/core/support/bundle.py) with a message an installer or support can act on.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.core.meter.capture import CapturedRead, RegisterCapture
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import (
    PROFILE_ID,
    ProfileError,
    default_library,
    load_profile_file,
)
from app.core.support.bundle import BundleContents, BundleError


@dataclass(frozen=True, slots=True)
class BundleDevice:
    id: int
    number: str
    sensors: tuple[str, ...] | None  # None: not known (the device was never looked up)


@dataclass(frozen=True, slots=True)
class Reproduction:
    """What a bundle says of its site; None where the bundle does not know."""

    provider: str | None
    gateway: str | None
    server_clock_offset_s: float  # server − laptop; 0 when never measured
    device: BundleDevice | None
    unit: int | None
    reads: tuple[CapturedRead, ...] | None  # None: no registers.json
    profile_id: str | None

    def site(self) -> tuple[str, str, BundleDevice]:
        """Provider, gateway and device, or BundleError when the bundle lacks one."""
        if not self.provider or not self.gateway:
            raise BundleError(
                "bundle.no_api",
                "The bundle does not say which provider and gateway the site logs in as (the "
                "app never logged in): the API cannot be reproduced.",
            )
        if self.device is None:
            raise BundleError(
                "bundle.no_device",
                "The bundle has no device (the meter was never looked up on ChileMedido): the "
                "API cannot be reproduced.",
            )
        return self.provider, self.gateway, self.device

    def meter(self) -> tuple[int, tuple[CapturedRead, ...]]:
        """The unit id and the captured answers, or BundleError when nothing was captured."""
        if self.unit is None or not self.reads:
            raise BundleError(
                "bundle.no_registers",
                "The bundle holds no register answers (the meter was never read): the meter "
                "cannot be reproduced.",
            )
        return self.unit, self.reads


def reproduction(contents: BundleContents) -> Reproduction:
    """What `contents` says of the site (BundleError("bundle.damaged") for malformed parts)."""
    site = contents.site
    api = _table(site, "api")
    device = _table(site, "device")
    meter = _table(site, "meter")
    offset = api.get("server_clock_offset_s")
    if offset is not None and (
        isinstance(offset, bool) or not isinstance(offset, int | float) or not math.isfinite(offset)
    ):
        raise _damaged("site.json: server_clock_offset_s is not a number of seconds")
    capture = _capture(contents.registers)
    unit = capture.unit if capture is not None else _whole_or_none(meter.get("unit"))
    return Reproduction(
        provider=_text_or_none(api.get("provider")),
        gateway=_text_or_none(api.get("gateway")),
        server_clock_offset_s=float(offset or 0.0),
        device=_device(device),
        unit=unit,
        reads=tuple(capture.reads()) if capture is not None else None,
        profile_id=_text_or_none(meter.get("profile_id")),
    )


def bundle_profile(contents: BundleContents) -> MeterProfile:
    """The bundle's profile.toml, loaded as the profile loader loads a user file (its id is the
    site's profile_id); without one, the shipped profile of that id."""
    profile_id = _text_or_none(_table(contents.site, "meter").get("profile_id"))
    if profile_id is None or not PROFILE_ID.match(profile_id):
        profile_id = "bundle-profile"
    try:
        if contents.profile is None:
            return default_library().get(profile_id)
        with tempfile.TemporaryDirectory(prefix="medido-bundle-") as folder:
            path = Path(folder) / f"{profile_id}.toml"
            path.write_text(contents.profile, encoding="utf-8")
            profile = load_profile_file(path)
    except ProfileError as error:
        raise BundleError(
            "bundle.bad_profile", f"The bundle's meter profile cannot be used: {error}"
        ) from None
    except OSError as error:
        raise BundleError(
            "bundle.bad_profile", f"The bundle's meter profile could not be loaded: {error}"
        ) from None
    return replace(profile, path=None)  # the temporary file is gone


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise _damaged(f"site.json: {key} is not an object")
    return value


def _device(device: Mapping[str, Any]) -> BundleDevice | None:
    device_id = _whole_or_none(device.get("id"))
    number = _text_or_none(device.get("number"))
    if device_id is None or number is None:
        return None
    sensors = device.get("sensors")
    if sensors is None:
        return BundleDevice(device_id, number, None)
    if not isinstance(sensors, list) or not all(
        isinstance(s, Mapping) and isinstance(s.get("name"), str) for s in sensors
    ):
        raise _damaged("site.json: device.sensors is not a list of sensors with names")
    return BundleDevice(device_id, number, tuple(s["name"] for s in sensors))


def _capture(registers: Mapping[str, Any] | None) -> RegisterCapture | None:
    if registers is None:
        return None
    try:
        return RegisterCapture.from_dict(registers)
    except (ValueError, KeyError, TypeError) as error:
        raise _damaged(f"registers.json is not a register capture ({error})") from None


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise _damaged(f"site.json: {value!r} is not text")
    return value or None


def _whole_or_none(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _damaged(f"site.json: {value!r} is not a whole number")
    return value


def _damaged(what: str) -> BundleError:
    return BundleError("bundle.damaged", f"The bundle is damaged: {what}.")
