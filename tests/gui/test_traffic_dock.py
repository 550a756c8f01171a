"""The traffic dock shows what the core thread records, redacted, and can pause/clear/copy."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.core.traffic import Channel, Direction
from app.gui.session import Session
from app.gui.traffic_dock import TrafficDock

TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0.c2lnbmF0dXJl"


def record_on_core(session: Session, channel: Channel, summary: str, detail: str = "") -> None:
    session.bridge.call_soon(session.traffic.record, channel, Direction.OUT, summary, detail)


def test_entries_recorded_on_the_core_thread_appear(qtbot: QtBot, session: Session) -> None:
    dock = TrafficDock(session)
    qtbot.addWidget(dock)
    dock.show()
    record_on_core(session, Channel.HTTP, "GET /server-time", f"Authorization: Bearer {TOKEN}")
    record_on_core(session, Channel.MODBUS, "unit 1 FC4 read 0+18")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2, timeout=5000)
    assert dock.filter.index(0, 3).data() == "GET /server-time"
    dock.table.selectRow(0)
    assert "GET /server-time" in dock.detail.toPlainText()
    assert TOKEN not in dock.detail.toPlainText()
    assert "[redactado]" in dock.detail.toPlainText()

    dock.channel.setCurrentIndex(2)  # Modbus only
    assert dock.filter.rowCount() == 1
    dock.channel.setCurrentIndex(0)
    assert dock.filter.rowCount() == 2


def test_pause_holds_entries_until_resumed(qtbot: QtBot, session: Session) -> None:
    dock = TrafficDock(session)
    qtbot.addWidget(dock)
    dock.pause.setChecked(True)
    for n in range(3):
        record_on_core(session, Channel.MODBUS, f"read {n}")
    qtbot.waitUntil(lambda: len(session.traffic.entries()) == 3, timeout=5000)
    qtbot.wait(50)  # the queued deliveries have run
    assert dock.model.rowCount() == 0
    dock.pause.setChecked(False)
    assert [dock.model.entry(r).summary for r in range(3)] == ["read 0", "read 1", "read 2"]


def test_clear_empties_the_view_not_the_log(qtbot: QtBot, session: Session) -> None:
    dock = TrafficDock(session)
    qtbot.addWidget(dock)
    record_on_core(session, Channel.HTTP, "POST /measurements")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1, timeout=5000)
    dock.clear_button.click()
    assert dock.model.rowCount() == 0
    assert len(session.traffic.entries()) == 1


def test_copy_puts_rows_and_details_on_the_clipboard(qtbot: QtBot, session: Session) -> None:
    dock = TrafficDock(session)
    qtbot.addWidget(dock)
    record_on_core(session, Channel.HTTP, "GET /devices/number/29", '{"id": 29}')
    record_on_core(session, Channel.MODBUS, "unit 1 FC3 read 0+2")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2, timeout=5000)
    dock.copy_button.click()  # nothing selected: everything shown
    text = QGuiApplication.clipboard().text()
    assert "\thttp\tout\tGET /devices/number/29\n" in text
    assert '{"id": 29}' in text
    assert text.rstrip().endswith("unit 1 FC3 read 0+2")
    dock.table.selectRow(1)
    dock.copy_button.click()
    assert "GET /devices" not in QGuiApplication.clipboard().text()
