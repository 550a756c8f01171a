"""Pass, warn or fail for each clock comparison, with an explanation an installer can act on.

A comparison passes when the clocks agree within `pass_s`, warns up to `warn_s`, fails beyond.
The offset is a range (± its uncertainty): when the whole range falls in one band, that band is
the verdict. When it straddles a limit, the central value decides if the uncertainty is within the
pass tolerance; otherwise the measurement is too coarse to judge and the verdict is "cannot tell"
(a slow network gives ±10 s: good enough to see a wrong hour, not to certify 5 s).

The classic field fault is a meter that keeps local time with a wrong time zone or DST setting:
its clock is right, but off by an exact number of hours (3 or 4 when it shows UTC in Chile, 1 when
it missed or invented a DST change). That gets its own code, because the fix is a setting, not a
clock adjustment. A laptop off by whole hours has the same story: its clock was set by hand to the
right local time under the wrong time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.core.clock.chile_time import SANTIAGO, next_offset_change
from app.core.clock.drift import ClockDrift, Offset

_HOUR = 3600.0
_MAX_DIAGNOSIS_UNCERTAINTY_S = 300.0  # beyond ±5 min "exactly N hours" means little


class Verdict(StrEnum):
    PASS = "pass"  # noqa: S105 (a verdict, not a password)
    WARN = "warn"
    FAIL = "fail"
    CANNOT_TELL = "cannot_tell"


class Comparison(StrEnum):
    LAPTOP_VS_SERVER = "laptop_vs_server"
    METER_VS_LAPTOP = "meter_vs_laptop"
    METER_VS_SERVER = "meter_vs_server"

    @property
    def clocks(self) -> tuple[str, str]:
        first, second = self.value.split("_vs_")
        return first, second


@dataclass(frozen=True, slots=True)
class DriftThresholds:
    pass_s: float = 5.0
    warn_s: float = 60.0

    def __post_init__(self) -> None:
        if not 0 < self.pass_s <= self.warn_s:
            raise ValueError("thresholds need 0 < pass_s <= warn_s")

    def band(self, seconds: float) -> Verdict:
        magnitude = abs(seconds)
        if magnitude <= self.pass_s:
            return Verdict.PASS
        return Verdict.WARN if magnitude <= self.warn_s else Verdict.FAIL


@dataclass(frozen=True, slots=True)
class MeterTimeSetting:
    """How the meter keeps time, as the installer configured Medido for it."""

    keeps_local_time: bool = True
    zone: str = SANTIAGO  # IANA name, used when keeps_local_time


@dataclass(frozen=True, slots=True)
class ClockVerdict:
    comparison: Comparison
    offset: Offset
    verdict: Verdict
    code: str  # stable, for the GUI's translation: "clock.in_sync", "clock.meter_keeps_utc", ...
    message: str  # English, installer-grade
    whole_hours: int | None = None  # set when the offset is an exact number of hours
    params: dict[str, str] = field(default_factory=dict)  # for the translated message


def format_duration(seconds: float) -> str:
    """'0.25 s', '42 s', '4 min 12 s', '3 h 0 min 2 s' (magnitude only)."""
    magnitude = abs(seconds)
    if magnitude < 10:
        return f"{magnitude:.2f} s" if magnitude < 1 else f"{magnitude:.1f} s"
    whole = round(magnitude)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min {secs} s"
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _band_of(offset: Offset, limits: DriftThresholds) -> Verdict:
    low_band = limits.band(max(0.0, abs(offset.seconds) - offset.uncertainty))
    high_band = limits.band(abs(offset.seconds) + offset.uncertainty)
    if low_band == high_band:
        return low_band
    if offset.uncertainty > limits.pass_s:
        return Verdict.CANNOT_TELL
    return limits.band(offset.seconds)


def _whole_hours(offset: Offset, limits: DriftThresholds) -> int | None:
    hours = round(offset.seconds / _HOUR)
    leftover = abs(offset.seconds - hours * _HOUR)
    if hours == 0 or offset.uncertainty > _MAX_DIAGNOSIS_UNCERTAINTY_S:
        return None
    return hours if leftover <= limits.pass_s + offset.uncertainty else None


def judge(
    comparison: Comparison,
    offset: Offset,
    limits: DriftThresholds | None = None,
    meter: MeterTimeSetting | None = None,
    at: datetime | None = None,
) -> ClockVerdict:
    """The verdict on one comparison. `at` (default now) dates the zone facts of the diagnosis."""
    limits = limits or DriftThresholds()
    meter = meter or MeterTimeSetting()
    first, second = comparison.clocks
    params = {
        "clock": first,
        "reference": second,
        "amount": format_duration(offset.seconds),
        "uncertainty": format_duration(offset.uncertainty),
        "direction": "ahead of" if offset.seconds > 0 else "behind",
    }
    said = (
        f"The {first}'s clock is {params['amount']} {params['direction']} the {second}'s "
        f"(± {params['uncertainty']})."
    )
    band = _band_of(offset, limits)
    hours = _whole_hours(offset, limits) if band is Verdict.FAIL else None
    if hours is not None:
        code, advice = _hours_diagnosis(first, hours, meter, at or datetime.now(UTC))
        params["hours"] = str(hours)
        return ClockVerdict(comparison, offset, band, code, f"{said} {advice}", hours, params)
    code, advice = {
        Verdict.PASS: ("clock.in_sync", "That is within tolerance."),
        Verdict.WARN: (
            "clock.drift_small",
            f"Measurements would be stamped {params['amount']} off. " + _fix_clock_advice(first),
        ),
        Verdict.FAIL: (
            "clock.drift_large",
            "Measurements would be stamped at the wrong time. " + _fix_clock_advice(first),
        ),
        Verdict.CANNOT_TELL: (
            "clock.cannot_tell",
            f"The measurement is too uncertain to judge a {format_duration(limits.pass_s)} "
            "tolerance; repeat it (a slow or busy connection makes it coarse).",
        ),
    }[band]
    return ClockVerdict(comparison, offset, band, code, f"{said} {advice}", None, params)


def _fix_clock_advice(clock: str) -> str:
    if clock == "laptop":
        return (
            "Turn on automatic time (Windows Settings → Time & language → Set time automatically)."
        )
    return "Set the meter's clock (from its display, its software, or Medido if its profile can)."


def _hours_diagnosis(
    clock: str, hours: int, meter: MeterTimeSetting, at: datetime
) -> tuple[str, str]:
    span = f"a whole {abs(hours)} h"
    if clock == "laptop":
        return "clock.laptop_timezone_wrong", (
            f"That is {span}: the laptop's time zone setting is wrong (its clock was set to the "
            "local time by hand under another zone). Choose the right time zone in Windows and "
            "turn on automatic time."
        )
    if not meter.keeps_local_time:
        zone_hours = _zone_hours(meter.zone, at)
        if hours == zone_hours:
            return "clock.meter_keeps_local", (
                f"That is {span}, the local offset: the meter keeps local time, but Medido is set "
                f"to read it as UTC. Tell Medido the meter keeps local time ({meter.zone})."
            )
        return "clock.meter_timezone_wrong", (
            f"That is {span}: the meter's time zone setting is wrong, not its clock. Set the "
            "meter to UTC as configured, or change Medido's setting for this meter."
        )
    zone_hours = _zone_hours(meter.zone, at)
    if hours == -zone_hours:
        return "clock.meter_keeps_utc", (
            f"That is {span}, the offset between UTC and {meter.zone}: the meter shows UTC, but "
            "Medido is set to read it as local time. Set the meter to local time, or tell Medido "
            "that this meter keeps UTC."
        )
    if abs(hours) == 1:
        if _observes_dst(meter.zone, at):
            return "clock.meter_dst_wrong", (
                f"That is {span}: the meter's daylight saving time setting is wrong (it missed "
                f"the last change, or uses other dates than {meter.zone}), not its clock. Fix the "
                "meter's DST setting, or turn it off and set the time by hand after each change."
            )
        return "clock.meter_dst_not_observed_here", (
            f"That is {span}: the meter applies daylight saving time, but {meter.zone} has none "
            "(Magallanes and Aysén stay on UTC−03:00 all year). Turn DST off in the meter."
        )
    return "clock.meter_timezone_wrong", (
        f"That is {span}: the meter's time zone setting is wrong, not its clock. Set the meter's "
        f"time zone to {meter.zone}'s."
    )


def _zone_hours(zone: str, at: datetime) -> int:
    offset = at.astimezone(ZoneInfo(zone)).utcoffset()
    return round(offset.total_seconds() / _HOUR) if offset is not None else 0


def _observes_dst(zone: str, at: datetime) -> bool:
    """Whether the zone has an offset change coming within about a year of `at`.

    A scheduled future change, not a past one: Aysén changed in 2024 and then dropped DST.
    """
    return next_offset_change(zone, at) is not None


def judge_drift(
    drift: ClockDrift,
    limits: DriftThresholds | None = None,
    meter: MeterTimeSetting | None = None,
    at: datetime | None = None,
) -> tuple[ClockVerdict, ...]:
    """Verdicts on every comparison the measurement allows, in the Clock page's order."""
    offsets = (
        (Comparison.LAPTOP_VS_SERVER, drift.laptop_vs_server),
        (Comparison.METER_VS_SERVER, drift.meter_vs_server),
        (Comparison.METER_VS_LAPTOP, drift.meter_vs_laptop),
    )
    return tuple(judge(c, o, limits, meter, at) for c, o in offsets if o is not None)
