"""The platform's variable dictionary, as the emulator serves it (`GET /sensor-name-list`).

Copied from the seed document's device 29 (its 30 sensors, in that order). The emulator keeps
its own copy on purpose: it must not share schema code with the client it is testing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SensorSpec:
    name: str  # exact Spanish name; accents matter
    unit: str
    alias: str | None = None


DICTIONARY: tuple[SensorSpec, ...] = (
    SensorSpec("Potencia activa total instantánea", "kW"),
    SensorSpec("Potencia reactiva total instantánea", "kVAR"),
    SensorSpec("Energía activa acumulada", "kWh", "EACTIVE"),
    SensorSpec("Energía reactiva acumulada", "kVARh", "EREACTIVE"),
    SensorSpec("Demanda o potencia activa integrada", "kW"),
    SensorSpec("Corriente A", "A"),
    SensorSpec("Corriente B", "A"),
    SensorSpec("Corriente C", "A"),
    SensorSpec("Voltaje A-B", "V"),
    SensorSpec("Voltaje B-C", "V"),
    SensorSpec("Voltaje C-A", "V"),
    SensorSpec("Factor de potencia total", "Sin unidad"),
    SensorSpec("Distorsión armónica del Voltaje A-N", "%"),
    SensorSpec("Distorsión armónica del Voltaje B-N", "%"),
    SensorSpec("Distorsión armónica del Voltaje C-N", "%"),
    SensorSpec("Distorsión armónica de la corriente A", "%"),
    SensorSpec("Distorsión armónica de la corriente B", "%"),
    SensorSpec("Distorsión armónica de la corriente C", "%"),
    SensorSpec("Temperatura", "°C"),
    SensorSpec("Potencia activa A instantánea", "kW"),
    SensorSpec("Potencia activa B instantánea", "kW"),
    SensorSpec("Potencia activa C instantánea", "kW"),
    SensorSpec("Energía activa A acumulada", "kWh"),
    SensorSpec("Energía activa B acumulada", "kWh"),
    SensorSpec("Energía activa C acumulada", "kWh"),
    SensorSpec("Corriente N", "A"),
    SensorSpec("Voltaje F-N", "V"),
    SensorSpec("Voltaje A-N", "V"),
    SensorSpec("Voltaje B-N", "V"),
    SensorSpec("Voltaje C-N", "V"),
)

SENSORS_BY_NAME: dict[str, SensorSpec] = {s.name: s for s in DICTIONARY}
ALL_SENSOR_NAMES: tuple[str, ...] = tuple(s.name for s in DICTIONARY)
