"""How far apart three clocks are: the ChileMedido server, the laptop, and the meter.

The platform asks for measurements stamped on its own clock, and offers `GET /server-time` "as an
NTP server". One exchange gives the server's time somewhere between the laptop's send instant t0
and receive instant t1. Like NTP we assume it was read mid-way, so

    server − laptop = server_time − (t0 + t1) / 2,   uncertainty = (t1 − t0) / 2 + resolution / 2

where `resolution` is the server time's own step (1 ms when its ISO text has milliseconds, 1 s
for whole seconds). A clock that shows whole units truncates, so the true time lies in
[shown, shown + resolution): we centre the estimate half a step later, and its half step is the
resolution's share of the uncertainty.

Several exchanges: keep the one with the smallest round trip (NTP's minimum filter, RFC 5905
§10). Delay is what blurs an exchange, and queueing only ever adds delay, so the fastest exchange
is the least blurred; averaging would mix the slow ones back in.

The meter's clock is read over Modbus the same way: the meter's time against the laptop's
mid-request instant, ± half the Modbus round trip plus the meter's resolution (the reader reports
that sum). Offsets chain (meter − server = (meter − laptop) + (laptop − server)); their
uncertainties add linearly, not in quadrature: each is a bound on an error (half a round trip), not
a standard deviation of independent noise, and the sum of bounds is the honest bound.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

MS_RESOLUTION_S = 0.001
SECOND_RESOLUTION_S = 1.0
_FRACTION = re.compile(r"\d:\d\d[.,](\d+)")  # the seconds' fraction in an ISO 8601 time


@dataclass(frozen=True, slots=True)
class Offset:
    """How far one clock is ahead of another, in seconds (negative: behind), ± `uncertainty`."""

    seconds: float
    uncertainty: float

    def __neg__(self) -> Offset:
        return Offset(-self.seconds, self.uncertainty)

    def __add__(self, other: Offset) -> Offset:
        """Chain two offsets (A − B) + (B − C) = A − C; uncertainties add linearly."""
        return Offset(self.seconds + other.seconds, self.uncertainty + other.uncertainty)

    @property
    def low(self) -> float:
        return self.seconds - self.uncertainty

    @property
    def high(self) -> float:
        return self.seconds + self.uncertainty


class ServerTimeLike(Protocol):
    """What the API client's `server_time()` returns (app.core.api.ServerTime)."""

    @property
    def timestamp(self) -> int: ...
    @property
    def utc(self) -> datetime: ...
    @property
    def sent_at(self) -> datetime: ...
    @property
    def received_at(self) -> datetime: ...


class ServerClock(Protocol):
    """What `sample_server` needs of app.core.api.ChileMedidoClient."""

    async def server_time(self) -> ServerTimeLike: ...


async def sample_server(
    api: ServerClock, count: int = 4, pause_s: float = 0.2
) -> list[ClockSample]:
    """`count` server-time exchanges, `pause_s` apart (spread so one congested moment does not
    spoil them all). An error on the first is raised; after that, what was gathered is kept."""
    samples: list[ClockSample] = []
    for i in range(count):
        if i:
            await asyncio.sleep(pause_s)
        try:
            samples.append(ClockSample.from_server_time(await api.server_time()))
        except Exception:
            if not samples:
                raise
            break
    return samples


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"{what} must be timezone-aware")
    return moment


