"""`--meter URI --profile ID` for the commands that read a meter next to the API (clock, upload)."""

from __future__ import annotations

from app.commands.api_session import Usage
from app.core.logs import command_traffic
from app.core.meter.meter_uri import MeterURIError, parse_meter_uri
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import ProfileError, default_library
from app.core.meter.session import MeterSession


def meter_session(uri: str | None, profile_id: str | None) -> MeterSession | None:
    """A session for the meter (not connected), None when neither is given; Usage (exit 2) for
    one without the other, a bad address or an unknown profile."""
    if uri is None and profile_id is None:
        return None
    if uri is None or profile_id is None:
        raise Usage("give --meter URI and --profile ID together")
    try:
        parsed = parse_meter_uri(uri)
    except MeterURIError as error:
        raise Usage(f"--meter: {error.message}") from None
    traffic = command_traffic()  # to traffic.jsonl
    return MeterSession(parsed, profile(profile_id), include_auxiliary=True, traffic=traffic)


def profile(profile_id: str) -> MeterProfile:
    try:
        return default_library().get(profile_id)
    except ProfileError as error:
        raise Usage(f"--profile: {error.message} (see `medido profiles`)") from None
