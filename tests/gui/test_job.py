"""Jobs: outcomes, errors, progress and cancellation reach the GUI thread."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.bridge import CoreBridge
from app.gui.job import JobState


def on_gui_thread() -> bool:
    app = QApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


async def thread_name() -> str:
    await asyncio.sleep(0)
    return threading.current_thread().name


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, bridge: CoreBridge) -> None:
    seen: list[tuple[object, bool]] = []
    job = bridge.submit(thread_name())
    job.succeeded.connect(lambda value: seen.append((value, on_gui_thread())))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen == [("medido-core", True)]  # ran on the loop, delivered on the GUI thread
    assert job.state is JobState.SUCCEEDED
    assert job.result() == "medido-core"
    assert bridge.pending_jobs == 0


def test_an_exception_arrives_as_failed(qtbot: QtBot, bridge: CoreBridge) -> None:
    async def boom() -> int:
        raise ValueError("bad register")

    errors: list[tuple[object, bool]] = []
    job = bridge.submit(boom())
    job.failed.connect(lambda error: errors.append((error, on_gui_thread())))
    job.succeeded.connect(lambda value: errors.append(("unexpected success", False)))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    [(error, gui)] = errors
    assert isinstance(error, ValueError)
    assert str(error) == "bad register"
    assert gui
    assert job.state is JobState.FAILED
    assert job.error() is error


def test_cancel_cancels_the_asyncio_task(qtbot: QtBot, bridge: CoreBridge) -> None:
    started = threading.Event()
    unwound = threading.Event()

    async def wait_forever() -> None:
        started.set()
        try:
            await asyncio.sleep(60)
        finally:
            unwound.set()

    job = bridge.submit(wait_forever())
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignals([job.cancelled, job.finished], order="strict", timeout=5000):
        job.cancel()
    assert unwound.is_set()  # CancelledError reached the coroutine before `cancelled`
    assert job.state is JobState.CANCELLED


def test_cancel_before_the_task_starts(qtbot: QtBot, bridge: CoreBridge) -> None:
    ran = threading.Event()
    release = threading.Event()

    async def work() -> None:
        ran.set()

    bridge.call_soon(release.wait, 5.0)  # hold the loop so start and cancel queue up behind
    job = bridge.submit(work())
    job.cancel()
    release.set()
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        pass
    assert not ran.is_set()


def test_progress_arrives_in_order_on_the_gui_thread(qtbot: QtBot, bridge: CoreBridge) -> None:
    steps: list[tuple[object, bool]] = []

    async def scan(report: object) -> str:
        assert callable(report)
        for unit in (1, 2, 3):
            report(unit)
            await asyncio.sleep(0)
        return "done"

    job = bridge.submit_with_progress(scan)
    job.progress.connect(lambda value: steps.append((value, on_gui_thread())))
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert steps == [(1, True), (2, True), (3, True)]
