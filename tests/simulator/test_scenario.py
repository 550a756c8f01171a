"""Scenario files: the shipped examples load, and mistakes get errors naming file and key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.core.meter.profile import Function, WordOrder
from app.core.meter.profile_loader import default_library
from app.simulator import Phase, SimulatorError
from app.simulator.scenario import load_scenario, parse_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "app" / "simulator" / "scenarios"


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.name)
def test_shipped_scenarios_build(path: Path) -> None:
    meters = load_scenario(path).build(default_library().get)
    assert meters
    for meter in meters.values():
        assert meter.expected_values()


def test_a_full_scenario() -> None:
    text = """
        timezone = "America/Punta_Arenas"
        gateway = true
        [[meter]]
        unit = 7
        profile = "eastron-sdm630"
        seed = 3
        [meter.load]
        kw = [1.0, 2.0, 3.0]
        pf = 0.8
        leading = [false, true, false]
        daily_shape = false
        noise = 0
        [meter.faults]
        reversed_ct = ["b"]
        missing_phases = ["C"]
        clock_offset_s = -30
        word_order = "CDAB"
        not_available = ["Corriente N"]
        delay_ms = 50
        drop_every = 4
        [[meter.faults.register]]
        function = 4
        address = 52
        count = 2
        code = 2
    """

    scenario = parse_scenario(tomllib.loads(text), "s.toml")
    assert scenario.gateway
    (m,) = scenario.meters
    assert (m.unit, m.profile, m.seed, m.timezone) == (
        7,
        "eastron-sdm630",
        3,
        "America/Punta_Arenas",
    )
    assert [p.kw for p in m.load.phases] == [1.0, 2.0, 3.0]
    assert [p.leading for p in m.load.phases] == [False, True, False]
    assert m.faults.reversed_ct == {Phase.B}
    assert m.faults.missing_phases == {Phase.C}
    assert m.faults.word_order is WordOrder.CDAB
    assert m.faults.register_faults[0].function is Function.INPUT
    assert m.faults.drop_every == 4
    meter = scenario.build(default_library().get)[7]
    assert meter.snapshot().phases[2].voltage == 0.0


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[[meter]]\nunit = 1\nprofile = "x"\ncolour = 1', "meter[0].colour: unknown key"),
        ('[[meter]]\nprofile = "x"', "meter[0].unit: missing"),
        ('[[meter]]\nunit = 300\nprofile = "x"', "meter[0].unit: 300 is outside 1..247"),
        ('[[meter]]\nunit = 1\nprofile = "x"\n[meter.load]\nkw = [1, 2]', "meter[0].load.kw:"),
        ('[[meter]]\nunit = 1\nprofile = "x"\n[meter.load]\npf = 1.2', "meter[0].load.pf:"),
        ('[[meter]]\nunit = 1\nprofile = "x"\n[meter.faults]\nreversed_ct = ["D"]', "reversed_ct"),
        ('[[meter]]\nunit = 1\nprofile = "x"\n[meter.faults]\nword_order = "ACBD"', "word_order"),
        ('[[meter]]\nunit = 1\nprofile = "x"\ntimezone = "Mars/Base"', "meter[0].timezone"),
        (
            '[[meter]]\nunit = 1\nprofile = "x"\n[[meter.faults.register]]\nfunction = 3\n'
            "address = 1\ncode = 9",
            "meter[0].faults.register[0].code",
        ),
        ('[[meter]]\nunit = 1\nprofile = "x"\n[[meter]]\nunit = 1\nprofile = "y"', "meter[1].unit"),
        ("gateway = true", "meter: no meters"),
    ],
)
def test_mistakes_name_the_file_and_the_key(text: str, where: str) -> None:

    with pytest.raises(SimulatorError) as info:
        parse_scenario(tomllib.loads(text), "site.toml")
    assert info.value.code == "sim.scenario_invalid"
    assert str(info.value).startswith("site.toml: ")
    assert where in str(info.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(SimulatorError) as missing:
        load_scenario(tmp_path / "nope.toml")
    assert missing.value.code == "sim.scenario_unreadable"
    bad = tmp_path / "bad.toml"
    bad.write_text("[[meter]\n", encoding="utf-8")
    with pytest.raises(SimulatorError, match=r"bad\.toml: not valid TOML"):
        load_scenario(bad)


def test_a_file_nested_100_000_deep_is_a_simulator_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("gateway = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(SimulatorError, match="nested far too deeply") as caught:
        load_scenario(path)
    assert caught.value.code == "sim.scenario_unreadable"
