"""The Clock page against the real emulator (HTTP) and simulated meters (Modbus TCP)."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.api import RetryPolicy
from app.core.clock.check import UTC_ZONE
from app.core.clock.verdict import Comparison, DriftThresholds, Verdict
from app.emulator.server import EmulatorServer
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.steps.clock.page import ClockPage
from app.gui.steps.step import StepState
from app.gui.widgets.tone_label import Tone
from app.simulator import Faults
from tests.fixtures.gui_world import connect_meter, log_in


def build(qtbot: QtBot, session: Session) -> ClockPage:
    page = ClockPage.build(session)
    qtbot.addWidget(page)
    page.show()
    return page


def compare(qtbot: QtBot, page: ClockPage) -> None:
    page.compare_button.click()
    assert page.busy
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.comparison is not None


def shown_offset(text: str, comparison: str) -> float:
    """The seconds in a card's "<comparison>: +12.003 s ± 0.004 s" (a real minus sign)."""
    label, _, rest = text.partition(": ")
    assert label == comparison
    value, _, spread = rest.partition(" s ± ")
    assert spread.endswith(" s")
    return float(value.replace("−", "-"))


def step_state(page: ClockPage) -> StepState:
    return page.state  # read afresh (a bare property would be narrowed by mypy)


def verdict_of(page: ClockPage, comparison: Comparison) -> Verdict:
    return next(v.verdict for v in page.verdicts if v.comparison is comparison)


