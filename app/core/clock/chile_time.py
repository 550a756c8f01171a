"""Chilean time facts for the Clock page: the laptop's zone, and the next offset change in a zone.

Chile's zones in the IANA database:
- America/Santiago: continental Chile, UTC−04:00 in winter and UTC−03:00 with daylight saving
  time (DST). The changes fall on Saturday-to-Sunday midnights in early April and early September,
  but the government moves them often (2016, 2019, 2022), so they are always read from the tz
  database, never computed from a rule written here.
- America/Punta_Arenas: Magallanes, UTC−03:00 all year (no DST): it kept its 2016/17 summer
  time when the rest of Chile went back in May 2017.
- Pacific/Easter: Easter Island, Santiago's changes two hours behind (UTC−06:00 / UTC−05:00).
- America/Coyhaique: Aysén, UTC−03:00 all year since 2025 (tz database 2025b and later).

zoneinfo has no public list of transitions, so the next change is found by sampling the zone's
UTC offset a day at a time, then bisecting the day that changed down to the second: at most
about 420 offset look-ups of a few microseconds each (under a millisecond per search, measured).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import tzlocal

SANTIAGO = "America/Santiago"
PUNTA_ARENAS = "America/Punta_Arenas"
EASTER = "Pacific/Easter"
COYHAIQUE = "America/Coyhaique"

# IANA names (and their legacy aliases) that mean somewhere in Chile, with the region's name.
CHILEAN_ZONES: dict[str, str] = {
    SANTIAGO: "continental Chile",
    "Chile/Continental": "continental Chile",
    PUNTA_ARENAS: "Magallanes",
    COYHAIQUE: "Aysén",
    EASTER: "Easter Island",
    "Chile/EasterIsland": "Easter Island",
}

_DAY = 86_400
# English names spelled out: strftime's %A/%B follow the process locale, which Qt changes.
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_HORIZON_DAYS = 400  # more than a year: a zone with DST changes at least twice in that window


def format_offset(offset: timedelta) -> str:
    """'UTC−03:00' (with a real minus sign, as the GUI shows it)."""
    total = int(offset.total_seconds())
    sign = "−" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    return f"UTC{sign}{hours:02d}:{rest // 60:02d}"


def is_chilean_zone(name: str | None) -> bool:
    return name in CHILEAN_ZONES


@dataclass(frozen=True, slots=True)
class OffsetChange:
    """One change of a zone's UTC offset (a DST start or end, or a change of standard time)."""

    zone: str
    at_utc: datetime  # the first instant with the new offset
    old_offset: timedelta
    new_offset: timedelta
    dst_before: bool  # whether the old offset was daylight saving time
    dst_after: bool

    @property
    def at_local(self) -> datetime:
        """The instant in the zone's own time, on the new offset (the wall clock after the jump)."""
        return self.at_utc.astimezone(ZoneInfo(self.zone))

    @property
    def wall_clock_before(self) -> datetime:
        """What wall clocks show (naive) as they reach the change, e.g. 00:00 before going back."""
        return (self.at_utc + self.old_offset).replace(tzinfo=None)

    @property
    def shift(self) -> timedelta:
        """How far wall clocks move: +1 h when they go forward, −1 h when they go back."""
        return self.new_offset - self.old_offset

    @property
    def kind(self) -> str:
        """'dst_start', 'dst_end', or 'standard_change' (a zone changing its standard time)."""
        if self.dst_after and not self.dst_before:
            return "dst_start"
        if self.dst_before and not self.dst_after:
            return "dst_end"
        return "standard_change"

    def describe(self) -> str:
        """An English sentence for the installer; the GUI builds its Spanish one from the fields."""
        before = self.wall_clock_before
        after = self.at_local.replace(tzinfo=None)
        minutes = abs(int(self.shift.total_seconds())) // 60
        amount = f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"
        what = "forward" if self.shift > timedelta(0) else "back"
        dst = {
            "dst_start": "daylight saving time starts",
            "dst_end": "daylight saving time ends",
        }.get(self.kind, "the zone's standard time changes")
        return (
            f"In {self.zone}, on {_date(before)} {before.year} at {before:%H:%M} local time, "
            f"clocks go {what} {amount} to {_date(after)} {after:%H:%M} "
            f"({format_offset(self.old_offset)} → "
            f"{format_offset(self.new_offset)}): {dst}. The change is at "
            f"{self.at_utc:%Y-%m-%d %H:%M} UTC."
        )


