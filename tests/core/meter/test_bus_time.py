"""The bus-time model's arithmetic."""

from __future__ import annotations

import math

from app.core.meter.bus_time import BusTiming, bits_per_char


def test_bits_per_char() -> None:
    assert bits_per_char("N", 1) == 10
    assert bits_per_char("E", 1) == 11
    assert bits_per_char("N", 2) == 11


def test_rtu_read_of_ten_registers_at_9600() -> None:
    t = BusTiming.rtu(9600, turnaround_s=0.0)
    char = 10 / 9600
    # request 8 bytes + response 5 + 20 data bytes + two 3.5-char silences
    assert math.isclose(t.request_s(10), (8 + 5 + 20 + 7) * char)


def test_fast_lines_use_the_fixed_silence() -> None:
    assert BusTiming.rtu(115200).silence_s == 0.00175


def test_tcp_is_dominated_by_round_trip() -> None:
    t = BusTiming.tcp(0.004)
    assert t.request_s(100) - t.request_s(1) < 0.001
    assert t.request_s(1) > 0.004
