"""Smoke tests of a built Medido folder: does the frozen app start, find its data, serve, read?

Each check runs the built executables as a user would, with throw-away config and data folders
(so a build machine's own settings and keyring are never touched) and Qt's offscreen platform.

    python packaging/smoke.py dist/Medido        # build.py runs these after building
"""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# The seed document's refresh token (expired 2020-05-10): public, opens nothing.
SEED_REFRESH = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJkNzc2NzMxNS0wZDVmLTQ2ZGItYmJiZC02ZThmZDNmMmVk"
    "NGUiLCJpYXQiOjE1ODM5Mzc3MDUsImV4cCI6MTU4OTEyMTcwNSwiYXVkIjoiMSIsImlzcyI6IlByb3ZpZGVyIEF1dGgg"
    "U2VydmVyIiwic3ViIjoiMiJ9.VC4l8KNDpV-dPApgLVizkEGXHlfL_tSWFQHuR2f_sV9cy6b2-GcpUUopf3iyQ-hQZGgb"
    "_U4BdXVtYPEmuITgJPGnevnocQlW9gvuvHjD-bQahXfH_CqC6BdOzmKPPWBsHGn7G2G8AZCuh6Fco-GHVnZnAv_VXqWi9"
    "W86QKDr_rI"
)
MIN_PROFILES = 12
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


