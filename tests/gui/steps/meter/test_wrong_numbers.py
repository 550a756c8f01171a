"""The Meter page never shows a value no meter can produce, and says why (real simulator)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.core.meter.profile import WordOrder
from app.core.meter.session import MeterSession
from app.gui.session import Session
from app.gui.steps.meter.page import MeterPage
from app.gui.steps.meter.reading_table import REGISTERS, STATUS, VALUE
from app.gui.steps.step import StepState
from app.simulator import Faults, MeterSimulator
from tests.fixtures.simulator import make_meter
from tests.gui.conftest import on_loop
from tests.gui.steps.meter.test_page import cell


def test_a_swapped_word_order_shows_impossible_values_as_errors_not_numbers(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    meter = make_meter("eastron-sdm630", Faults(word_order=WordOrder.CDAB))
    sim = MeterSimulator({1: meter})
    port = on_loop(session.bridge, sim.start_tcp("127.0.0.1", 0))
    session.bridge.add_closer(sim.stop)
    page = MeterPage.build(session)
    page.show()  # a hidden page's table waits until shown
    qtbot.addWidget(page)
    page.picker.set_profile_id("eastron-sdm630")
    page.link_settings.uri_text.setText(f"tcp://127.0.0.1:{port}?unit=1")
    page.link_settings.apply_uri_text()
    page.connect_meter()
    qtbot.waitUntil(lambda: session.latest_reading is not None, timeout=10000)
    reading = session.latest_reading
    assert reading is not None
    flagged = [s for s, p in reading.problems.items() if p.code == "impossible-value"]
    assert flagged
    for sensor in flagged:
        assert cell(page, sensor, STATUS) == "Impossible value"
        assert cell(page, sensor, VALUE) == "—"  # no number shown; the raw words still are
        assert cell(page, sensor, REGISTERS) not in ("", "-")
    qtbot.waitUntil(lambda: page.state is StepState.ERROR, timeout=5000)
    assert isinstance(session.meter, MeterSession)
    session.set_meter(None)