@dataclass(frozen=True, slots=True)
class ClockSample:
    """One server-time exchange, seen from the laptop."""

    sent_at: datetime  # laptop clock when the request went out (t0), aware
    received_at: datetime  # laptop clock when the answer came back (t1), aware
    server_time: datetime  # what the server said, aware
    resolution_s: float  # the server time's step: 0.001 or 1.0

    def __post_init__(self) -> None:
        _aware(self.sent_at, "sent_at")
        _aware(self.received_at, "received_at")
        _aware(self.server_time, "server_time")
        if self.received_at < self.sent_at:
            raise ValueError("received_at is before sent_at: the laptop clock jumped mid-exchange")

    @classmethod
    def from_exchange(
        cls, sent_at: datetime, received_at: datetime, timestamp: float, iso: str | None = None
    ) -> ClockSample:
        """From the raw answer: the ISO text when it parses and agrees with the timestamp (within
        a second), its resolution given by its fraction's digits; else the whole seconds."""
        if iso:
            try:
                parsed = datetime.fromisoformat(iso)
            except ValueError:
                parsed = None
            if parsed is not None:
                if parsed.tzinfo is None:
                    parsed = parsed.replace(tzinfo=UTC)  # the seed's ISO time is UTC ("Z")
                if abs(parsed.timestamp() - timestamp) < 1.0:
                    fraction = _FRACTION.search(iso)
                    step = 10.0 ** -len(fraction[1]) if fraction else SECOND_RESOLUTION_S
                    return cls(sent_at, received_at, parsed, step)
        whole = datetime.fromtimestamp(timestamp, UTC)
        return cls(sent_at, received_at, whole, SECOND_RESOLUTION_S)

    @classmethod
    def from_server_time(cls, answer: ServerTimeLike) -> ClockSample:
        """From the API client's answer, which keeps the parsed ISO time but not its text.

        A time with a fractional second had milliseconds. One on an exact second may have been
        ".000" or whole seconds; we cannot tell, so we take the coarse resolution (one exchange in
        a thousand gets a larger uncertainty than it deserves, never a smaller one).
        """
        utc = answer.utc
        step = MS_RESOLUTION_S if utc.microsecond else SECOND_RESOLUTION_S
        return cls(answer.sent_at, answer.received_at, utc, step)

    @property
    def round_trip_s(self) -> float:
        return (self.received_at - self.sent_at).total_seconds()

    @property
    def server_offset(self) -> Offset:
        """Server − laptop: add it to a laptop time to get the server's time."""
        half = self.round_trip_s / 2
        midpoint = self.sent_at + timedelta(seconds=half)
        centre = self.server_time + timedelta(seconds=self.resolution_s / 2)
        return Offset((centre - midpoint).total_seconds(), half + self.resolution_s / 2)


def best_sample(samples: Iterable[ClockSample]) -> ClockSample:
    """The exchange with the smallest round trip (NTP's minimum filter; see the module doc)."""
    chosen = min(samples, key=lambda s: s.round_trip_s, default=None)
    if chosen is None:
        raise ValueError("no server-time exchange to choose from")
    return chosen


def meter_wall_time(wall: datetime, zone: str | None) -> datetime:
    """A meter's naive wall-clock reading as an aware instant: in `zone` (IANA name) for a meter
    that keeps local time, or UTC when `zone` is None.

    An hour repeated when clocks go back is read as its first occurrence (fold=0): a meter shows no
    fold, and an hour's doubt there is what the whole-hours diagnosis reports anyway.
    """
    if wall.tzinfo is not None:
        return wall
    return wall.replace(tzinfo=ZoneInfo(zone) if zone else UTC)


@dataclass(frozen=True, slots=True)
class MeterClockRead:
    """The meter's clock as read over Modbus."""

    meter_time: datetime  # what the meter said, as an aware instant (see meter_wall_time)
    read_at: datetime  # the laptop's clock midway through the Modbus exchange, aware
    uncertainty_s: float  # half the Modbus round trip + the meter clock's resolution

    def __post_init__(self) -> None:
        _aware(self.meter_time, "meter_time")
        _aware(self.read_at, "read_at")

    @property
    def laptop_offset(self) -> Offset:
        """Meter − laptop."""
        return Offset((self.meter_time - self.read_at).total_seconds(), self.uncertainty_s)


@dataclass(frozen=True, slots=True)
class ClockDrift:
    """The three comparisons of the Clock page; each is "first clock − second clock"."""

    sample: ClockSample | None  # the exchange used (fastest), if the server answered
    samples_taken: int
    meter: MeterClockRead | None

    @classmethod
    def measure(
        cls, samples: Iterable[ClockSample], meter: MeterClockRead | None = None
    ) -> ClockDrift:
        taken = list(samples)
        return cls(best_sample(taken) if taken else None, len(taken), meter)

    @property
    def laptop_vs_server(self) -> Offset | None:
        return -self.sample.server_offset if self.sample is not None else None

    @property
    def meter_vs_laptop(self) -> Offset | None:
        return self.meter.laptop_offset if self.meter is not None else None

    @property
    def meter_vs_server(self) -> Offset | None:
        if self.meter is None or self.sample is None:
            return None
        # (meter − laptop) + (laptop − server)
        return self.meter.laptop_offset + -self.sample.server_offset
