"""Number and address arguments: any text is a value in range or one clear refusal."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.commands.arguments import number, parse_host_port, whole

TEXT = st.text(max_size=60) | st.from_regex(r"[+-]?[0-9.eE_]{1,12}", fullmatch=True)


def outcome[T](parse: Callable[[str], T], text: str) -> T | str:
    """The parsed value, or the refusal's message (any other exception fails the test)."""
    try:
        return parse(text)
    except (argparse.ArgumentTypeError, ValueError) as e:
        return f"refused: {e}"


@given(TEXT)
def test_whole_gives_a_value_in_range_or_refuses(text: str) -> None:
    result = outcome(whole(1, 247, "unit id"), text)
    if isinstance(result, str):
        assert "must be a whole number from 1 to 247 unit id, got" in result
        assert result.isprintable()
    else:
        assert 1 <= result <= 247


@given(TEXT | st.sampled_from(["inf", "-inf", "nan", "NaN", "1e999", "Infinity", "0x10"]))
def test_number_gives_a_finite_value_in_range_or_refuses(text: str) -> None:
    result = outcome(number(0.01, 60, "seconds"), text)
    if isinstance(result, str):
        assert "must be a number from 0.01 to 60 seconds, got" in result
        assert result.isprintable()
    else:
        assert math.isfinite(result)
        assert 0.01 <= result <= 60


@pytest.mark.parametrize("text", ["inf", "nan", "-1", "1e999", "", " ", "1_0", "١٢", "0"])
def test_number_refuses(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        number(0.01, 60)(text)


@given(st.text(max_size=320))
def test_host_port_gives_a_pair_or_a_value_error(text: str) -> None:
    result = outcome(lambda t: parse_host_port(t, None), text)
    if isinstance(result, str):
        assert "expected HOST:PORT" in result
        assert result.isprintable()  # repr() escaped whatever was typed
    else:
        host, port = result
        assert host
        assert 0 <= port <= 65535


@pytest.mark.parametrize(
    "text", ["[::1:502", "a" * 300 + ":502", "h\x1b[2J:502", "::1", "h:99999", "\udcff:502"]
)
def test_host_port_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="expected HOST:PORT"):
        parse_host_port(text)


def test_host_port_takes() -> None:
    assert parse_host_port("meter-1.local:1502", None) == ("meter-1.local", 1502)
    assert parse_host_port("[fe80::1]:502") == ("fe80::1", 502)
    assert parse_host_port("0.0.0.0:0", None) == ("0.0.0.0", 0)
