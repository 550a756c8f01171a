"""Helpers for the tests of the commands that talk to ChileMedido (login, device, clock, upload,
token export): a token file from the emulator, a simulated meter on its own loop (the commands
run their own asyncio loop), and a command run in-process with what it printed."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.cli import main
from app.emulator.server import EmulatorServer
from app.simulator import Faults, MeterSimulator, SimClock
from tests.fixtures.simulator import make_meter


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def medido(capsys: pytest.CaptureFixture[str], *args: str) -> Ran:
    capsys.readouterr()  # what came before is not this command's
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return Ran(code, captured.out, captured.err)


def token_file(emulator: EmulatorServer, folder: Path, gateway: str = "2") -> Path:
    path = folder / f"token-{gateway}.txt"
    path.write_text(emulator.issue_refresh_token(gateway) + "\n", encoding="utf-8")
    return path


def log_in(capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, folder: Path) -> Path:
    """`medido login` with a fresh token for gateway 2; returns the token file (now spent)."""
    tokens = token_file(emulator, folder)
    ran = medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens))
    assert ran.code == 0, ran.err
    return tokens


def stored(emulator: EmulatorServer, device: str | None = None) -> list[dict[str, Any]]:
    """What the emulator stored (GET /_emulator/measurements)."""
    params = {"deviceNumber": device} if device else {}
    answer = httpx.get(f"{emulator.root_url}/_emulator/measurements", params=params)
    answer.raise_for_status()
    body: list[dict[str, Any]] = answer.json()
    return body


@contextlib.contextmanager
def simulated_meter(
    profile: str = "eastron-sdm630", faults: Faults | None = None, **kw: Any
) -> Iterator[str]:
    """A simulated meter on Modbus TCP, served from a thread; yields its meter URI."""
    kw.setdefault("clock", SimClock())  # real time: the clock command compares it
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="meter-sim", daemon=True)
    thread.start()
    sim = MeterSimulator({1: make_meter(profile, faults, **kw)})
    try:
        port = asyncio.run_coroutine_threadsafe(sim.start_tcp("127.0.0.1", 0), loop).result(10)
        yield f"tcp://127.0.0.1:{port}?unit=1"
    finally:
        asyncio.run_coroutine_threadsafe(sim.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
