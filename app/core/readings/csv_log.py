"""Continuous logging: every reading appended as a row to a CSV file, one file per local day.

The rows look like the Plot page's export (app.core.readings.csv_export: the same format, the
local-time and UTC columns, one column per sensor headed "name (unit)"), so Excel opens both
alike. Which file a row goes to is decided by the reading's local date:

    ReadingCsvLog.daily(folder, "29", ...)    folder/medido-29-2025-03-10.csv, then …-03-11.csv
    ReadingCsvLog.to_file(Path("x.csv"), ...) x.csv for the day the log started (the clock's),
                                              then x-2025-03-11.csv for each later day

A file gets its header once: a file that exists with the same header is appended to (the app
restarted the same day); one with another header (another profile) is left alone and the rows go
to "…-2.csv". Each row is flushed as it is written, so a crash or Ctrl+C loses nothing. A row that
cannot be written (Excel on Windows locks the file it has open) waits in memory and goes out
with the next one; `problem` says why meanwhile. A poll that got no value writes no row.

Listeners run on the core loop (`attach` to MeterSession.readings); a row is a small append.
"""

from __future__ import annotations

import csv
import io
from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TextIO

from app.core.events import EventStream
from app.core.meter.reading import MeterReading
from app.core.readings.csv_export import CsvColumn, CsvFormat, number_text, time_cells

ENGLISH = CsvFormat.for_decimal_mark(".")  # "," and "."; the GUI passes the UI language's
MAX_WAITING = 100_000  # rows kept while the file cannot be written (a day at 1 s is 86,400)


class ReadingCsvLog:
    def __init__(
        self,
        path_for: Callable[[date], Path],
        columns: Sequence[CsvColumn],
        fmt: CsvFormat = ENGLISH,
        *,
        zone: tzinfo | None = None,
        time_headers: tuple[str, str] = ("Local time", "UTC"),
    ) -> None:
        """`path_for(day)`: the file for a local day (see `daily` and `to_file`)."""
        self._path_for = path_for
        self.columns = list(columns)
        self.fmt = fmt
        self.zone = zone
        self._header = [*time_headers, *(c.header for c in self.columns)]
        self._file: TextIO | None = None
        self._day: date | None = None
        self._waiting: deque[tuple[date, list[str]]] = deque(maxlen=MAX_WAITING)
        self._unsubscribe: Callable[[], None] | None = None
        self.path: Path | None = None  # the file written last
        self.rows = 0  # rows written since the log started
        self.problem: str | None = None  # why rows are waiting, if they are

    @classmethod
    def daily(
        cls,
        folder: Path,
        name: str,
        columns: Sequence[CsvColumn],
        fmt: CsvFormat = ENGLISH,
        *,
        zone: tzinfo | None = None,
        time_headers: tuple[str, str] = ("Local time", "UTC"),
    ) -> ReadingCsvLog:
        """medido-<name>-YYYY-MM-DD.csv in `folder`, a new file each local day."""
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
        stem = "-".join(p for p in ("medido", safe) if p)

        def path_for(day: date) -> Path:
            return folder / f"{stem}-{day.isoformat()}.csv"

        return cls(path_for, columns, fmt, zone=zone, time_headers=time_headers)

    @classmethod
    def to_file(
        cls,
        file: Path,
        columns: Sequence[CsvColumn],
        fmt: CsvFormat = ENGLISH,
        *,
        zone: tzinfo | None = None,
        time_headers: tuple[str, str] = ("Local time", "UTC"),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> ReadingCsvLog:
        """`file` for the day the log starts (by `clock`), each later local day in
        <stem>-YYYY-MM-DD<suffix> next to it."""
        first = _local(clock(), zone).date()

        def path_for(day: date) -> Path:
            return file if day == first else file.with_name(f"{file.stem}-{day}{file.suffix}")

        return cls(path_for, columns, fmt, zone=zone, time_headers=time_headers)

    # -- following a meter --------------------------------------------------------------------
    def attach(self, readings: EventStream[MeterReading]) -> None:
        """Write every reading `readings` emits from now on (call on the core loop)."""
        self.detach()
        self._unsubscribe = readings.subscribe(self.write)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def close(self) -> None:
        """Stop: detach, one last try at rows still waiting, close the file."""
        self.detach()
        self._flush_waiting()
        if self._file is not None:
            self._file.close()
            self._file = None

    # -- writing ------------------------------------------------------------------------------
    def write(self, reading: MeterReading) -> None:
        if reading.available == 0:
            return
        local, utc = time_cells(reading.at.astimezone(UTC), self.zone)
        cells = [local, utc]
        for column in self.columns:
            value = reading.values.get(column.sensor)
            cells.append("" if value is None else number_text(value, self.fmt.decimal))
        self._waiting.append((_local(reading.at, self.zone).date(), cells))
        self._flush_waiting()

    def _flush_waiting(self) -> None:
        while self._waiting:
            day, cells = self._waiting[0]
            try:
                self._write_row(day, cells)
            except OSError as exc:
                self._drop_file()
                self.problem = f"{self.path or self._path_for(day)}: {exc.strerror or exc}"
                return
            self._waiting.popleft()
            self.rows += 1
            self.problem = None

    def _write_row(self, day: date, cells: list[str]) -> None:
        if self._file is None or day != self._day:
            self._drop_file()
            self._file, self.path = self._open(day)
            self._day = day
        line = io.StringIO()
        csv.writer(line, delimiter=self.fmt.delimiter, lineterminator="\r\n").writerow(cells)
        self._file.write(line.getvalue())
        self._file.flush()

    def _open(self, day: date) -> tuple[TextIO, Path]:
        base = self._path_for(day)
        header = io.StringIO()
        csv.writer(header, delimiter=self.fmt.delimiter, lineterminator="\r\n").writerow(
            self._header
        )
        for n in range(1, 100):
            path = base if n == 1 else base.with_name(f"{base.stem}-{n}{base.suffix}")
            existing = _first_line(path)
            if existing is None or existing == header.getvalue().rstrip("\r\n"):
                break
        path.parent.mkdir(parents=True, exist_ok=True)
        f = path.open("a", encoding="utf-8-sig", newline="")  # the BOM only at the file's start
        if existing is None:
            f.write(header.getvalue())
        return f, path

    def _drop_file(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _first_line(path: Path) -> str | None:
    """The header of a file already there; None for no file (or an empty one)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            line = f.readline()
    except FileNotFoundError:
        return None
    return line.rstrip("\r\n") or None


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone) if zone is not None else moment.astimezone()
