"""The register console over the session's meter link, against simulated meters (Modbus TCP)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.meter.meter_clock import decode_datetime
from app.core.meter.registers import Table, WriteFunction
from app.core.traffic import Direction
from app.gui.main_window import MainWindow
from app.gui.message_banner import Level
from app.gui.register_console import RegisterConsole
from app.gui.register_widgets import value_text
from app.gui.session import Session
from app.simulator import SimClock
from tests.fixtures.gui_world import connect_meter, poll_once
from tests.fixtures.simulator import FIXED_TIME

Button = QMessageBox.StandardButton


def build(qtbot: QtBot, session: Session) -> RegisterConsole:
    console = RegisterConsole(session)
    # deleted when qtbot closes it, not by a garbage collection during a later test
    console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.addWidget(console)
    console.show()
    return console


def busy(console: RegisterConsole) -> bool:
    return console.busy  # read afresh (a bare property would be narrowed by mypy)


def level(console: RegisterConsole) -> Level:
    return console.banner.level


def choose(combo: QComboBox, data: int | str) -> None:
    index = combo.findData(int(data) if isinstance(data, int) else str(data))
    assert index >= 0, data
    combo.setCurrentIndex(index)


def read(qtbot: QtBot, console: RegisterConsole, address: str, count: int, kind: str) -> None:
    console.address.setText(address)
    choose(console.type, kind)
    console.count.setValue(count)
    console.read_button.click()
    assert busy(console)
    qtbot.waitUntil(lambda: not console.busy, timeout=5000)


def answer_questions(monkeypatch: pytest.MonkeyPatch, answer: Button) -> list[str]:
    asked: list[str] = []

    def question(*args: object) -> Button:
        # English plurals come from medido_en.qm; before it has a new string, "(s)" shows
        text = str(args[2]).replace("register(s)", "registers").replace("1 coil(s)", "1 coil")
        asked.append(f"{args[1]}\n{text}")
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_without_a_meter_it_says_so_and_offers_nothing(qtbot: QtBot, session: Session) -> None:
    console = build(qtbot, session)
    assert "No meter is connected" in console.where.text()
    assert not console.read_box.isEnabled()
    assert not console.write_box.isEnabled()
    console.read()  # nothing happens
    assert not busy(console)


def test_reads_agree_with_the_reading_and_show_in_the_traffic(
    qtbot: QtBot, session: Session
) -> None:
    meter = connect_meter(session, "eastron-sdm630", clock=SimClock(frozen_at=FIXED_TIME))
    reading = poll_once(qtbot, session)
    console = build(qtbot, session)
    assert console.read_box.isEnabled()
    assert "unit 1" in console.where.text()
    session.traffic.clear()
    read(qtbot, console, "30001", 6, "f32")
    assert console.function.currentData() == Table.INPUT  # Modicon 3xxxx chose the table
    rows = console.table.texts()
    assert [r[0] for r in rows] == ["0 (30001)", "2 (30003)", "4 (30005)"]
    voltages = {m.parts[0].address: m.sensor for m in meter.profile.sensors}
    for (_, raw, decoded), address in zip(rows, (0, 2, 4), strict=True):
        sensor = voltages[address]
        assert raw == " ".join(f"{w:04X}" for w in reading.raw[sensor][0] or ())
        value = reading.values[sensor]
        assert value is not None
        assert decoded == value_text(value)
        assert float(decoded) == value
    summaries = [(e.direction, e.summary) for e in session.traffic.entries()]
    assert (Direction.OUT, "unit 1 FC4 read 0+6") in summaries
    assert any(d is Direction.IN and s.startswith("unit 1 FC4 read 0+6 → ok") for d, s in summaries)
    # 1-based plain addresses, the table as shown
    console.base.setCurrentIndex(1)
    choose(console.function, Table.INPUT)
    read(qtbot, console, "1", 2, "f32")
    assert console.table.texts()[0][0] == "1 (30001)"


def test_a_write_asks_first_and_changes_what_the_meter_answers(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    meter = connect_meter(session, "schneider-iem3000", clock=SimClock(frozen_at=FIXED_TIME))
    console = build(qtbot, session)
    choose(console.write_function, WriteFunction.MULTIPLE_REGISTERS)
    console.address.setText("45250")
    console.values.setText("1003 0 2031 7 4 9 30 15")
    asked = answer_questions(monkeypatch, Button.Cancel)
    session.traffic.clear()
    console.write_button.click()
    assert not busy(console)
    assert len(asked) == 1
    assert "Write 8 registers at holding 45250–45257 of unit 1?" in asked[0]
    assert "Addresses 5249 to 5256 on the wire, with function 16" in asked[0]
    assert "1003 0 2031 7 4 9 30 15" in asked[0]
    assert meter.meter_time().year == 2025
    assert not any("write" in e.summary for e in session.traffic.entries())

    answer_questions(monkeypatch, Button.Yes)
    console.write_button.click()
    assert busy(console)
    qtbot.waitUntil(lambda: not console.busy, timeout=5000)
    assert level(console) is Level.SUCCESS
    assert meter.meter_time().year == 2031
    summaries = [e.summary for e in session.traffic.entries()]
    assert "unit 1 FC16 write 5249+8" in summaries

    read(qtbot, console, "41845", 4, "u16")
    assert console.function.currentData() == Table.HOLDING
    words = [int(raw, 16) for _, raw, _ in console.table.texts()]
    assert decode_datetime(words).strftime("%Y-%m-%d %H:%M:%S") == "2031-07-04 09:30:15"


def test_a_coil_write_names_its_coils(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect_meter(session, "schneider-iem3000")
    console = build(qtbot, session)
    choose(console.write_function, WriteFunction.SINGLE_COIL)
    console.base.setCurrentIndex(1)
    console.address.setText("10")
    console.values.setText("on")
    asked = answer_questions(monkeypatch, Button.Yes)
    console.write_button.click()
    qtbot.waitUntil(lambda: not console.busy, timeout=5000)
    assert "Write 1 coil at coils 00010 of unit 1?" in asked[0]
    # the simulator takes no coils: its refusal is shown, not raised
    assert level(console) is Level.WARNING
    assert console.banner.what.text() == "Unit 1 answered with Modbus exception 2."


def test_exceptions_and_bad_input_are_shown_in_the_dialog(qtbot: QtBot, session: Session) -> None:
    connect_meter(session, "eastron-sdm630")
    console = build(qtbot, session)
    choose(console.function, Table.COILS)
    read(qtbot, console, "0", 8, "u16")
    assert level(console) is Level.WARNING
    assert console.banner.what.text() == "Unit 1 answered with Modbus exception 1."
    assert "illegal function" in console.banner.details.text()
    assert console.table.rowCount() == 0

    console.address.setText("40000")
    console.read_button.click()
    assert not busy(console)
    assert level(console) is Level.ERROR
    assert "count from 1" in console.banner.details.text()
    choose(console.write_function, WriteFunction.MULTIPLE_REGISTERS)
    console.address.setText("30001")
    console.values.setText("1")
    console.write_button.click()
    assert "names the input table, not holding" in console.banner.details.text()


def test_the_view_menu_opens_one_console(qtbot: QtBot, window: MainWindow) -> None:
    assert window.console_action.text() == "Register &console…"
    window.console_action.trigger()
    console = window.register_console
    assert console is not None
    assert console.isVisible()
    assert not console.isModal()
    window.console_action.trigger()
    assert window.register_console is console
