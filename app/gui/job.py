"""A Job: one coroutine running on the core loop, as seen from the GUI thread.

The asyncio side (start, cancel, the task's outcome) happens on the core loop's thread; the
outcome crosses to the GUI thread through a queued connection to a slot of the Job, which lives
on the GUI thread. So every public signal is emitted on the GUI thread, whatever is connected
to it (a widget's method, a lambda, another signal).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from enum import StrEnum
from typing import Any, cast

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class JobState(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Job[T](QObject):
    """Emits exactly one of succeeded/failed/cancelled, then finished, all on the GUI thread."""

    succeeded = Signal(object)  # the coroutine's result
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()
    finished = Signal()  # always last, whatever the outcome
    progress = Signal(object)  # whatever the coroutine passed to report()

    # Loop thread -> GUI thread, queued to slots of this object.
    _settle_from_loop = Signal(object, object)
    _progress_from_loop = Signal(object)

    def __init__(self, loop: asyncio.AbstractEventLoop, on_settled: Callable[[Job[Any]], None]):
        super().__init__()
        self._loop = loop
        self._on_settled = on_settled
        self._task: asyncio.Task[T] | None = None
        self._state = JobState.RUNNING
        self._result: T | None = None
        self._error: BaseException | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._settle_from_loop.connect(self._settle, queued)
        self._progress_from_loop.connect(self.progress, queued)

    # -- GUI side ------------------------------------------------------------------------------

    @property
    def state(self) -> JobState:
        return self._state

    @property
    def done(self) -> bool:
        return self._state is not JobState.RUNNING

    def result(self) -> T:
        """The result of a job that succeeded; RuntimeError otherwise."""
        if self._state is not JobState.SUCCEEDED:
            raise RuntimeError(f"job has no result (state: {self._state})")
        return cast(T, self._result)

    def error(self) -> BaseException | None:
        return self._error

    def cancel(self) -> None:
        """Ask the task to stop; `cancelled` follows once it has actually unwound.

        A coroutine that catches CancelledError and returns normally counts as succeeded.
        """
        if self.done:
            return
        try:
            self._loop.call_soon_threadsafe(self._cancel_on_loop)
        except RuntimeError:  # the loop is closed: nothing runs any more
            self._settle(JobState.CANCELLED, None)

    def report(self, value: object) -> None:
        """Send a progress value to the GUI thread; safe to call from the core loop."""
        self._progress_from_loop.emit(value)

    @Slot(object, object)
    def _settle(self, state: JobState, payload: object) -> None:
        if self.done:
            return
        self._state = state
        if state is JobState.SUCCEEDED:
            self._result = cast(T, payload)
            self.succeeded.emit(payload)
        elif state is JobState.FAILED:
            self._error = cast(BaseException, payload)
            log.debug("job failed", exc_info=self._error)
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.finished.emit()
        self._on_settled(self)

    # -- loop side -----------------------------------------------------------------------------

    def _start_on_loop(self, coro: Coroutine[Any, Any, T]) -> None:
        self._task = self._loop.create_task(coro)
        self._task.add_done_callback(self._task_done)

    def _cancel_on_loop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _task_done(self, task: asyncio.Task[T]) -> None:
        if task.cancelled():
            self._settle_from_loop.emit(JobState.CANCELLED, None)
        elif (error := task.exception()) is not None:
            self._settle_from_loop.emit(JobState.FAILED, error)
        else:
            self._settle_from_loop.emit(JobState.SUCCEEDED, task.result())
