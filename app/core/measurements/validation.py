"""Check a request before sending it, the way the platform will (docs/design.md §1), and split one.

The platform refuses a request with more than 100 measures, or whose earliest and latest
timestamps are more than a day apart (counted across the whole body, as the emulator does), or a
value that is not a finite number. It ignores, with a warning, a name it does not know. Medido
also refuses a value no meter can produce (app.core.sensors.limits: a negative energy counter,
|PF| > 1…), and catches what the platform would take but the installer would regret: a name
that is a real one but for an accent, a device number left blank, a clock in the future or
months behind, and timestamps in milliseconds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from app.core.api import MILLISECOND_TIMESTAMPS, Measure
from app.core.measurements.batch import MeasurementBatch
from app.core.sensors.dictionary import unit_of
from app.core.sensors.limits import PhysicalRange, impossible_value, physical_range
from app.core.sensors.names import dictionary_names, suggest

MAX_MEASURES = 100
MAX_SPAN_S = 86_400


class Severity(StrEnum):
    ERROR = "error"  # the platform would refuse the request, or data would be lost
    WARNING = "warning"  # sendable, but worth a look


@dataclass(frozen=True, slots=True)
class Problem:
    code: str  # stable: "measurement.too_many", ...
    severity: Severity
    message: str  # English, installer-grade
    device: str | None = None
    timestamp: int | None = None
    sensor: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class ValidationLimits:
    max_measures: int = MAX_MEASURES
    max_span_s: int = MAX_SPAN_S
    future_tolerance_s: float = 300.0  # clocks disagree a little; beyond this it is a wrong clock
    max_age_s: float = 30 * 86_400  # older is sendable, but rarely what a commissioning meant


@dataclass(frozen=True, slots=True)
class Validation:
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """Nothing that stops the upload (warnings allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def validate(
    batches: MeasurementBatch | Sequence[MeasurementBatch],
    *,
    now: float | None = None,
    known_names: Iterable[str] | None = None,
    limits: ValidationLimits | None = None,
) -> Validation:
    """Problems with one request. `now`: UTC seconds on the server's clock (default: laptop's).
    `known_names`: the platform's dictionary (default: the one Medido ships)."""
    request = [batches] if isinstance(batches, MeasurementBatch) else list(batches)
    limits = limits or ValidationLimits()
    names = tuple(known_names) if known_names is not None else dictionary_names()
    moment = time.time() if now is None else now
    problems: list[Problem] = []
    _check_request(request, limits, problems)
    bounds = _Bounds()
    for batch in request:
        if not batch.device_number.strip():
            problems.append(_error("device_number_empty", "The meter number is empty."))
        for measure in batch.measures:
            _check_measure(batch.device_number, measure, moment, limits, bounds, problems)
    _check_names(request, names, problems)
    return Validation(tuple(problems))


def _error(
    code: str,
    message: str,
    device: str | None = None,
    timestamp: int | None = None,
    sensor: str | None = None,
    suggestion: str | None = None,
) -> Problem:
    return Problem(
        f"measurement.{code}", Severity.ERROR, message, device, timestamp, sensor, suggestion
    )


def _warning(
    code: str,
    message: str,
    device: str | None = None,
    timestamp: int | None = None,
    sensor: str | None = None,
) -> Problem:
    return Problem(f"measurement.{code}", Severity.WARNING, message, device, timestamp, sensor)


def _check_request(
    request: list[MeasurementBatch], limits: ValidationLimits, out: list[Problem]
) -> None:
    measures = [m for b in request for m in b.measures]
    if not measures:
        out.append(_error("empty", "There is nothing to send: the request has no measures."))
        return
    if len(measures) > limits.max_measures:
        out.append(
            _error(
                "too_many",
                f"The request has {len(measures)} measures; ChileMedido takes at most "
                f"{limits.max_measures} in one request. Send them in several (split them).",
            )
        )
    stamps = [m.timestamp for m in measures if _whole(m.timestamp)]
    if stamps and max(stamps) - min(stamps) > limits.max_span_s:
        out.append(
            _error(
                "span_too_long",
                f"The measures span {(max(stamps) - min(stamps)) / 3600:.1f} h; ChileMedido takes "
                "at most one day (24 h) in one request. Send them in several (split them).",
            )
        )


def _when(stamp: int) -> str:
    return f"{datetime.fromtimestamp(stamp, UTC):%Y-%m-%d %H:%M:%S} UTC"


def _whole(stamp: object) -> bool:
    return isinstance(stamp, int) and not isinstance(stamp, bool)


class _Bounds(dict[str, PhysicalRange | None]):
    """Each sensor's physical range, looked up once per request: a day of a 30-variable meter
    is 43,200 values but only 30 names (the lookup was half of the validation's time)."""

    def __missing__(self, name: str) -> PhysicalRange | None:
        found = self[name] = physical_range(name)
        return found


def _check_measure(
    device: str,
    measure: Measure,
    now: float,
    limits: ValidationLimits,
    bounds: _Bounds,
    out: list[Problem],
) -> None:
    stamp = measure.timestamp
    if not _whole(stamp):
        out.append(
            _error("timestamp_not_whole", f"Timestamp {stamp!r} is not whole UTC seconds.", device)
        )
        return
    if stamp >= MILLISECOND_TIMESTAMPS:
        out.append(
            _error(
                "timestamp_in_ms",
                f"Timestamp {stamp} looks like milliseconds; ChileMedido expects seconds.",
                device,
                stamp,
            )
        )
    elif stamp - now > limits.future_tolerance_s:
        out.append(
            _error(
                "timestamp_in_future",
                f"The measure of {_when(stamp)} is {stamp - now:.0f} s in the future. The clock "
                "that stamped it is wrong; check the Clock page.",
                device,
                stamp,
            )
        )
    elif now - stamp > limits.max_age_s:
        out.append(
            _warning(
                "timestamp_old",
                f"The measure of {_when(stamp)} is {(now - stamp) / 86_400:.0f} days old. If this "
                "is a live reading, the clock that stamped it is wrong; check the Clock page.",
                device,
                stamp,
            )
        )
    if not measure.values:
        out.append(
            _error("no_values", "A measure has no values; ChileMedido refuses it.", device, stamp)
        )
    for name, value in measure.values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):  # a tuple: faster
            out.append(
                _error(
                    "not_a_number",
                    f'The value of "{name}" is {value!r}, not a number.',
                    device,
                    stamp,
                    name,
                )
            )
        elif not math.isfinite(value):
            out.append(
                _error(
                    "not_finite",
                    f'The value of "{name}" is {value!r}; ChileMedido takes finite numbers only.',
                    device,
                    stamp,
                    name,
                )
            )
        elif (near := bounds[name]) is not None and not near.low <= value <= near.high:
            why = impossible_value(name, value)  # the same verdict, with its reason
            out.append(
                _error(
                    "impossible_value",
                    f'The value of "{name}" is {value:g} {unit_of(name)}, which no meter can '
                    f"produce ({why}): the profile decodes this register wrongly (type, word "
                    "order, scale or a 'not available' pattern). It must not be uploaded.",
                    device,
                    stamp,
                    name,
                )
            )


