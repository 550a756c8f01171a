"""The check's steps about one meter: sensor coverage, meter answers, wiring, clocks.

"Meter answers" never passes on a link alone: a profile or unit id that yields none of the
profile's values fails and says "wrong profile or unit id", and values no meter can produce
(a "not available" pattern decoded as a number) fail here and in the wiring step.
"""

from __future__ import annotations

import asyncio
from collections import Counter

from app.core.api import ApiState
from app.core.check.context import CheckContext, MeterUnderCheck
from app.core.check.outcome import Finding, Status, StepId, StepOutcome, skipped
from app.core.check.wiring import Snapshot, judge_wiring
from app.core.clock.check import MeterClockSource, compare_clocks
from app.core.clock.verdict import Verdict, judge_drift
from app.core.meter.bus_time import LinkKind
from app.core.meter.reading import IMPOSSIBLE_VALUE, MeterReading
from app.core.sensors.coverage import compare

_NO_METER = Finding(
    Status.FAIL,
    "meter.not_connected",
    "No meter is connected.",
    "Connect the meter on the Meter page (or give --meter and --profile).",
)
_VERDICTS = {
    Verdict.PASS: Status.PASS,
    Verdict.WARN: Status.WARN,
    Verdict.FAIL: Status.FAIL,
    Verdict.CANNOT_TELL: Status.WARN,
}


def check_coverage(meter: MeterUnderCheck) -> StepOutcome:
    if meter.device is None:
        return skipped(
            StepId.COVERAGE, "coverage.no_device", "The meter is not known on ChileMedido."
        )
    if meter.meter is None:
        return StepOutcome(StepId.COVERAGE, (_NO_METER,))
    report = compare(meter.device, meter.meter.profile)
    supplied = [r.sensor.name for r in report.supplied]
    missing = [s.name for s in report.missing]
    evidence = {
        "profile": report.profile_id,
        "supplied": supplied,
        "missing": missing,
        "not_configured": list(report.not_configured),
    }
    total = len(report.rows)
    params = {"supplied": str(len(supplied)), "total": str(total), "profile": report.profile_id}
    if total and not supplied:
        finding = Finding(
            Status.FAIL,
            "coverage.none",
            f"The profile {report.profile_id} supplies none of the meter's {total} sensors.",
            "Choose the profile of this meter's model, or ask ChileMedido which sensors it "
            "expects.",
            params,
        )
    elif missing:
        finding = Finding(
            Status.WARN,
            "coverage.partial",
            f"The profile supplies {len(supplied)} of {total} sensors; not: {', '.join(missing)}.",
            "Those sensors will never be reported: check the profile or the device's "
            "configuration.",
            params | {"missing": ", ".join(missing)},
        )
    else:
        finding = Finding(
            Status.PASS,
            "coverage.complete",
            f"The profile supplies all {total} sensors.",
            params=params,
        )
    return StepOutcome(StepId.COVERAGE, (finding,), evidence)


async def check_meter(ctx: CheckContext, meter: MeterUnderCheck) -> StepOutcome:
    session = meter.meter
    if session is None:
        return StepOutcome(StepId.METER, (_NO_METER,))
    readings: list[MeterReading] = []
    for index in range(ctx.polls):
        if index:
            await asyncio.sleep(ctx.interval_s)
        readings.append(await session.poll())
        if readings[-1].error is not None and not readings[-1].available:
            break  # the link is down: more polls only wait for more timeouts
    meter.readings = readings
    return judge_readings(readings, session.description, session.uri.kind)


