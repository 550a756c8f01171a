"""The API emulator in a process of its own, for benchmarks that talk to it over loopback HTTP.

A separate process keeps the server's CPU (FastAPI parsing and checking every body) off the
measured process's GIL: a server thread would be timed as if it were the client's own work.

    with EmulatorProcess() as emu:
        emu.base_url, emu.refresh_token, emu.access_token, emu.posts("/measurements")

Child side: `python -m bench.emulator_process` prints one JSON line (base URL, tokens), then
serves until its stdin closes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from types import TracebackType
from typing import Self

import httpx

from app.emulator.world import API_PREFIX


class EmulatorProcess:
    def __init__(self) -> None:
        self._child: subprocess.Popen[str] | None = None
        self.base_url = self.refresh_token = self.access_token = ""

    def __enter__(self) -> Self:
        command = [sys.executable, "-m", "bench.emulator_process"]
        child = subprocess.Popen(  # noqa: S603 (our own module, same interpreter)
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self._child = child
        assert child.stdout is not None
        line = child.stdout.readline()
        if not line:
            self.__exit__(None, None, None)
            raise RuntimeError("the emulator process did not start")
        started = json.loads(line)
        self.base_url = started["base_url"]
        self.refresh_token = started["refresh_token"]
        self.access_token = started["access_token"]
        return self

    def posts(self, path: str) -> int:
        """How many POSTs to `path` (under the API prefix) the emulator has answered."""
        root = self.base_url.removesuffix(API_PREFIX)
        stats = httpx.get(f"{root}/_emulator/stats", trust_env=False).json()
        return int(stats["requests"].get(f"POST {API_PREFIX}{path}", 0))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        assert child.stdin is not None
        assert child.stdout is not None
        child.stdin.close()  # the child's signal to stop
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        child.stdout.close()


def serve() -> None:
    from app.emulator.server import EmulatorServer

    with EmulatorServer() as emu:
        started = {
            "base_url": emu.base_url,
            "refresh_token": emu.issue_refresh_token(),
            "access_token": emu.issue_access_token(),
        }
        print(json.dumps(started), flush=True)
        sys.stdin.read()  # until the parent closes it (or dies)


if __name__ == "__main__":
    serve()
