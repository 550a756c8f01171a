"""The meter's clock registers and the command that sets them (Schneider iEM3000 / PM5xxx).

DATETIME (4 x u16, DOCA0005EN "DATETIME format"):
  W1: year - 2000 in bits 0-6
  W2: month in bits 8-11, weekday in bits 5-7 (1 = Sunday … 7 = Saturday), day in bits 0-4
  W3: hour in bits 8-12, minute in bits 0-5 (summer-time bit 15 and validity bit 7 left 0: unused)
  W4: milliseconds of the minute (seconds * 1000 + ms)
Set-clock command (function 16 at the command block): [1003, 0 (reserved), year, month, day, hour,
minute, second] in meter local time; the meter answers at the result registers [command, code].
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

RESULT_OK = 0
RESULT_INVALID_COMMAND = 3000
RESULT_INVALID_PARAMETER = 3001
RESULT_INVALID_PARAMETER_COUNT = 3002
SET_DATETIME_WORDS = 8  # command, reserved, year, month, day, hour, minute, second


def datetime_words(local: datetime) -> list[int]:
    weekday = local.isoweekday() % 7 + 1  # isoweekday: Monday 1 … Sunday 7 → Sunday 1
    return [
        (local.year - 2000) & 0x7F,
        (local.month << 8) | (weekday << 5) | local.day,
        (local.hour << 8) | local.minute,
        local.second * 1000 + local.microsecond // 1000,
    ]


def parse_set_datetime(words: Sequence[int], timezone: ZoneInfo) -> datetime | int:
    """The local time a set-clock command asks for, or the command result code that refuses it."""
    if len(words) < SET_DATETIME_WORDS:
        return RESULT_INVALID_PARAMETER_COUNT
    year, month, day, hour, minute, second = words[2:8]
    if not 2000 <= year <= 2127:  # the DATETIME year has 7 bits
        return RESULT_INVALID_PARAMETER
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone)
    except ValueError:
        return RESULT_INVALID_PARAMETER
