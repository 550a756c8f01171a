"""Plot groups by unit and the default selection, against the shipped sensor dictionary."""

from __future__ import annotations

from app.core.meter.profile_loader import default_library
from app.core.readings.groups import TOTAL_POWER, default_selection, group_by_unit
from app.core.sensors.dictionary import sensor_dictionary, unit_of


def test_every_dictionary_sensor_has_a_unit_and_a_group() -> None:
    names = [s.name for s in sensor_dictionary()]
    groups = group_by_unit(names)
    assert sorted(s for g in groups for s in g.sensors) == sorted(names)
    assert [g.unit for g in groups][:3] == ["kW", "V", "A"]
    assert all(g.unit for g in groups)
    assert len({g.unit for g in groups}) == len(groups)


def test_volts_share_a_plot_in_the_given_order() -> None:
    groups = group_by_unit(["Corriente A", "Voltaje B-N", "Voltaje A-B", "Voltaje A-N"])
    assert [(g.unit, g.sensors) for g in groups] == [
        ("V", ("Voltaje B-N", "Voltaje A-B", "Voltaje A-N")),
        ("A", ("Corriente A",)),
    ]


def test_unknown_sensors_go_last_without_a_unit() -> None:
    groups = group_by_unit(["frequency", "mystery", "Corriente A"])
    assert [g.unit for g in groups] == ["A", "Hz", ""]
    assert unit_of("mystery") == ""


def test_default_is_total_power_phase_voltages_and_phase_currents() -> None:
    sdm630 = default_library().get("eastron-sdm630").sensor_names
    chosen = default_selection(sdm630)
    assert TOTAL_POWER in chosen
    assert {"Voltaje A-N", "Voltaje B-N", "Voltaje C-N"} <= set(chosen)
    assert {"Corriente A", "Corriente B", "Corriente C"} <= set(chosen)
    assert "Corriente N" not in chosen
    assert "Voltaje A-B" not in chosen
    assert "Voltaje F-N" not in chosen  # the average, when the phases are there
    assert chosen == [s for s in sdm630 if s in chosen]


def test_default_for_a_meter_without_phase_values() -> None:
    assert default_selection(["Energía activa acumulada", "Voltaje F-N"]) == ["Voltaje F-N"]
    assert default_selection([]) == []
