"""Offsets, verdicts and times as the Clock and Upload pages write them, in the UI's language.

Numbers follow the language, not the OS (a Spanish UI writes "2,3 s" on an English Windows):
the locale's name is itself a translatable string (context "ClockText"). Advice comes from
app/gui/check_texts.py by the verdict's code.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.core.clock.check import offset_decimals
from app.core.clock.drift import Offset
from app.core.clock.verdict import ClockVerdict, Comparison, DriftThresholds, Verdict
from app.gui.error_text import describe_code
from app.gui.i18n import N_, fill, number_locale, number_text
from app.gui.widgets.tone_label import Tone


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClockText", text)


def seconds_text(seconds: float, decimals: int = 1, *, signed: bool = True) -> str:
    """'+2,3 s'; from 100 s on, '+3 h 0 min 2 s' (whole seconds: hours need no decimals)."""
    magnitude = abs(seconds)
    zero = round(magnitude, decimals) == 0  # "0.000 s", not "−0.000 s"
    sign = ("+" if seconds >= 0 else "−") if signed and not zero else ""
    if magnitude < 100:
        return f"{sign}{number_text(magnitude, decimals)} s"
    whole = round(magnitude)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours} h {minutes} min {secs} s"
    return f"{sign}{minutes} min {secs} s"


def offset_text(offset: Offset) -> str:
    """'+2,31 s ± 0,04 s': the uncertainty to one significant digit, the offset to match."""
    decimals = offset_decimals(offset.uncertainty)
    spread = seconds_text(offset.uncertainty, decimals, signed=False)
    return f"{seconds_text(offset.seconds, decimals)} ± {spread}"


_VERDICTS = {
    Verdict.PASS: N_("ClockText", "Pass"),
    Verdict.WARN: N_("ClockText", "Warning"),
    Verdict.FAIL: N_("ClockText", "Fail"),
    Verdict.CANNOT_TELL: N_("ClockText", "Cannot tell"),
}
_TONES = {
    Verdict.PASS: Tone.OK,
    Verdict.WARN: Tone.WARNING,
    Verdict.FAIL: Tone.ERROR,
    Verdict.CANNOT_TELL: Tone.WARNING,
}
_COMPARISONS = {
    Comparison.LAPTOP_VS_SERVER: N_("ClockText", "Laptop − ChileMedido"),
    Comparison.METER_VS_SERVER: N_("ClockText", "Meter − ChileMedido"),
    Comparison.METER_VS_LAPTOP: N_("ClockText", "Meter − laptop"),
}
_FIX = {
    "laptop": N_(
        "ClockText",
        "Turn on automatic time (Windows Settings → Time & language → Set time automatically).",
    ),
    "meter": N_(
        "ClockText",
        "Set the meter's clock: below, if its profile allows, or from its display or software.",
    ),
}


def verdict_name(verdict: Verdict) -> str:
    return _tr(_VERDICTS[verdict])


def verdict_tone(verdict: Verdict) -> Tone:
    """The colour a verdict is written in (a verdict that cannot tell is not a pass)."""
    return _TONES[verdict]


def comparison_name(comparison: Comparison) -> str:
    return _tr(_COMPARISONS[comparison])


def verdict_advice(verdict: ClockVerdict, limits: DriftThresholds, zone: str) -> str:
    """What the verdict means and what to do, translated by its code."""
    params = {
        "amount": seconds_text(verdict.offset.seconds, signed=False),
        "tolerance": seconds_text(limits.pass_s, signed=False),
        "hours": str(abs(verdict.whole_hours or 0)),
        "zone": zone,
    }
    text = describe_code(verdict.code, verdict.message, params)
    parts = [text.what, text.todo]
    if verdict.code in ("clock.drift_small", "clock.drift_large"):
        parts.append(_tr(_FIX[verdict.comparison.clocks[0]]))
    return " ".join(p for p in parts if p)


def time_text(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S")


def long_date_text(moment: datetime) -> str:
    """The date in the UI's language, e.g. 'sábado 4 de abril de 2026'."""
    locale = number_locale()
    day = locale.dayName(moment.isoweekday())
    month = locale.monthName(moment.month)
    return fill(_tr(N_("ClockText", "%1 %2 %3 %4")), day, moment.day, month, moment.year)
