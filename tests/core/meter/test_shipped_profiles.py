"""Shipped profiles against the register-map research (resources/reference), register by register.

Everything a profile maps must come from the research: same function, address, type, word order,
scale, confidence, sources and note. The only additions are listed here with the research text
that justifies them: the second tariff of a tariff-split counter, and frequency registers taken
from the files the research cites.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import pytest

from app.core.meter.decoding import decode_mapping, register_block
from app.core.meter.profile import (
    DataType,
    Function,
    MeterProfile,
    Parity,
    SpecialDecoding,
    WordOrder,
)
from app.core.meter.profile_loader import ProfileLibrary, shipped_profiles_dir
from app.core.resources import resources_dir
from app.core.sensors.dictionary import AUXILIARY_QUANTITIES, sensor_by_name

# Shipped profile id -> the research's model entry.
REFERENCE_MODEL = {
    "eastron-sdm630": "SDM630-Modbus (V2 / MID)",
    "eastron-sdm72d-m-2": "SDM72D-M-2 (SDM72DM-V2)",
    "eastron-sdm72d-m": "SDM72D-M (V1)",
    "carlo-gavazzi-em340": "EM340 (also EM330 / ET330 / ET340; EM341)",
    "carlo-gavazzi-em24": "EM24-DIN RS-485 (EM24DINAV93X..., PFA/PFB/X)",
    "carlo-gavazzi-em24-ethernet": "EM24_E1 (EM24DINAV53XE1..., Ethernet / Modbus TCP)",
    "schneider-iem3000": "Acti9 iEM3000 series (iEM3150/3155/3250/3255/3350/3355)",
    "schneider-pm5000": "PowerLogic PM5100 / PM5300 / PM5500 (PM5110, PM5330, PM5560...)",
    "abb-b23": "B23 / B24 (EQ B-series; same map as A43/A44)",
    "janitza-umg96rm": (
        "UMG 96RM / UMG 96RM-E / UMG 604 (also UMG 104, UMG 96-S2/PA, B-series: same 19000 block)"
    ),
    "siemens-pac3200": "SENTRON PAC3200 (PAC2200 shares offsets 1..69 and 801..837)",
    "socomec-countis-e2x": (
        "COUNTIS E23/E24/E27/E28 (instantaneous block also on E34/E44, DIRIS A10/A14)"
    ),
    "circutor-cvm-c10": "CVM-C10",
    "accuenergy-acuvim-ii": "Acuvim II series",
}
REQUIRED_IDS = {
    "eastron-sdm630", "eastron-sdm72d-m-2", "carlo-gavazzi-em340", "carlo-gavazzi-em24",
    "schneider-iem3000", "schneider-pm5000", "abb-b23", "janitza-umg96rm", "siemens-pac3200",
    "socomec-countis-e2x", "circutor-cvm-c10", "accuenergy-acuvim-ii",
}  # fmt: skip
TYPES = {
    "float32": DataType.F32, "float64": DataType.F64, "int16": DataType.I16,
    "uint16": DataType.U16, "int32": DataType.I32, "uint32": DataType.U32,
    "int64": DataType.I64, "uint64": DataType.U64,
}  # fmt: skip

# Tariff-split counters: (profile, variable) -> the extra part's address, which the research's
# note on that register names ("EACTIVE total = reg801 + reg805", "tariff 2 at 821; sum both").
EXTRA_PARTS = {
    ("siemens-pac3200", "Energía activa acumulada"): 805,
    ("siemens-pac3200", "Energía reactiva acumulada"): 821,
}

# Frequency registers, copied from the source files the research cites:
# profile -> (function, address, type, scale, sources).
FREQUENCY = {
    "eastron-sdm630": (4, 0x0046, DataType.F32, 1.0, ("S02",)),  # mbmd sdm.go
    "eastron-sdm72d-m-2": (4, 0x0046, DataType.F32, 1.0, ("S06",)),  # mbmd sdm72v2.go
    "carlo-gavazzi-em340": (4, 0x0033, DataType.I16, 0.1, ("S11",)),  # mbmd ex3x0.go
    "carlo-gavazzi-em24": (4, 0x0037, DataType.I16, 0.1, ("S15", "S16")),
    "carlo-gavazzi-em24-ethernet": (4, 0x0033, DataType.U16, 0.1, ("S21", "S22")),
    "schneider-iem3000": (3, 3109, DataType.F32, 1.0, ("S25",)),  # ESPHome, 0-based
    "schneider-pm5000": (3, 3109, DataType.F32, 1.0, ("S31",)),  # pyaware "3110 - 1"
    "abb-b23": (3, 0x5B2C, DataType.U16, 0.01, ("S35",)),  # mbmd abb.go, /100
    "janitza-umg96rm": (3, 19050, DataType.F32, 1.0, ("S41",)),  # OpenEMS UMG96RM-E
    "siemens-pac3200": (3, 55, DataType.F32, 1.0, ("S48",)),  # node-red measure.js
    "accuenergy-acuvim-ii": (3, 16384, DataType.F32, 1.0, ("S55", "S56")),
}


@cache
def reference() -> dict[str, Any]:
    path = resources_dir() / "reference" / "meter-register-maps.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def reference_model(profile_id: str) -> dict[str, Any]:
    models: list[dict[str, Any]] = reference()["meters"]
    [model] = [m for m in models if m["model"] == REFERENCE_MODEL[profile_id]]
    return model


@cache
def shipped() -> ProfileLibrary:
    return ProfileLibrary([shipped_profiles_dir()])


def profile(profile_id: str) -> MeterProfile:
    return shipped().get(profile_id)


def test_every_shipped_profile_loads() -> None:
    assert shipped().errors == []
    assert set(shipped().ids()) == set(REFERENCE_MODEL)
    assert set(shipped().ids()) >= REQUIRED_IDS


def test_every_research_model_is_shipped() -> None:
    assert {m["model"] for m in reference()["meters"]} == set(REFERENCE_MODEL.values())


@pytest.mark.parametrize("profile_id", sorted(REFERENCE_MODEL))
def test_names_are_chilemedido_variables_or_known_auxiliaries(profile_id: str) -> None:
    p = profile(profile_id)
    assert set(p.sensor_names) <= set(sensor_by_name())
    assert {m.sensor for m in p.auxiliary} <= set(AUXILIARY_QUANTITIES)


@pytest.mark.parametrize("profile_id", sorted(REFERENCE_MODEL))
def test_registers_match_the_research(profile_id: str) -> None:
    p, model = profile(profile_id), reference_model(profile_id)
    registers = {r["variable"]: r for r in model["registers"]}
    assert set(p.sensor_names) == set(registers), "a variable the research does not map"
    assert len(p.sensors) == model["coverage"]["variables_covered"]
    for mapping in p.sensors:
        r = registers[mapping.sensor]
        first = mapping.parts[0]
        assert first.function == r["function"] == model["function"], mapping.sensor
        assert first.address == r["address"], mapping.sensor
        assert first.type is TYPES[r["type"]], mapping.sensor
        assert first.count == r["registers"], mapping.sensor
        if first.count > 1:
            assert first.word_order.value == r["word_order"][:4], mapping.sensor
        assert math.isclose(first.scale, r["scale"], rel_tol=1e-12), mapping.sensor
        assert mapping.confidence.value == r["confidence"], mapping.sensor
        assert list(mapping.sources) == r["source"], mapping.sensor
        assert mapping.note == r.get("note", ""), mapping.sensor
        extra = EXTRA_PARTS.get((profile_id, mapping.sensor))
        if extra is None:
            assert len(mapping.parts) == 1, mapping.sensor
        else:
            assert [p.address for p in mapping.parts[1:]] == [extra]
            assert str(extra) in r["note"]
            second = mapping.parts[1]
            assert (second.function, second.type, second.scale) == (
                first.function,
                first.type,
                first.scale,
            )


@pytest.mark.parametrize("profile_id", sorted(REFERENCE_MODEL))
def test_sources_are_cited_as_in_the_research(profile_id: str) -> None:
    p = profile(profile_id)
    index = reference()["source_index"]
    for source_id, citation in p.sources.items():
        assert citation == index[source_id]
    cited = {s for m in p.sensors + p.auxiliary for s in m.sources}
    if p.clock is not None:
        cited |= set(p.clock.sources)
    assert cited == set(p.sources), "every listed source is used, every used one listed"


@pytest.mark.parametrize("profile_id", sorted(REFERENCE_MODEL))
def test_serial_defaults_follow_the_research(profile_id: str) -> None:
    p, serial = profile(profile_id), reference_model(profile_id)["default_serial"]
    if isinstance(serial.get("baud"), int):
        parity = {"none": Parity.NONE, "even": Parity.EVEN, "odd": Parity.ODD}[serial["parity"]]
        assert (p.serial.baud, p.serial.parity, p.serial.stop_bits, p.serial.data_bits) == (
            serial["baud"],
            parity,
            serial["stop_bits"],
            serial["data_bits"],
        )
    else:  # no default known: the documented fallback
        assert (p.serial.baud, p.serial.parity, p.serial.stop_bits) == (9600, Parity.NONE, 1)
    assert p.default_unit == reference_model(profile_id)["default_unit_id"]


@pytest.mark.parametrize("profile_id", sorted(REFERENCE_MODEL))
def test_clocks_follow_the_research(profile_id: str) -> None:
    p, clocks = profile(profile_id), reference_model(profile_id)["clock"]
    if not clocks:
        assert p.clock is None
        return
    [clock] = clocks
    assert p.clock is not None
    assert (p.clock.function, p.clock.address, p.clock.count) == (
        clock["function"],
        clock["address"],
        clock["registers"],
    )
    assert p.clock.confidence.value == clock["confidence"]
    assert list(p.clock.sources) == clock["source"]
    assert p.clock.local_time


def test_iem3000_clock_is_set_through_the_command_block() -> None:
    clock = profile("schneider-iem3000").clock
    assert clock is not None
    assert clock.settable
    assert (clock.command_address, clock.set_command, clock.result_address) == (5249, 1003, 5374)
    pm_clock = profile("schneider-pm5000").clock
    assert pm_clock is not None
    assert not pm_clock.settable  # no source documents setting it


@pytest.mark.parametrize("profile_id", sorted(REFERENCE_MODEL))
def test_frequency_registers(profile_id: str) -> None:
    p = profile(profile_id)
    mapping = p.mapping("frequency")
    if profile_id not in FREQUENCY:
        assert mapping is None
        return
    assert mapping is not None
    [part] = mapping.parts
    function, address, data_type, scale, sources = FREQUENCY[profile_id]
    assert (part.function, part.address, part.type, part.scale) == (
        function,
        address,
        data_type,
        scale,
    )
    assert mapping.sources == sources


def test_schneider_power_factor_is_decoded_as_four_quadrant() -> None:
    for profile_id in REFERENCE_MODEL:
        for mapping in profile(profile_id).sensors:
            four_quadrant = mapping.parts[0].decoding is SpecialDecoding.SCHNEIDER_PF_4Q
            expected = profile_id.startswith("schneider-") and mapping.sensor == (
                "Factor de potencia total"
            )
            assert four_quadrant == expected, (profile_id, mapping.sensor)


def test_abb_marks_not_available_patterns() -> None:
    patterns = {
        DataType.U16: 0xFFFF,
        DataType.I16: 0x7FFF,
        DataType.U32: 0xFFFFFFFF,
        DataType.I32: 0x7FFFFFFF,
        DataType.U64: 0xFFFFFFFFFFFFFFFF,
    }
    p = profile("abb-b23")
    for mapping in p.sensors + p.auxiliary:
        for part in mapping.parts:
            assert part.not_available == (patterns[part.type],), mapping.sensor


def test_device_limits() -> None:
    assert profile("eastron-sdm630").limits.max_registers_per_request == 80
    for cg in ("carlo-gavazzi-em340", "carlo-gavazzi-em24", "carlo-gavazzi-em24-ethernet"):
        assert profile(cg).limits.max_registers_per_request == 50
    assert profile("carlo-gavazzi-em24-ethernet").limits.turnaround_s == 0  # Modbus TCP only
    assert profile("schneider-iem3000").serial.parity is Parity.EVEN


def test_every_turnaround_says_where_it_comes_from() -> None:
    for path in sorted(shipped_profiles_dir().glob("*.toml")):
        lines = [line for line in path.read_text("utf-8").splitlines() if "turnaround_s" in line]
        assert len(lines) == 1, path.name
        assert "#" in lines[0], (
            f"{path.name}: say where turnaround_s comes from, or that no figure is documented"
        )


def test_traps_are_in_the_notes() -> None:
    def notes(profile_id: str) -> str:
        return " ".join(profile(profile_id).notes)

    assert "0x3E" in notes("carlo-gavazzi-em24")
    assert "0x42" in notes("carlo-gavazzi-em24")
    assert "1-based" in notes("schneider-iem3000")
    assert "1-based" in notes("schneider-pm5000")
    assert "tariff 2" in notes("siemens-pac3200")
    assert "CALCULATED" in notes("janitza-umg96rm")


def test_a_shipped_profile_decodes_real_register_patterns() -> None:
    sdm = profile("eastron-sdm630")
    image = register_block(Function.INPUT, 0, [0x4366, 0x0000])  # 230.0 V
    image |= register_block(Function.INPUT, 52, [0x44FA, 0x0000])  # 2000.0 W
    assert decode_mapping(sdm.sensors[sdm.sensor_names.index("Voltaje A-N")], image) == 230.0
    power = sdm.mapping("Potencia activa total instantánea")
    assert power is not None
    assert decode_mapping(power, image) == 2.0  # kW

    em24 = profile("carlo-gavazzi-em24")
    voltage = em24.mapping("Voltaje A-N")
    assert voltage is not None
    assert voltage.parts[0].word_order is WordOrder.CDAB
    assert decode_mapping(voltage, register_block(Function.INPUT, 0, [0x08FC, 0])) == 230.0
