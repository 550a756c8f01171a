"""The one verdict on a meter reading, shared by the status bar and the Meter page.

A meter "works" only when values arrive: a link that is up while every value is missing (a
profile for another model, a unit id that reaches another device) must not look fine. So:

    values     the poll read at least one value and finished         -> OK, or WARNING if some
                                                                         values are missing
    nothing    the meter answered, but not one of the profile's values was read   -> ERROR
    no answer  the poll stopped early (timeout, link down)                         -> ERROR

Texts in context "ReadingLook"; link errors are described with the link's kind, so the advice
names what can be checked on that kind of link (app/gui/meter_texts.py).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.core.meter.bus_time import LinkKind
from app.core.meter.reading import IMPOSSIBLE_VALUE, MeterReading
from app.gui.error_text import ErrorText, describe
from app.gui.steps.step import StepState


class Outcome(StrEnum):
    VALUES = "values"
    NOTHING_READ = "nothing-read"
    NO_ANSWER = "no-answer"


def outcome(reading: MeterReading) -> Outcome:
    if reading.available > 0 and reading.error is None:
        return Outcome.VALUES
    return Outcome.NO_ANSWER if reading.error is not None else Outcome.NOTHING_READ


def reading_state(reading: MeterReading) -> StepState:
    """The Meter step's state after a poll: no value at all (whatever the reason) is an error;
    values missing or not available are a warning (the table says which); a value no meter can
    produce (a wrong word order or scale, a "not available" pattern) is an error: the meter's
    numbers cannot be trusted until the profile or the meter's setting is fixed."""
    if outcome(reading) is not Outcome.VALUES:
        return StepState.ERROR
    if any(p.code == IMPOSSIBLE_VALUE for p in reading.problems.values()):
        return StepState.ERROR
    return StepState.WARNING if reading.problems else StepState.OK


def explain(reading: MeterReading, kind: LinkKind | None) -> ErrorText | None:
    """What is wrong with a reading that has no value, and what to do; None when values came."""
    return None if outcome(reading) is Outcome.VALUES else why_no_values(reading, kind)


def why_no_values(reading: MeterReading, kind: LinkKind | None) -> ErrorText:
    """Why a poll brought no value (or stopped early): the link's error described for its kind
    of link (`kind`, None if unknown), else the meter answered without any value."""
    if reading.error is not None:
        return describe(reading.error, link=kind)
    return nothing_read(reading)


def nothing_read(reading: MeterReading) -> ErrorText:
    what = QCoreApplication.translate(
        "ReadingLook", "The meter answers, but none of the profile's values were read."
    )
    todo = QCoreApplication.translate(
        "ReadingLook",
        "Wrong profile or unit id: choose the profile of this meter's model (Auto-detect finds "
        "it) and check the unit id set on the meter.",
    )
    first = next(iter(reading.problems.values()), None)
    return ErrorText(what, todo, first.message if first is not None else "")
