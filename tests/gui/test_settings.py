"""Typed settings: round trips, bad values, the demo's own file, the test folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.gui.settings import ADDRESS_BASE, DEVICE_NUMBER, PLOT_SENSORS, Option, Settings

TEXT = Option("t/text", str, "")
FLAG = Option("t/flag", bool, False)
COUNT = Option("t/count", int, 3)
RATIO = Option("t/ratio", float, 0.5)
BLOB = Option("t/blob", bytes, b"")
NAMES = Option("t/names", list, [])


def test_settings_live_in_the_config_folder_of_the_test(tmp_path: Path) -> None:
    assert Settings.open().path == Path(os.environ["MEDIDO_CONFIG_DIR"]) / "medido.ini"
    assert Settings.open(demo=True).path.name == "medido-demo.ini"
    assert str(tmp_path) in str(Settings.open().path)


def test_values_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    first = Settings(path)
    values: list[tuple[Option[object], object]] = [
        (TEXT, 'Medidor 1, bodega "norte" ñandú '),  # commas and quotes are INI traps
        (FLAG, True),
        (COUNT, -7),
        (RATIO, 2.25),
        (BLOB, b"\x00\x01\xffgeometry"),
        (NAMES, ["Voltaje L1", "Corriente, fase A"]),
    ]
    for option, value in values:
        first.set(option, value)
    first.sync()
    second = Settings(path)
    for option, value in values:
        assert second.get(option) == value


def test_missing_values_give_defaults_that_are_not_shared(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    assert settings.get(COUNT) == 3
    names = settings.get(NAMES)
    names.append("x")
    assert settings.get(NAMES) == []
    assert settings.get(PLOT_SENSORS) == []


def test_a_hand_edited_bad_value_falls_back_to_the_default(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[t]\ncount=lots\nflag=maybe\nnames=[oops\n[ui]\naddress_base=x\n")
    settings = Settings(path)
    assert settings.get(COUNT) == 3
    assert settings.get(FLAG) is False
    assert settings.get(NAMES) == []
    assert settings.get(ADDRESS_BASE) == 0


def test_setting_the_wrong_type_is_refused(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    with pytest.raises(TypeError, match="device/number takes str"):
        settings.set(DEVICE_NUMBER, 29)


def test_reset_goes_back_to_the_default(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.set(COUNT, 9)
    settings.reset(COUNT)
    assert settings.get(COUNT) == 3
