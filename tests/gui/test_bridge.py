"""The core loop thread: responsiveness, event forwarding, clean shutdown."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.events import EventStream
from app.gui.bridge import CoreBridge


def test_gui_keeps_ticking_while_a_coroutine_sleeps(qtbot: QtBot, bridge: CoreBridge) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    job = bridge.submit(asyncio.sleep(2.0, result="slept"))
    with qtbot.waitSignal(job.succeeded, timeout=5000):
        pass
    timer.stop()
    assert len(ticks) >= 25  # ~40 expected; a blocked GUI thread would give ~1
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 1.0


def test_events_are_forwarded_in_order_on_the_gui_thread(qtbot: QtBot, bridge: CoreBridge) -> None:
    app = QApplication.instance()
    assert app is not None
    stream: EventStream[int] = EventStream()
    received: list[tuple[int, bool]] = []
    relay = bridge.forward(
        stream, lambda event: received.append((event, QThread.currentThread() is app.thread()))
    )

    def emit_on_loop() -> None:
        assert threading.current_thread().name == "medido-core"
        for n in range(5):
            stream.emit(n)

    bridge.call_soon(emit_on_loop)
    qtbot.waitUntil(lambda: len(received) == 5, timeout=5000)
    assert received == [(n, True) for n in range(5)]

    relay.close()
    bridge.call_soon(stream.emit, 99)
    job = bridge.submit(asyncio.sleep(0.05))  # let the loop run the emit first
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert [event for event, _ in received] == [0, 1, 2, 3, 4]


def test_shutdown_cancels_running_tasks_and_closes_services(qtbot: QtBot) -> None:
    core = CoreBridge()
    core.start()
    events: list[str] = []

    async def poll_forever() -> None:
        try:
            await asyncio.sleep(60)
        finally:
            events.append("poll cancelled")

    async def close_link() -> None:
        events.append("link closed")

    async def close_client() -> None:
        events.append("client closed")

    core.add_closer(close_client)
    core.add_closer(close_link)
    core.submit(poll_forever())
    qtbot.wait(50)
    started = time.monotonic()
    assert core.shutdown(timeout=3.0)
    assert time.monotonic() - started < 1.0
    # Tasks first, then services in reverse order of registration.
    assert events == ["poll cancelled", "link closed", "client closed"]
    assert not core.running
    with pytest.raises(RuntimeError, match="not running"):
        core.submit(asyncio.sleep(0))


def test_shutdown_keeps_its_deadline_when_a_task_refuses_to_stop(qtbot: QtBot) -> None:
    core = CoreBridge()
    core.start()

    async def stubborn() -> None:
        while True:
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                continue  # a badly written service

    async def hung_close() -> None:
        await asyncio.sleep(60)

    core.add_closer(hung_close)
    core.submit(stubborn())
    qtbot.wait(50)
    started = time.monotonic()
    core.shutdown(timeout=1.0)
    assert time.monotonic() - started < 1.5
    assert not core.running
