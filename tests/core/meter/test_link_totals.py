"""Totals of link statistics over polls (app/core/meter/links/totals.py)."""

from __future__ import annotations

from app.core.meter.links import LinkStats
from app.core.meter.links.totals import add_poll


def _poll(*rtts: float, timeouts: int = 0, exception: int | None = None) -> LinkStats:
    stats = LinkStats(requests=len(rtts) + timeouts, attempts=len(rtts) + 2 * timeouts)
    stats.retries = timeouts
    stats.timeouts = timeouts
    for rtt in rtts:
        stats.record_reply(rtt, bytes_out=8, bytes_in=20)
    if timeouts:
        stats.errors_by_kind["timeout"] += timeouts
    if exception is not None:
        stats.record_exception(exception)
    return stats


def test_totals_add_counters_and_keep_the_extremes() -> None:
    total = LinkStats()
    add_poll(total, _poll(4.0, 6.0))
    add_poll(total, _poll(2.0, timeouts=1, exception=2))
    add_poll(total, _poll(9.0))
    assert (total.requests, total.attempts, total.retries, total.timeouts) == (5, 6, 1, 1)
    assert total.replies == 4
    assert (total.rtt_min_ms, total.rtt_max_ms) == (2.0, 9.0)
    assert total.rtt_avg_ms == 21.0 / 4
    assert total.errors == 2  # the timeout and the exception reply
    assert total.exceptions[2] == 1
    assert (total.bytes_out, total.bytes_in) == (32, 80)


def test_a_poll_without_replies_leaves_the_round_trips_alone() -> None:
    total = LinkStats()
    add_poll(total, _poll(timeouts=2))
    assert (total.rtt_min_ms, total.rtt_max_ms, total.rtt_avg_ms) == (None, None, None)
    add_poll(total, _poll(3.0))
    add_poll(total, _poll(timeouts=1))
    assert (total.rtt_min_ms, total.rtt_max_ms) == (3.0, 3.0)
