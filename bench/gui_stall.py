"""Rows 2 and 3 (stalls): how late a 5 ms timer on the GUI thread fires while the app works.

The whole main window on the Plot page (bench.site_on_screen: 30 sensors of a simulated SDM630,
a day of readings in the history) polled at 10 Hz, while a day of 1-minute data for 30 sensors
is uploaded again and again through the outbox to the API emulator (a process of its own, as a
real server would be). Any stretch the GUI thread spends busy shows as the timer's lateness;
the same timer in the idle window is the baseline, for reference.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer

from app.core.api import ChileMedidoClient, Environment
from app.core.upload.bulk import send_all
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox
from bench.emulator_process import EmulatorProcess
from bench.figures import Figure
from bench.site_on_screen import SiteOnScreen
from bench.upload import day_of

TICK_MS = 5
POLL_S = 0.1  # 10 Hz


def lateness(seconds: float) -> list[float]:
    """Run the event loop for `seconds` with a 5 ms timer; each tick's lateness in ms."""
    clock, late = QElapsedTimer(), []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)

    def tick() -> None:
        late.append(max(0.0, clock.nsecsElapsed() / 1e6 - TICK_MS))
        clock.restart()

    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    QTimer.singleShot(int(seconds * 1000), QCoreApplication.quit)
    QCoreApplication.exec()
    timer.stop()
    return late[1:]


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def measure(quick: bool) -> list[Figure]:
    seconds = 4.0 if quick else 20.0
    figures = []
    temporary = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
    with SiteOnScreen() as site, EmulatorProcess() as emu, temporary as folder:
        idle = lateness(min(seconds, 5.0))
        site.start_polling(POLL_S)
        uploads = site.on_loop(started(upload_forever(emu, Path(folder))))
        for row, span_index, what in (
            (2, 2, "GUI stall: 10 Hz polling, 30 series, 24 h shown, upload running"),
            (3, 0, "GUI stall: same, 5-minute window"),
        ):
            site.plot_page.span_choice.setCurrentIndex(span_index)
            lateness(1.0)  # the first redraws of a new window are not the steady state
            late = lateness(seconds)
            details = {
                "ticks": len(late),
                "idle_p99_ms": round(p99(idle), 2),
                "idle_max_ms": round(max(idle), 2),
                "points_drawn_last": site.plot_page.last_drawn,
                "readings_in_history": len(site.history),
                "seconds": seconds,
            }
            if row == 2:
                figures.append(Figure(2, f"{what} (p99)", p99(late), "ms", 16.0, details=details))
            figures.append(Figure(row, f"{what} (max)", max(late), "ms", 50.0, details=details))
        site.on_loop(stopped(uploads))  # before its folder goes
    return figures


async def started(work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return asyncio.create_task(work)


async def stopped(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def upload_forever(emu: EmulatorProcess, folder: Path) -> None:
    environment = Environment.emulator(emu.base_url)
    api = ChileMedidoClient(environment, remember_tokens=False, trust_env=False)
    api.use_tokens(emu.refresh_token, emu.access_token)
    device = await api.device_by_number("29")
    day = day_of(device.number, device.sensor_names, int(time.time()) // 86_400 * 86_400 - 86_400)
    outbox, history = Outbox(folder / "outbox.sqlite3"), UploadHistory(folder / "uploads.sqlite3")
    try:
        while True:
            await send_all(api, [day], outbox, history)
            await asyncio.sleep(0)
    finally:
        await api.aclose()
