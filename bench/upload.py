"""Row 6: upload a day of 1-minute data (1,440 measures × 30 sensors = 15 requests).

Medido's whole upload (app.core.upload.bulk.send_all: split, validate, write to the outbox,
send, mark each row, record the history) against a bare httpx.AsyncClient loop POSTing the same
15 bodies (Python objects; httpx encodes the JSON) with the same access token, on the same loop,
taken in turn. The emulator runs in a process of its own (bench.emulator_process): its parsing
of 3 MB of JSON must not be timed as the client's CPU. The outbox and history live in a temp
folder; fsync costs differ a lot between machines, so the pieces say what one costs here.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import httpx

from app.core.api import ChileMedidoClient, Environment, Measure, UploadResult
from app.core.measurements import MeasurementBatch, validate
from app.core.sensors.dictionary import unit_of
from app.core.upload.bulk import requests_of, send_all
from app.core.upload.history import UploadHistory, record_upload
from app.core.upload.outbox import Outbox, body_of
from bench.emulator_process import EmulatorProcess
from bench.figures import Figure, Sample, median_of, paired, timed

MEASURES = 1_440  # one a minute for a day
REQUESTS = 15  # ⌈1,440 / 100⌉
# Plausible values per unit (none "impossible": the validation must pass them all).
_TYPICAL = {"kWh": 48_213.5, "kVARh": 9_120.25, "kW": 12.5, "kVAR": 3.25, "A": 17.5,
            "V": 221.3, "Sin unidad": 0.93, "%": 3.2, "°C": 31.0, "Hz": 50.01}  # fmt: skip

type Run = Callable[[Callable[[], Coroutine[Any, Any, object]]], Sample]


def day_of(device: str, sensors: tuple[str, ...], start: int) -> MeasurementBatch:
    def value(name: str, minute: int) -> float:
        return round(_TYPICAL.get(unit_of(name), 1.0) * (1 + (minute % 60) / 1000), 3)

    measures = (Measure(start + 60 * m, {n: value(n, m) for n in sensors}) for m in range(MEASURES))
    return MeasurementBatch(device, tuple(measures))


def measure(quick: bool) -> list[Figure]:
    runs = 2 if quick else 7
    loop = asyncio.new_event_loop()

    def on_loop(work: Callable[[], Coroutine[Any, Any, object]]) -> Sample:
        return timed(lambda: loop.run_until_complete(work()))  # one awaited upload per sample

    with EmulatorProcess() as emu, tempfile.TemporaryDirectory() as folder:
        try:
            return _measure(emu, Path(folder), runs, loop, on_loop)
        finally:
            loop.close()


def _measure(
    emu: EmulatorProcess, folder: Path, runs: int, loop: asyncio.AbstractEventLoop, on_loop: Run
) -> list[Figure]:
    environment = Environment.emulator(emu.base_url)
    api = ChileMedidoClient(environment, remember_tokens=False, trust_env=False)
    api.use_tokens(emu.refresh_token, emu.access_token)  # the bare loop's token: no login call
    auth = {"Authorization": f"Bearer {emu.access_token}"}
    bare = httpx.AsyncClient(base_url=environment.base_url, headers=auth, trust_env=False)
    device = loop.run_until_complete(api.device_by_number("29"))
    assert len(device.sensors) == 30, f"meter 29 has {len(device.sensors)} sensors, not 30"
    start = int(time.time()) // 86_400 * 86_400 - 86_400  # yesterday, 00:00 UTC
    day = day_of(device.number, device.sensor_names, start)
    requests = requests_of([day])
    bodies = [[b.to_api().to_json() for b in request] for request in requests]
    outbox, history = Outbox(folder / "outbox.sqlite3"), UploadHistory(folder / "uploads.sqlite3")

    async def medido() -> None:
        done = await send_all(api, [day], outbox, history)
        if not done.stored:
            raise RuntimeError(f"Medido's upload failed: {done.attempts[-1:]}")

    async def plain() -> None:
        for body in bodies:
            answer = await bare.post("/measurements", json=body)
            if answer.status_code != 201:
                raise RuntimeError(f"the bare upload failed: {answer.status_code} {answer.text}")

    cpu: tuple[list[float], list[float]] = ([], [])
    found = paired(_cpu(on_loop(medido), cpu[0]), _cpu(on_loop(plain), cpu[1]), runs)
    found_runs = found.a_runs, found.b_runs  # pair i: a_runs[i], b_runs[i]
    sent = tuple(_count(emu, on_loop(work)) for work in (medido, plain))
    if sent != (REQUESTS, REQUESTS):
        raise RuntimeError(f"requests (Medido, bare): {sent}, not {REQUESTS} each")
    pieces = _pieces(api, requests, bodies, folder, on_loop)
    for closing in (api.aclose(), bare.aclose()):
        loop.run_until_complete(closing)
    return [
        Figure(
            row=6,
            what="Upload a day of 1-min data (1,440 × 30 sensors, 15 requests)",
            value=_ms(found.a),
            unit="ms",
            limit=1.3,
            baseline=_ms(found.b),
            baseline_what="bare httpx.AsyncClient loop POSTing the same 15 bodies",
            details={
                "requests_counted_medido_bare": list(sent),
                "medido_runs_ms": [_ms(x) for x in found.a_runs],
                "bare_runs_ms": [_ms(x) for x in found.b_runs],
                # This process's CPU (all its threads) per upload: what the machine's load
                # (the wall-clock figures swing with it) changes least.
                "client_cpu_ms_medido_bare": [_ms(statistics.median(c[1:])) for c in cpu],
                "pair_ratios": [round(a / b, 2) for a, b in zip(*found_runs, strict=True)],
                "pieces_ms": pieces,
                "emulator": "subprocess (its CPU off this process's GIL), loopback HTTP",
            },
        )
    ]


def _cpu(sample: Sample, into: list[float]) -> Sample:
    """The sample, also noting the process's CPU time it took (warm-up included: drop [0])."""

    def run() -> float:
        started, wall = time.process_time(), sample()
        into.append(time.process_time() - started)
        return wall

    return run


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _count(emu: EmulatorProcess, sample: Sample) -> int:
    """POST /measurements requests one upload made, as the emulator counted them."""
    before = emu.posts("/measurements")
    sample()
    return emu.posts("/measurements") - before


