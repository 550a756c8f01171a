"""Auto-detect: find who answers on a serial port or a TCP gateway, and guess what they are.

A probe is one short read of holding register 0; any answer, even a Modbus exception, proves a
device is there (a gateway's 0x0A/0x0B means nobody is). Serial ports are swept across baud
rates and parities. Each responder is then identified by `profile_guess`. Progress is reported
as events (for a progress bar) and `cancel()` stops the scan within one probe.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.core.events import EventStream
from app.core.meter.links import (
    DEFAULT_PORT,
    LinkError,
    ModbusLink,
    RtuOverTcpLink,
    SerialLink,
    TcpLink,
)
from app.core.meter.links.errors import GATEWAY_NO_TARGET_CODES
from app.core.meter.profile import Function, MeterProfile, Parity
from app.core.meter.profile_guess import ProfileGuess, guess_profiles
from app.core.traffic import TrafficLog

DEFAULT_BAUDS = (9600, 19200, 38400, 4800, 2400, 115200)
DEFAULT_PARITIES = (Parity.NONE, Parity.EVEN, Parity.ODD)
DEFAULT_UNITS = range(1, 248)


@dataclass(frozen=True, slots=True)
class Responder:
    unit: int
    settings: str  # "9600 8N1", or the TCP address
    answer: str  # what proved it is there: "registers" or the exception it answered with
    baud: int | None = None
    parity: Parity | None = None
    stop_bits: int | None = None
    guesses: tuple[ProfileGuess, ...] = ()

    @property
    def best(self) -> ProfileGuess | None:
        """The likeliest profile, if any candidate looked plausible at all."""
        if self.guesses and self.guesses[0].score > 0:
            return self.guesses[0]
        return None


@dataclass(frozen=True, slots=True)
class ScanProgress:
    fraction: float  # 0..1 of the probes
    stage: str  # "probing" or "identifying"
    settings: str
    unit: int
    found: tuple[Responder, ...]


@dataclass(frozen=True, slots=True)
class ScanResult:
    responders: tuple[Responder, ...]
    probes: int
    elapsed_s: float
    cancelled: bool = False
    errors: tuple[LinkError, ...] = field(default=())  # settings that could not be opened


class MeterScanner:
    """One scan at a time; subscribe to `progress`, call `cancel()` from any coroutine."""

    def __init__(
        self,
        candidates: Sequence[MeterProfile] = (),
        *,
        timeout_s: float = 0.15,
        identify: bool = True,
        traffic: TrafficLog | None = None,
    ) -> None:
        self.candidates = tuple(candidates)
        self.timeout_s = timeout_s
        self.identify = identify and bool(self.candidates)
        self.traffic = traffic
        self.progress: EventStream[ScanProgress] = EventStream()
        self._cancel = asyncio.Event()

    def cancel(self) -> None:
        self._cancel.set()

    async def scan_serial(
        self,
        port: str,
        *,
        bauds: Sequence[int] = DEFAULT_BAUDS,
        parities: Sequence[Parity | str] = DEFAULT_PARITIES,
        units: Sequence[int] = DEFAULT_UNITS,
        stop_bits: int = 1,
    ) -> ScanResult:
        settings = [(b, Parity(p)) for b in bauds for p in parities]

        def make(i: int) -> ModbusLink:
            baud, parity = settings[i]
            return SerialLink(
                port,
                baud,
                parity,
                stop_bits,
                timeout_s=self.timeout_s,
                retries=0,
                traffic=self.traffic,
            )

        def label(i: int) -> str:
            return f"{settings[i][0]} 8{settings[i][1].value}{stop_bits}"

        def tag(r: Responder, i: int) -> Responder:
            baud, parity = settings[i]
            return Responder(r.unit, r.settings, r.answer, baud, parity, stop_bits, r.guesses)

        return await self._scan(len(settings), make, label, units, tag)

    async def scan_tcp(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        units: Sequence[int] = DEFAULT_UNITS,
        rtu: bool = False,
    ) -> ScanResult:
        """A Modbus TCP gateway (or, with `rtu=True`, a transparent RTU-over-TCP gateway)."""
        kind = RtuOverTcpLink if rtu else TcpLink

        def make(_: int) -> ModbusLink:
            return kind(host, port, timeout_s=self.timeout_s, retries=0, traffic=self.traffic)

        return await self._scan(1, make, lambda _: f"{kind.scheme}://{host}:{port}", units, None)

    async def _scan(
        self,
        n_settings: int,
        make: Callable[[int], ModbusLink],
        label: Callable[[int], str],
        units: Sequence[int],
        tag: Callable[[Responder, int], Responder] | None,
    ) -> ScanResult:
        self._cancel.clear()
        started = time.monotonic()
        total = max(1, n_settings * len(units))
        found: list[Responder] = []
        errors: list[LinkError] = []
        done = 0
        for i in range(n_settings):
            link = make(i)
            try:
                here: list[Responder] = []
                for unit in units:
                    if self._cancel.is_set():
                        return self._result(found, done, started, errors, cancelled=True)
                    answer = await self._probe(link, unit)
                    done += 1
                    if answer is not None:
                        r = Responder(unit, label(i), answer)
                        here.append(tag(r, i) if tag else r)
                    self._emit(done / total, "probing", label(i), unit, (*found, *here))
                for r in here:
                    if self._cancel.is_set():
                        found.extend(here[here.index(r) :])
                        return self._result(found, done, started, errors, cancelled=True)
                    self._emit(done / total, "identifying", label(i), r.unit, (*found, *here))
                    found.append(await self._identify(link, r))
            except LinkError as e:
                errors.append(e)  # this setting could not be opened; the next may
                done = (i + 1) * len(units)
            finally:
                await link.close()
        return self._result(found, done, started, errors, cancelled=False)

    async def _probe(self, link: ModbusLink, unit: int) -> str | None:
        try:
            reply = await link.read(unit, Function.HOLDING, 0, 1)
        except LinkError as e:
            if e.code in ("timeout", "bad-reply"):
                return None
            raise
        if reply.exception is None:
            return "registers"
        if reply.exception in GATEWAY_NO_TARGET_CODES:
            return None
        return f"exception {reply.exception}"

    async def _identify(self, link: ModbusLink, r: Responder) -> Responder:
        if not self.identify:
            return r
        saved = link.timeout_s
        link.timeout_s = max(saved, 0.5)  # full reads take longer than a one-register probe
        try:
            guesses = tuple(await guess_profiles(link, r.unit, self.candidates))
        finally:
            link.timeout_s = saved
        return Responder(r.unit, r.settings, r.answer, r.baud, r.parity, r.stop_bits, guesses)

    def _emit(
        self, fraction: float, stage: str, settings: str, unit: int, found: tuple[Responder, ...]
    ) -> None:
        self.progress.emit(ScanProgress(fraction, stage, settings, unit, found))

    @staticmethod
    def _result(
        found: list[Responder],
        probes: int,
        started: float,
        errors: list[LinkError],
        *,
        cancelled: bool,
    ) -> ScanResult:
        elapsed = time.monotonic() - started
        return ScanResult(tuple(found), probes, elapsed, cancelled, tuple(errors))
