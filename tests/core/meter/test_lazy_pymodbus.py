"""pymodbus and pyserial load when a link opens, not when the app starts.

The GUI imports the meter modules at start-up, and importing pymodbus was about a sixth of the
frozen app's start-up; no Modbus traffic happens before the installer connects to a meter. Each
check runs in a fresh interpreter: in this one other tests have loaded pymodbus already.
"""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.fresh_python import run_python

START_UP = (
    "import app.core.meter.links, app.core.meter.session, app.core.meter.reader, "
    "app.core.meter.capture, app.core.meter.meter_uri, app.core.meter.detect, "
    "app.core.clock.check, sys; "
    "print(any(m == 'pymodbus' or m.startswith('pymodbus.') for m in sys.modules))"
)

LOADED = "any(m == '{0}' or m.startswith('{0}.') for m in sys.modules)"

# Constructing a link loads nothing; opening it (here against a closed port) loads pymodbus.
OPEN_TCP = f"""
import asyncio, socket, sys
from app.core.meter.links import LinkError, TcpLink

with socket.socket() as s:  # a port nothing listens on: the connection is refused at once
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
link = TcpLink("127.0.0.1", port, timeout_s=2.0)
print({LOADED.format("pymodbus")})

async def open_link() -> None:
    try:
        await link.connect()
    except LinkError as e:
        print(e.code)
    await link.close()

asyncio.run(open_link())
print({LOADED.format("pymodbus")})
"""


def _run(code: str, tmp_path: Path) -> list[str]:
    return run_python(code, tmp_path).split()


def test_start_up_modules_do_not_import_pymodbus(tmp_path: Path) -> None:
    assert _run(START_UP, tmp_path) == ["False"]


def test_start_up_modules_do_not_import_pyserial(tmp_path: Path) -> None:
    code = START_UP.replace("print(", f"print({LOADED.format('serial')}, ")
    assert _run(code, tmp_path) == ["False", "False"]


def test_opening_a_tcp_link_imports_pymodbus(tmp_path: Path) -> None:
    assert _run(OPEN_TCP, tmp_path) == ["False", "connect-refused", "True"]
