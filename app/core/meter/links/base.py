"""One Modbus link — a TCP socket or a serial port — and the service object that owns it.

A link carries requests for many unit ids (one RS-485 port, one gateway), one at a time. It owns
the lock, the pacing (the device's pause, counted from the end of the previous reply), the
timeout and retries, reconnection with exponential backoff, its state (reported as events), the
statistics and the traffic records. pymodbus does the framing; its own retries and reconnect are
switched off so that Medido can count, report and pace them.
"""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from typing import TypedDict, Unpack

from pymodbus.client.base import ModbusBaseClient
from pymodbus.exceptions import ConnectionException, ModbusIOException
from pymodbus.pdu import ModbusPDU

from app.core.events import EventStream
from app.core.meter.bus_time import BusTiming
from app.core.meter.links.errors import LinkDown, LinkError, LinkTimeout
from app.core.meter.links.reply import Reply, exception_of, reply_summary
from app.core.meter.links.state import Backoff, LinkEvent, LinkState
from app.core.meter.links.stats import LinkStats
from app.core.meter.profile import Function
from app.core.traffic import Channel, Direction, TrafficLog

type ClientCall = Callable[[ModbusBaseClient], Awaitable[ModbusPDU]]
WRITE_MULTIPLE = 16


class LinkOptions(TypedDict, total=False):
    timeout_s: float  # per attempt (default 1 s)
    retries: int  # extra attempts after no reply (default 1)
    pause_s: float  # silence before each request, from the end of the previous reply
    backoff: Backoff | None  # reconnect delays
    traffic: TrafficLog | None  # where requests and replies are recorded


