"""THE PROOF: 10,000 measures through the outbox while the sending process is killed (SIGKILL)
at 20 random moments, against the real emulator over HTTP. Nothing may be lost, and nothing
the outbox had recorded as answered (201) may be sent again.

The sender is a real child process (tests/core/upload/outbox_child.py: the product's Outbox,
OutboxFlusher and ChileMedidoClient). After each kill the test reads the outbox file (the child
is dead: what is on disk is all there is) and the emulator's per-value receive counts; at the end
a value whose row was "sent" at some kill must not have arrived again after it. Values received
more than once are counted and printed: they are the rows in flight at a kill (re-sent because
their answer never reached the disk), which the platform stores once.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

from app.core.api import Environment, Measure
from app.core.measurements import MeasurementBatch
from app.core.upload.outbox import Outbox
from app.emulator.server import EmulatorServer

SEED = 20_261_207
MEASURES = 10_000  # timestamps of meter "29", each with SENSORS values
PER_REQUEST = 100
SENSORS = ("Corriente A", "Corriente B", "Corriente C")
KILLS = 20
T0 = 1_760_000_000
ROOT = Path(__file__).resolve().parents[3]

type Key = tuple[int, int, str]


def value_of(timestamp: int, sensor: int) -> float:
    return round((timestamp % 1000) / 10 + sensor, 1)


async def queue(outbox: Outbox, base_url: str) -> None:
    for first in range(0, MEASURES, PER_REQUEST):
        stamps = [T0 + 60 * i for i in range(first, first + PER_REQUEST)]
        measures = tuple(
            Measure(t, {name: value_of(t, s) for s, name in enumerate(SENSORS)}) for t in stamps
        )
        await outbox.put([MeasurementBatch("29", measures)], base_url, sending=False)


def rows(path: Path) -> list[tuple[int, str, str, int]]:
    """(id, state, body, attempts) of every outbox row, read straight from the file."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT id, state, body, attempts FROM outbox ORDER BY id").fetchall()


def keys_of(body: str) -> list[Key]:
    return [
        (29, m["timestamp"], v["sensorName"])
        for d in json.loads(body)
        for m in d["measures"]
        for v in m["sensorValues"]
    ]


def start_child(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.core.upload.outbox_child", *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def test_nothing_is_lost_when_the_sender_is_killed(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    # A little latency per upload widens the in-flight window the kills aim at.
    emulator.state.faults.endpoint_latency_ms["POST /measurements"] = 15
    base_url = Environment.emulator(emulator.base_url).base_url
    outbox_file, history_file = tmp_path / "outbox.sqlite3", tmp_path / "uploads.sqlite3"
    asyncio.run(queue(Outbox(outbox_file), base_url))
    token_file = tmp_path / "token"
    token_file.write_text(emulator.issue_refresh_token(), encoding="utf-8")
    args = [str(outbox_file), str(history_file), emulator.base_url, str(token_file)]

    kills = in_flight = runs = 0
    snapshots: list[tuple[set[int], dict[Key, int]]] = []
    while kills < KILLS:
        child = start_child(args)
        runs += 1
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "flushing"
        time.sleep(rng.uniform(0.0, 0.12))
        if child.poll() is not None:
            break  # it emptied the outbox first: the rest of the kills cannot happen
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        kills += 1
        states = rows(outbox_file)
        in_flight += any(state == "sending" for _, state, _, _ in states)
        sent = {row_id for row_id, state, _, _ in states if state == "sent"}
        snapshots.append((sent, emulator.state.store.times_received()))

    assert kills == KILLS, f"the outbox emptied after {kills} kills: slow the sender down"
    for _ in range(2):  # to the end, then once more: a finished outbox sends nothing again
        posts_before = emulator.state.stats.requests("POST /api/v1/measurements")
        finished = subprocess.run(
            [sys.executable, "-m", "tests.core.upload.outbox_child", *args],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        runs += 1
        assert finished.stdout.split() == ["flushing", "empty"]
    assert emulator.state.stats.requests("POST /api/v1/measurements") == posts_before

    final = rows(outbox_file)
    assert [state for _, state, _, _ in final] == ["sent"] * (MEASURES // PER_REQUEST)
    stored = {
        (r.device_id, r.timestamp, r.sensor_name): r.value for r in emulator.state.store.query()
    }
    expected = {
        (29, T0 + 60 * i, name): value_of(T0 + 60 * i, s)
        for i in range(MEASURES)
        for s, name in enumerate(SENSORS)
    }
    assert stored == expected  # every value of every measure, none lost, none changed

    received = emulator.state.store.times_received()
    body_of = {row_id: body for row_id, _, body, _ in final}
    resent_after_201 = sum(
        received[key] - seen.get(key, 0)
        for sent, seen in snapshots
        for row_id in sent
        for key in keys_of(body_of[row_id])
    )
    repeated_values = sum(1 for n in received.values() if n > 1)
    repeated_measures = len({(d, t) for (d, t, _), n in received.items() if n > 1})
    resent_rows = sum(1 for _, _, _, attempts in final if attempts > 1)
    elapsed = time.monotonic() - started
    print(
        f"\nOUTBOX KILL TEST: {MEASURES} measures ({MEASURES * len(SENSORS)} values) in "
        f"{MEASURES // PER_REQUEST} requests; {kills} SIGKILLs ({in_flight} with a request in "
        f"flight), {runs} runs, {elapsed:.1f} s. Stored: {len(stored)}/{len(expected)} values. "
        f"Received more than once: {repeated_measures} measures ({repeated_values} values, "
        f"{emulator.state.store.repeats} repeated receipts), from {resent_rows} requests re-sent "
        f"after a kill. Re-sent after an answered 201: {resent_after_201}."
    )
    assert resent_after_201 == 0
    assert Counter(n for n in received.values()).keys() <= set(range(1, KILLS + 2))
    assert repeated_measures <= in_flight * PER_REQUEST  # only what was in flight at a kill