class SmokeFailure(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    ok: bool
    detail: str
    seconds: float


class Smoke:
    def __init__(self, gui: Path, cli: Path, scratch: Path) -> None:
        self.gui = gui
        self.cli = cli
        self.scratch = scratch
        self.env = {
            **os.environ,
            "MEDIDO_CONFIG_DIR": str(scratch / "config"),
            "MEDIDO_DATA_DIR": str(scratch / "data"),
            "MEDIDO_LOG_DIR": str(scratch / "logs"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONIOENCODING": "utf-8",
        }

    def run(self, *args: str, stdin: str | None = None, timeout: float = 60) -> tuple[int, str]:
        done = subprocess.run(  # noqa: S603 (our own executable)
            [str(self.cli), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            timeout=timeout,
        )
        return done.returncode, done.stdout + done.stderr

    # --- the checks: each returns what it saw, or raises SmokeFailure ---

    def cli_help(self) -> str:
        code, out = self.run("--help")
        expect(code == 0 and "token" in out and "meter-sim" in out, f"exit {code}: {out[-300:]}")
        return "lists the subcommands"

    def expired_token(self) -> str:
        code, out = self.run(
            "token", "inspect", "-", "--tz", "America/Santiago", stdin=SEED_REFRESH
        )
        expect(code == 1 and "expired" in out.lower(), f"exit {code}: {out[-300:]}")
        expect(SEED_REFRESH.split(".")[2][:12] not in out, "the token's signature was printed")
        return "exit 1, 'expired' (tz America/Santiago)"

    def profiles(self) -> str:
        code, out = self.run("profiles", "--json")
        expect(code == 0, f"exit {code}: {out[-300:]}")
        listed = json.loads(out)
        expect(len(listed) >= MIN_PROFILES, f"{len(listed)} profiles, expected {MIN_PROFILES}+")
        return f"{len(listed)} profiles"

    def meter_read(self) -> str:
        port = free_port()
        sim = ("meter-sim", "--profile", "eastron-sdm630", "--tcp", f"127.0.0.1:{port}", "--quiet")
        with self.serving(*sim) as _lines:
            uri = f"tcp://127.0.0.1:{port}?unit=1"
            code, out = self.run("read", "--meter", uri, "--profile", "eastron-sdm630", "--json")
        expect(code == 0, f"read exit {code}: {out[-300:]}")
        reading = json.loads(out.splitlines()[0])
        expect(not reading["error"] and reading["values"], f"read nothing: {out[:300]}")
        return f"{len(reading['values'])} values from a simulated SDM630 over Modbus TCP"

    def emulator(self) -> str:
        tokens = self.scratch / "tokens.json"
        with self.serving("emulator", "--port", "0", "--tokens-out", str(tokens)) as lines:
            base = next(line.split(": ", 1)[1] for line in lines if "API base URL:" in line)
            refresh = json.loads(tokens.read_text(encoding="utf-8"))[0]["refreshToken"]
            body = json.dumps({"refreshToken": refresh}).encode()
            request = urllib.request.Request(  # noqa: S310 (http on loopback)
                f"{base}/auth/token/refresh", body, {"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                status, reply = response.status, json.loads(response.read())
        expect(status == 200 and "accessToken" in reply, f"refresh answered {status}")
        return "uvicorn + FastAPI served a token refresh"

    def check_demo(self) -> str:
        """`check --demo --json` with its output redirected to a file, under a Windows code page
        (what a double-click's redirect or a script meets): the JSON must be whole and pass."""
        out_file = self.scratch / "check.json"
        env = {**self.env, "PYTHONIOENCODING": "cp1252"}
        with out_file.open("wb") as out:
            done = subprocess.run(  # noqa: S603 (our own executable)
                [str(self.cli), "check", "--demo", "--json"],
                stdout=out,
                stderr=subprocess.PIPE,
                env=env,
                timeout=120,
                check=False,
            )
        text = out_file.read_bytes().decode("cp1252", "replace")
        expect(done.returncode == 0, f"exit {done.returncode}: {done.stderr[-300:]!r}")
        body = json.loads(text)
        expect(body.get("passed") is True, "the demo check did not pass")
        expect(len(body.get("steps", [])) == 8, f"{len(body.get('steps', []))} steps, expected 8")
        return "passed, 8 steps, JSON whole in a cp1252 redirect"

    def gui_demo(self) -> str:
        # LANGUAGE=es: Spanish on Linux, so a missing translation file shows (Windows ignores it).
        env = {**self.env, "MEDIDO_QUIT_AFTER_MS": "3000", "LANGUAGE": "es"}
        done = subprocess.run(  # noqa: S603
            [str(self.gui), "--demo"], capture_output=True, env=env, timeout=90
        )
        errors = (done.stderr or b"").decode("utf-8", "replace")
        expect(done.returncode == 0, f"exit {done.returncode}: {errors[-600:]}")
        for sign in ("Traceback", "no translation file"):
            expect(sign not in errors, f"exit 0, but stderr says: {errors[-600:]}")
        return "opened the demo in Spanish, closed itself after 3 s, exit 0, no traceback"

    @contextmanager
    def serving(self, *args: str) -> Iterator[list[str]]:
        """Start a server subcommand, wait for its ready line, stop it at the end."""
        proc = subprocess.Popen(  # noqa: S603
            [str(self.cli), *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", env=self.env,
        )  # fmt: skip
        lines = wait_for_line(proc, "Press Ctrl-C", timeout=30)
        try:
            yield lines
        finally:
            stop(proc)


def expect(condition: bool, detail: str) -> None:
    if not condition:
        raise SmokeFailure(detail)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_line(proc: subprocess.Popen[str], marker: str, timeout: float) -> list[str]:
    """The process' output lines up to the one containing `marker` (a thread reads the pipe)."""
    lines: queue.Queue[str | None] = queue.Queue()
    assert proc.stdout is not None
    stream = proc.stdout

    def pump() -> None:
        for line in stream:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            raise SmokeFailure(f"exited {proc.wait()} before {marker!r}: {seen[-5:]}")
        seen.append(line)
        if marker in line:
            return seen
    stop(proc)
    raise SmokeFailure(f"no {marker!r} within {timeout:.0f} s: {seen[-5:]}")


def stop(proc: subprocess.Popen[str]) -> None:
    """Ctrl-C where there is one (a clean stop), terminate on Windows."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT) if sys.platform != "win32" else proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def executables(target: Path) -> tuple[Path, Path | None]:
    """(GUI, CLI) of a build. A Windows folder holds both (Medido.exe, medido-cli.exe); a Linux
    folder one `Medido` that is both. A one-file build is windowed on Windows, so it has no
    console for the CLI checks there (elsewhere it is both)."""
    if target.is_dir():
        gui = target / f"Medido{EXE_SUFFIX}"
        return gui, (target / f"medido-cli{EXE_SUFFIX}" if sys.platform == "win32" else gui)
    return target, (None if sys.platform == "win32" else target)


def run_all(target: Path) -> list[Result]:
    gui, cli = executables(target)
    with tempfile.TemporaryDirectory(prefix="medido-smoke-") as scratch:
        smoke = Smoke(gui, cli or gui, Path(scratch))
        checks: list[tuple[str, Callable[[], str]]] = []
        if cli is not None:
            exe = cli.stem  # medido-cli on Windows, Medido on Linux
            checks += [
                (f"{exe} --help", smoke.cli_help),
                (f"{exe} token inspect - (seed token)", smoke.expired_token),
                (f"{exe} profiles --json", smoke.profiles),
                (f"{exe} meter-sim + read", smoke.meter_read),
                (f"{exe} emulator + token refresh", smoke.emulator),
                (f"{exe} check --demo --json > file", smoke.check_demo),
            ]
        checks.append((f"{gui.stem} --demo (offscreen)", smoke.gui_demo))
        results = []
        for name, check in checks:
            started = time.monotonic()
            try:
                ok, detail = True, check()
            except (SmokeFailure, OSError, ValueError, subprocess.SubprocessError) as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc}"
            results.append(Result(name, ok, detail, time.monotonic() - started))
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)
        return results


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/smoke.py dist/Medido (or a one-file executable)")
    outcome = run_all(Path(sys.argv[1]))
    sys.exit(0 if all(r.ok for r in outcome) else 1)
