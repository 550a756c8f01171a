from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import tzlocal

from app.core.clock.chile_time import (
    EASTER,
    PUNTA_ARENAS,
    SANTIAGO,
    format_offset,
    is_chilean_zone,
    laptop_zone,
    last_offset_change,
    next_offset_change,
)

H = timedelta(hours=1)


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def brute_force_changes(zone: str, start: datetime, hours: int) -> list[datetime]:
    """Every offset change in the window, by sampling each hour (Chile changes on the hour)."""
    tz = ZoneInfo(zone)
    found = []
    previous = start.astimezone(tz).utcoffset()
    for h in range(1, hours + 1):
        moment = start + h * H
        offset = moment.astimezone(tz).utcoffset()
        if offset != previous:
            found.append(moment)
            previous = offset
    return found


# Read from the tz database on this machine (2025b) and matching Chile's decrees since 2019: DST
# ends at Saturday→Sunday midnight of the first Sunday on or after April 2, and starts at the same
# midnight in September (2022's start moved a week for the constitutional plebiscite).
KNOWN_SANTIAGO_CHANGES = [
    (utc(2019, 4, 7, 3), -3, -4),
    (utc(2019, 9, 8, 4), -4, -3),
    (utc(2022, 4, 3, 3), -3, -4),
    (utc(2022, 9, 11, 4), -4, -3),
    (utc(2024, 4, 7, 3), -3, -4),
    (utc(2025, 9, 7, 4), -4, -3),
    (utc(2026, 4, 5, 3), -3, -4),
    (utc(2026, 9, 6, 4), -4, -3),
]


@pytest.mark.parametrize(("at", "old", "new"), KNOWN_SANTIAGO_CHANGES)
def test_next_change_in_santiago_matches_known_dates(at: datetime, old: int, new: int) -> None:
    for lead in (timedelta(seconds=1), timedelta(days=3), timedelta(days=90)):
        change = next_offset_change(SANTIAGO, at - lead)
        assert change is not None
        assert change.at_utc == at
        assert change.old_offset == old * H
        assert change.new_offset == new * H


def test_2026_in_santiago_dst_ends_in_april_and_starts_in_september() -> None:
    end = next_offset_change(SANTIAGO, utc(2026, 1, 15))
    assert end is not None
    assert end.kind == "dst_end"
    assert end.wall_clock_before == datetime(2026, 4, 5, 0, 0)  # Sunday midnight…
    assert end.at_local.replace(tzinfo=None) == datetime(2026, 4, 4, 23, 0)  # …back to Saturday
    assert end.at_local.weekday() == 5
    assert end.shift == -H
    start = next_offset_change(SANTIAGO, end.at_utc)
    assert start is not None
    assert start.kind == "dst_start"
    assert start.at_utc == utc(2026, 9, 6, 4)
    assert start.at_local.replace(tzinfo=None) == datetime(2026, 9, 6, 1, 0)
    assert start.at_local.weekday() == 6


def test_change_is_exact_to_the_second() -> None:
    change = next_offset_change(SANTIAGO, utc(2026, 3, 1))
    assert change is not None
    tz = ZoneInfo(SANTIAGO)
    before = change.at_utc - timedelta(seconds=1)
    assert before.astimezone(tz).utcoffset() == change.old_offset
    assert change.at_utc.astimezone(tz).utcoffset() == change.new_offset


@pytest.mark.parametrize("year", [2019, 2023, 2027, 2029, 2031])
def test_next_change_agrees_with_an_hourly_scan(year: int) -> None:
    start = utc(year, 1, 1)
    expected = brute_force_changes(SANTIAGO, start, 24 * 366)
    found = []
    moment = start
    while (change := next_offset_change(SANTIAGO, moment)) and change.at_utc < start + 366 * 24 * H:
        found.append(change.at_utc)
        moment = change.at_utc
    assert found == expected
    assert len(found) == 2


def test_the_rule_is_not_simply_the_first_sunday_of_april() -> None:
    # April 2029 starts on a Sunday; the tz rule (Sunday on or after the 2nd) picks the 8th.
    change = next_offset_change(SANTIAGO, utc(2029, 3, 1))
    assert change is not None
    assert datetime(2029, 4, 1).weekday() == 6
    assert change.wall_clock_before.date() == datetime(2029, 4, 8).date()


