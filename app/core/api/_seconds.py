"""UTC seconds sent by the server (clock, token claims): any JSON value in, a usable instant out.

`datetime.fromtimestamp` raises OverflowError, OSError or ValueError depending on the value and
the platform (Windows refuses negative seconds); epoch + timedelta within a fixed window behaves
the same everywhere and leaves room to add a server clock offset without leaving datetime's range.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# Defined here, not in _models: token claims need it, and _models loads only with the client.
# A timestamp this large is milliseconds: seconds reach it in the year 5138, milliseconds in 1973.
MILLISECOND_TIMESTAMPS = 100_000_000_000

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = EPOCH + timedelta(seconds=MILLISECOND_TIMESTAMPS)  # year 5138


def utc_from_seconds(value: object) -> datetime | None:
    """The instant `value` seconds after 1970, or None: not a finite number, or outside
    1970 to year 5138 (booleans, NaN and 1e300 included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not 0 <= value < MILLISECOND_TIMESTAMPS:  # NaN fails every comparison
        return None
    return EPOCH + timedelta(seconds=value)


def in_window(instant: datetime) -> datetime | None:
    """An aware instant as UTC if it is within the same window, else None."""
    try:
        utc = instant.astimezone(UTC)  # year 1 or 9999 with an offset overflows here
    except OverflowError:
        return None
    return utc if EPOCH <= utc < LATEST else None
