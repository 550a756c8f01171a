"""Rules across entries: each variable once, registers read one way, sources cited, clock apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.meter.profile_loader import ProfileErrorCode, load_profile_file
from tests.core.meter.profile_samples import HEADER, assert_refused, write

BAD_CASES = [
    pytest.param(
        '[[sensor]]\nname = "Voltaje A-N"\naddress = 52\n[[sensor]]\nname = "Corriente A"\n'
        'address = 53\ntype = "u16"\n',
        ProfileErrorCode.OVERLAP,
        "sensor 2 ('Corriente A'): sensor 2 ('Corriente A') reads u16 ABCD at address 53 "
        "(0x0035, input registers), but sensor 1 ('Voltaje A-N') reads f32 ABCD at address 52",
        id="overlap",
    ),
    pytest.param(
        '[[sensor]]\nname = "Voltaje A-N"\naddress = 52\n[[sensor]]\nname = "Voltaje F-N"\n'
        'address = 52\ntype = "i32"\n',
        ProfileErrorCode.OVERLAP,
        "the registers overlap",
        id="same-address-other-type",
    ),
    pytest.param(
        '[[sensor]]\nname = "Voltaje A-N"\naddress = 52\n[[sensor]]\nname = "Voltaje F-N"\n'
        'address = 52\nword_order = "CDAB"\n',
        ProfileErrorCode.OVERLAP,
        "reads f32 CDAB",
        id="same-address-other-word-order",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\n[[sensor]]\nname = "Corriente A"\n'
        "address = 8\n",
        ProfileErrorCode.DUPLICATE_SENSOR,
        "sensor 2 ('Corriente A'): 'Corriente A' is already mapped by sensor 1",
        id="mapped-twice",
    ),
    pytest.param(
        '[clock]\nfunction = 4\naddress = 4\ncount = 4\nformat = "schneider-datetime"\n'
        '[[sensor]]\nname = "Corriente A"\naddress = 6\n',
        ProfileErrorCode.CLOCK,
        "the clock registers 4..7 overlap sensor 1 ('Corriente A')",
        id="clock-overlaps-sensor",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\nsources = ["S9"]\n',
        ProfileErrorCode.UNKNOWN_SOURCE,
        "source 'S9' is not in the [sources] table (known: S1)",
        id="unknown-source",
    ),
]


@pytest.mark.parametrize(("body", "code", "message"), BAD_CASES)
def test_bad_profiles_name_the_file_and_entry(
    tmp_path: Path, body: str, code: ProfileErrorCode, message: str
) -> None:
    assert_refused(tmp_path, body, code, message)


def test_two_sensors_may_read_the_same_value(tmp_path: Path) -> None:
    text = HEADER + (
        '[[sensor]]\nname = "Voltaje A-N"\naddress = 52\n'
        '[[sensor]]\nname = "Voltaje F-N"\naddress = 52\nscale = 2.0\n'
    )
    profile = load_profile_file(write(tmp_path, "acme-x100.toml", text))
    assert profile.sensor_names == ("Voltaje A-N", "Voltaje F-N")
