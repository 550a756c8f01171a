"""A loopback HTTP server that answers with whatever bytes a test chooses, as slowly as it likes.

For answers no honest server gives and the emulator cannot produce: JSON cut short, a byte
every few seconds, NaN for a time, a login answer without an access token.

    async with RawServer({"GET /server-time": Answer(body=b'{"timestamp": NaN}')}) as server:
        client = make_client(server.base_url)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import jwt

PREFIX = "/api/v1"
_KEY = "k" * 32


@dataclass(frozen=True, slots=True)
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    length: int | None = None  # Content-Length to declare; None: the body's own length
    close_delimited: bool = False  # no Content-Length: the body ends when the connection closes
    delay: float = 0.0  # seconds before the first byte of the answer
    trickle: float | None = None  # seconds between the body's bytes

    @classmethod
    def json(cls, value: Any, status: int = 200) -> Answer:
        return cls(status=status, body=json.dumps(value).encode())

    def head(self) -> bytes:
        lines = [f"HTTP/1.1 {self.status} Whatever", f"Content-Type: {self.content_type}"]
        if not self.close_delimited:
            lines.append(
                f"Content-Length: {self.length if self.length is not None else len(self.body)}"
            )
        lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode()


NOT_FOUND = Answer.json({"statusCode": 404, "message": "no route"}, status=404)


def token(lifetime_s: int, **claims: Any) -> str:
    """An HS256 token like ChileMedido's (provider "1", gateway "2"); the client never checks
    signatures, so the key does not matter."""
    now = int(time.time())
    payload = {"jti": str(uuid.uuid4()), "iat": now, "exp": now + lifetime_s, "aud": "1"}
    payload |= {"sub": "2", "iss": "Provider Auth Server", **claims}
    return jwt.encode(payload, _KEY, algorithm="HS256")


def access_token(**claims: Any) -> str:
    return token(3 * 3600, **claims)


def refresh_token(**claims: Any) -> str:
    return token(60 * 86400, **claims)


class RawServer:
    """Answers "METHOD /path" (relative to /api/v1) from `routes`, which a test may change."""

    def __init__(self, routes: dict[str, Answer] | None = None) -> None:
        self.routes: dict[str, Answer] = dict(routes or {})
        self.requests: list[str] = []
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}{PREFIX}"

    def count(self, endpoint: str) -> int:
        return self.requests.count(endpoint)

    async def __aenter__(self) -> Self:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.close()
        for handler in list(self._handlers):
            handler.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            method, target = head.split(" ", 2)[:2]
            length = 0
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            endpoint = f"{method} {target.removeprefix(PREFIX)}"
            self.requests.append(endpoint)
            await self._answer(self.routes.get(endpoint, NOT_FOUND), writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client gave up: that is what some tests want
        finally:
            self._handlers.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    @staticmethod
    async def _answer(answer: Answer, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(answer.delay)
        writer.write(answer.head())
        if answer.trickle is None:
            writer.write(answer.body)
            await writer.drain()
            return
        for i in range(len(answer.body)):
            writer.write(answer.body[i : i + 1])
            await writer.drain()
            await asyncio.sleep(answer.trickle)