def _pieces(
    api: ChileMedidoClient,
    requests: list[tuple[MeasurementBatch, ...]],
    bodies: list[Any],
    folder: Path,
    on_loop: Run,
) -> dict[str, float]:
    """Medians (ms) of the pieces of Medido's upload, each timed on its own; the rest of its
    time is the network and the server, which the bare loop measures."""
    outbox = Outbox(folder / "pieces.sqlite3")
    history = UploadHistory(folder / "pieces-uploads.sqlite3")
    url, now = api.environment.base_url, time.time()
    answer = UploadResult(True, (), 201)
    records = [record_upload(r, url, result=answer, body=body_of(r)) for r in requests]
    rows: list[int] = []

    async def put() -> None:
        rows[:] = [e.id for e in await outbox.put_many(requests, url)]

    async def marks() -> None:
        for row in rows:
            await outbox.mark_sent(row, 201)

    async def records_added() -> None:
        for record in records:
            await history.add(record)

    async def tokens() -> None:  # what _send_authorised asks before every request (private)
        for _ in requests:
            await api._session.access_token()

    handle = os.open(folder / "fsync", os.O_WRONLY | os.O_CREAT)

    def fsync() -> None:
        os.write(handle, b"x" * 4096)
        os.fsync(handle)

    def _json(body: Any) -> bytes:  # as httpx encodes json=
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()

    pieces: dict[str, Sample] = {
        "validate_15": timed(lambda: [validate(r, now=now) for r in requests]),
        "json_bodies_15 (dicts + dumps)": timed(lambda: [body_of(r) for r in requests]),
        "json_dumps_15 (httpx's, in the bare loop too)": timed(lambda: [_json(b) for b in bodies]),
        "outbox_put_15 (bodies + one commit)": on_loop(put),
        "outbox_mark_sent_15 (15 commits; all but the last overlap a request)": on_loop(marks),
        "history_add_15 (15 commits; idem)": on_loop(records_added),
        "token_check_15": on_loop(tokens),
        "fsync_4k (this disk)": timed(fsync),
    }
    try:
        return {name: _ms(median_of(s, 5)[0]) for name, s in pieces.items()}
    finally:
        os.close(handle)
