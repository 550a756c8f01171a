"""A limit on request bodies, enforced before a route parses them, answered with a JSON 413.

MAX_BODY_BYTES is 1 MiB. The largest legal POST /measurements (100 measures of all 30 sensors,
spread over two meters, long decimals) is about 520 KB pretty-printed with four-space indents
and ASCII escapes, 390 KB with two (tests/emulator/test_body_limit.py builds it), so the
limit leaves twice that, and refuses a 10 MB body at the door.

Pure ASGI rather than BaseHTTPMiddleware, so it sees the raw `receive`: a declared
Content-Length over the limit is refused before any byte is read, and a body sent without one
(chunked) is counted as it arrives and refused as soon as it passes the limit. The overflow is
raised from `receive`, but what the app makes of it cannot be relied on: the network
middleware (a BaseHTTPMiddleware) hands routes a `receive` that runs in an anyio task group,
which wraps the exception in an ExceptionGroup, and FastAPI then answers 400 ("error parsing
the body") or the catch-all 500 (both seen with a chunked 10 MB body).
So once the limit is passed, whatever response the app starts is replaced by the JSON 413,
and if the exception escapes instead, this middleware answers the 413 itself.
"""

from __future__ import annotations

import sys

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.emulator.errors import error_response

MAX_BODY_BYTES = 1 << 20


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"El cuerpo supera el máximo de {limit} bytes por solicitud")


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        overflowed = False  # the body passed the limit: the answer is 413, whatever the app says
        started = False  # a response start went out (the app's, or our 413 in its place)
        replaced = False

        async def counting_receive() -> Message:
            nonlocal received, overflowed
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    overflowed = True
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started, replaced
            if replaced:
                return  # the rest of the app's own answer to the overflow
            if overflowed and not started:
                replaced = started = True
                await self._refuse(scope, receive, send)
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not overflowed:
                raise
            if replaced:
                return  # the error the overflow caused (our 413 has gone out): nothing to log
            if started:
                raise  # the app had started its answer before the body overflowed
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, BodyTooLarge(self.max_bytes).detail)
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    """The declared length; None when absent or unreadable (the body is counted instead)."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            if not (text.isascii() and text.isdigit()):
                return None
            return int(text) if len(text) <= 18 else sys.maxsize  # no int() of 5,000 digits
    return None
