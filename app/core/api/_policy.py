"""How long to wait for the server and when to try again."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.api._httpx_cli import load_httpx

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. Connecting is quick or never; a 100-measure upload over 3G is slow.

    `connect` and `read` bound each wait for the network; `call` and `upload` bound a whole
    call (retries, a token refresh and every wait included), so a server that trickles a byte
    every few seconds cannot hold a call for minutes. A call is never cut shorter than `read`:
    a longer read timeout, set for a slow link, is honoured.
    """

    connect: float = 10.0
    read: float = 30.0
    call: float = 30.0
    upload: float = 120.0  # POST /measurements: up to 100 measures

    def deadline(self, *, upload: bool = False) -> float:
        return max(self.upload if upload else self.call, self.read)

    def for_httpx(self) -> httpx.Timeout:
        timeout: httpx.Timeout = load_httpx().Timeout(
            connect=self.connect, read=self.read, write=self.read, pool=self.connect
        )
        return timeout


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter, for calls that are safe to repeat.

    `attempts` counts every try, the first included. Statuses worth repeating are the ones a
    busy or restarting server gives; other answers would come back the same.
    """

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    statuses: frozenset[int] = field(default=frozenset({429, 500, 502, 503, 504}))

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `retry` (1 for the first retry)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_delay)
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        # Half fixed, half random: spreads many gateways' retries without ever waiting ~0.
        return float(ceiling / 2 + random.uniform(0, ceiling / 2))  # noqa: S311 (jitter, not crypto)