class ModbusLink(ABC):
    """Base of the TCP, RTU and RTU-over-TCP links."""

    def __init__(self, **options: Unpack[LinkOptions]) -> None:
        self.timeout_s = options.get("timeout_s", 1.0)
        self.retries = options.get("retries", 1)
        self.pause_s = options.get("pause_s", 0.0)
        self.backoff = options.get("backoff") or Backoff()
        self.traffic = options.get("traffic")
        self.events: EventStream[LinkEvent] = EventStream()
        self.stats = LinkStats()  # the link's lifetime
        self._state = LinkState.DISCONNECTED
        self._down: LinkError | None = None
        self._lock = asyncio.Lock()
        self._client: ModbusBaseClient | None = None
        self._generation = 0
        self._last_end = -1e9
        self._inflight: asyncio.Task[ModbusPDU] | None = None
        self._cut: LinkDown | None = None
        self._reconnect_task: asyncio.Task[None] | None = None
        self._tx = b""
        self._rx = b""

    # -- what a concrete link provides ------------------------------------------------------
    @property
    @abstractmethod
    def description(self) -> str:
        """Where this link goes, for messages: "tcp://10.0.0.5:502"."""

    @property
    @abstractmethod
    def timing(self) -> BusTiming:
        """The bus-time model the planner uses for this link."""

    @abstractmethod
    def _new_client(
        self,
        trace_packet: Callable[[bool, bytes], bytes],
        trace_connect: Callable[[bool], None],
    ) -> ModbusBaseClient:
        """A pymodbus client with retries=0 and reconnect_delay=0."""

    @abstractmethod
    async def _connect_failure(self, elapsed_s: float, reconnecting: bool) -> LinkError:
        """Why connecting failed, in installer terms."""

    @abstractmethod
    def _lost(self) -> LinkDown:
        """Why an open connection went away."""

    # -- state --------------------------------------------------------------------------------
    @property
    def state(self) -> LinkState:
        return self._state

    def require_pause(self, pause_s: float) -> None:
        """Raise the pause to what a device on this link needs (the slowest one wins)."""
        self.pause_s = max(self.pause_s, pause_s)

    def _set_state(self, state: LinkState, code: str, message: str, **extra: object) -> None:
        self._state = state
        event = LinkEvent(self.description, state, code, message, **extra)  # type: ignore[arg-type]
        self.events.emit(event)
        self._note(f"{state.value}: {message}")

    def _note(self, summary: str, direction: Direction = Direction.NOTE, detail: str = "") -> None:
        if self.traffic is not None:
            self.traffic.record(Channel.MODBUS, direction, summary, detail)

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
            await self._open(reconnecting=False)
        except LinkError as e:
            self._down = e
            self._set_state(LinkState.FAILED, e.code, e.message)
            raise
        self._set_state(LinkState.CONNECTED, "connected", f"Connected to {self.description}.")

    async def _open(self, reconnecting: bool) -> None:
        self._drop_client()
        self._generation += 1
        generation = self._generation

        def trace_connect(up: bool) -> None:
            if not up and generation == self._generation:
                self._on_lost()

        client = self._new_client(self._trace_packet, trace_connect)
        client.set_max_no_responses(1 << 30)  # silence is an answer for us, not a reason to hang up
        started = time.monotonic()
        if not await client.connect():
            client.close()
            raise await self._connect_failure(time.monotonic() - started, reconnecting)
        self._client = client

    def _drop_client(self) -> None:
        self._generation += 1  # the old client's disconnect callback is now stale
        if self._client is not None:
            self._client.close()
            self._client = None

    def _on_lost(self) -> None:
        if self._state != LinkState.CONNECTED:
            return
        cause = self._lost()
        self._client = None
        if self._inflight is not None and not self._inflight.done():
            self._cut = cause
            self._inflight.cancel()
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
                await self._open(reconnecting=True)
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

    # -- requests -------------------------------------------------------------------------------
    async def read(
        self,
        unit: int,
        function: Function | int,
        address: int,
        count: int,
        *,
        stats: LinkStats | None = None,
    ) -> Reply:
        """Read `count` registers; a Modbus exception comes back as `Reply.exception`.

        Raises LinkTimeout when the meter does not answer and LinkDown when there is no link.
        """
        fn = int(function)

        def call(client: ModbusBaseClient) -> Awaitable[ModbusPDU]:
            reader = client.read_holding_registers if fn == 3 else client.read_input_registers
            return reader(address, count=count, device_id=unit)

        def fits(pdu: ModbusPDU) -> bool:
            return pdu.function_code == fn and len(pdu.registers) == count

        label = f"unit {unit} FC{fn} read {address}+{count}"
        pdu, rtt_ms, retries = await self._request(unit, label, call, fits, stats, self.retries)
        registers = () if pdu.isError() else tuple(pdu.registers)
        return Reply(unit, fn, address, count, registers, exception_of(pdu), rtt_ms, retries)

    async def write(
        self, unit: int, address: int, values: Sequence[int], *, stats: LinkStats | None = None
    ) -> Reply:
        """Write registers with function 16. Never retried: a command must not run twice."""

        def call(client: ModbusBaseClient) -> Awaitable[ModbusPDU]:
            return client.write_registers(address, list(values), device_id=unit)

        def fits(pdu: ModbusPDU) -> bool:
            return pdu.function_code == WRITE_MULTIPLE

        label = f"unit {unit} FC16 write {address}+{len(values)}"
        pdu, rtt_ms, _ = await self._request(unit, label, call, fits, stats, 0)
        return Reply(unit, WRITE_MULTIPLE, address, len(values), (), exception_of(pdu), rtt_ms)

    async def _request(
        self,
        unit: int,
        label: str,
        call: ClientCall,
        fits: Callable[[ModbusPDU], bool],
        stats: LinkStats | None,
        retries: int,
    ) -> tuple[ModbusPDU, float, int]:
        sinks = (self.stats,) if stats is None else (self.stats, stats)
        for s in sinks:
            s.requests += 1
        async with self._lock:
            try:
                client = await self._ensure_connected()
            except LinkError:
                for s in sinks:
                    s.errors_by_kind["disconnected"] += 1
                raise
            problem = "no-reply"
            for attempt in range(retries + 1):
                await self._pace()
                for s in sinks:
                    s.attempts += 1
                    s.retries += 1 if attempt else 0
                started = time.monotonic()
                try:
                    pdu = await self._attempt(client, call)
                except LinkDown as e:
                    self._last_end = time.monotonic()
                    for s in sinks:
                        s.errors_by_kind["disconnected"] += 1
                    self._note(f"{label}: {e.message}")
                    raise
                self._last_end = time.monotonic()
                rtt_ms = (self._last_end - started) * 1000
                self._note(label, Direction.OUT, self._tx.hex(" "))
                if pdu is not None and (pdu.isError() or fits(pdu)):
                    for s in sinks:
                        s.record_reply(rtt_ms, len(self._tx), len(self._rx))
                        if pdu.isError():
                            s.record_exception(exception_of(pdu) or 0)
                    self._note(reply_summary(label, pdu, rtt_ms), Direction.IN, self._rx.hex(" "))
                    return pdu, rtt_ms, attempt
                problem = "no-reply" if pdu is None else "bad-reply"
                for s in sinks:
                    s.timeouts += 1 if pdu is None else 0
                what = "no reply" if pdu is None else "a reply that does not match the request"
                self._note(f"{label}: {what} (attempt {attempt + 1} of {retries + 1})")
            for s in sinks:
                s.errors_by_kind["timeout" if problem == "no-reply" else problem] += 1
            raise self._no_answer(unit, label, problem, retries + 1)

    def _no_answer(self, unit: int, label: str, problem: str, attempts: int) -> LinkError:
        if problem == "bad-reply":
            return LinkError(
                "bad-reply",
                f"Unit {unit} on {self.description} answered {label} with a reply that does not "
                "match the request — two devices may share this unit id, or the line is noisy.",
            )
        return LinkTimeout(
            "timeout",
            f"Unit {unit} on {self.description} did not answer ({label}, {attempts} attempts, "
            f"{self.timeout_s:g} s each) — check the unit id, the serial settings and the wiring.",
        )

    async def _pace(self) -> None:
        wait = self._last_end + self.pause_s - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)

    async def _attempt(self, client: ModbusBaseClient, call: ClientCall) -> ModbusPDU | None:
        """One try. None means no (usable) reply; LinkDown means the link went away meanwhile."""
        # The per-request timeout lives in the transaction manager's own copy of the parameters.
        client.ctx.comm_params.timeout_connect = self.timeout_s
        self._tx = self._rx = b""
        try:
            pending = call(client)
        except ConnectionException:
            raise self._down_or_lost() from None
        task: asyncio.Task[ModbusPDU] = asyncio.ensure_future(pending)
        self._inflight = task
        try:
            return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if self._cut is not None and (current is None or not current.cancelling()):
                raise self._cut from None
            raise
        except ConnectionException:
            raise self._down_or_lost() from None
        except ModbusIOException:
            return None
        finally:
            self._inflight = self._cut = None

    def _down_or_lost(self) -> LinkDown:
        if isinstance(self._down, LinkDown):
            return self._down
        return self._lost()

    def _trace_packet(self, sending: bool, data: bytes) -> bytes:
        if sending:
            self._tx = data
        elif len(data) >= len(self._rx):
            self._rx = data  # pymodbus passes the whole receive buffer each time
        return data
