"""One Modbus link — a TCP socket or a serial port — and the service object that owns it.

A link carries requests for many unit ids (one RS-485 port, one gateway), one at a time. On top
of its connection (`connection.py`: state, reconnect) it owns the pacing (a silence before each
request, counted from the end of the previous reply: by default what its kind of bus needs, see
`bus_time.default_pause_s`), the timeout and retries, the statistics and the traffic records.
pymodbus does the framing; its own retries are switched off so that Medido can count, report and
pace them.
"""

from __future__ import annotations

import asyncio
import time
from abc import abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, TypedDict, Unpack

from app.core.events import EventStream
from app.core.meter.bus_time import BusTiming, LinkKind, default_pause_s
from app.core.meter.links.connection import LinkConnection
from app.core.meter.links.errors import LinkDown, LinkError, LinkTimeout
from app.core.meter.links.reply import Reply, exception_of, reply_detail, reply_summary
from app.core.meter.links.state import Backoff
from app.core.meter.links.stats import LinkStats
from app.core.meter.profile import Function
from app.core.traffic import Direction, TrafficLog

if TYPE_CHECKING:  # pymodbus loads with the first link opened (`_new_client`), not at start-up
    from pymodbus.client.base import ModbusBaseClient
    from pymodbus.pdu import ModbusPDU

type ClientCall = Callable[[ModbusBaseClient], Awaitable[ModbusPDU]]
WRITE_MULTIPLE = 16


class LinkOptions(TypedDict, total=False):
    timeout_s: float  # per attempt (default 1 s)
    retries: int  # extra attempts after no reply (default 1)
    # Silence before each request, from the end of the previous reply; replaces the default of
    # the link's kind (bus_time.default_pause_s), device turnarounds included.
    pause_s: float
    backoff: Backoff | None  # reconnect delays
    traffic: TrafficLog | None  # where requests and replies are recorded


