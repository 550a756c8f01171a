"""The connection under a Modbus link: open it, notice when it goes, get it back.

State changes are events. A connection lost while open is retried in the background with
exponential backoff (pymodbus's own reconnect is off, so every attempt is seen and reported);
requests made meanwhile fail at once with the reason instead of waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.events import EventStream
from app.core.meter.links.errors import LinkDown, LinkError
from app.core.meter.links.guard import end_request, guard_frames, record_open_errors
from app.core.meter.links.state import Backoff, LinkEvent, LinkState
from app.core.traffic import Channel, Direction, TrafficLog

if TYPE_CHECKING:  # pymodbus loads with the first link opened (`_new_client`), not at start-up
    from pymodbus.client.base import ModbusBaseClient


class LinkConnection(ABC):
    def __init__(
        self, *, timeout_s: float, backoff: Backoff | None, traffic: TrafficLog | None
    ) -> None:
        self.timeout_s = timeout_s
        self.backoff = backoff or Backoff()
        self.traffic = traffic
        self.events: EventStream[LinkEvent] = EventStream()
        self._state = LinkState.DISCONNECTED
        self._down: LinkError | None = None
        self._lock = asyncio.Lock()  # one request (or connect) at a time
        self._client: ModbusBaseClient | None = None
        self._generation = 0
        self._reconnect_task: asyncio.Task[None] | None = None
        self._tx = b""  # the last frame sent and received, for byte counts and the traffic log
        self._rx = b""
        self._garbled: str | None = None  # why the last reply could not be framed
        self._open_error: Exception | None = None  # why the port or socket did not open
        self._frame_check: Callable[[bytes], str | None] | None = None  # a link's own framing

    # -- what a concrete link provides ------------------------------------------------------
    @property
    @abstractmethod
    def description(self) -> str:
        """Where this link goes, for messages: "tcp://10.0.0.5:502"."""

    @abstractmethod
    def _new_client(
        self,
        trace_packet: Callable[[bool, bytes], bytes],
        trace_connect: Callable[[bool], None],
    ) -> ModbusBaseClient:
        """A pymodbus client with retries=0 and reconnect_delay=0."""

    @abstractmethod
    async def _connect_failure(self, elapsed_s: float, reconnecting: bool) -> LinkError:
        """Why connecting failed, in installer terms (`self._open_error` holds the exception
        pymodbus hid, when there was one)."""

    @abstractmethod
    def _lost(self) -> LinkDown:
        """Why an open connection went away."""

    # -- state --------------------------------------------------------------------------------
    @property
    def state(self) -> LinkState:
        return self._state

    def _set_state(
        self,
        state: LinkState,
        code: str,
        message: str,
        *,
        attempt: int = 0,
        retry_in_s: float | None = None,
    ) -> None:
        self._state = state
        self.events.emit(LinkEvent(self.description, state, code, message, attempt, retry_in_s))
        self._note(f"{state.value}: {message}")

    def _note(self, summary: str, direction: Direction = Direction.NOTE, detail: str = "") -> None:
        if self.traffic is not None:
            self.traffic.record(Channel.MODBUS, direction, summary, detail, self.description)

    # -- connecting ---------------------------------------------------------------------------
    async def connect(self) -> None:
        """Open the link now; raises LinkError with a clear message when it cannot."""
        async with self._lock:
            await self._connect()

    async def close(self) -> None:
        self._cancel_reconnect()
        async with self._lock:
            self._drop_client()
            if self._state != LinkState.DISCONNECTED:
                self._set_state(LinkState.DISCONNECTED, "closed", f"Closed {self.description}.")

    async def _connect(self) -> None:
        self._cancel_reconnect()
        self._set_state(LinkState.CONNECTING, "connecting", f"Connecting to {self.description}…")
        try:
            await self._open_or_fail(reconnecting=False)
        except LinkError as e:
            self._down = e
            self._set_state(LinkState.FAILED, e.code, e.message)
            raise
        self._set_state(LinkState.CONNECTED, "connected", f"Connected to {self.description}.")

    async def _open_or_fail(self, reconnecting: bool) -> None:
        """`_open`, with any surprise a LinkError: the state must end FAILED, never CONNECTING."""
        try:
            await self._open(reconnecting)
        except LinkError:
            raise
        except Exception as exc:
            raise LinkError(
                "connect-failed",
                f"{self.description} could not be opened ({type(exc).__name__}: {exc}).",
            ) from exc

    async def _open(self, reconnecting: bool) -> None:
        self._drop_client()
        self._generation += 1
        generation = self._generation

        def trace_connect(up: bool) -> None:
            if not up and generation == self._generation:
                self._on_lost()

        client = self._new_client(self._trace_packet, trace_connect)
        client.set_max_no_responses(1 << 30)  # silence is an answer for us, not a reason to hang up
        guard_frames(client, self._on_bad_frame, self._frame_check)
        self._open_error = None
        record_open_errors(client, self._record_open_error)
        started = time.monotonic()
        try:
            connected = await client.connect()
        except Exception as exc:  # what pymodbus lets through: termios.error, ValueError, …
            self._open_error = exc
            connected = False
        if not connected:
            with contextlib.suppress(Exception):
                client.close()
            raise await self._connect_failure(time.monotonic() - started, reconnecting)
        self._client = client

    def _record_open_error(self, exc: Exception) -> None:
        self._open_error = exc

    def _on_bad_frame(self, why: str) -> None:
        self._garbled = why

    def _drop_client(self) -> None:
        self._generation += 1  # the old client's disconnect callback is now stale
        if self._client is not None:
            self._client.close()
            self._client = None

    def _on_lost(self) -> None:
        if self._state != LinkState.CONNECTED:
            return
        cause = self._lost()
        if self._client is not None:  # a request waiting for its reply fails now, with the cause
            from pymodbus.exceptions import ConnectionException  # loaded: a client exists

            end_request(self._client, ConnectionException(cause.message))
        self._client = None
        self._down = cause
        self._reconnect_task = asyncio.get_running_loop().create_task(self._reconnect(cause))

    def _cancel_reconnect(self) -> None:
        task, self._reconnect_task = self._reconnect_task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()

    async def _reconnect(self, cause: LinkError) -> None:
        attempt = 0
        while True:
            attempt += 1
            limit = self.backoff.max_attempts
            if limit is not None and attempt > limit:
                message = f"{cause.message} Medido stopped after {limit} reconnect attempts."
                self._set_state(LinkState.FAILED, cause.code, message, attempt=attempt - 1)
                return
            delay = self.backoff.delay(attempt)
            self._set_state(
                LinkState.RECONNECTING,
                cause.code,
                cause.message,
                attempt=attempt,
                retry_in_s=delay,
            )
            await asyncio.sleep(delay)
            try:
                await self._open_or_fail(reconnecting=True)
            except LinkError as e:
                cause = self._down = e
                continue
            self._down = None
            self._reconnect_task = None
            self._set_state(
                LinkState.CONNECTED, "reconnected", f"Reconnected to {self.description}."
            )
            return

    async def _ensure_connected(self) -> ModbusBaseClient:
        client = self._client
        if self._state == LinkState.CONNECTED and client is not None and client.connected:
            return client
        if self._state == LinkState.RECONNECTING and self._down is not None:
            raise LinkDown(self._down.code, self._down.message)
        await self._connect()
        assert self._client is not None
        return self._client

    def _trace_packet(self, sending: bool, data: bytes) -> bytes:
        if sending:
            self._tx = data
        elif len(data) >= len(self._rx):
            self._rx = data  # pymodbus passes the whole receive buffer each time
        return data
