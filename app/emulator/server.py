"""EmulatorServer: the emulator on a loopback port, served by uvicorn on a daemon thread.

with EmulatorServer() as emu:
    httpx.post(emu.base_url + "/auth/token/refresh",
               json={"refreshToken": emu.issue_refresh_token()})
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.emulator.app import create_app
from app.emulator.errors import error_body
from app.emulator.state import EmulatorState
from app.emulator.world import API_PREFIX, World, default_world, load_scenario

_START_TIMEOUT_S = 10.0


class _Server(uvicorn.Server):
    """uvicorn's server, woken at once by stop() instead of noticing within 0.1 s."""

    _loop: asyncio.AbstractEventLoop | None = None
    _wake: asyncio.Event | None = None

    async def main_loop(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        counter = 0
        # Same ticks as uvicorn's loop (they refresh the Date header), but interruptible.
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864_000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)

    def wake(self, *also: Callable[[], object]) -> None:
        """Ask the server to exit now; `also` run on its loop first (from any thread)."""
        self.should_exit = True
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed
                for callback in (*also, wake.set):
                    loop.call_soon_threadsafe(callback)


class _JsonErrorsH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, but a request it cannot parse (a request line past h11's
    size limit, a byte that is not ASCII in the target, a bad Content-Length) gets the API's
    JSON error shape instead of a text/plain 400."""

    def send_400_response(self, msg: str) -> None:
        body = json.dumps(error_body(400, "Solicitud HTTP inválida"), ensure_ascii=False).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()


class EmulatorServer:
    def __init__(
        self, world: World | str | Path | None = None, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        if isinstance(world, str | Path):
            world = load_scenario(world)
        self.world = world if world is not None else default_world()
        self.host = host
        self.app: FastAPI = create_app(self.world)
        self.state: EmulatorState = self.app.state.emulator
        self._requested_port = port
        self._port: int | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the emulator is not started")
        return self._port

    @property
    def root_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + API_PREFIX

    def issue_refresh_token(self, gateway: str = "2") -> str:
        """A fresh refresh token for a gateway of this world, as an administrator would hand out."""
        return self.state.issue_refresh_token(gateway)

    def issue_access_token(self, gateway: str = "2", lifetime_s: int | None = None) -> str:
        """An access token; a lifetime of 0 or less gives one that is already expired."""
        return self.state.issue_access_token(gateway, lifetime_s)

    def start(self) -> Self:
        """Bind, serve, and return once the server accepts connections."""
        if self._thread is not None:
            raise RuntimeError("the emulator is already started")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted connections only then;
        # without it every response waits ~40 ms for a delayed ACK.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        if self._requested_port and hasattr(socket, "SO_REUSEPORT"):
            # A stopped emulator starts again on its port (tests take it offline and back)
            # though its old connections linger in TIME_WAIT. Not on Windows: there
            # SO_REUSEADDR would let two servers share a port.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            # Bound here, handed to uvicorn: no window for another process to take the port.
            sock.bind((self.host, self._requested_port))
            sock.listen(128)
        except OSError:
            sock.close()
            raise
        self._port = sock.getsockname()[1]
        self.state.halt = asyncio.Event()
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            log_config=None,  # leave logging to the host app (a windowed exe has no stdout)
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,  # then hanging (timeout-failure) requests are cancelled
            http=_JsonErrorsH11,
        )
        server = _Server(config)
        self._server = server
        thread = threading.Thread(
            target=self._serve, args=(server, sock), name=f"emulator:{self._port}", daemon=True
        )
        self._thread = thread
        thread.start()
        deadline = time.monotonic() + _START_TIMEOUT_S
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the emulator did not start")
            time.sleep(0.002)
        return self

    @staticmethod
    def _serve(server: _Server, sock: socket.socket) -> None:
        with contextlib.closing(sock):
            server.run(sockets=[sock])

    def stop(self) -> None:
        """Stop serving; open connections are closed, hanging requests cancelled."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.wake(self.state.halt.set)
        thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
