"""One meter, end to end: its link, its reader, the poll loop, the day's readings, their events.

`medido read`, the app's Meter page, the demo and the commissioning check all connect, poll and
stop a meter through a MeterSession, so there is one poll loop in the code base. Everything here
runs on the core's asyncio loop; listeners of `readings` and `link.events` are called on that
loop (the GUI forwards them to its own thread). The reading history is written here, on the
loop, and read by the GUI under the history's lock.

    meter = MeterSession(parse_meter_uri("tcp://10.0.0.5?unit=1"), profile)
    await meter.connect()
    await meter.poll_loop(interval_s=1.0, count=10)   # or poll() for one reading
    await meter.close()
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Unpack

from app.core.events import EventStream
from app.core.meter.bus_time import LinkKind
from app.core.meter.capture import RegisterCapture
from app.core.meter.links import LinkOptions, ModbusLink
from app.core.meter.meter_uri import MeterURI, open_link
from app.core.meter.profile import MeterProfile
from app.core.meter.reader import MeterReader
from app.core.meter.reading import MeterReading

if TYPE_CHECKING:
    from app.core.readings.history import ReadingHistory


class MeterSession:
    """The service object for one meter (one unit on one link). Keep one per meter: its reader
    learns which registers the meter lacks, and its history holds the day's readings."""

    def __init__(
        self,
        uri: MeterURI,
        profile: MeterProfile,
        *,
        include_auxiliary: bool = False,
        history: ReadingHistory | None = None,
        link: ModbusLink | None = None,
        **options: Unpack[LinkOptions],
    ) -> None:
        self.uri = uri
        self.link = link if link is not None else open_link(uri, profile, **options)
        self.include_auxiliary = include_auxiliary
        self.reader = MeterReader(
            self.link, profile, uri.unit_for(profile), include_auxiliary=include_auxiliary
        )
        if history is None:
            # Imported here: the history's numpy loads with the first meter, not with the app.
            from app.core.readings.history import ReadingHistory

            history = ReadingHistory()
        self.history = history
        self.readings: EventStream[MeterReading] = EventStream()
        self.latest: MeterReading | None = None
        self.polls = 0  # readings taken since the session began
        self.capture = RegisterCapture(self.unit)  # every answer of this unit (the bundle's)
        self._uncapture = self.link.replies.subscribe(self.capture.record)

    @property
    def profile(self) -> MeterProfile:
        return self.reader.profile

    @property
    def unit(self) -> int:
        return self.reader.unit

    @property
    def description(self) -> str:
        """Where the meter is, for messages: "TCP 10.0.0.5:502 unit 1"."""
        return f"{self.link.description} unit {self.unit}"

    def polls_with(self, uri: MeterURI, profile: MeterProfile) -> bool:
        """Whether this session reads the meter these settings name (else: reconnect needed).

        The profile decides the unit when the address does not name one, and a profile change
        alone needs no reconnect (see use_profile); any other difference in the address does.
        """
        return uri.unit_for(profile) == self.unit and _link_of(uri, profile) == _link_of(
            self.uri, self.profile
        )

    def use_profile(self, profile: MeterProfile) -> None:
        """Read the same unit on the same link with another profile, from the next poll on."""
        if profile != self.profile:
            self.reader = MeterReader(
                self.link, profile, self.unit, include_auxiliary=self.include_auxiliary
            )

    async def connect(self) -> None:
        """Open the link; raises LinkError with a message for the installer."""
        await self.link.connect()

    async def poll(self) -> MeterReading:
        """One full read, recorded and announced. Never raises for meter trouble."""
        reading = await self.reader.poll()
        self.record(reading)
        return reading

    def record(self, reading: MeterReading) -> None:
        """Keep a reading in the history and tell the listeners (the poll loop does this)."""
        self.latest = reading
        self.polls += 1
        self.history.append_reading(reading)
        self.readings.emit(reading)

    async def poll_loop(self, interval_s: float, count: int | None = None) -> None:
        """Poll every `interval_s` seconds, `count` times (None: until cancelled).

        The interval is measured from the start of one poll to the start of the next, so a slow
        bus does not stretch it; a poll longer than the interval is followed at once by the next.
        """
        loop = asyncio.get_running_loop()
        done = 0
        while count is None or done < count:
            started = loop.time()
            await self.poll()
            done += 1
            if count is None or done < count:
                await asyncio.sleep(max(0.0, interval_s - (loop.time() - started)))

    async def close(self) -> None:
        self._uncapture()
        await self.link.close()


def _link_of(uri: MeterURI, profile: MeterProfile) -> tuple[object, ...]:
    """What decides which link is opened: the address, the serial settings in effect and the
    pause the address sets."""
    serial = uri.resolved_serial(profile.serial)
    if uri.kind == LinkKind.TCP:
        return (uri.kind, uri.host, uri.port)
    if uri.kind == LinkKind.RTU_OVER_TCP:
        return (uri.kind, uri.host, uri.port, serial.baud, uri.pause_ms)
    return (uri.kind, uri.serial_port, serial, uri.pause_ms)
