"""Edge wiring for `--from-bundle`: a diagnostics bundle as an emulator World and a replayed meter.

Used by `medido emulator|meter-sim|check --from-bundle` and the app's File → Open bundle. Like
the `--demo` wiring it lives at the edge (docs/design.md §3): app/core reads the bundle
(app/core/support/reproduce.py), this module hands it to the emulator and the simulator.

    contents = read_bundle(path)
    world = world_from_bundle(contents)          # provider, gateway, device, clock offset
    unit, meter = meter_from_bundle(contents)    # a ReplayMeter with the captured answers
"""

from __future__ import annotations

import logging

from app.core.support.bundle import BundleContents, BundleError
from app.core.support.reproduce import reproduction
from app.emulator.dictionary import SENSORS_BY_NAME
from app.emulator.world import Device, Provider, World, WorldError
from app.simulator.replay import ReplayMeter

log = logging.getLogger(__name__)

BUNDLE_WORLD = "bundle"


def world_from_bundle(contents: BundleContents) -> World:
    """The bundle's provider with its gateway and device (same id, number and sensors), the
    server's clock offset as recorded, strict refresh-token rotation as in the demo.

    Sensors the emulator's dictionary does not know are left out (logged); a device whose
    sensors the bundle does not know gets the whole dictionary."""
    repro = reproduction(contents)
    provider, gateway, device = repro.site()
    if device.sensors is None:
        sensors = tuple(SENSORS_BY_NAME)
    else:
        sensors = tuple(dict.fromkeys(n for n in device.sensors if n in SENSORS_BY_NAME))
        unknown = [n for n in device.sensors if n not in SENSORS_BY_NAME]
        if unknown:
            log.warning("bundle: sensors the emulator does not know, left out: %s", unknown)
    try:
        return World(
            providers=(
                Provider(provider, (gateway,), (Device(device.id, device.number, sensors),)),
            ),
            clock_offset_s=repro.server_clock_offset_s,
            strict_refresh_rotation=True,
            name=BUNDLE_WORLD,
        )
    except WorldError as error:
        raise BundleError(
            "bundle.bad_site", f"The bundle's site cannot be reproduced: {error}"
        ) from None


def meter_from_bundle(contents: BundleContents) -> tuple[int, ReplayMeter]:
    """The meter's unit id and a replayed meter answering what the bundle captured."""
    repro = reproduction(contents)
    unit, reads = repro.meter()
    if not 1 <= unit <= 247:
        raise BundleError("bundle.damaged", f"The bundle is damaged: unit id {unit} is not 1-247.")
    return unit, ReplayMeter(reads, label=repro.profile_id or "replay")


def device_number(contents: BundleContents) -> str:
    """The number the site's meter has on ChileMedido (BundleError when unknown)."""
    return reproduction(contents).site()[2].number