def test_easter_island_changes_at_the_same_instant_two_hours_behind() -> None:
    santiago = next_offset_change(SANTIAGO, utc(2026, 6, 1))
    easter = next_offset_change(EASTER, utc(2026, 6, 1))
    assert santiago is not None
    assert easter is not None
    assert easter.at_utc == santiago.at_utc
    assert easter.old_offset == santiago.old_offset - 2 * H
    assert easter.wall_clock_before == datetime(2026, 9, 5, 22, 0)


def test_punta_arenas_has_no_change_since_2017() -> None:
    for now in (utc(2017, 6, 1), utc(2020, 1, 1), utc(2026, 3, 1)):
        assert next_offset_change(PUNTA_ARENAS, now) is None
    assert utc(2026, 7, 1).astimezone(ZoneInfo(PUNTA_ARENAS)).utcoffset() == -3 * H
    # Its last change was August 2016's DST start; it never went back to −04:00.
    last = next_offset_change(PUNTA_ARENAS, utc(2016, 6, 1))
    assert last is not None
    assert last.at_utc == utc(2016, 8, 14, 4)
    assert next_offset_change(PUNTA_ARENAS, last.at_utc) is None


def test_last_change_searches_backwards() -> None:
    change = last_offset_change(SANTIAGO, utc(2026, 6, 1))
    assert change is not None
    assert change.at_utc == utc(2026, 4, 5, 3)
    assert change.kind == "dst_end"
    assert last_offset_change(SANTIAGO, utc(2026, 4, 5, 3)) == change  # at the change itself
    assert next_offset_change(SANTIAGO, utc(2026, 4, 5, 3)) != change  # strictly after


def test_describe_is_a_sentence_with_the_facts() -> None:
    change = next_offset_change(SANTIAGO, utc(2026, 1, 1))
    assert change is not None
    text = change.describe()
    assert "Sunday 5 April 2026 at 00:00" in text
    assert "back 1 h to Saturday 4 April 23:00" in text
    assert "UTC−03:00 → UTC−04:00" in text
    assert "daylight saving time ends" in text
    assert "2026-04-05 03:00 UTC" in text


def test_search_is_fast() -> None:
    begin = time.perf_counter()
    for _ in range(10):
        next_offset_change(SANTIAGO, utc(2026, 4, 6))  # five months to search
        next_offset_change(PUNTA_ARENAS, utc(2026, 4, 6))  # the whole horizon, finding nothing
    per_call = (time.perf_counter() - begin) / 20
    assert per_call < 0.010


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_offset_change(SANTIAGO, datetime(2026, 1, 1))


def test_format_offset_and_chilean_zones() -> None:
    assert format_offset(-4 * H) == "UTC−04:00"
    assert format_offset(timedelta(hours=5, minutes=30)) == "UTC+05:30"
    assert format_offset(timedelta(0)) == "UTC+00:00"
    assert is_chilean_zone(SANTIAGO)
    assert is_chilean_zone(PUNTA_ARENAS)
    assert is_chilean_zone("Chile/Continental")
    assert not is_chilean_zone("America/Argentina/Buenos_Aires")
    assert not is_chilean_zone(None)


@pytest.fixture
def restore_local_zone() -> Iterator[None]:
    yield
    tzlocal.reload_localzone()  # the test changed TZ; forget the zone tzlocal cached for it


@pytest.mark.skipif(sys.platform == "win32", reason="TZ drives the local zone on Unix only")
@pytest.mark.usefixtures("restore_local_zone")
@pytest.mark.parametrize(
    ("zone", "chilean", "offset"),
    [("America/Santiago", True, -4 * H), ("Europe/Madrid", False, 2 * H)],
)
def test_laptop_zone_follows_the_system_setting(
    monkeypatch: pytest.MonkeyPatch, zone: str, chilean: bool, offset: timedelta
) -> None:
    monkeypatch.setenv("TZ", zone)  # tzlocal honours TZ on Unix
    info = laptop_zone(utc(2026, 6, 1), reload=True)
    assert info.name == zone
    assert info.is_chilean is chilean
    assert info.utc_offset == offset
    assert (info.region == "continental Chile") is chilean
