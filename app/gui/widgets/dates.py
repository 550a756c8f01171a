"""Dates and times as the installer reads them: local time first, UTC beside it.

The formats are translatable (context "Dates"): Chile writes 10-05-2020, English 2020-05-10.
Digits only, so the process locale (which Qt may change) never renames a month.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from app.gui.i18n import N_, fill

_DATE = N_("Dates", "%Y-%m-%d")
_DATE_TIME = N_("Dates", "%Y-%m-%d %H:%M")


def date_text(moment: datetime) -> str:
    """The local date, e.g. 10-05-2020 in Spanish."""
    return moment.astimezone().strftime(QCoreApplication.translate("Dates", _DATE))


def local_time(moment: datetime) -> str:
    """The laptop's wall-clock time of a moment, e.g. "14:41:07" (readings, comparisons)."""
    return moment.astimezone().strftime("%H:%M:%S")


def local_and_utc(moment: datetime) -> str:
    """E.g. "10-05-2020 10:41 local time · 10-05-2020 14:41 UTC"."""
    fmt = QCoreApplication.translate("Dates", _DATE_TIME)
    local = moment.astimezone().strftime(fmt)
    utc = moment.astimezone(UTC).strftime(fmt)
    return fill(QCoreApplication.translate("Dates", "%1 local time · %2 UTC"), local, utc)


def countdown(left: timedelta) -> str:
    """h:mm:ss, never negative (as in the status bar)."""
    seconds = max(0, int(left.total_seconds()))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def now() -> datetime:
    return datetime.now(UTC)
