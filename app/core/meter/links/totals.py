"""Running totals over many polls: each poll's LinkStats added into one (the Meter page's Link box).

A reading carries its own poll's counters, so whoever shows totals adds them up on its own
thread and never reads the link's live counters across threads.
"""

from __future__ import annotations

from app.core.meter.links.stats import LinkStats


def add_poll(total: LinkStats, poll: LinkStats) -> None:
    """Add one poll's counters to `total`; round trips keep the extremes of both."""
    total.requests += poll.requests
    total.attempts += poll.attempts
    total.retries += poll.retries
    total.timeouts += poll.timeouts
    total.errors_by_kind.update(poll.errors_by_kind)
    total.exceptions.update(poll.exceptions)
    total.replies += poll.replies
    total.rtt_total_ms += poll.rtt_total_ms
    total.bytes_out += poll.bytes_out
    total.bytes_in += poll.bytes_in
    low, high = poll.rtt_min_ms, poll.rtt_max_ms
    if low is not None:
        total.rtt_min_ms = low if total.rtt_min_ms is None else min(total.rtt_min_ms, low)
    if high is not None:
        total.rtt_max_ms = high if total.rtt_max_ms is None else max(total.rtt_max_ms, high)