def judge_readings(
    readings: list[MeterReading], where: str, kind: LinkKind | None = None
) -> StepOutcome:
    """`kind`: the link's, so that the app's advice names what to check on it (not RS-485
    wiring on a TCP link)."""
    last = readings[-1]
    exceptions = Counter(
        f"{p.code} ({p.exception})" if p.exception is not None else p.code
        for r in readings
        for p in r.problems.values()
    )
    evidence = {
        "where": where,
        "polls": [
            {
                "at": r.at.isoformat(),
                "values": r.available,
                "of": len(r.values),
                "ms": round(r.duration_s * 1000),
                "error": r.error.message if r.error else None,
            }
            for r in readings
        ],
        "problems": {k: {"code": p.code, "message": p.message} for k, p in last.problems.items()},
        "exceptions": dict(exceptions),
    }
    best = max(r.available for r in readings)
    impossible = sorted(
        {s for r in readings for s, p in r.problems.items() if p.code == IMPOSSIBLE_VALUE}
    )
    found: list[Finding] = []
    if best == 0:
        if last.error is not None:
            found.append(
                Finding(
                    Status.FAIL,
                    f"meter.{last.error.code}",
                    last.error.message,
                    "Check the link settings on the Meter page (address and port, or serial "
                    "port and baud) and that the meter is powered.",
                    {"link": kind.value} if kind is not None else {},
                )
            )
        else:
            found.append(
                Finding(
                    Status.FAIL,
                    "meter.wrong_profile_or_unit",
                    f"The meter answers, but none of the profile's {len(last.values)} values were "
                    "read: wrong profile or unit id.",
                    "Choose the profile of this meter's model (Auto-detect finds it) and check the "
                    "unit id set on the meter.",
                    {"count": str(len(last.values))},
                )
            )
    if impossible:
        found.append(
            Finding(
                Status.FAIL,
                "meter.impossible_values",
                f"Values no meter can produce: {', '.join(impossible)}.",
                "The profile decodes these wrongly (type, word order, scale or a 'not "
                "available' pattern): check the profile and the unit id.",
                {"sensors": ", ".join(impossible)},
            )
        )
    if best:
        missing = sorted(s for s, v in last.values.items() if v is None and s not in impossible)
        params = {"read": str(best), "total": str(len(last.values)), "polls": str(len(readings))}
        found.append(
            Finding(
                Status.PASS,
                "meter.values_read",
                f"{best} of {len(last.values)} values read in {len(readings)} polls.",
                params=params,
            )
        )
        if missing:
            found.append(
                Finding(
                    Status.WARN,
                    "meter.values_missing",
                    f"Not read: {', '.join(missing)}.",
                    "The Meter page's table says why for each (a register the meter lacks, an "
                    "exception).",
                    {"sensors": ", ".join(missing)},
                )
            )
    return StepOutcome(StepId.METER, tuple(found), evidence)


def check_wiring(meter: MeterUnderCheck) -> StepOutcome:
    snapshots = [Snapshot(r.at, {**r.values, **r.extras}) for r in meter.readings if r.available]
    if not snapshots:
        return skipped(StepId.WIRING, "wiring.no_values", "No values to judge.")
    found = list(judge_wiring(snapshots))
    impossible = sorted(
        {s for r in meter.readings for s, p in r.problems.items() if p.code == IMPOSSIBLE_VALUE}
    )
    if impossible:
        found.append(
            Finding(
                Status.FAIL,
                "wiring.impossible_values",
                f"Magnitudes no meter can produce: {', '.join(impossible)} (never uploaded).",
                "Check the profile's type, word order and scale for these.",
                {"sensors": ", ".join(impossible)},
            )
        )
    if not found:
        found.append(
            Finding(
                Status.PASS,
                "wiring.nothing_to_judge",
                "The profile has none of the values the wiring is judged by.",
            )
        )
    last = snapshots[-1]
    evidence = {"values": {k: v for k, v in last.values.items()}, "readings": len(snapshots)}
    return StepOutcome(StepId.WIRING, tuple(found), evidence)


async def check_clock(ctx: CheckContext, meter: MeterUnderCheck) -> StepOutcome:
    session = meter.meter
    zone = meter.zone()
    source = MeterClockSource(session.link, session.profile, session.unit) if session else None
    # Not logged in (the token step failed and said why): the server is not asked again, so
    # the same failure is not reported twice; the meter is still compared with the laptop.
    logged_in = ctx.client.status.state in (ApiState.READY, ApiState.REFRESHING)
    server = ctx.client if logged_in else None
    comparison = await compare_clocks(server, source, zone, count=ctx.clock_samples)
    meter.clock = comparison
    verdicts = judge_drift(comparison.drift, meter=zone.setting, at=comparison.measured_at)
    found = [
        Finding(
            _VERDICTS[v.verdict],
            v.code,
            v.message,
            "" if v.verdict is Verdict.PASS else "Set the clock on the Clock page.",
            dict(v.params),
        )
        for v in verdicts
    ]
    if server is None:
        found.append(
            Finding(
                Status.SKIP,
                "clock.server_not_asked",
                "ChileMedido's clock was not compared: not logged in (see the token step).",
            )
        )
    if comparison.server_error is not None:
        found.append(
            Finding(
                Status.FAIL,
                "clock.server_unreadable",
                str(comparison.server_error),
                "Check the connection to ChileMedido.",
            )
        )
    if comparison.meter_error is not None:
        found.append(
            Finding(
                Status.WARN,
                "clock.meter_unreadable",
                f"The meter's clock could not be read: {comparison.meter_error}",
                "Check the profile's clock registers.",
            )
        )
    elif source is not None and not source.has_clock:
        found.append(
            Finding(
                Status.PASS,
                "clock.meter_has_none",
                "The meter keeps no clock Medido can read (measurements carry the server's time).",
            )
        )
    evidence = {
        name: {"seconds": round(o.seconds, 3), "uncertainty": round(o.uncertainty, 3)}
        for name, o in (
            ("laptop_vs_server", comparison.drift.laptop_vs_server),
            ("meter_vs_server", comparison.drift.meter_vs_server),
        )
        if o is not None
    }
    evidence["measured_at"] = comparison.measured_at.isoformat()  # type: ignore[assignment]
    return StepOutcome(StepId.CLOCK, tuple(found), evidence)