def test_a_server_30_s_ahead_warns(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    httpx.post(
        f"{emulator.root_url}/_emulator/clock", json={"offsetSeconds": 30}
    ).raise_for_status()
    log_in(qtbot, session, emulator)
    page = build(qtbot, session)
    compare(qtbot, page)
    server = session.server_offset
    assert server is not None
    assert server.seconds == pytest.approx(30.0, abs=0.3)  # shared with the Upload page
    assert verdict_of(page, Comparison.LAPTOP_VS_SERVER) is Verdict.WARN
    assert shown_offset(page.view.laptop.offset.text(), "Laptop − ChileMedido") == pytest.approx(
        -30.0, abs=0.3
    )
    assert page.view.laptop.state.text() == "Warning"
    assert page.view.laptop.state.tone is Tone.WARNING  # in the theme's warning colour
    assert "stamped 30" in page.view.verdict_list.text()
    assert step_state(page) is StepState.WARNING
    assert page.view.server.time.text() != "--:--:--"  # ticking from the offset
    # A stricter tolerance judges again without asking anyone.
    page.tolerance.warn_spin.setValue(20.0)
    assert not page.busy
    assert verdict_of(page, Comparison.LAPTOP_VS_SERVER) is Verdict.FAIL
    assert step_state(page) is StepState.ERROR
    session.set_api(None)  # another server (or none): its clock no longer stamps uploads
    assert session.server_offset is None


def test_the_meters_offset_from_an_iem3000(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    log_in(qtbot, session, emulator)
    connect_meter(session, "schneider-iem3000", faults=Faults(clock_offset_s=12.0))
    page = build(qtbot, session)
    compare(qtbot, page)
    assert page.comparison is not None
    offset = page.comparison.drift.meter_vs_server
    assert offset is not None
    assert offset.seconds == pytest.approx(12.0, abs=0.3)
    assert shown_offset(page.view.meter.offset.text(), "Meter − ChileMedido") == pytest.approx(
        12.0, abs=0.3
    )
    assert verdict_of(page, Comparison.METER_VS_SERVER) is Verdict.WARN
    assert verdict_of(page, Comparison.LAPTOP_VS_SERVER) is Verdict.PASS
    assert page.view.meter.time.text() != "--:--:--"
    assert page.view.meter_clock.set_button.isEnabled()


def test_a_meter_keeping_utc_is_diagnosed(qtbot: QtBot, session: Session) -> None:
    connect_meter(session, "schneider-iem3000", timezone="UTC")
    page = build(qtbot, session)
    compare(qtbot, page)  # not logged in: meter against the laptop only
    (verdict,) = page.verdicts
    assert verdict.comparison is Comparison.METER_VS_LAPTOP
    assert verdict.code == "clock.meter_keeps_utc"
    assert "the meter shows UTC" in page.view.verdict_list.text()
    assert "Not logged in" in page.view.server.note.text()
    assert step_state(page) is StepState.ERROR
    # Telling Medido the meter keeps UTC reads it again: then it is right.
    page.view.zones.set_zone(UTC_ZONE)
    qtbot.waitUntil(
        lambda: not page.busy and page.verdicts[0].verdict is Verdict.PASS, timeout=5000
    )
    assert step_state(page) is StepState.OK


def test_set_the_meter_clock_to_chilemedidos_time(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    log_in(qtbot, session, emulator)
    connect_meter(session, "schneider-iem3000", faults=Faults(clock_offset_s=-100.0))
    page = build(qtbot, session)
    compare(qtbot, page)
    assert verdict_of(page, Comparison.METER_VS_SERVER) is Verdict.FAIL
    box = page.view.meter_clock
    box.set_button.click()
    assert box.confirmation.isVisible()  # asks first: the meter's time will change
    box.confirm_button.click()
    assert page.busy
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert page.comparison is not None
    after = page.comparison.drift.meter_vs_server
    assert after is not None
    assert abs(after.seconds) < 0.5
    assert verdict_of(page, Comparison.METER_VS_SERVER) is Verdict.PASS
    assert page.banner.what.text() == "The meter's clock was set to ChileMedido's time."


def test_a_refused_set_clock_explains_com_protection(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    log_in(qtbot, session, emulator)
    connect_meter(session, "schneider-iem3000")
    reader = session.reader
    assert reader is not None
    assert reader.profile.clock is not None
    # A firmware that knows another command number answers "3000, invalid command".
    other = replace(reader.profile, clock=replace(reader.profile.clock, set_command=1004))
    session.use_profile(other)
    page = build(qtbot, session)
    compare(qtbot, page)
    page.view.meter_clock.set_button.click()
    page.view.meter_clock.confirm_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert page.banner.what.text() == "The meter did not set its clock (result code 3000)."
    assert "Com. Protection" in page.banner.todo.text()


def test_no_clock_in_the_profile(qtbot: QtBot, session: Session) -> None:
    connect_meter(session, "eastron-sdm630")
    page = build(qtbot, session)
    box = page.view.meter_clock
    assert not box.set_button.isEnabled()
    assert "no clock registers" in box.explanation.text()
    compare(qtbot, page)
    assert page.verdicts == ()
    assert "has no clock" in page.view.meter.note.text()
    assert "Nothing to compare" in page.view.verdict_list.text()
    assert step_state(page) is StepState.WARNING


def test_nothing_connected_points_to_the_steps(qtbot: QtBot, session: Session) -> None:
    page = build(qtbot, session)
    assert 'href="connection"' in page.view.server.note.text()
    assert 'href="meter"' in page.view.meter.note.text()
    asked: list[str] = []
    session.step_requested.connect(asked.append)
    page.view.meter.note.linkActivated.emit("meter")
    assert asked == ["meter"]
    assert "Connect to the meter first" in page.view.meter_clock.explanation.text()


def test_a_silent_meter_and_an_offline_server(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    log_in(qtbot, session, emulator, RetryPolicy(attempts=1))
    connect_meter(session, "schneider-iem3000", faults=Faults(drop_every=1))
    page = build(qtbot, session)
    compare(qtbot, page)
    assert page.comparison is not None
    assert page.comparison.server_offset is not None
    assert page.view.meter.note.text() == "The meter did not answer."
    assert page.banner.what.text() == "The meter did not answer."
    assert "IP address and port" in page.banner.todo.text()  # a TCP link: no RS-485 advice
    assert "RS-485" not in page.banner.todo.text()
    emulator.stop()
    compare(qtbot, page)
    assert page.comparison.server_error is not None
    assert "refused the connection" in page.view.server.note.text()
    assert page.verdicts == ()
    assert session.server_offset is None  # nothing to stamp uploads with now


def test_tolerances_and_zone_are_remembered(qtbot: QtBot, session: Session) -> None:
    page = build(qtbot, session)
    assert page.thresholds == DriftThresholds()
    page.tolerance.pass_spin.setValue(2.5)
    page.tolerance.warn_spin.setValue(30.0)
    page.view.zones.set_zone("America/Punta_Arenas")
    page.save_settings()
    again = build(qtbot, session)
    assert again.thresholds == DriftThresholds(2.5, 30.0)
    assert again.view.zones.zone == "America/Punta_Arenas"
    assert str(again.zone.zone) == "America/Punta_Arenas"


def test_spanish_numbers_and_zones(
    qtbot: QtBot, session: Session, emulator: EmulatorServer, translations: Translations
) -> None:
    log_in(qtbot, session, emulator)
    page = build(qtbot, session)
    compare(qtbot, page)
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert page.compare_button.text() == "&Comparar relojes"
    assert page.view.laptop.offset.text().startswith("Notebook − ChileMedido: ")
    assert "," in page.view.laptop.offset.text()  # decimal comma
    assert page.tolerance.pass_spin.text() == "5,0 s"
    assert "horario de verano" in page.view.zones.magallanes.text()
