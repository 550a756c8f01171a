"""One HTTP exchange with retries: network failures become installer-sized errors.

What may be repeated is decided per call (`idempotent`). A request that certainly never left
(the connection was not made) is always safe to repeat; one that may have reached the server
is repeated only when doing it twice is harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.core.api._answers import Reply, read_body
from app.core.api._errors import (
    ApiError,
    ApiTimeout,
    ConnectionRefused,
    DnsError,
    OfflineError,
    TlsError,
    UnexpectedAnswer,
)
from app.core.api._httpx_cli import load_httpx
from app.core.api._policy import RetryPolicy
from app.core.traffic import Channel, Direction, TrafficLog

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

_DETAIL_MAX = 4000
_CHECK = "Check the laptop's internet connection (Wi-Fi, cable or mobile data) and try again."
SECRET_BODY = "(not shown: it holds tokens)"  # noqa: S105 (a placeholder)


class Transport:
    def __init__(
        self, http: httpx.AsyncClient, host: str, retry: RetryPolicy, traffic: TrafficLog | None
    ) -> None:
        self._http = http
        self._host = host
        self._retry = retry
        self._traffic = traffic

    async def send(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        content: bytes | None = None,
        bearer: str | None = None,
        idempotent: bool,
        secret_body: bool = False,
    ) -> Reply:
        """Send until an answer comes back or retrying stops; raises OfflineError/TlsError.
        `content`: a JSON body already encoded (instead of `body`), sent as it is."""
        headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
        if body is not None:
            content = json.dumps(body, ensure_ascii=False).encode()
        if content is not None:
            headers["Content-Type"] = "application/json"
        shown = SECRET_BODY if secret_body else (content or b"").decode()[:_DETAIL_MAX]
        # Here, not at the top: importing this module must not load httpx (see _httpx_cli).
        httpx = load_httpx()
        # Not sent at all, so repeating cannot do anything twice.
        not_sent = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
        for attempt in range(1, self._retry.attempts + 1):
            self._record(Direction.OUT, f"{method} {path}", shown)
            sent_at = datetime.now(UTC)
            start = time.perf_counter()
            try:
                response = await self._http.request(method, path, content=content, headers=headers)
                text = response.text
            except httpx.HTTPError as exc:
                error = self._network_error(exc)
                repeatable = isinstance(exc, not_sent) or (
                    idempotent and isinstance(exc, httpx.TransportError)
                )
                if isinstance(error, TlsError) or not repeatable or attempt == self._retry.attempts:
                    self._record(Direction.NOTE, f"{method} {path}: {error.message}")
                    raise error from exc
                await self._pause(method, path, attempt, error.message, None)
                continue
            elapsed = time.perf_counter() - start
            reply = _reply(method, path, response, text, sent_at, elapsed)
            ms = round(elapsed * 1000)
            log.debug("%s %s -> %s (%d ms)", method, path, response.status_code, ms)
            detail = SECRET_BODY if secret_body and reply.status < 300 else text[:_DETAIL_MAX]
            self._record(Direction.IN, f"{method} {path} → {reply.status} ({ms} ms)", detail)
            again = reply.status in self._retry.statuses or reply.broken
            if idempotent and again and attempt < self._retry.attempts:
                why = "answer cut short" if reply.broken else f"HTTP {reply.status}"
                await self._pause(method, path, attempt, why, response)
                continue
            return reply
        raise AssertionError("unreachable: the last attempt returns or raises")

    @contextlib.asynccontextmanager
    async def deadline(self, seconds: float, method: str, path: str) -> AsyncIterator[None]:
        """Give up on what runs inside after `seconds` in all (retries and waits included),
        however the bytes trickle in: httpx's timeouts only bound each wait for the next one."""
        scope = asyncio.timeout(seconds)
        try:
            async with scope:
                yield
        except TimeoutError as exc:
            if not scope.expired():
                raise
            error = ApiTimeout(
                f"{self._host} was too slow: no whole answer within {seconds:g} s. The "
                "connection may be very slow, or a proxy is holding the answer back. "
                f"{_CHECK}",
                host=self._host,
                phase="deadline",
                seconds=f"{seconds:g}",
            )
            self._record(Direction.NOTE, f"{method} {path}: {error.message}")
            raise error from exc

    async def _pause(
        self, method: str, path: str, attempt: int, why: str, response: httpx.Response | None
    ) -> None:
        delay = self._retry.delay(attempt, _retry_after(response))
        self._record(Direction.NOTE, f"{method} {path}: {why}; trying again in {delay:.1f} s")
        await asyncio.sleep(delay)

    def _record(self, direction: Direction, summary: str, detail: str = "") -> None:
        if self._traffic is not None:
            self._traffic.record(Channel.HTTP, direction, summary, detail, host=self._host)

    def _network_error(self, exc: httpx.HTTPError) -> ApiError:
        httpx = load_httpx()
        host = self._host
        check = _CHECK
        if isinstance(exc, httpx.TimeoutException):
            phase = (
                "connect" if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout) else "answer"
            )
            return ApiTimeout(
                f"{host} did not {phase} in time. The connection may be slow or down. {check}",
                host=host,
                phase=phase,
            )
        if isinstance(exc, httpx.ConnectError):
            return _connect_error(exc, host, check)
        if isinstance(exc, httpx.TransportError):
            return OfflineError(
                f"The connection to {host} broke off before ChileMedido answered. {check}",
                host=host,
            )
        return UnexpectedAnswer(
            f"The request to {host} failed ({type(exc).__name__}). Try again; if it persists, "
            "send the traffic log to support.",
            host=host,
        )


