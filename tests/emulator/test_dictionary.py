"""The emulator's own copy of the variable dictionary against the seed and against the app's."""

from __future__ import annotations

from app.core.sensors.dictionary import sensor_dictionary
from app.emulator.dictionary import DICTIONARY
from tests.emulator.seed import SEED_SENSORS


def test_dictionary_is_the_seeds_device_29() -> None:
    assert [(s.name, s.unit, s.alias) for s in DICTIONARY] == SEED_SENSORS


def test_emulator_and_app_dictionaries_agree() -> None:
    """Written separately on purpose (no shared schema code); this catches either drifting."""
    app_side = [(s.name, s.unit, s.alias) for s in sensor_dictionary()]
    assert app_side == [(s.name, s.unit, s.alias) for s in DICTIONARY]
