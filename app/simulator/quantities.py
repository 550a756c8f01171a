"""Which number of the model each ChileMedido variable (and auxiliary quantity) is.

Units are ChileMedido's: kW, kVAR, kWh, kVARh, A, V, %, °C; the power factor is P/S signed like P.
Energies are import counters; "Voltaje F-N" is the average of the three phase-neutral voltages.
"""

from __future__ import annotations

from collections.abc import Callable

from app.simulator.model import Snapshot
from app.simulator.phases import PhaseReading

Quantity = Callable[[Snapshot], float]


def _on_phase(i: int, pick: Callable[[PhaseReading], float]) -> Quantity:
    def value(s: Snapshot) -> float:
        return pick(s.phases[i])

    return value


def _energy(i: int) -> Quantity:
    def value(s: Snapshot) -> float:
        return s.energy.active[i]

    return value


def _phase_sensors() -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    for i, ph in enumerate("ABC"):
        out[f"Corriente {ph}"] = _on_phase(i, lambda r: r.current)
        out[f"Voltaje {ph}-N"] = _on_phase(i, lambda r: r.voltage)
        out[f"Potencia activa {ph} instantánea"] = _on_phase(i, lambda r: r.p)
        out[f"Energía activa {ph} acumulada"] = _energy(i)
        out[f"Distorsión armónica del Voltaje {ph}-N"] = _on_phase(i, lambda r: r.thd_v)
        out[f"Distorsión armónica de la corriente {ph}"] = _on_phase(i, lambda r: r.thd_i)
    return out


SENSORS: dict[str, Quantity] = {
    "Potencia activa total instantánea": lambda s: s.p_total,
    "Potencia reactiva total instantánea": lambda s: s.q_total,
    "Energía activa acumulada": lambda s: s.energy.active_total,
    "Energía reactiva acumulada": lambda s: s.energy.reactive_total,
    "Demanda o potencia activa integrada": lambda s: s.demand,
    "Voltaje A-B": lambda s: s.line_voltages[0],
    "Voltaje B-C": lambda s: s.line_voltages[1],
    "Voltaje C-A": lambda s: s.line_voltages[2],
    "Factor de potencia total": lambda s: s.pf_total,
    "Temperatura": lambda s: s.temperature,
    "Corriente N": lambda s: s.neutral_current,
    "Voltaje F-N": lambda s: s.voltage_ln_average,
    **_phase_sensors(),
}

AUXILIARY: dict[str, Quantity] = {
    "frequency": lambda s: s.frequency,
}


def quantity(snapshot: Snapshot, name: str) -> float | None:
    """The model's value for a variable or auxiliary quantity; None if the model has no such one."""
    fn = SENSORS.get(name) or AUXILIARY.get(name)
    return fn(snapshot) if fn else None