def _connect_error(exc: BaseException, host: str, check: str) -> ApiError:
    import ssl  # loaded by then: the client's TLS context made it (_tls.py)

    cause = _root_cause(exc)
    if isinstance(cause, ssl.SSLCertVerificationError):
        return TlsError(
            f"The certificate of {host} could not be verified ({cause.verify_message}). A proxy "
            "or firewall that inspects HTTPS (common in offices and with some mobile carriers) "
            "may be in the way: ask IT for its CA certificate and choose it as the CA certificate "
            "file in the connection settings. Do not continue on a network you do not trust.",
            host=host,
            reason=cause.verify_message,
        )
    if isinstance(cause, ssl.SSLError):
        return TlsError(
            f"A secure connection to {host} could not be set up ({cause.reason}). A proxy or "
            "firewall may be interfering; try another network or ask IT.",
            host=host,
            reason=cause.reason,
        )
    if isinstance(cause, socket.gaierror):
        return DnsError(f"The name {host} cannot be looked up (DNS). {check}", host=host)
    if isinstance(cause, ConnectionRefusedError):
        return ConnectionRefused(
            f"{host} refused the connection: nothing answers at that address. Check the API "
            "address in the connection settings (for the emulator: is it running?).",
            host=host,
        )
    return OfflineError(f"Cannot connect to {host}. {check}", host=host)


def _root_cause(exc: BaseException) -> BaseException:
    """The deepest cause: httpx wraps httpcore, which wraps the OSError or ssl error."""
    seen: set[int] = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, BaseExceptionGroup) and exc.exceptions:
            exc = exc.exceptions[0]
            continue
        nxt = exc.__cause__ or exc.__context__
        if nxt is None:
            break
        exc = nxt
    return exc


def _retry_after(response: httpx.Response | None) -> float | None:
    value = response.headers.get("Retry-After") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None  # an HTTP date: rare, and our own backoff is fine


def _reply(
    method: str, path: str, response: httpx.Response, text: str, sent_at: datetime, elapsed: float
) -> Reply:
    body, is_json, broken = read_body(text, response.headers.get("Content-Type", ""))
    return Reply(
        method=method,
        path=path,
        status=response.status_code,
        body=body,
        text=text,
        is_json=is_json,
        location=response.headers.get("Location"),
        sent_at=sent_at,
        received_at=sent_at + timedelta(seconds=elapsed),
        broken=broken,
    )