class ModbusLink(LinkConnection):
    """Base of the TCP, RTU and RTU-over-TCP links: requests, retries, pacing, statistics."""

    # What to check when a reply cannot be framed; a link kind says what is likely for it.
    garbled_hint = (
        "check the baud rate and parity, the wiring, and that only one device answers at this "
        "unit id."
    )
    # What to check when nobody answers (the same silence means other checks on TCP).
    silence_hint = "check the unit id, the serial settings and the wiring."
    kind: LinkKind  # which bus: it decides the default pause
    baud = 9600  # the serial line's speed (behind the gateway for RTU over TCP); unused over TCP

    def __init__(self, **options: Unpack[LinkOptions]) -> None:
        super().__init__(
            timeout_s=options.get("timeout_s", 1.0),
            backoff=options.get("backoff"),
            traffic=options.get("traffic"),
        )
        self.retries = options.get("retries", 1)
        self.pause_setting: float | None = options.get("pause_s")  # None: the default of the kind
        self.turnaround_s = 0.0  # the slowest device's on this link (require_turnaround)
        self.stats = LinkStats()  # the link's lifetime
        self.replies: EventStream[Reply] = EventStream()  # every read answered (meter/capture.py)
        self._last_end = -1e9

    @property
    @abstractmethod
    def timing(self) -> BusTiming:
        """The bus-time model the planner uses for this link."""

    @property
    def pause_s(self) -> float:
        """The silence kept before each request, counted from the end of the previous reply."""
        if self.pause_setting is not None:
            return self.pause_setting
        return default_pause_s(self.kind, self.baud, self.turnaround_s)

    def require_turnaround(self, turnaround_s: float) -> None:
        """A device on this link needs this long after its reply before it hears the next
        request (its profile's `turnaround_s`); the slowest device wins."""
        self.turnaround_s = max(self.turnaround_s, turnaround_s)

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
        reply = Reply(unit, fn, address, count, registers, exception_of(pdu), rtt_ms, retries)
        self.replies.emit(reply)
        return reply

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

    async def read_bits(
        self, unit: int, function: int, address: int, count: int, *, stats: LinkStats | None = None
    ) -> Reply:
        """Read coils (function 1) or discrete inputs (2); the bits come back as 0/1 words."""
        if function not in (1, 2):
            raise ValueError(f"function {function} does not read bits")

        def call(client: ModbusBaseClient) -> Awaitable[ModbusPDU]:
            reader = client.read_coils if function == 1 else client.read_discrete_inputs
            return reader(address, count=count, device_id=unit)

        def fits(pdu: ModbusPDU) -> bool:
            return pdu.function_code == function and len(pdu.bits) >= count

        label = f"unit {unit} FC{function} read {address}+{count}"
        pdu, rtt_ms, retries = await self._request(unit, label, call, fits, stats, self.retries)
        bits = () if pdu.isError() else tuple(int(bool(b)) for b in pdu.bits[:count])
        reply = Reply(unit, function, address, count, bits, exception_of(pdu), rtt_ms, retries)
        self.replies.emit(reply)
        return reply

    async def write_with(
        self,
        unit: int,
        function: int,
        address: int,
        values: Sequence[int],
        *,
        stats: LinkStats | None = None,
    ) -> Reply:
        """Write with function 5 (one coil), 6 (one register), 15 (coils) or 16 (registers).

        Coils take 0/1, registers 0..65535. Never retried: a command must not run twice."""
        if function not in (5, 6, 15, 16) or (function in (5, 6) and len(values) != 1):
            raise ValueError(f"function {function} cannot write {len(values)} values")
        items = list(values)

        def call(client: ModbusBaseClient) -> Awaitable[ModbusPDU]:
            if function == 5:
                return client.write_coil(address, bool(items[0]), device_id=unit)
            if function == 6:
                return client.write_register(address, items[0], device_id=unit)
            if function == 15:
                return client.write_coils(address, [bool(v) for v in items], device_id=unit)
            return client.write_registers(address, items, device_id=unit)

        def fits(pdu: ModbusPDU) -> bool:
            return pdu.function_code == function

        label = f"unit {unit} FC{function} write {address}+{len(items)}"
        pdu, rtt_ms, _ = await self._request(unit, label, call, fits, stats, 0)
        return Reply(unit, function, address, len(items), (), exception_of(pdu), rtt_ms)

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
                logged = self.traffic is not None  # no text to format for nobody
                if logged:
                    self._note(label, Direction.OUT, self._tx.hex(" "))
                if pdu is not None and (pdu.isError() or fits(pdu)):
                    for s in sinks:
                        s.record_reply(rtt_ms, len(self._tx), len(self._rx))
                        if pdu.isError():
                            s.record_exception(exception_of(pdu) or 0)
                    if logged:
                        detail = reply_detail(self._rx, pdu)
                        self._note(reply_summary(label, pdu, rtt_ms), Direction.IN, detail)
                    return pdu, rtt_ms, attempt
                silent = pdu is None and self._garbled is None
                problem = "no-reply" if silent else "bad-reply"
                for s in sinks:
                    s.timeouts += 1 if silent else 0
                what = (
                    "no reply"
                    if silent
                    else f"a reply that cannot be read ({self._garbled})"
                    if pdu is None
                    else "a reply that does not match the request"
                )
                self._note(f"{label}: {what} (attempt {attempt + 1} of {retries + 1})")
            for s in sinks:
                s.errors_by_kind["timeout" if problem == "no-reply" else problem] += 1
            raise self._no_answer(unit, label, problem, retries + 1)

    def _no_answer(self, unit: int, label: str, problem: str, attempts: int) -> LinkError:
        if problem == "bad-reply" and self._garbled is not None:
            return LinkError(
                "bad-reply",
                f"Unit {unit} on {self.description} answered {label} with bytes that are not a "
                f"Modbus frame ({self._garbled}) — {self.garbled_hint}",
            )
        if problem == "bad-reply":
            return LinkError(
                "bad-reply",
                f"Unit {unit} on {self.description} answered {label} with a reply that does not "
                "match the request — two devices may share this unit id, or the line is noisy.",
            )
        return LinkTimeout(
            "timeout",
            f"Unit {unit} on {self.description} did not answer ({label}, {attempts} attempts, "
            f"{self.timeout_s:g} s each) — {self.silence_hint}",
        )

    async def _pace(self) -> None:
        wait = self._last_end + self.pause_s - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)

    async def _attempt(self, client: ModbusBaseClient, call: ClientCall) -> ModbusPDU | None:
        """One try. None means no (usable) reply; LinkDown means the link went away meanwhile."""
        # Here, not at the top: importing the links must not load pymodbus (start-up time).
        from pymodbus.exceptions import ConnectionException, ModbusIOException

        # The per-request timeout lives in the transaction manager's own copy of the parameters.
        client.ctx.comm_params.timeout_connect = self.timeout_s
        self._tx = self._rx = b""
        self._garbled = None
        # Awaited directly, not in a task of its own (two loop turns less per request): a lost
        # connection ends the wait through the client's response future (`_on_lost`).
        try:
            return await call(client)
        except ConnectionException:
            raise self._down_or_lost() from None
        except ModbusIOException:
            return None

    def _down_or_lost(self) -> LinkDown:
        if isinstance(self._down, LinkDown):
            return self._down
        return self._lost()
