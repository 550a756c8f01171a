"""Scenario files: the shipped examples load, and mistakes are named by file and key."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from app.emulator.scenario import ScenarioError, world_from_mapping
from app.emulator.server import EmulatorServer
from app.emulator.world import default_world, load_scenario
from tests.fixtures.emulator import EmulatorFactory

SCENARIOS = Path(__file__).resolve().parents[2] / "app" / "emulator" / "scenarios"


def test_every_shipped_scenario_loads() -> None:
    files = sorted(SCENARIOS.glob("*.toml"))
    assert {f.name for f in files} >= {
        "captive-portal.toml",
        "two-providers.toml",
        "strict-rotation.toml",
        "flaky-network.toml",
    }
    for f in files:
        load_scenario(f)


def test_shipped_scenarios_say_what_they_promise() -> None:
    portal = load_scenario(SCENARIOS / "captive-portal.toml")
    assert portal.providers == default_world().providers
    assert [(r.kind, r.times, r.endpoint) for r in portal.failures] == [("html", 3, "*")]
    strict = load_scenario(SCENARIOS / "strict-rotation.toml")
    assert strict.strict_refresh_rotation
    assert strict.access_token_lifetime_s == 60
    two = load_scenario(SCENARIOS / "two-providers.toml")
    assert two.gateways() == [("1", "2"), ("1", "3"), ("7", "8")]
    flaky = load_scenario(SCENARIOS / "flaky-network.toml")
    assert flaky.clock_offset_s == 95
    assert flaky.endpoint_latency_ms == {"POST /measurements": 1200}


def test_json_scenarios_work_too(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"server": {"clock_offset_s": -30}, "failure": [{"kind": "html"}]}))
    world = load_scenario(path)
    assert world.clock_offset_s == -30
    assert world.failures[0].kind == "html"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[server]\nclock_offset = 5\n", "server"),  # typo: unknown key
        ('[server]\nlatency_ms = "fast"\n', "server.latency_ms"),
        ("[server]\nstrict_refresh_rotation = 1\n", "server.strict_refresh_rotation"),
        ('[server]\nrotation = "Strict"\n', "server.rotation"),
        ("[server]\nrotation = true\n", "server.rotation"),
        ('[server]\nrotation = "strict"\nstrict_refresh_rotation = true\n', "server.rotation"),
        ('[server.endpoint_latency_ms]\n"GET /nope" = 5\n', "server.endpoint_latency_ms"),
        ('[[provider]]\nid = "1"\n', "provider[0]"),
        ('[[provider]]\nid = "1"\ngateways = [2]\n', "provider[0].gateways"),
        (
            '[[provider]]\nid = "1"\ngateways = ["2"]\n[[provider.device]]\nid = 1\nnumber = "1"\n'
            'sensors = ["Potencia activa total instantanea"]\n',  # accent missing
            "provider[0].device[0].sensors[0]",
        ),
        (
            '[[provider]]\nid = "1"\ngateways = ["2"]\n'
            '[[provider.device]]\nid = "1"\nnumber = "1"\n',
            "provider[0].device[0].id",
        ),
        ('[[failure]]\nkind = "status"\nendpoint = "/nope"\n', "failure[0].endpoint"),
        ('[[failure]]\nkind = "status"\nprobability = 1.5\n', "failure[0]"),
        ("[[failure]]\ntimes = 2\n", "failure[0].kind"),
        ("name = [\n", "(syntax)"),
    ],
)
def test_mistakes_name_the_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.key == key
    assert str(info.value).startswith(f"{path}: {key}: ")


def test_a_missing_file_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(tmp_path / "absent.toml")


def test_duplicate_device_ids_are_reported_under_provider() -> None:
    data = {
        "provider": [
            {"id": "1", "gateways": ["2"], "device": [{"id": 5, "number": "a"}]},
            {"id": "7", "gateways": ["8"], "device": [{"id": 5, "number": "b"}]},
        ]
    }
    with pytest.raises(ScenarioError, match="device id 5") as info:
        world_from_mapping(data)
    assert info.value.key == "provider"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.toml", "name = " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("deep-tables.toml", "name = " + "{a = " * 100_000 + "1" + "}" * 100_000 + "\n"),
        ("deep.json", "[" * 100_000 + "]" * 100_000),
    ],
)
def test_a_file_nested_100_000_deep_is_a_scenario_error(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ScenarioError, match="nested far too deeply") as caught:
        load_scenario(path)
    assert str(path) in str(caught.value)


def refresh(emu: EmulatorServer, token: str) -> httpx.Response:
    return httpx.post(f"{emu.base_url}/auth/token/refresh", json={"refreshToken": token})


@pytest.mark.parametrize(
    ("server", "strict"),
    [
        ('rotation = "strict"', True),
        ('rotation = "lenient"', False),
        ("", False),  # lenient unless asked
        ("strict_refresh_rotation = true", True),  # the older spelling still reads
    ],
)
def test_rotation_is_strict_or_lenient(
    tmp_path: Path, emulator_factory: EmulatorFactory, server: str, strict: bool
) -> None:
    path = tmp_path / "rotation.toml"
    path.write_text(f"[server]\n{server}\n", encoding="utf-8")
    emu = emulator_factory(path)
    assert emu.world.strict_refresh_rotation is strict
    pasted = emu.issue_refresh_token("2")
    newest = refresh(emu, pasted).json()["refreshToken"]
    again = refresh(emu, pasted)  # the gateway still holds the token the installer pasted
    if strict:
        assert again.status_code == 401
        assert "utilizado" in again.json()["message"]
        assert refresh(emu, newest).status_code == 401  # its whole chain is revoked
    else:
        assert again.status_code == 200
        assert refresh(emu, newest).status_code == 200


def test_a_wrong_rotation_says_what_it_takes() -> None:
    with pytest.raises(ScenarioError) as info:
        world_from_mapping({"server": {"rotation": "sometimes"}})
    assert (
        str(info.value)
        == 'scenario: server.rotation: must be "strict" or "lenient", got \'sometimes\''
    )
