"""`medido outbox` and `medido upload` through the outbox, against the real emulator: an upload
the server could not take waits, is listed, and is sent later, or discarded on request."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from app.emulator.server import EmulatorServer
from tests.commands.api_helpers import log_in, medido, simulated_meter, stored

PROFILE = "eastron-sdm630"


def _fail_uploads(emulator: EmulatorServer) -> None:
    failure = {"kind": "status", "endpoint": "POST /measurements", "status": 503}
    httpx.post(f"{emulator.root_url}/_emulator/failures", json=failure).raise_for_status()


def _waiting(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    ran = medido(capsys, "outbox", "list", "--json")
    assert ran.code == 0, ran.err
    rows: list[dict[str, object]] = json.loads(ran.out)["waiting"]
    return rows


def _queue_one(capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp: Path) -> None:
    log_in(capsys, emulator, tmp)
    _fail_uploads(emulator)
    with simulated_meter() as meter:
        ran = medido(capsys, "upload", "--device", "29", "--meter", meter, "--profile", PROFILE)
    assert ran.code == 1
    assert "waits in the outbox" in ran.err
    assert stored(emulator) == []


def test_a_failed_upload_waits_and_is_sent_later(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    _queue_one(capsys, emulator, tmp_path)
    rows = _waiting(capsys)
    assert len(rows) == 1
    assert rows[0]["device"] == "29"
    assert rows[0]["last_error"]  # why it waits

    ran = medido(capsys, "outbox", "send")  # still failing: it keeps waiting
    assert ran.code == 1
    assert "1 still wait" in ran.out

    httpx.delete(f"{emulator.root_url}/_emulator/failures").raise_for_status()
    ran = medido(capsys, "outbox", "send")
    assert ran.code == 0, ran.err
    assert "Sent 1 upload(s)" in ran.out
    assert {r["deviceNumber"] for r in stored(emulator)} == {"29"}
    assert _waiting(capsys) == []
    assert "Nothing waits" in medido(capsys, "outbox").out


def test_discard_asks_for_yes_and_then_drops_for_good(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    _queue_one(capsys, emulator, tmp_path)
    ran = medido(capsys, "outbox", "discard")
    assert ran.code == 2
    assert "--yes" in ran.err
    assert len(_waiting(capsys)) == 1
    ran = medido(capsys, "outbox", "discard", "--yes")
    assert ran.code == 0
    assert "Discarded 1" in ran.out
    assert _waiting(capsys) == []
    httpx.delete(f"{emulator.root_url}/_emulator/failures").raise_for_status()
    assert medido(capsys, "outbox", "send").code == 0
    assert stored(emulator) == []  # a discarded upload is never sent


def test_send_with_nothing_waiting_and_without_a_login(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    ran = medido(capsys, "outbox", "send")
    assert ran.code == 1  # nothing remembered: says how to log in
    assert "medido login" in ran.err
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "outbox", "send", "--json")
    assert ran.code == 0
    assert json.loads(ran.out) == {"ok": True, "stored": 0, "refused": 0, "waiting": 0}
