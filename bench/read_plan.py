"""Row 8: requests per poll for every shipped profile, the reader's plan vs the fewest possible.

The fewest is worked out here on its own, not read back from the planner: every register value
of the profile (auxiliary quantities included, as `medido read` polls them), overlapping values
merged (they can only be read together), then covered from the lowest address up, each request
taking every following value that still ends within the device's cap (and, where the profile
forbids reading unused registers, only values that touch the last one). Taking as much as fits
is optimal: any cover's k-th request cannot reach further than the greedy k-th one.

The plan compared is the reader's over Modbus TCP, where the round trip makes every request
count. Over RS-485 at 9600 baud, the bus-time model may rightly split a request at a wide gap;
that plan's modelled time is reported beside those of the two plans it must not be slower than
(one value per request, and the fewest requests), with the profile's parity and turnaround.
"""

from __future__ import annotations

from typing import Any

from app.core.meter.links import ModbusLink, SerialLink, TcpLink
from app.core.meter.planner import MODBUS_MAX_REGISTERS, ReadPlan
from app.core.meter.profile import DeviceLimits, Function, MeterProfile
from app.core.meter.profile_loader import ProfileLibrary, shipped_profiles_dir
from app.core.meter.reader import MeterReader
from bench.figures import Figure

BAUD = 9600
type Run = tuple[int, int]  # registers [start, end) read in one request


def measure(quick: bool) -> list[Figure]:
    del quick  # counting is exact: nothing to repeat
    library = ProfileLibrary([shipped_profiles_dir()])
    return [_figure(library.get(profile_id)) for profile_id in library.ids()]


def _figure(profile: MeterProfile) -> Figure:
    fewest = fewest_requests(profile)
    tcp = _plan(TcpLink("127.0.0.1"), profile)
    serial = SerialLink("(model)", BAUD, profile.serial.parity, profile.serial.stop_bits)
    rtu = _plan(serial, profile)
    rtu_per_value = _plan(serial, profile, merge=False)
    fewest_runs = [run for runs in fewest.values() for run in runs]
    fewest_on_rtu = sum(rtu.timing.request_s(end - start) for start, end in fewest_runs)
    details: dict[str, Any] = {
        "one_value_per_request": _plan(TcpLink("127.0.0.1"), profile, merge=False).requests,
        "fewest_blocks": {int(f): runs for f, runs in fewest.items()},
        "plan_blocks": [[int(b.function), b.start, b.end] for b in tcp.blocks],
        f"rs485_{BAUD}": {
            "timing": rtu.timing.describe() + f", {rtu.timing.pause_s * 1000:.2f} ms pause",
            "plan_requests": rtu.requests,
            "plan_ms": _ms(rtu.modelled_s),
            "one_value_per_request_ms": _ms(rtu_per_value.modelled_s),
            "fewest_requests_ms": _ms(fewest_on_rtu),
            "plan_no_slower": rtu.modelled_s <= min(fewest_on_rtu, rtu_per_value.modelled_s) + 1e-9,
        },
    }
    return Figure(
        row=8,
        what=f"Requests per poll, {profile.id}",
        value=tcp.requests,
        unit="requests",
        limit=1.0,
        baseline=len(fewest_runs),
        baseline_what="the fewest possible for the profile's limits, counted independently",
        details=details,
    )


def _plan(link: ModbusLink, profile: MeterProfile, merge: bool = True) -> ReadPlan:
    return MeterReader(link, profile, 1, include_auxiliary=True, merge=merge).plan


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def fewest_requests(profile: MeterProfile) -> dict[Function, list[Run]]:
    """The fewest requests that read every register value of the profile, per function."""
    values: dict[Function, set[Run]] = {}
    for mapping in profile.sensors + profile.auxiliary:
        for part in mapping.parts:
            values.setdefault(part.function, set()).add((part.address, part.address + part.count))
    return {f: _cover(_merged(sorted(runs)), profile.limits) for f, runs in sorted(values.items())}


def _merged(values: list[Run]) -> list[Run]:
    """Overlapping values as one run: they can only be read in one request."""
    runs: list[Run] = []
    for start, end in values:
        if runs and start < runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return runs


def _cover(runs: list[Run], limits: DeviceLimits) -> list[Run]:
    cap = min(limits.max_registers_per_request, MODBUS_MAX_REGISTERS)
    requests: list[Run] = []
    for start, end in runs:
        if end - start > cap:
            raise ValueError(f"registers {start}-{end - 1} do not fit in one request of {cap}")
        if requests:
            first, last = requests[-1]
            fits = end - first <= cap
            if fits and (limits.reads_through_gaps or start == last):
                requests[-1] = (first, end)
                continue
        requests.append((start, end))
    return requests
