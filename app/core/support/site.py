"""The site as last seen, for the diagnostics bundle (docs/bundle.md): `site.json`,
`registers.json`, `profile.toml` and `check.json` as texts, from a commissioning check or from
the app's live session.

No token is ever read here: the API side keeps only the server, the provider and the gateway
(the token's claims), and the report is scrubbed by CheckReport itself.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from app.core.api import ApiStatus, Device
from app.core.check.context import CheckContext
from app.core.check.outcome import CheckRun
from app.core.check.report import CheckReport, facts_for
from app.core.clock.drift import Offset
from app.core.meter.session import MeterSession

log = logging.getLogger(__name__)

SITE, REGISTERS, PROFILE, CHECK = "site.json", "registers.json", "profile.toml", "check.json"
SNAPSHOT_FILES = (SITE, REGISTERS, PROFILE, CHECK)


@dataclass(frozen=True, slots=True)
class SiteParts:
    """What is known of a site; None where unknown."""

    base_url: str | None = None
    status: ApiStatus | None = None  # provider and gateway (the token's claims)
    server_offset: Offset | None = None  # server − laptop
    device: Device | None = None
    device_number: str | None = None  # when the device was not looked up
    device_id: int | None = None
    meter: MeterSession | None = None


def site_data(parts: SiteParts) -> dict[str, Any]:
    """`site.json`: the api, the device and the meter (any value null when unknown)."""
    status, device, meter = parts.status, parts.device, parts.meter
    offset = parts.server_offset
    return {
        "api": {
            "base_url": parts.base_url,
            "provider": status.provider if status else None,
            "gateway": status.gateway if status else None,
            "server_clock_offset_s": offset.seconds if offset is not None else None,
        },
        "device": {
            "id": device.id if device else parts.device_id,
            "number": device.number if device else parts.device_number,
            "sensors": [{"name": s.name, "unit": s.unit, "alias": s.alias} for s in device.sensors]
            if device
            else None,
        },
        "meter": {
            "uri": str(meter.uri) if meter else None,
            "unit": meter.unit if meter else None,
            "profile_id": meter.profile.id if meter else None,
            "link": meter.uri.kind.value if meter else None,
        },
    }


def site_parts(ctx: CheckContext) -> SiteParts:
    """What a check learnt of its (first) meter's site."""
    client = ctx.client
    first = ctx.meters[0] if ctx.meters else None
    offset = first.clock.server_offset if first is not None and first.clock else None
    return SiteParts(
        base_url=client.environment.base_url,
        status=client.status,
        server_offset=offset,
        device=first.device if first else None,
        device_number=first.device_number if first else None,
        device_id=first.device_id if first else None,
        meter=first.meter if first else None,
    )


def snapshot_files(parts: SiteParts, report: CheckReport | None = None) -> dict[str, str]:
    """The bundle's site files as texts: site.json always, the others when known."""
    files = {SITE: _json(site_data(parts))}
    meter = parts.meter
    if meter is not None:
        files[REGISTERS] = _json(meter.capture.to_dict())
        profile_text = _profile_text(meter)
        if profile_text is not None:
            files[PROFILE] = profile_text
    if report is not None:
        files[CHECK] = report.to_json()
    return files


def check_files(
    ctx: CheckContext, run: CheckRun, site: str = "", installer: str = ""
) -> dict[str, str]:
    """The site files after a check (on the core loop: the report reads the meter's history)."""
    return snapshot_files(site_parts(ctx), CheckReport(facts_for(ctx, site, installer), run))


def _profile_text(meter: MeterSession) -> str | None:
    path = meter.profile.path
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        log.warning("profile %s could not be read for the bundle: %s", path, error)
        return None


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