def _check_names(
    request: list[MeasurementBatch], known: tuple[str, ...], out: list[Problem]
) -> None:
    for batch in request:
        for name in batch.sensor_names:
            if name in known:
                continue
            near = suggest(name, known)
            if near is not None:
                out.append(
                    _error(
                        "sensor_name_spelling",
                        f'"{name}" is not how ChileMedido spells it: "{near}" (accents and case '
                        "must match exactly). Its values would be ignored.",
                        device=batch.device_number,
                        sensor=name,
                        suggestion=near,
                    )
                )
            else:
                out.append(
                    _warning(
                        "unknown_sensor",
                        f'"{name}" is not a ChileMedido variable; the server will ignore its '
                        "values with a warning.",
                        device=batch.device_number,
                        sensor=name,
                    )
                )


def split(
    batch: MeasurementBatch, limits: ValidationLimits | None = None
) -> list[MeasurementBatch]:
    """The batch's measures in time order, cut into requests of at most `max_measures` that each
    span at most `max_span_s` (a measure opens a new request when it would break either)."""
    limits = limits or ValidationLimits()
    chunks: list[list[Measure]] = []
    for measure in sorted(batch.measures, key=lambda m: m.timestamp):
        current = chunks[-1] if chunks else None
        if (
            current is None
            or len(current) >= limits.max_measures
            or measure.timestamp - current[0].timestamp > limits.max_span_s
        ):
            chunks.append([measure])
        else:
            current.append(measure)
    omitted, extra = batch.omitted, batch.unconfigured
    return [MeasurementBatch(batch.device_number, tuple(c), omitted, extra) for c in chunks]
