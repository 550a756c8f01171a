"""A sensor's status in one reading, in the installer's language: OK, or why there is no value.

The core says why with a stable code (SensorProblem.code) and the Modbus exception number; the
texts here are translated by that code (context "SensorStatus"), and the core's own English
message goes in the details for support.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.core.meter.reading import IMPOSSIBLE_VALUE, PARTIAL_SUM, MeterReading
from app.gui.i18n import N_, fill
from app.gui.steps.step import StepState

OK = "ok"

# Modbus exception code -> (short name, what it means here)
_EXCEPTIONS: dict[int, tuple[str, str]] = {
    1: (
        N_("SensorStatus", "illegal function"),
        N_(
            "SensorStatus",
            "The meter does not support this read function: the profile may use function 4 "
            "where the meter wants 3, or the other way round.",
        ),
    ),
    2: (
        N_("SensorStatus", "illegal data address"),
        N_(
            "SensorStatus",
            "The meter has no register at this address: another model or variant, or an "
            "address off by one.",
        ),
    ),
    3: (
        N_("SensorStatus", "illegal data value"),
        N_("SensorStatus", "The meter refused the request, often for asking too many registers."),
    ),
    4: (
        N_("SensorStatus", "device failure"),
        N_("SensorStatus", "The meter could not give the value now; Medido asks at every poll."),
    ),
    6: (
        N_("SensorStatus", "device busy"),
        N_("SensorStatus", "The meter is busy; Medido asks again at every poll."),
    ),
    10: (
        N_("SensorStatus", "gateway path unavailable"),
        N_("SensorStatus", "The gateway has no route to this unit: check its settings."),
    ),
    11: (
        N_("SensorStatus", "gateway target did not respond"),
        N_(
            "SensorStatus",
            "The gateway answers but the meter behind it does not: check the unit id, the "
            "RS-485 wiring and the serial settings.",
        ),
    ),
}

_STATES = {
    OK: StepState.OK,
    "not-available": StepState.WARNING,
    "missing-register": StepState.WARNING,
    "meter-exception": StepState.WARNING,
    IMPOSSIBLE_VALUE: StepState.ERROR,  # a wrong profile or unit: never uploaded
    PARTIAL_SUM: StepState.WARNING,  # a value, without a part the meter lacks (a tariff)
    "no-reply": StepState.ERROR,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensorStatus", text)


@dataclass(frozen=True, slots=True)
class SensorStatus:
    code: str  # "ok" or a SensorProblem code
    exception: int | None = None
    message: str = ""  # the core's English explanation

    @property
    def state(self) -> StepState:
        return _STATES.get(self.code, StepState.WARNING)

    def text(self) -> str:
        """A few words for the table cell."""
        if self.code == OK:
            return QCoreApplication.translate("SensorStatus", "OK")
        if self.code == "not-available":
            return QCoreApplication.translate("SensorStatus", "Not available")
        if self.code == "no-reply":
            return QCoreApplication.translate("SensorStatus", "Not read")
        if self.code == IMPOSSIBLE_VALUE:
            return QCoreApplication.translate("SensorStatus", "Impossible value")
        if self.code == PARTIAL_SUM:
            return QCoreApplication.translate("SensorStatus", "OK, partial sum")
        number = str(self.exception) if self.exception is not None else "?"
        if self.code == "missing-register":
            text = QCoreApplication.translate("SensorStatus", "Missing register (exception %1)")
            return fill(text, number)
        name = _EXCEPTIONS.get(self.exception or 0)
        text = fill(QCoreApplication.translate("SensorStatus", "Exception %1"), number)
        return f"{text}: {_tr(name[0])}" if name else text

    def details(self) -> str:
        """What it means and what to do, then the core's message (for support)."""
        if self.code == OK:
            return ""
        if self.code == "not-available":
            meaning = QCoreApplication.translate(
                "SensorStatus", "The meter answered, with its pattern for 'no value here'."
            )
        elif self.code == "no-reply":
            meaning = QCoreApplication.translate(
                "SensorStatus", "The poll ended before this value was read."
            )
        elif self.code == IMPOSSIBLE_VALUE:
            meaning = QCoreApplication.translate(
                "SensorStatus",
                "The registers decode to a value no meter can produce: the profile (type, word "
                "order, scale) or the unit id is wrong. It is not shown as a value and is never "
                "uploaded.",
            )
        elif self.code == PARTIAL_SUM:
            meaning = QCoreApplication.translate(
                "SensorStatus",
                "The value is the sum of the parts this meter has; it lacks one (e.g. a second "
                "tariff). Compare it with the meter's display.",
            )
        else:
            known = _EXCEPTIONS.get(self.exception or 0)
            meaning = _tr(known[1]) if known else ""
        return "\n".join(line for line in (meaning, self.message) if line)


def status_of(reading: MeterReading, sensor: str) -> SensorStatus:
    problem = reading.problems.get(sensor) or reading.notes.get(sensor)
    if problem is None:
        return SensorStatus(OK)
    return SensorStatus(problem.code, problem.exception, problem.message)
