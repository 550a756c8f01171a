"""The Meter page and the status bar never look fine without values: a profile that matches no
register, a unit id nobody answers to, a meter that cannot be reached (real simulator, TCP)."""

from __future__ import annotations

import socket

from pytestqt.qtbot import QtBot

from app.core.meter.links import LinkState
from app.gui.session import Session
from app.gui.status_bar import StatusBar
from app.gui.steps.meter.page import MeterPage
from app.gui.steps.step import StepState
from app.gui.widgets.tone_label import Tone
from tests.fixtures.simulator import make_meter
from tests.gui.steps.meter.test_page import SDM630, StartSim, connect, make_page, start_sim

__all__ = ["start_sim"]  # the fixture, used by name

WAIT_MS = 15000


def readings_seen(qtbot: QtBot, session: Session, count: int) -> None:
    seen: list[object] = []
    session.reading_arrived.connect(seen.append)
    qtbot.waitUntil(lambda: len(seen) >= count, timeout=WAIT_MS)


def bar_for(qtbot: QtBot, session: Session) -> StatusBar:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    return bar


def meter_look(bar: StatusBar) -> StepState:
    """Read through a call: mypy would keep an earlier assert's narrowing of the attribute."""
    return bar.link.state


def test_a_profile_that_matches_no_register_says_so_and_keeps_polling(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    _, port = start_sim({1: make_meter(SDM630)})
    bar = bar_for(qtbot, session)
    page = make_page(qtbot, session)
    page.controls.plan_button.setChecked(True)  # the plan view drew the empty plan: a crash
    connect(page, port, profile="schneider-iem3000")
    readings_seen(qtbot, session, 3)  # the first poll learns every register is missing

    summary = page.readout.summary
    assert summary.text().startswith("0 of 21 variables with a value")
    assert "none of the profile's values were read" in summary.text()
    assert summary.tone is Tone.ERROR
    assert page.banner.what.text() == (
        "The meter answers, but none of the profile's values were read."
    )
    assert page.banner.todo.text().startswith("Wrong profile or unit id")
    assert page.state is StepState.ERROR
    assert "Read plan: 0 requests" in page.readout.plan.toPlainText()
    assert page.readout.status.values[4].text().startswith("0 requests per poll")
    assert page.readout.status.state.text() == "Connected, but no values are read"
    assert session.polling  # still asking: a profile chosen now is read at the next poll

    assert meter_look(bar) is StepState.ERROR
    assert bar.link.text.text() == "Meter: answers, but no values read"
    assert bar.reading.text() == "No values read yet"

    page.picker.set_profile_id(SDM630)  # the right profile: values, and green again
    qtbot.waitUntil(lambda: page.state is StepState.OK, timeout=WAIT_MS)
    assert page.banner.isHidden()
    assert page.readout.status.state.text() == "Connected"
    assert meter_look(bar) is StepState.OK
    assert bar.reading.text().startswith("Last reading: ")


def test_a_wrong_unit_id_on_tcp_is_an_error_with_tcp_advice(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    _, port = start_sim({1: make_meter(SDM630)})
    bar = bar_for(qtbot, session)
    page = make_page(qtbot, session)
    connect(page, port, unit=7)
    qtbot.waitUntil(lambda: not page.banner.isHidden(), timeout=WAIT_MS)

    assert page.banner.what.text() == "The meter did not answer."
    todo = page.banner.todo.text()
    assert "unit id" in todo
    assert "IP address and port" in todo
    assert "RS-485" not in todo
    assert "wiring" not in todo
    details = page.banner.details.text()  # the core's own words, for support: TCP ones too
    assert "IP address and port" in details
    assert "wiring" not in details
    assert "serial" not in details
    assert page.state is StepState.ERROR
    assert session.link is not None
    assert session.link.state is LinkState.CONNECTED  # the gateway is up; nobody is unit 7
    link_box = page.readout.status
    assert link_box.state.text() == "Connected, but the meter does not answer"
    assert meter_look(bar) is StepState.ERROR
    assert bar.link.text.text() == "Meter: not answering"
    assert "IP address and port" in bar.link.toolTip()
    assert "RS-485" not in bar.link.toolTip()
    assert not bar.reading.text().startswith("Last reading")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_after_cannot_connect_only_connect_is_offered(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    page: MeterPage = make_page(qtbot, session)
    connect(page, closed_port())
    qtbot.waitUntil(lambda: page.state is StepState.ERROR, timeout=WAIT_MS)

    assert session.meter is None
    controls = page.controls
    assert controls.connect_button.isEnabled()
    assert controls.connect_button.text() == "&Connect"
    for button in (controls.disconnect_button, controls.poll_button, controls.plan_button):
        assert not button.isEnabled(), button.text()
    assert not page.banner.isHidden()
    assert page.banner.what.text() == "The meter or gateway refused the connection."
