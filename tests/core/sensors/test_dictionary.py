from app.core.sensors.dictionary import sensor_by_name, sensor_dictionary, unit_of


def test_dictionary_has_the_seed_devices_thirty_variables() -> None:
    sensors = sensor_dictionary()
    assert len(sensors) == 30
    assert len({s.name for s in sensors}) == 30
    assert sensors[0].name == "Potencia activa total instantánea"
    assert sensor_by_name()["Energía activa acumulada"].alias == "EACTIVE"
    assert sensor_by_name()["Temperatura"].unit == "°C"
    assert sensor_by_name()["Factor de potencia total"].unit == "Sin unidad"


def test_units_of_variables_and_auxiliary_quantities() -> None:
    assert unit_of("Corriente A") == "A"
    assert unit_of("frequency") == "Hz"
    assert unit_of("Frecuencia") == ""
