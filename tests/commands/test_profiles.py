"""`medido profiles`: the list (text and JSON), user profile problems, and `show`."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from app.cli import main
from app.core.meter.profile_loader import user_profiles_dir

USER_PROFILE = """
manufacturer = "Acme"
model = "X100"

[[sensor]]
name = "Voltaje A-N"
function = 4
address = 0
type = "f32"
"""


def add_user_profile(name: str, text: str) -> Path:
    folder = user_profiles_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lists_the_shipped_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 12
    by_id = {r["id"]: r for r in rows}
    assert by_id["eastron-sdm630"]["variables"] == 29
    assert by_id["eastron-sdm630"]["of"] == 30
    assert by_id["schneider-iem3000"]["clock"] == "settable"
    assert by_id["schneider-pm5000"]["clock"] == "readable"
    assert by_id["abb-b23"]["clock"] == "none"
    assert {r["source"] for r in rows} == {"shipped"}


def test_text_list_and_user_profile_problems(capsys: pytest.CaptureFixture[str]) -> None:
    add_user_profile("acme-x100.toml", USER_PROFILE)
    add_user_profile("broken.toml", USER_PROFILE.replace("Voltaje A-N", "Voltaje A-X"))
    add_user_profile("eastron-sdm630.toml", USER_PROFILE)
    assert main(["profiles"]) == 1  # a problem to report
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split() == ["ID", "MANUFACTURER", "MODEL", "VARIABLES", "CLOCK", "SOURCE"]
    [acme] = [line for line in lines if line.startswith("acme-x100 ")]
    assert acme.split()[-3:] == ["1/30", "none", "user"]
    assert "broken.toml, sensor 1 ('Voltaje A-X'): unknown ChileMedido variable" in captured.err
    assert "eastron-sdm630: your file" in captured.err
    assert str(user_profiles_dir()) in captured.out


def test_show_prints_addresses_both_ways(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "show", "schneider-iem3000"]) == 0
    out = capsys.readouterr().out
    [current] = [line for line in out.splitlines() if line.startswith("Corriente A ")]
    assert current.split() == ["Corriente", "A", "3", "2999", "0x0BB7", "3000", "f32", "ABCD",
                               "1", "high"]  # fmt: skip
    assert "Not supplied by this profile: Demanda o potencia activa integrada" in out
    assert "settable with command 1003 at 5249" in out


def test_show_json_lists_parts_of_a_sum(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "show", "siemens-pac3200", "--json"]) == 0
    detail = json.loads(capsys.readouterr().out)
    [energy] = [m for m in detail["mappings"] if m["sensor"] == "Energía activa acumulada"]
    assert [(p["address"], p["address_1_based"], p["type"]) for p in energy["parts"]] == [
        (801, 802, "f64"),
        (805, 806, "f64"),
    ]
    assert [m["sensor"] for m in detail["mappings"] if m["kind"] == "auxiliary"] == ["frequency"]
    assert "Temperatura" in detail["not_supplied"]


def test_show_abb_sentinels_as_hex(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "--json", "show", "abb-b23"]) == 0
    detail = json.loads(capsys.readouterr().out)
    [energy] = [m for m in detail["mappings"] if m["sensor"] == "Energía activa acumulada"]
    assert energy["parts"][0]["not_available"] == ["0xFFFFFFFFFFFFFFFF"]


def test_show_unknown_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "show", "eastron-sdm603"]) == 2
    assert "did you mean 'eastron-sdm630'?" in capsys.readouterr().err


EVIL = r"""
manufacturer = "Acme\u001b[2J"
model = "X\u202e100\r"
description = "fine\u001b]0;title\u0007"
notes = ["note \u2066evil"]

[[sensor]]
name = "Voltaje A-N"
function = 4
address = 0
type = "f32"
"""
OBEYED = ("\x1b", "\u202e", "\r", "\x07", "\u2066")


@pytest.mark.parametrize(
    "argv",
    [
        ["profiles"],
        ["profiles", "--json"],
        ["profiles", "show", "acme-evil"],
        ["profiles", "show", "acme-evil", "--json"],
    ],
)
def test_profile_text_reaches_the_terminal_escaped(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    add_user_profile("acme-evil.toml", EVIL)
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in OBEYED)
    assert "Acme\\u001b[2J" in out
    assert "X\\u202e100\\r" in out if "--json" in argv else "X\\u202e100\\u000d" in out
    if "--json" in argv:  # the same data for a program that reads it
        rows = json.loads(out)
        [row] = [r for r in (rows if isinstance(rows, list) else [rows]) if r["id"] == "acme-evil"]
        assert row["manufacturer"] == "Acme\x1b[2J"


def test_a_deep_user_profile_is_one_line_where_profiles_are_listed(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    add_user_profile("acme-deep.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert main(["profiles"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "problem: acme-deep.toml: arrays or tables nested far too deeply; "
        "a profile needs only a few levels"
    ]
    assert main(["profiles", "show", "eastron-sdm630"]) == 0  # other commands: not a word
    assert capsys.readouterr().err == ""
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_read_says_why_a_user_profile_is_unusable(capsys: pytest.CaptureFixture[str]) -> None:
    from app.core.meter.profile_loader import default_library

    add_user_profile("acme-deep.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    default_library.cache_clear()
    try:
        code = main(["read", "--meter", "tcp://127.0.0.1:1", "--profile", "acme-deep"])
    finally:
        default_library.cache_clear()
    assert code == 2
    assert capsys.readouterr().err == (
        "Profile: acme-deep.toml: arrays or tables nested far too deeply; a profile needs only "
        "a few levels (see `medido profiles`)\n"
    )
