"""Profile texts shared by the profile tests: a small header and a complete, valid profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.meter.profile_loader import ProfileError, ProfileErrorCode, load_profile_file

HEADER = """
manufacturer = "Acme"
model = "X100"
notes = ["check the display"]

[defaults]
function = 4
type = "f32"

[sources]
S1 = "the Acme manual"
"""

GOOD = (
    "default_unit = 7\n"
    + HEADER
    + """

[limits]
max_registers_per_request = 40
turnaround_s = 0.1

[serial]
baud = 19200
parity = "E"

[clock]
function = 3
address = 1844
count = 4
format = "schneider-datetime"
settable = true
command_address = 5249
set_command = 1003
result_address = 5374
sources = ["S1"]

[[sensor]]
name = "Voltaje A-N"
address = 0x0000
sources = ["S1"]

[[sensor]]
name = "Voltaje F-N"   # the same register as A-N, read the same way: allowed
address = 0
scale = 1.0

[[sensor]]
name = "Energía activa acumulada"
type = "f64"
scale = 0.001
confidence = "medium"
note = "tariff 1 + tariff 2"
parts = [{ address = 801 }, { address = 805 }]

[[sensor]]
name = "Corriente A"
function = 3
address = 0x5B0C
type = "u32"
word_order = "CDAB"
scale = 0.01
not_available = ["0xFFFFFFFF"]

[[sensor]]
name = "Factor de potencia total"
address = 3083
decoding = "schneider-pf-4q"

[[auxiliary]]
name = "frequency"
address = 0x0046
"""
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def bad(tmp_path: Path, body: str, header: str = HEADER) -> ProfileError:
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, "acme-x100.toml", header + body))
    return caught.value


def assert_refused(tmp_path: Path, body: str, code: ProfileErrorCode, message: str) -> None:
    """The profile is refused with `code`, and the message names the file and the entry."""
    error = bad(tmp_path, body)
    assert error.code is code
    assert message in str(error)
    assert str(error).startswith("acme-x100.toml")
