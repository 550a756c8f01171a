"""CSV export: what Excel needs (BOM, separators), both time columns, units, empty cells."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.readings.csv_export import (
    CsvColumn,
    CsvFormat,
    export_history_csv,
    number_text,
    write_history_csv,
)
from app.core.readings.history import ReadingHistory

T0 = 1_741_615_200.0  # 2025-03-10 14:00 UTC = 11:00 in Santiago (UTC-3)
SANTIAGO = ZoneInfo("America/Santiago")
COLUMNS = [CsvColumn("Voltaje A-N", "V"), CsvColumn("Energía activa acumulada", "kWh")]


def history() -> ReadingHistory:
    h = ReadingHistory(100)
    h.append(T0, {"Voltaje A-N": 229.85, "Energía activa acumulada": 12345.678})
    h.append(T0 + 1.25, {"Voltaje A-N": None, "Energía activa acumulada": 12345.679})
    return h


def read_back(path: Path, delimiter: str) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel this is UTF-8
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def test_chilean_excel_gets_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    path = tmp_path / "lecturas.csv"
    fmt = CsvFormat.for_decimal_mark(",")
    rows = write_history_csv(
        path, history().window(), COLUMNS, fmt, zone=SANTIAGO, time_headers=("Hora local", "UTC")
    )
    assert rows == 2
    table = read_back(path, ";")
    assert table[0] == [
        "Hora local",
        "UTC",
        "Voltaje A-N (V)",
        "Energía activa acumulada (kWh)",
    ]
    assert table[1] == ["2025-03-10 11:00:00", "2025-03-10T14:00:00.000Z", "229,85", "12345,678"]
    assert table[2] == ["2025-03-10 11:00:01", "2025-03-10T14:00:01.250Z", "", "12345,679"]
    assert b"\r\n" in path.read_bytes()


def test_other_locales_get_commas_and_decimal_points(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    fmt = CsvFormat.for_decimal_mark(".")
    assert fmt == CsvFormat(",", ".")
    write_history_csv(path, history().window(), COLUMNS, fmt, zone=ZoneInfo("UTC"))
    table = read_back(path, ",")
    assert table[0][:2] == ["Local time", "UTC"]
    assert table[1] == ["2025-03-10 14:00:00", "2025-03-10T14:00:00.000Z", "229.85", "12345.678"]
    values = [float(cell) for cell in table[1][2:]]
    assert values == [229.85, 12345.678]


def test_a_window_without_rows_writes_the_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    assert (
        write_history_csv(path, ReadingHistory(10).window(sensors=["Voltaje A-N"]), COLUMNS[:1])
        == 0
    )
    assert read_back(path, ";") == [["Local time", "UTC", "Voltaje A-N (V)"]]


@pytest.mark.parametrize(
    ("value", "text"),
    [(229.99999999999997, "230"), (0.1 + 0.2, "0,3"), (-1.5e-7, "-1,5e-07"), (math.nan, "")],
)
def test_numbers_lose_float_noise(value: float, text: str) -> None:
    assert number_text(value, ",") == text


async def test_exporting_runs_on_a_worker_thread(tmp_path: Path) -> None:
    path = tmp_path / "async.csv"
    rows = await export_history_csv(path, history().window().copy(), COLUMNS, zone=SANTIAGO)
    assert rows == 2
    assert len(read_back(path, ";")) == 3
