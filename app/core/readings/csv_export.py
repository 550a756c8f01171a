"""Readings to a CSV file that Excel opens correctly on the installer's Windows laptop.

Excel reads a CSV with the list separator and decimal mark of the Windows regional settings.
In Chile (es-CL) the decimal mark is "," and the list separator ";", so "220.5" in a comma file
would land as text or as 2205 and every row in one column. `CsvFormat.for_decimal_mark` picks
";" with "," decimals for a comma locale and "," with "." decimals otherwise; the GUI passes the
system locale's mark. The file starts with a UTF-8 byte-order mark so that Excel reads the
sensors' accents (Energía, Distorsión) as UTF-8 instead of the ANSI code page.

Columns: local time "2025-03-10 11:00:00" (ISO 8601 with a space, which Excel takes as a date
and time in any locale), UTC "2025-03-10T14:00:00.000Z" (exact and unambiguous when the clock
goes back an hour in autumn), then one column per sensor, headed "name (unit)". A value the
meter did not give is an empty cell.
"""

from __future__ import annotations

import asyncio
import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

# A type only: the history's numpy loads with the first meter, not at the app's start.
if TYPE_CHECKING:
    from app.core.readings.history import HistoryWindow


@dataclass(frozen=True, slots=True)
class CsvFormat:
    delimiter: str = ";"
    decimal: str = ","

    @classmethod
    def for_decimal_mark(cls, mark: str) -> CsvFormat:
        """What Excel expects where numbers are written with `mark` ("," or ".")."""
        return cls(";", ",") if mark == "," else cls(",", ".")


@dataclass(frozen=True, slots=True)
class CsvColumn:
    sensor: str
    unit: str

    @property
    def header(self) -> str:
        return f"{self.sensor} ({self.unit})" if self.unit else self.sensor


def number_text(value: float, decimal: str) -> str:
    """Up to 10 significant digits (floats' last-digit noise dropped); "" for NaN."""
    if math.isnan(value):
        return ""
    text = format(value, ".10g")
    return text.replace(".", decimal) if decimal != "." else text


def write_history_csv(
    path: Path,
    window: HistoryWindow,
    columns: Sequence[CsvColumn],
    fmt: CsvFormat = CsvFormat(),
    *,
    zone: tzinfo | None = None,
    time_headers: tuple[str, str] = ("Local time", "UTC"),
) -> int:
    """Write `window` to `path` (replaced); returns the number of data rows.

    `zone` is the local time zone (default: the computer's); `time_headers` name the two time
    columns in the installer's language.
    """
    rows = 0
    series = [window.values[c.sensor].tolist() for c in columns]  # floats, not numpy scalars
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=fmt.delimiter, lineterminator="\r\n")
        writer.writerow([*time_headers, *(c.header for c in columns)])
        for i, at in enumerate(window.times.tolist()):
            cells = time_cells(datetime.fromtimestamp(at, UTC), zone)
            writer.writerow([*cells, *(number_text(s[i], fmt.decimal) for s in series)])
            rows += 1
    return rows


def time_cells(moment: datetime, zone: tzinfo | None = None) -> tuple[str, str]:
    """The two time columns of a row: local time (`zone`, default the computer's) and UTC."""
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    utc = moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return local.strftime("%Y-%m-%d %H:%M:%S"), utc


async def export_history_csv(
    path: Path,
    window: HistoryWindow,
    columns: Sequence[CsvColumn],
    fmt: CsvFormat = CsvFormat(),
    *,
    zone: tzinfo | None = None,
    time_headers: tuple[str, str] = ("Local time", "UTC"),
) -> int:
    """`write_history_csv` on a worker thread: a day of readings takes a moment to write."""
    return await asyncio.to_thread(
        write_history_csv, path, window, columns, fmt, zone=zone, time_headers=time_headers
    )
