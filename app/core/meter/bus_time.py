"""The bus-time model: what one read request costs on a link, in seconds.

The planner uses it to decide whether reading through a gap of unused registers is cheaper than
sending another request. On RS-485 every request pays fixed overhead (two frame headers, the
silence Modbus RTU requires after each frame, the time the meter takes to answer, the link's
pause before the next request) and every register costs two bytes at the line's baud rate. Over
TCP the round trip dominates.

`default_pause_s` is the one rule for that pause, per link kind (the links use it): Modbus RTU's
3.5-character silence plus the device's turnaround on RS-485, the turnaround alone through an
RTU-over-TCP gateway, nothing over Modbus TCP.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Frame sizes of a register read, in bytes (without the register data).
RTU_REQUEST_BYTES = 8  # unit, function, start (2), count (2), CRC (2)
RTU_RESPONSE_BYTES = 5  # unit, function, byte count, CRC (2)
MBAP_BYTES = 7  # the TCP header replaces unit + CRC
TCP_REQUEST_BYTES = MBAP_BYTES + 5
TCP_RESPONSE_BYTES = MBAP_BYTES + 2
FAST_SILENCE_S = 0.00175  # Modbus fixes t3.5 at 1.75 ms above 19200 baud
MODBUS_CHAR_BITS = 11  # Modbus over Serial Line 1.02: start, 8 data, parity (or stop), stop
ETHERNET_BYTE_S = 8 / 10_000_000  # 10 Mbit/s: negligible, but keeps fewer registers preferred


class Parity(StrEnum):
    """Serial parity (here, not in profile: the GUI needs this module before its first window,
    and profile is a big one)."""

    NONE = "N"
    EVEN = "E"
    ODD = "O"


class LinkKind(StrEnum):
    TCP = "tcp"
    RTU = "rtu"
    RTU_OVER_TCP = "rtutcp"


def bits_per_char(parity: Parity | str, stop_bits: int, data_bits: int = 8) -> int:
    """Bits on the wire per byte: start + data + parity + stop (11 for 8E1, 8O1 or 8N2)."""
    has_parity = Parity(parity) != Parity.NONE
    return 1 + data_bits + (1 if has_parity else 0) + stop_bits


def rtu_frame_gap_s(baud: int) -> float:
    """Modbus RTU's inter-frame silence, t3.5: 3.5 characters of 11 bits, 1.75 ms above 19200."""
    return FAST_SILENCE_S if baud > 19200 else 3.5 * MODBUS_CHAR_BITS / baud


def default_pause_s(kind: LinkKind, baud: int, turnaround_s: float) -> float:
    """The silence a link keeps before each request, counted from the end of the previous reply,
    when the user has not set one. `turnaround_s` is the device's (its profile's), beyond t3.5.

    A Modbus TCP device has no RS-485 bus to turn around, and a Modbus TCP gateway paces its own
    serial side. A transparent RTU-over-TCP gateway drives the serial line itself and forwards a
    reply once the line has gone quiet, so t3.5 has passed by the time the reply arrives; the
    device behind it still needs its turnaround.
    """
    if kind == LinkKind.TCP:
        return 0.0
    if kind == LinkKind.RTU_OVER_TCP:
        return turnaround_s
    return rtu_frame_gap_s(baud) + turnaround_s


@dataclass(frozen=True, slots=True)
class BusTiming:
    """The cost model of one link. All times in seconds."""

    kind: LinkKind
    baud: int = 9600  # serial side (RTU, or the gateway's line for RTU over TCP)
    char_bits: int = 10
    response_s: float = 0.010  # how long the meter takes to start answering
    round_trip_s: float = 0.0  # network round trip (TCP and RTU over TCP)
    pause_s: float = 0.0  # the link's silence before each request (see default_pause_s)

    @classmethod
    def rtu(
        cls,
        baud: int,
        parity: Parity | str = Parity.NONE,
        stop_bits: int = 1,
        *,
        response_s: float = 0.010,
        pause_s: float = 0.0,
    ) -> BusTiming:
        return cls(
            LinkKind.RTU,
            baud=baud,
            char_bits=bits_per_char(parity, stop_bits),
            response_s=response_s,
            pause_s=pause_s,
        )

    @classmethod
    def tcp(cls, round_trip_s: float = 0.005, *, pause_s: float = 0.0) -> BusTiming:
        return cls(LinkKind.TCP, response_s=0.0, round_trip_s=round_trip_s, pause_s=pause_s)

    @classmethod
    def rtu_over_tcp(
        cls, baud: int = 9600, round_trip_s: float = 0.005, *, pause_s: float = 0.0
    ) -> BusTiming:
        return cls(LinkKind.RTU_OVER_TCP, baud=baud, round_trip_s=round_trip_s, pause_s=pause_s)

    @property
    def char_s(self) -> float:
        """Time of one byte on the serial line."""
        return self.char_bits / self.baud

    @property
    def silence_s(self) -> float:
        """The 3.5-character silence that ends an RTU frame."""
        return FAST_SILENCE_S if self.baud > 19200 else 3.5 * self.char_s

    @property
    def register_s(self) -> float:
        """What one more register in a reply costs."""
        return 2 * (ETHERNET_BYTE_S if self.kind == LinkKind.TCP else self.char_s)

    @property
    def overhead_s(self) -> float:
        """What a read costs before any register data: frames, silences, latency, pause."""
        if self.kind == LinkKind.TCP:
            frame_bytes = TCP_REQUEST_BYTES + TCP_RESPONSE_BYTES
            return self.round_trip_s + frame_bytes * ETHERNET_BYTE_S + self.pause_s
        frames = (RTU_REQUEST_BYTES + RTU_RESPONSE_BYTES) * self.char_s
        # The silence after the reply is the link's pause when that is longer: the pause is
        # counted from the end of the reply, so the two overlap.
        silences = self.silence_s + max(self.silence_s, self.pause_s)
        return self.round_trip_s + frames + silences + self.response_s

    def request_s(self, count: int) -> float:
        """Modelled time of one read of `count` registers."""
        return self.overhead_s + count * self.register_s

    def describe(self) -> str:
        if self.kind == LinkKind.TCP:
            return f"Modbus TCP, {self.round_trip_s * 1000:g} ms round trip"
        line = f"{self.baud} baud, {self.char_bits} bits per byte"
        if self.kind == LinkKind.RTU_OVER_TCP:
            return f"RTU over TCP ({line} behind the gateway)"
        return f"Modbus RTU, {line}"
