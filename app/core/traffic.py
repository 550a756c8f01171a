"""The traffic log: what went over HTTP and Modbus, for the app's dock and support bundles.

Everything is redacted on the way in, so no token (whole or in part) is ever stored here.
"""

from __future__ import annotations

import json
import re
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from app.core.events import EventStream

# A JWT: three base64url segments; the header of every JWT starts with "eyJ" ('{"').
_JWT = re.compile(r"eyJ[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*(\.[A-Za-z0-9_\-]*)?")
# Anything after "Bearer", and token fields in JSON bodies, whatever they hold.
_BEARER = re.compile(r"(?i)(bearer\s+)\S+")
_TOKEN_FIELD = re.compile(r'(?i)("(?:access|refresh)_?token"\s*:\s*)"[^"]*"')
# An Authorization header of any scheme ("Basic …", a bare token), up to the end of its line.
_AUTH_HEADER = re.compile(r"(?im)(\bauthorization[ \t]*[:=][ \t]*+)(?!bearer\s)[^\r\n]+")

REDACTED = "[redactado]"
# Each pattern needs one of these words (any case; "eyJ" exactly, so "eyj" in the lower-cased
# text). Text without any of them has nothing to redact: a day of measurements (15 bodies of
# 200 kB) is checked in 1 ms instead of 120 ms of regular expressions.
_KEYWORDS = ("eyj", "bearer", "token", "authorization")
# What IGNORECASE matches to i or k but str.lower() does not turn into it: İ, ı, the Kelvin sign.
_ODD_CASES = ("\u0130", "\u0131", "\u212a")


def _may_hold_secret(text: str) -> bool:
    lowered = text.lower()
    return any(k in lowered for k in _KEYWORDS) or any(c in text for c in _ODD_CASES)


def redact(text: str) -> str:
    """Remove tokens from text meant for a log, a report, an exception or the screen."""
    if not _may_hold_secret(text):
        return text
    text = _TOKEN_FIELD.sub(rf'\1"{REDACTED}"', text)
    text = _BEARER.sub(rf"\1{REDACTED}", text)
    text = _AUTH_HEADER.sub(rf"\1{REDACTED}", text)
    return _JWT.sub(REDACTED, text)


class Channel(StrEnum):
    HTTP = "http"
    MODBUS = "modbus"


class Direction(StrEnum):
    OUT = "out"  # request
    IN = "in"  # response
    NOTE = "note"  # something that is neither (a timeout, a reconnect)


@dataclass(frozen=True, slots=True)
class TrafficEntry:
    channel: Channel
    direction: Direction
    summary: str  # one line: "GET /devices/number/29 → 200 (42 ms)"
    detail: str = ""  # body or hex frame, already redacted
    at: float = field(default_factory=time.time)  # epoch seconds
    host: str = ""  # "api.chilemedido.cl", "tcp://10.0.0.5:502", "/dev/ttyUSB0 (9600 8N1)"

    def to_json(self) -> str:
        """One line of the traffic file (app.core.logs). Each text is redacted again here, before
        it is quoted: redacting the finished line could cut through its JSON quoting. Non-ASCII
        is escaped so that a U+2028 from a server never splits the line for a reader."""
        moment = datetime.fromtimestamp(self.at, UTC).isoformat(timespec="milliseconds")
        return json.dumps(
            {
                "time": moment.replace("+00:00", "Z"),
                "channel": self.channel.value,
                "direction": self.direction.value,
                "host": redact(self.host),
                "summary": redact(self.summary),
                "detail": redact(self.detail),
            },
        )


class TrafficLog:
    """A bounded, redacting record of traffic; new entries are also emitted as events."""

    def __init__(self, capacity: int = 5000) -> None:
        self._entries: deque[TrafficEntry] = deque(maxlen=capacity)
        self.added: EventStream[TrafficEntry] = EventStream()

    def record(
        self, channel: Channel, direction: Direction, summary: str, detail: str = "", host: str = ""
    ) -> TrafficEntry:
        entry = TrafficEntry(channel, direction, redact(summary), redact(detail), host=redact(host))
        self._entries.append(entry)
        self.added.emit(entry)
        return entry

    def entries(self) -> list[TrafficEntry]:
        return list(self._entries)

    def clear(self) -> None:
        self._entries.clear()
