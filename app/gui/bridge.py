"""The bridge between Qt's GUI thread and the core's asyncio loop (docs/design.md §3).

All network and serial I/O runs on one asyncio loop, on a thread of its own, so that pymodbus's
serial polling and slow sockets never wake or block the GUI thread. The GUI thread only ever
*posts* work to the loop (`submit`, `call_soon`) and *receives* results, errors and core events
through queued Qt signals; it never waits on I/O. Code on the loop never touches a widget.

At exit, `shutdown` cancels what is still running, closes the registered services, stops the
loop and joins its thread within a deadline, so the app never hangs on a stuck socket.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.core.events import EventStream
from app.gui.job import Job

log = logging.getLogger(__name__)

type Closer = Callable[[], Awaitable[object]]


class EventRelay[E](QObject):
    """Re-emits a core EventStream's events as `delivered`, on the GUI thread, in order."""

    delivered = Signal(object)
    _from_loop = Signal(object)

    def __init__(self, stream: EventStream[E], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._from_loop.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = stream.subscribe(self._from_loop.emit)

    @Slot(object)
    def _deliver(self, event: object) -> None:
        if self._unsubscribe is not None:  # nothing after close(), even if already queued
            self.delivered.emit(event)

    def close(self) -> None:
        """Stop forwarding; events already queued are dropped."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
            self.deleteLater()  # Qt drops events still queued for a deleted object


class CoreBridge(QObject):
    """Owns the core's event loop thread; create it on the GUI thread."""

    def __init__(self, parent: QObject | None = None, *, name: str = "medido-core") -> None:
        super().__init__(parent)
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._jobs: set[Job[Any]] = set()  # keeps running jobs alive until they settle
        self._closers: list[Closer] = []

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the core loop is already running")
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._loop = loop
        self._thread = threading.Thread(target=run, name=self._name, daemon=True)
        self._thread.start()
        if not ready.wait(5.0):
            raise RuntimeError("the core loop did not start")

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._loop is not None

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The core loop, for `asyncio.run_coroutine_threadsafe` and the like in the edge code."""
        if self._loop is None or not self.running:
            raise RuntimeError("the core loop is not running")
        return self._loop

    def add_closer(self, closer: Closer) -> None:
        """Register an async close (a service's `aclose`) to await at shutdown, last first."""
        self._closers.append(closer)

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Cancel running tasks, run the closers, stop the loop, join the thread.

        Blocks the calling (GUI) thread for at most about `timeout` seconds: this is the one
        place it waits, at exit. Returns True if the thread ended in time.
        """
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return True
        deadline = time.monotonic() + timeout
        if thread.is_alive():
            winding = asyncio.run_coroutine_threadsafe(self._wind_down(timeout * 0.8), loop)
            try:
                winding.result(timeout=max(0.0, deadline - time.monotonic()))
            except Exception:
                log.warning("core loop did not wind down cleanly", exc_info=True)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=max(0.1, deadline - time.monotonic()))
        clean = not thread.is_alive()
        if not clean:
            log.warning("core loop thread still running after %.1f s; leaving it", timeout)
        self._loop = None
        self._thread = None
        return clean

    async def _wind_down(self, budget: float) -> None:
        current = asyncio.current_task()
        tasks = [task for task in asyncio.all_tasks() if task is not current]
        for task in tasks:
            task.cancel()
        if tasks:
            _, stuck = await asyncio.wait(tasks, timeout=budget / 2)
            if stuck:
                log.warning("%d task(s) ignored cancellation at shutdown", len(stuck))
        for closer in reversed(self._closers):
            try:
                await asyncio.wait_for(closer(), timeout=budget / 4)
            except Exception:
                log.warning("closing %r failed at shutdown", closer, exc_info=True)
        self._closers.clear()
        loop = asyncio.get_running_loop()
        await loop.shutdown_asyncgens()

    # -- running work --------------------------------------------------------------------------

    def submit[T](self, coro: Coroutine[Any, Any, T]) -> Job[T]:
        """Run `coro` on the core loop; its outcome arrives as the Job's signals."""
        return self._start(lambda _job: coro, coro)

    def submit_with_progress[T](
        self, start: Callable[[Callable[[object], None]], Coroutine[Any, Any, T]]
    ) -> Job[T]:
        """Like submit; `start(report)` builds the coroutine, which calls report(value) freely."""
        return self._start(lambda job: start(job.report), None)

    def call_soon(self, callback: Callable[..., object], *args: object) -> None:
        """Run a plain callable on the core loop (to touch core objects from the GUI thread)."""
        self.loop.call_soon_threadsafe(callback, *args)

    def forward[E](
        self, stream: EventStream[E], slot: Callable[[E], None] | None = None
    ) -> EventRelay[E]:
        """Deliver a core EventStream's events on the GUI thread; close() the relay to stop."""
        relay: EventRelay[E] = EventRelay(stream, self)
        if slot is not None:
            relay.delivered.connect(slot)
        return relay

    def _start[T](
        self,
        build: Callable[[Job[T]], Coroutine[Any, Any, T]],
        coro: Coroutine[Any, Any, T] | None,
    ) -> Job[T]:
        if self._loop is None or not self.running:
            if coro is not None:
                coro.close()  # never awaited: close it so Python does not warn
            raise RuntimeError("the core loop is not running")
        job: Job[T] = Job(self._loop, self._jobs.discard)
        if job.thread() is not self.thread():
            job.moveToThread(self.thread())  # outcomes must land on the GUI thread
        self._jobs.add(job)
        self._loop.call_soon_threadsafe(job._start_on_loop, build(job))
        return job

    @property
    def pending_jobs(self) -> int:
        return len(self._jobs)
