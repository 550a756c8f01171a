"""Each table of a profile on its own: a complete valid profile, and every per-field mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.meter.profile import (
    ClockFormat,
    Confidence,
    DataType,
    Function,
    Parity,
    SpecialDecoding,
    WordOrder,
)
from app.core.meter.profile_loader import ProfileErrorCode, load_profile_file
from tests.core.meter.profile_samples import GOOD, HEADER, assert_refused, bad, write


def test_a_valid_profile_loads_in_full(tmp_path: Path) -> None:
    profile = load_profile_file(write(tmp_path, "acme-x100.toml", GOOD))
    assert (profile.id, profile.manufacturer, profile.model) == ("acme-x100", "Acme", "X100")
    assert profile.default_unit == 7
    assert profile.notes == ("check the display",)
    assert profile.limits.max_registers_per_request == 40
    assert profile.limits.turnaround_s == 0.1
    assert (profile.serial.baud, profile.serial.parity) == (19200, Parity.EVEN)
    assert profile.sources == {"S1": "the Acme manual"}
    v_an = profile.mapping("Voltaje A-N")
    assert v_an is not None
    assert v_an.parts[0].function is Function.INPUT  # from [defaults]
    assert v_an.parts[0].type is DataType.F32
    assert v_an.confidence is Confidence.HIGH
    energy = profile.mapping("Energía activa acumulada")
    assert energy is not None
    assert [p.address for p in energy.parts] == [801, 805]
    assert all(p.type is DataType.F64 and p.scale == 0.001 for p in energy.parts)
    assert energy.confidence is Confidence.MEDIUM
    current = profile.mapping("Corriente A")
    assert current is not None
    assert current.parts[0].not_available == (0xFFFFFFFF,)
    assert current.parts[0].word_order is WordOrder.CDAB
    assert current.parts[0].function is Function.HOLDING
    pf = profile.mapping("Factor de potencia total")
    assert pf is not None
    assert pf.parts[0].decoding is SpecialDecoding.SCHNEIDER_PF_4Q
    assert profile.auxiliary[0].sensor == "frequency"
    assert profile.clock is not None
    assert profile.clock.format is ClockFormat.SCHNEIDER_DATETIME
    assert (profile.clock.command_address, profile.clock.set_command) == (5249, 1003)
    assert profile.clock.local_time


def test_the_old_name_pause_s_is_read_as_the_turnaround(tmp_path: Path) -> None:
    text = HEADER + '[limits]\npause_s = 0.05\n[[sensor]]\nname = "Corriente A"\naddress = 6\n'
    assert load_profile_file(write(tmp_path, "acme.toml", text)).limits.turnaround_s == 0.05


def test_decomposed_accents_are_accepted_as_the_same_name(tmp_path: Path) -> None:
    decomposed = "Energi\u0301a activa acumulada"  # what some editors save
    text = HEADER + f'[[sensor]]\nname = "{decomposed}"\naddress = 0\n'
    profile = load_profile_file(write(tmp_path, "acme.toml", text))
    assert profile.sensor_names == ("Energía activa acumulada",)


BAD_CASES = [
    pytest.param(
        '[[sensor]]\nname = "Voltaje A-N"\naddress = 0\n[[sensor]]\n'
        'name = "Energia activa acumulada"\naddress = 2\n',
        ProfileErrorCode.UNKNOWN_SENSOR,
        "acme-x100.toml, sensor 2 ('Energia activa acumulada'): unknown ChileMedido variable "
        "'Energia activa acumulada'; did you mean 'Energía activa acumulada'?",
        id="missing-accent",
    ),
    pytest.param(
        '[[sensor]]\nname = "Distorsion armonica del voltaje A-N"\naddress = 0\n',
        ProfileErrorCode.UNKNOWN_SENSOR,
        "did you mean 'Distorsión armónica del Voltaje A-N'?",
        id="accents-and-case",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corrinte A"\naddress = 0\n',
        ProfileErrorCode.UNKNOWN_SENSOR,
        "did you mean 'Corriente A'?",
        id="typo",
    ),
    pytest.param(
        '[[sensor]]\nname = "frequency"\naddress = 0\n',
        ProfileErrorCode.UNKNOWN_SENSOR,
        "'frequency' is an auxiliary quantity; put it under [[auxiliary]]",
        id="auxiliary-as-sensor",
    ),
    pytest.param(
        '[[sensor]]\nname = "Voltaje A-N"\naddress = 0\n[[auxiliary]]\nname = "freq"\n'
        "address = 10\n",
        ProfileErrorCode.UNKNOWN_SENSOR,
        "auxiliary 1 ('freq'): unknown auxiliary quantity 'freq'; did you mean 'frequency'?",
        id="unknown-auxiliary",
    ),
    pytest.param(
        '[[sensor]]\nname = "Voltaje A-N"\nadress = 0\n',
        ProfileErrorCode.UNKNOWN_KEY,
        "sensor 1 ('Voltaje A-N'): unknown key 'adress'; did you mean 'address'?",
        id="unknown-key",
    ),
    pytest.param(
        'default_unit = 3\n[[sensor]]\nname = "Voltaje A-N"\naddress = 0\n',
        ProfileErrorCode.UNKNOWN_KEY,
        "acme-x100.toml, [sources]: 'default_unit' belongs at the top of the file",
        id="top-level-key-after-a-table",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\ntype = "float"\n',
        ProfileErrorCode.BAD_VALUE,
        "acme-x100.toml, sensor 1 ('Corriente A'): unknown type 'float'; did you mean 'f32'? "
        "use one of u16, i16, u32, i32, u64, i64, f32, f64",
        id="bad-type",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 70000\n',
        ProfileErrorCode.BAD_VALUE,
        "'address' must be 0..65535, got 70000",
        id="address-out-of-range",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 65534\ntype = "f64"\n',
        ProfileErrorCode.BAD_VALUE,
        "runs past the last register",
        id="value-runs-past-the-end",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = -1\n',
        ProfileErrorCode.BAD_VALUE,
        "'address' must be 0..65535, got -1",
        id="negative-address",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\nfunction = 6\n',
        ProfileErrorCode.BAD_VALUE,
        "'function' must be 3..4, got 6",
        id="bad-function",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\ntype = "u16"\n'
        'not_available = ["0xFFFFFFFF"]\n',
        ProfileErrorCode.BAD_VALUE,
        "not_available '0xFFFFFFFF' does not fit a u16",
        id="sentinel-too-wide",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\nnot_available = ["FFFF"]\n',
        ProfileErrorCode.BAD_VALUE,
        'hex texts like "0xFFFFFFFF"',
        id="sentinel-not-hex",
    ),
    pytest.param(
        '[limits]\nmax_registers_per_request = 200\n[[sensor]]\nname = "Corriente A"\n'
        "address = 6\n",
        ProfileErrorCode.BAD_VALUE,
        "[limits]: 'max_registers_per_request' must be 1..125, got 200",
        id="too-many-registers",
    ),
    pytest.param(
        '[limits]\nturnaround_s = 0.1\npause_s = 0.1\n[[sensor]]\nname = "Corriente A"\n'
        "address = 6\n",
        ProfileErrorCode.BAD_VALUE,
        "'pause_s' is the old name of 'turnaround_s'; give only 'turnaround_s'",
        id="turnaround-twice",
    ),
    pytest.param(
        '[serial]\nparity = "even"\n[[sensor]]\nname = "Corriente A"\naddress = 6\n',
        ProfileErrorCode.BAD_VALUE,
        "unknown parity 'even'; did you mean 'E'?",
        id="parity-word",
    ),
    pytest.param(
        '[serial]\nbaud = 9601\n[[sensor]]\nname = "Corriente A"\naddress = 6\n',
        ProfileErrorCode.BAD_VALUE,
        "baud 9601 is not a standard rate",
        id="odd-baud",
    ),
    pytest.param(
        '[clock]\nfunction = 3\naddress = 1844\ncount = 4\nformat = "schneider-datetime"\n'
        'settable = true\n[[sensor]]\nname = "Corriente A"\naddress = 6\n',
        ProfileErrorCode.CLOCK,
        "[clock]: a settable clock needs command_address, set_command, result_address",
        id="settable-clock-without-command",
    ),
    pytest.param(
        '[clock]\nfunction = 3\naddress = 1844\ncount = 4\nformat = "schneider-datetime"\n'
        'set_command = 1003\n[[sensor]]\nname = "Corriente A"\naddress = 6\n',
        ProfileErrorCode.CLOCK,
        "set_command only apply to a settable clock",
        id="command-on-unsettable-clock",
    ),
    pytest.param(
        '[clock]\nfunction = 3\naddress = 1844\ncount = 3\nformat = "schneider-datetime"\n'
        '[[sensor]]\nname = "Corriente A"\naddress = 6\n',
        ProfileErrorCode.CLOCK,
        "schneider-datetime takes 4 registers, not 3",
        id="clock-count",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\nparts = [{ address = 6 }]\n',
        ProfileErrorCode.BAD_VALUE,
        "give either 'address' or 'parts', not both",
        id="address-and-parts",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\nparts = [{ address = 6, name = "x" }]\n',
        ProfileErrorCode.UNKNOWN_KEY,
        "sensor 1 ('Corriente A'), part 1: unknown key 'name'",
        id="key-in-part",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\nscale = 0\n',
        ProfileErrorCode.BAD_VALUE,
        "'scale' must not be 0",
        id="zero-scale",
    ),
    pytest.param(
        "[[sensor]]\naddress = 6\n",
        ProfileErrorCode.MISSING_KEY,
        "sensor 1: missing required key 'name'",
        id="no-name",
    ),
    pytest.param(
        '[[sensor]]\nname = "Corriente A"\naddress = 6\nconfidence = "sure"\n',
        ProfileErrorCode.BAD_VALUE,
        "unknown confidence 'sure'; use one of high, medium, low",
        id="bad-confidence",
    ),
]


@pytest.mark.parametrize(("body", "code", "message"), BAD_CASES)
def test_bad_profiles_name_the_file_and_entry(
    tmp_path: Path, body: str, code: ProfileErrorCode, message: str
) -> None:
    assert_refused(tmp_path, body, code, message)


def test_missing_function_says_where_to_set_it(tmp_path: Path) -> None:
    header = 'manufacturer = "Acme"\nmodel = "X"\n'
    error = bad(tmp_path, '[[sensor]]\nname = "Corriente A"\naddress = 6\ntype = "f32"\n', header)
    assert error.code is ProfileErrorCode.MISSING_KEY
    assert error.entry == "sensor 1 ('Corriente A')"
    assert "set it here or in [defaults]" in error.detail


def test_unknown_top_level_key(tmp_path: Path) -> None:
    header = 'manufacturor = "Acme"\n' + HEADER
    error = bad(tmp_path, '[[sensor]]\nname = "Corriente A"\naddress = 6\n', header)
    assert error.code is ProfileErrorCode.UNKNOWN_KEY
    assert "acme-x100.toml: unknown key 'manufacturor'; did you mean 'manufacturer'?" in str(error)


def test_no_sensors(tmp_path: Path) -> None:
    error = bad(tmp_path, "", 'manufacturer = "Acme"\nmodel = "X"\nsensor = []\n')
    assert error.code is ProfileErrorCode.MISSING_KEY
    assert str(error) == "acme-x100.toml: no [[sensor]] entries"


def test_missing_top_level_key(tmp_path: Path) -> None:
    error = bad(tmp_path, '[[sensor]]\nname = "Corriente A"\naddress = 6\n', "model = 'X'\n")
    assert error.code is ProfileErrorCode.MISSING_KEY
    assert str(error) == "acme-x100.toml: missing required key 'manufacturer'"


def test_the_example_in_the_docs_loads(tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "profiles.md").read_text("utf-8")
    example = docs.split("```toml\n", 1)[1].split("```", 1)[0]
    profile = load_profile_file(write(tmp_path, "acme-x100.toml", example))
    assert len(profile.sensors) == 4
    assert profile.auxiliary[0].sensor == "frequency"


NOT_AVAILABLE_TABLE = """
[not_available]
i64 = ["0x8000000000000000"]
u32 = ["0xFFFFFFFF"]

