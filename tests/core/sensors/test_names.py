from __future__ import annotations

from app.core.sensors.names import fold, suggest


def test_fold_and_suggest() -> None:
    assert fold("  Distorsión  Armónica ") == "distorsion armonica"
    assert suggest("energia ACTIVA acumulada", ["Energía activa acumulada"]) == (
        "Energía activa acumulada"
    )
    assert suggest("Energía activa acumulada", ["Energía activa acumulada"]) is None
    assert suggest("Frecuencia", ["Energía activa acumulada"]) is None