def _date(moment: datetime) -> str:
    return f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]}"


def _offset_at(zone: ZoneInfo, epoch: int) -> timedelta:
    offset = datetime.fromtimestamp(epoch, zone).utcoffset()
    assert offset is not None  # a ZoneInfo always answers
    return offset


def _is_dst(zone: ZoneInfo, epoch: int) -> bool:
    return bool(datetime.fromtimestamp(epoch, zone).dst())


def next_offset_change(zone: str, now: datetime | None = None) -> OffsetChange | None:
    """The first change of `zone`'s UTC offset after `now`, or None if none within the horizon.

    Day sampling would miss a pair of changes less than a day apart that cancel each other out; no
    zone has ever done that. `now` must be aware (default: the current time).
    """
    return _find_change(zone, now, _DAY)


def last_offset_change(zone: str, now: datetime | None = None) -> OffsetChange | None:
    """The most recent change of `zone`'s UTC offset at or before `now` (same search, backwards)."""
    return _find_change(zone, now, -_DAY)


def _find_change(zone: str, now: datetime | None, step: int) -> OffsetChange | None:
    tz = ZoneInfo(zone)
    start = now if now is not None else datetime.now(UTC)
    if start.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    near = int(start.timestamp())
    old = _offset_at(tz, near)
    for _ in range(_HORIZON_DAYS):
        far = near + step
        if _offset_at(tz, far) != old:
            # Invariant: offset(near) == old, offset(far) != old; shrink to adjacent seconds.
            while abs(far - near) > 1:
                mid = (near + far) // 2
                if _offset_at(tz, mid) == old:
                    near = mid
                else:
                    far = mid
            before, after = min(near, far), max(near, far)
            return OffsetChange(
                zone,
                datetime.fromtimestamp(after, UTC),
                _offset_at(tz, before),
                _offset_at(tz, after),
                dst_before=_is_dst(tz, before),
                dst_after=_is_dst(tz, after),
            )
        near = far
    return None


@dataclass(frozen=True, slots=True)
class LaptopZone:
    """The laptop's time zone as the operating system reports it."""

    name: str | None  # IANA name, e.g. "America/Santiago"; None if it cannot be determined
    utc_offset: timedelta  # the offset now
    is_chilean: bool
    region: str | None  # "continental Chile", "Magallanes", ... for a Chilean zone


def laptop_zone(now: datetime | None = None, *, reload: bool = False) -> LaptopZone:
    """Read the laptop's zone (tzlocal maps Windows' zone names to IANA ones).

    `reload=True` re-reads the system setting, for when the installer changed it while Medido runs.
    """
    moment = now if now is not None else datetime.now(UTC)
    name: str | None
    try:
        with warnings.catch_warnings():
            # tzlocal warns and falls back to UTC when it finds no configuration; that is fine here.
            warnings.simplefilter("ignore")
            if reload:
                tzlocal.reload_localzone()
            name = tzlocal.get_localzone_name()
    except Exception:  # a broken system configuration must not break the Clock page
        name = None
    if name is not None:
        try:
            offset = moment.astimezone(ZoneInfo(name)).utcoffset()
        except Exception:  # a name zoneinfo does not know
            offset = None
    else:
        offset = None
    if offset is None:
        # The C library's view of local time; right even when the zone has no IANA name.
        offset = moment.astimezone().utcoffset() or timedelta(0)
    return LaptopZone(name, offset, is_chilean_zone(name), CHILEAN_ZONES.get(name or ""))
