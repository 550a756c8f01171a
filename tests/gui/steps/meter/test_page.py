"""The Meter page against the real simulator over Modbus TCP (started on the core loop)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.meter.links import LinkError, LinkState, SerialPortInfo
from app.core.meter.profile import Function, Parity, WordOrder
from app.core.meter.profile_loader import default_library
from app.core.meter.reading import MeterReading
from app.core.readings.value_format import format_value
from app.gui.error_text import describe
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.settings import METER_PROFILE, METER_URI
from app.gui.steps.meter.page import POLL_INTERVAL_S, MeterPage
from app.gui.steps.meter.reading_table import ADDRESS, STATUS, VALUE
from app.gui.steps.step import StepState
from app.simulator import Faults, MeterSimulator, RegisterFault, SimulatedMeter
from tests.fixtures.simulator import make_meter
from tests.gui.conftest import on_loop

SDM630 = "eastron-sdm630"
type StartSim = Callable[..., tuple[MeterSimulator, int]]


@pytest.fixture
def start_sim(session: Session) -> Iterator[StartSim]:
    """Serve meters over Modbus TCP on the core loop; stopped at teardown."""
    started: list[MeterSimulator] = []

    def start(
        meters: dict[int, SimulatedMeter], gateway: bool = False
    ) -> tuple[MeterSimulator, int]:
        sim = MeterSimulator(meters, gateway=gateway)
        started.append(sim)
        return sim, on_loop(session.bridge, sim.start_tcp("127.0.0.1", 0))

    yield start
    for sim in started:
        on_loop(session.bridge, sim.stop())


def make_page(qtbot: QtBot, session: Session) -> MeterPage:
    """Shown, as the installer sees it: a hidden page leaves its table for when it is shown."""
    page = MeterPage.build(session)
    qtbot.addWidget(page)
    page.show()
    return page


def connect(page: MeterPage, port: int, profile: str = SDM630, unit: int = 1) -> None:
    page.picker.set_profile_id(profile)
    page.link_settings.uri_text.setText(f"tcp://127.0.0.1:{port}?unit={unit}")
    page.link_settings.apply_uri_text()
    page.controls.interval.setValue(0.2)
    page.connect_meter()


def polling_page(qtbot: QtBot, session: Session, port: int) -> MeterPage:
    """A Meter page connected to the SDM630 on `port`, once its first poll has shown."""
    page = make_page(qtbot, session)
    connect(page, port)
    qtbot.waitUntil(lambda: polled(page), timeout=10000)
    return page


def cell(page: MeterPage, sensor: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> str:
    model = page.model
    for row in range(model.rowCount()):
        if model.sensor(row) == sensor:
            return str(model.data(model.index(row, column), role))
    raise KeyError(sensor)


def polled(page: MeterPage) -> bool:
    return cell(page, "Corriente A", STATUS) not in ("", "Not read")


def test_the_table_shows_the_simulated_meters_values(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    meter = make_meter(SDM630)  # frozen clock: the values stay put
    _, port = start_sim({1: meter})
    page = polling_page(qtbot, session, port)

    assert session.polling
    assert page.state is StepState.OK
    expected = meter.expected_values()
    profile = default_library().get(SDM630)
    assert page.model.rowCount() == len(profile.sensors)
    for mapping in profile.sensors:
        unit = cell(page, mapping.sensor, VALUE + 1)
        assert cell(page, mapping.sensor, VALUE) == format_value(expected[mapping.sensor], unit)
        assert cell(page, mapping.sensor, STATUS) == "OK"
    assert "29 of 29" in page.readout.summary.text()
    assert page.readout.status.state.text() == "Connected"

    current = profile.mapping("Corriente A")
    assert current is not None
    address = current.parts[0].address
    assert cell(page, "Corriente A", ADDRESS) == str(address)
    updates: list[QModelIndex] = []
    page.model.dataChanged.connect(lambda top, _bottom: updates.append(top))
    session.set_address_base(1)  # View ▸ Register addresses ▸ 1-based
    assert cell(page, "Corriente A", ADDRESS) == str(address + 1)
    header = page.model.headerData(ADDRESS, Qt.Orientation.Horizontal)
    assert "1-based" in str(header)
    assert any(index.column() == ADDRESS for index in updates)

    page.controls.plan_button.setChecked(True)
    qtbot.waitUntil(lambda: "Read plan: 4 requests" in page.readout.plan.toPlainText())


def test_polls_update_rows_in_place(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    _, port = start_sim({1: make_meter(SDM630)})
    page = polling_page(qtbot, session, port)
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignals([session.reading_arrived] * 3, timeout=10000):
        pass
    assert resets == []  # values change cell by cell, the table is never rebuilt


def test_a_hidden_page_leaves_its_table_and_shows_the_newest_reading_when_shown(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    _, port = start_sim({1: make_meter(SDM630)})
    page = polling_page(qtbot, session, port)
    page.hide()
    shown: list[MeterReading] = []
    put = page.model.show_reading

    def spy(reading: MeterReading) -> None:
        shown.append(reading)
        put(reading)

    page.model.show_reading = spy  # type: ignore[method-assign]
    with qtbot.waitSignals([session.reading_arrived] * 2, timeout=10000):
        pass
    assert shown == []  # hidden: the table (and its column sizing) was left alone
    assert "29 of 29" in page.readout.summary.text()  # the summary still follows
    page.show()
    assert shown == [session.latest_reading]  # shown: the newest reading at once


def test_choosing_another_profile_reads_the_meter_with_it(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    _, port = start_sim({1: make_meter(SDM630)})
    page = polling_page(qtbot, session, port)
    link = session.link

    page.picker.set_profile_id("eastron-sdm72d-m-2")
    assert session.link is link  # same link, new reader
    assert session.reader is not None
    assert session.reader.profile.id == "eastron-sdm72d-m-2"
    assert session.settings.get(METER_PROFILE) == "eastron-sdm72d-m-2"
    other = default_library().get("eastron-sdm72d-m-2")
    assert page.model.rowCount() == len(other.sensors)
    assert session.polling
    qtbot.waitUntil(lambda: cell(page, other.sensors[0].sensor, STATUS) != "", timeout=10000)


def test_an_exception_on_one_register_shows_in_its_row_only(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    profile = default_library().get(SDM630)
    current = profile.mapping("Corriente A")
    assert current is not None
    fault = RegisterFault(Function.INPUT, current.parts[0].address, 2, code=4)
    _, port = start_sim({1: make_meter(SDM630, Faults(register_faults=[fault]))})
    page = polling_page(qtbot, session, port)

    assert cell(page, "Corriente A", STATUS) == "Exception 4: device failure"
    assert "asks at every poll" in cell(page, "Corriente A", STATUS, Qt.ItemDataRole.ToolTipRole)
    assert cell(page, "Corriente A", VALUE) == "—"
    assert cell(page, "Corriente B", STATUS) == "OK"
    assert cell(page, "Voltaje A-N", STATUS) == "OK"
    assert page.state is StepState.WARNING
    assert page.banner.isHidden()  # the meter answers: no banner, the row explains


def test_a_meter_that_does_not_answer_gets_a_banner_and_polling_goes_on(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    meter = make_meter(SDM630)
    _, port = start_sim({1: meter})
    page = polling_page(qtbot, session, port)

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    # Beyond both attempts (1 s timeout, one retry): a reply to the first attempt that comes
    # during the retry would still count as an answer.
    meter.set_faults(delay_ms=3000)
    started = time.monotonic()
    qtbot.waitUntil(lambda: not page.banner.isHidden(), timeout=10000)
    waited = time.monotonic() - started
    timer.stop()

    assert page.banner.what.text() == "The meter did not answer."
    assert "IP address and port" in page.banner.todo.text()  # a TCP link: no RS-485 advice
    assert page.state is StepState.ERROR
    assert session.polling
    # A poll the silence caught half-way read its first block: the next one reads nothing.
    qtbot.waitUntil(lambda: cell(page, "Corriente A", STATUS) == "Not read", timeout=5000)
    assert waited > 0.9  # the whole timeout passed while the GUI thread kept ticking:
    assert len(ticks) >= 0.5 * waited / 0.05
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.5

    meter.set_faults(delay_ms=0)  # polling went on trying: the meter is back
    qtbot.waitUntil(lambda: page.banner.isHidden(), timeout=15000)
    qtbot.waitUntil(lambda: page.state is StepState.OK)


def test_a_simulator_that_stops_shows_in_the_link_state(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    sim, port = start_sim({1: make_meter(SDM630)})
    page = polling_page(qtbot, session, port)

    on_loop(session.bridge, sim.stop())
    status = page.readout.status
    qtbot.waitUntil(
        lambda: status.state.text() in ("Reconnecting…", "Cannot connect"), timeout=10000
    )
    assert session.link is not None
    assert session.link.state in (LinkState.RECONNECTING, LinkState.FAILED)
    assert status.message.text()  # what happened and what to do
    qtbot.waitUntil(lambda: page.state is StepState.ERROR, timeout=10000)
    assert not page.banner.isHidden()


def test_polling_that_stops_on_an_error_says_so(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    page = make_page(qtbot, session)
    session.polling_failed.emit(LinkError("port-error", "the serial port went away"))
    assert page.banner.what.text() == "The serial port stopped working."
    assert page.state is StepState.ERROR


def test_the_poll_interval_takes_the_ui_languages_decimal_mark(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    page = make_page(qtbot, session)
    assert page.controls.interval.text() == "1.0 s"
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert page.controls.interval.text() == "1,0 s"
    assert page.controls.interval.value() == 1.0


def test_a_bad_meter_address_says_what_is_wrong(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    page = make_page(qtbot, session)
    page.link_settings.uri_text.setText("tcp://:502?unit=1")
    page.link_settings.uri_text.returnPressed.emit()
    assert page.banner.what.text() == "The meter address has no usable host."
    assert "host" in page.banner.details.text()
    page.link_settings.uri_text.setText("modbus://10.0.0.5")
    page.link_settings.uri_text.returnPressed.emit()
    assert "tcp://" in page.banner.what.text()
    page.banner.clear()
    assert page.link_settings.host.text() == ""  # a bad address leaves the fields as they were
    page.connect_meter()
    assert session.link is None
    assert page.banner.what.text() == "The meter address has no usable host."


def test_serial_ports_show_their_adapter(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    page = make_page(qtbot, session)
    settings = page.link_settings
    settings.kind.setCurrentIndex(1)  # RTU on a serial port
    settings.set_ports([SerialPortInfo("/dev/ttyUSB0", "FT232R USB UART", 0x0403, 0x6001)])
    assert settings.serial_port.currentText() == "/dev/ttyUSB0"
    assert settings.port_info.text() == "FT232R USB UART — 0403:6001"
    assert settings.uri_text.text().startswith("rtu:///dev/ttyUSB0?unit=1&baud=")


def test_settings_come_back_at_the_next_start(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    page = make_page(qtbot, session)
    page.picker.set_profile_id("carlo-gavazzi-em340")
    page.link_settings.uri_text.setText("rtu:///dev/ttyUSB7?unit=5&baud=19200&parity=E&stop=2")
    page.link_settings.apply_uri_text()
    page.controls.interval.setValue(2.5)
    page.save_settings()
    assert session.settings.get(METER_PROFILE) == "carlo-gavazzi-em340"
    assert session.settings.get(POLL_INTERVAL_S) == 2.5
    saved = session.settings.get(METER_URI)

    again = make_page(qtbot, session)
    assert again.picker.profile() is not None
    assert again.picker.profile().id == "carlo-gavazzi-em340"  # type: ignore[union-attr]
    assert again.controls.interval.value() == 2.5
    uri = again.link_settings.uri()
    assert str(uri) == saved
    assert (uri.serial_port, uri.unit, uri.baud, uri.parity, uri.stop_bits) == (
        "/dev/ttyUSB7",
        5,
        19200,
        Parity.EVEN,
        2,
    )
    assert again.link_settings.baud.isVisibleTo(again)


def test_auto_detect_finds_two_meters_behind_a_gateway(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    swapped = make_meter("carlo-gavazzi-em340", Faults(word_order=WordOrder.ABCD), seed=2)
    _, port = start_sim({3: make_meter(SDM630), 7: swapped}, gateway=True)
    page = make_page(qtbot, session)
    page.link_settings.uri_text.setText(f"tcp://127.0.0.1:{port}?unit=1")
    page.link_settings.apply_uri_text()
    page.open_scan()
    dialog = page.scan_dialog
    assert dialog is not None
    dialog.last_unit.setValue(8)
    progress: list[object] = []
    dialog.start()
    assert dialog.job is not None
    dialog.job.progress.connect(progress.append)
    with qtbot.waitSignal(dialog.job.finished, timeout=30000):
        pass

    result = dialog.scan_result
    assert result is not None
    assert [r.unit for r in result.responders] == [3, 7]
    assert len(progress) >= 8
    assert dialog.progress.value() == 1000
    assert dialog.results.topLevelItemCount() == 2
    second = dialog.results.topLevelItem(1)
    assert second is not None
    assert "Carlo Gavazzi" in second.text(1)
    assert "ABCD" in second.text(2)  # the word-order warning

    dialog.results.setCurrentItem(second)
    dialog.use_button.click()
    assert page.link_settings.unit.value() == 7
    assert page.picker.profile() is not None
    assert page.picker.profile().id == "carlo-gavazzi-em340"  # type: ignore[union-attr]
    assert "ABCD" in page.banner.todo.text()


def test_auto_detect_says_in_the_ui_language_why_it_could_not_look(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    page = make_page(qtbot, session)
    page.link_settings.uri_text.setText("tcp://127.0.0.1:9?unit=1")  # nothing listens there
    page.link_settings.apply_uri_text()
    page.open_scan()
    dialog = page.scan_dialog
    assert dialog is not None
    dialog.start()
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.finished, timeout=10000):
        pass
    result = dialog.scan_result
    assert result is not None
    assert result.errors
    assert describe(result.errors[0]).what in dialog.now.text()


def test_cancelling_auto_detect_stops_it_promptly(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    _, port = start_sim({200: make_meter(SDM630)})  # every other unit is silence (a timeout)
    page = make_page(qtbot, session)
    page.link_settings.uri_text.setText(f"tcp://127.0.0.1:{port}?unit=1")
    page.link_settings.apply_uri_text()
    page.open_scan()
    dialog = page.scan_dialog
    assert dialog is not None
    dialog.last_unit.setValue(247)
    dialog.start()
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.progress, timeout=5000):
        pass
    assert dialog.cancel_button.isEnabled()
    started = time.monotonic()
    with qtbot.waitSignal(dialog.job.finished, timeout=5000):
        dialog.cancel_button.click()
    assert time.monotonic() - started < 1.0
    assert dialog.scan_result is not None
    assert dialog.scan_result.cancelled
    assert "Stopped" in dialog.now.text()
    assert dialog.start_button.isEnabled()


def test_a_unit_changed_while_connected_asks_for_reconnect_and_reconnect_reads_it(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    _, port = start_sim({1: make_meter(SDM630), 7: make_meter(SDM630)})
    page = polling_page(qtbot, session, port)
    page.show()
    note = page.controls.stale_note
    assert note.text() == ""
    polled_meter = session.meter
    assert polled_meter is not None
    assert polled_meter.unit == 1

    page.link_settings.unit.setValue(7)  # the form names unit 7 while unit 1 is polled
    assert "press Reconnect" in note.text()
    assert page.controls.connect_button.text() == "Reconnect"
    assert session.meter is polled_meter  # nothing applied behind the installer's back

    page.link_settings.unit.setValue(1)  # back as it was: nothing to do
    assert note.text() == ""
    page.link_settings.unit.setValue(7)
    page.controls.connect_button.click()
    qtbot.waitUntil(lambda: session.latest_reading is not None, timeout=10000)
    assert session.meter is not None
    assert session.meter.unit == 7
    assert session.latest_reading is not None
    assert session.latest_reading.unit == 7
    assert note.text() == ""


def test_a_page_built_after_the_meter_connected_and_read_shows_both(
    qtbot: QtBot, session: Session, start_sim: StartSim, translations: object
) -> None:
    # Pages other than the one shown at start are built after the first paint; the demo's
    # meter may have connected (a link says CONNECTED once) and read before that.
    _, port = start_sim({1: make_meter(SDM630)})
    first = polling_page(qtbot, session, port)
    assert session.link_event is not None
    first.controls.poll_button.click()  # stop polling: no new reading or event from here on
    qtbot.waitUntil(lambda: not session.polling)
    later = make_page(qtbot, session)
    assert later.readout.status.state.text() == "Connected"
    assert polled(later)