[[sensor]]
name = "Energía activa acumulada"
type = "i64"
address = 3203
not_available = ["0x7FFFFFFFFFFFFFFF"]

[[sensor]]
name = "Energía reactiva acumulada"
type = "i64"
address = 3219

[[sensor]]
name = "Corriente A"
address = 10
"""


def test_the_not_available_table_applies_to_every_register_of_its_type(tmp_path: Path) -> None:
    profile = load_profile_file(write(tmp_path, "acme-x100.toml", HEADER + NOT_AVAILABLE_TABLE))
    patterns = {m.sensor: m.parts[0].not_available for m in profile.sensors}
    assert patterns == {
        "Energía activa acumulada": (0x7FFFFFFFFFFFFFFF, 0x8000000000000000),  # its own first
        "Energía reactiva acumulada": (0x8000000000000000,),
        "Corriente A": (),  # an f32: NaN is its "not available", the table has no f32 entry
    }


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('i16 = ["0x10000"]', "does not fit a i16"),
        ('f16 = ["0x1"]', "f16"),
        ('u32 = "lots"', "hex texts"),
    ],
)
def test_a_bad_not_available_table_is_refused(tmp_path: Path, table: str, message: str) -> None:
    body = f'\n[not_available]\n{table}\n\n[[sensor]]\nname = "Corriente A"\naddress = 10\n'
    error = bad(tmp_path, body)
    assert message in str(error)
    assert str(error).startswith("acme-x100.toml")


def test_an_optional_part_is_a_part_of_a_sum_only(tmp_path: Path) -> None:
    body = """
[[sensor]]
name = "Energía activa acumulada"
type = "f64"
parts = [{ address = 801 }, { address = 805, optional = true }]
"""
    profile = load_profile_file(write(tmp_path, "acme-x100.toml", HEADER + body))
    energy = profile.mapping("Energía activa acumulada")
    assert energy is not None
    assert [p.optional for p in energy.parts] == [False, True]
    alone = '\n[[sensor]]\nname = "Corriente A"\naddress = 10\noptional = true\n'
    assert "optional" in str(bad(tmp_path, alone))
