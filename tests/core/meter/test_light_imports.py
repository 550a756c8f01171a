"""What the GUI imports from the meter side before its first window loads no link machinery.

The link classes (base, tcp, serial_port, connection) and the profile model cost start-up time
in the frozen app; the first window needs only link kinds, states, errors, counters and the
reading type. Each check runs in a fresh interpreter: in this one other tests have loaded them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.meter import links
from app.core.meter.bus_time import BusTiming, bits_per_char
from app.core.meter.profile import Parity
from tests.fixtures.fresh_python import run_python

HEAVY = (
    "app.core.meter.links.base",
    "app.core.meter.links.tcp",
    "app.core.meter.links.serial_port",
    "app.core.meter.links.connection",
    "app.core.meter.profile",
)

# The GUI's start-up imports from the meter side (message banner, status bar, link status…).
START_UP = """
import sys
from app.core.meter.bus_time import LinkKind
from app.core.meter.links import LinkError, LinkEvent, LinkState, LinkStats
from app.core.meter.links.totals import add_poll
from app.core.meter.planner import ReadPlan
from app.core.meter.reading import IMPOSSIBLE_VALUE, MeterReading
"""
# The heavy modules loaded so far, by last name: "base,tcp", or "-" for none.
LOADED = "print(','.join(m.rsplit('.', 1)[1] for m in HEAVY if m in sys.modules) or '-')\n"


def _run(code: str, tmp_path: Path) -> list[str]:
    return run_python(f"HEAVY = {HEAVY!r}\n{code}", tmp_path).split()


def test_start_up_imports_load_no_link_class_and_no_profile(tmp_path: Path) -> None:
    assert _run(START_UP + LOADED, tmp_path) == ["-"]


def test_asking_for_a_link_class_loads_its_modules(tmp_path: Path) -> None:
    # A TCP link needs base, connection and the profile model, not the serial port module.
    code = START_UP + "from app.core.meter.links import TcpLink\n" + LOADED
    code += "from app.core.meter.links import SerialLink\n" + LOADED
    assert _run(code, tmp_path) == [
        "base,tcp,connection,profile",
        "base,tcp,serial_port,connection,profile",
    ]


def test_every_public_name_of_links_resolves() -> None:
    for name in links.__all__:
        assert getattr(links, name) is not None, name
    assert set(links.__all__) <= set(dir(links))
    with pytest.raises(AttributeError, match="NoSuchLink"):
        _ = links.NoSuchLink  # type: ignore[attr-defined]


@pytest.mark.parametrize("parity", list(Parity))
def test_bus_time_knows_every_parity(parity: Parity) -> None:
    # bus_time compares parity as a string to avoid importing profile: it must keep up with it.
    with_parity = 0 if parity is Parity.NONE else 1
    assert bits_per_char(parity, 1) == bits_per_char(parity.value, 1) == 10 + with_parity
    assert BusTiming.rtu(9600, parity).char_bits == 10 + with_parity


def test_bus_time_rejects_an_unknown_parity_as_parity_did() -> None:
    with pytest.raises(ValueError, match="'X' is not a valid Parity"):
        bits_per_char("X", 1)
    assert BusTiming.rtu(9600).char_bits == 10  # the default is Parity.NONE
