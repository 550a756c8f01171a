"""Continuous CSV logging: rows from real polls of the simulator, one file per local day, the
header once per file, nothing lost while the file cannot be written."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile_loader import default_library
from app.core.meter.reading import MeterReading
from app.core.meter.session import MeterSession
from app.core.readings.csv_export import CsvColumn, CsvFormat
from app.core.readings.csv_log import ReadingCsvLog
from app.core.sensors.dictionary import unit_of
from tests.fixtures.simulator import SimTcpFactory

SANTIAGO = ZoneInfo("America/Santiago")
# 2025-03-10 23:59:30 in Santiago (UTC-3), and a minute later: the next local day.
BEFORE_MIDNIGHT = datetime(2025, 3, 11, 2, 59, 30, tzinfo=UTC)


@pytest.fixture
async def reading(meter_sim_tcp: SimTcpFactory) -> MeterReading:
    sim = await meter_sim_tcp("eastron-sdm630", unit=1)
    profile = default_library().get("eastron-sdm630")
    meter = MeterSession(parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1"), profile)
    try:
        return await meter.poll()
    finally:
        await meter.close()


def columns_of(reading: MeterReading) -> list[CsvColumn]:
    profile = default_library().get(reading.profile_id)
    return [CsvColumn(s, unit_of(s)) for s in profile.sensor_names]


def at(reading: MeterReading, moment: datetime) -> MeterReading:
    return dataclasses.replace(reading, at=moment)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


async def test_a_file_a_day_named_after_the_meter(reading: MeterReading, tmp_path: Path) -> None:
    log = ReadingCsvLog.daily(tmp_path, "29/B", columns_of(reading), zone=SANTIAGO)
    for seconds in (0, 20, 40, 60):
        log.write(at(reading, BEFORE_MIDNIGHT + timedelta(seconds=seconds)))
    log.close()
    first, second = tmp_path / "medido-29_B-2025-03-10.csv", tmp_path / "medido-29_B-2025-03-11.csv"
    assert sorted(tmp_path.iterdir()) == [first, second]
    assert [len(lines(first)), len(lines(second))] == [3, 3]  # a header each, then the rows
    assert lines(first)[1].startswith("2025-03-10 23:59:30,2025-03-11T02:59:30.000Z,")
    assert lines(second)[1].startswith("2025-03-11 00:00:10,")
    assert log.rows == 4
    assert first.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the accents as UTF-8


async def test_rows_follow_the_meter_in_the_format_asked(
    reading: MeterReading, tmp_path: Path
) -> None:
    columns = columns_of(reading)
    log = ReadingCsvLog.daily(tmp_path, "29", columns, CsvFormat.for_decimal_mark(","))
    log.write(reading)
    log.write(at(reading, reading.at + timedelta(seconds=1)))
    log.close()
    (path,) = tmp_path.iterdir()
    header, *rows = lines(path)
    assert header.split(";")[2:] == [c.header for c in columns]
    assert "Voltaje A-N (V)" in header.split(";")
    assert len(rows) == 2
    cells = rows[0].split(";")
    assert len(cells) == 2 + len(columns)
    voltage = cells[2 + [c.sensor for c in columns].index("Voltaje A-N")]
    value = reading.values["Voltaje A-N"]
    assert value is not None
    assert float(voltage.replace(",", ".")) == pytest.approx(value)
    assert "," in voltage


async def test_a_restart_appends_and_another_header_gets_its_own_file(
    reading: MeterReading, tmp_path: Path
) -> None:
    columns = columns_of(reading)
    for _ in range(2):  # the app started twice the same day
        log = ReadingCsvLog.daily(tmp_path, "29", columns, zone=SANTIAGO)
        log.write(at(reading, BEFORE_MIDNIGHT))
        log.close()
    other = ReadingCsvLog.daily(tmp_path, "29", columns[:2], zone=SANTIAGO)  # another profile
    other.write(at(reading, BEFORE_MIDNIGHT))
    other.close()
    day = tmp_path / "medido-29-2025-03-10.csv"
    assert len(lines(day)) == 3
    assert len(lines(tmp_path / "medido-29-2025-03-10-2.csv")) == 2


async def test_to_file_starts_in_the_file_given_then_adds_the_date(
    reading: MeterReading, tmp_path: Path
) -> None:
    file = tmp_path / "log.csv"
    log = ReadingCsvLog.to_file(
        file, columns_of(reading), zone=SANTIAGO, clock=lambda: BEFORE_MIDNIGHT
    )
    log.write(at(reading, BEFORE_MIDNIGHT))
    log.write(at(reading, BEFORE_MIDNIGHT + timedelta(minutes=1)))
    log.close()
    assert len(lines(file)) == 2
    assert len(lines(tmp_path / "log-2025-03-11.csv")) == 2


async def test_rows_wait_while_the_file_cannot_be_written(
    reading: MeterReading, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    log = ReadingCsvLog.daily(blocked, "29", columns_of(reading))
    log.write(reading)
    assert (log.problem is None, log.rows) == (False, 0)
    blocked.unlink()  # the installer closed Excel, say
    log.write(at(reading, reading.at + timedelta(seconds=1)))
    log.close()
    assert (log.problem, log.rows) == (None, 2)
    (path,) = blocked.iterdir()
    assert len(lines(path)) == 3


async def test_a_poll_without_values_writes_no_row(reading: MeterReading, tmp_path: Path) -> None:
    log = ReadingCsvLog.daily(tmp_path, "29", columns_of(reading))
    log.write(dataclasses.replace(reading, values=dict.fromkeys(reading.values)))
    log.close()
    assert list(tmp_path.iterdir()) == []
