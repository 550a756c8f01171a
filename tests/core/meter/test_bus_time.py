"""The bus-time model's arithmetic."""

from __future__ import annotations

import math

import pytest

from app.core.meter.bus_time import (
    BusTiming,
    LinkKind,
    bits_per_char,
    default_pause_s,
    rtu_frame_gap_s,
)


def test_bits_per_char() -> None:
    assert bits_per_char("N", 1) == 10
    assert bits_per_char("E", 1) == 11
    assert bits_per_char("N", 2) == 11


def test_rtu_read_of_ten_registers_at_9600() -> None:
    t = BusTiming.rtu(9600, response_s=0.0)
    char = 10 / 9600
    # request 8 bytes + response 5 + 20 data bytes + two 3.5-char silences
    assert math.isclose(t.request_s(10), (8 + 5 + 20 + 7) * char)


def test_fast_lines_use_the_fixed_silence() -> None:
    assert BusTiming.rtu(115200).silence_s == 0.00175


def test_tcp_is_dominated_by_round_trip() -> None:
    t = BusTiming.tcp(0.004)
    assert t.request_s(100) - t.request_s(1) < 0.001
    assert t.request_s(1) > 0.004


@pytest.mark.parametrize(
    ("baud", "gap_s"), [(1200, 0.0320833), (9600, 0.0040104), (19200, 0.0020052), (38400, 0.00175)]
)
def test_the_rtu_frame_gap_is_three_and_a_half_11_bit_characters(baud: int, gap_s: float) -> None:
    assert rtu_frame_gap_s(baud) == pytest.approx(gap_s, rel=1e-4)


def test_the_default_pause_per_link_kind() -> None:
    assert default_pause_s(LinkKind.TCP, 9600, 0.2) == 0
    assert default_pause_s(LinkKind.RTU_OVER_TCP, 9600, 0.02) == 0.02
    assert default_pause_s(LinkKind.RTU, 9600, 0.02) == pytest.approx(0.0240104, rel=1e-4)


def test_the_pause_overlaps_the_silence_after_the_reply() -> None:
    quiet = BusTiming.rtu(9600, response_s=0.0)
    paced = BusTiming.rtu(9600, response_s=0.0, pause_s=quiet.silence_s + 0.01)
    assert paced.request_s(4) - quiet.request_s(4) == pytest.approx(0.01)
    shorter = BusTiming.rtu(9600, response_s=0.0, pause_s=quiet.silence_s / 2)
    assert shorter.request_s(4) == quiet.request_s(4)  # Modbus's own silence is kept anyway
