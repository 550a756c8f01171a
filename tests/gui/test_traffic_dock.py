"""The traffic dock shows what the core thread records, redacted, with its host; it can
pause/clear/copy/save, and follows new entries (also after a channel change)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.core.traffic import Channel, Direction
from app.gui.session import Session
from app.gui.traffic_dock import TrafficDock

TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0.c2lnbmF0dXJl"


def record_on_core(
    session: Session, channel: Channel, summary: str, detail: str = "", host: str = ""
) -> None:
    session.bridge.call_soon(session.traffic.record, channel, Direction.OUT, summary, detail, host)


def test_entries_recorded_on_the_core_thread_appear(qtbot: QtBot, session: Session) -> None:
    dock = TrafficDock(session)
    qtbot.addWidget(dock)
    dock.show()
    auth = f"Authorization: Bearer {TOKEN}"
    record_on_core(session, Channel.HTTP, "GET /server-time", auth, "in.chilemedido.cl")
    record_on_core(session, Channel.MODBUS, "unit 1 FC4 read 0+18", host="tcp://10.0.0.5:502")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2, timeout=5000)
    assert dock.filter.index(0, 3).data() == "in.chilemedido.cl"
    assert dock.filter.index(0, 4).data() == "GET /server-time"
    assert dock.filter.index(1, 3).data() == "tcp://10.0.0.5:502"
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
    record_on_core(session, Channel.HTTP, "GET /devices/number/29", '{"id": 29}', "api.cl")
    record_on_core(session, Channel.MODBUS, "unit 1 FC3 read 0+2")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2, timeout=5000)
    dock.copy_button.click()  # nothing selected: everything shown
    text = QGuiApplication.clipboard().text()
    assert "\thttp\tout\tapi.cl\tGET /devices/number/29\n" in text
    assert '{"id": 29}' in text
    assert text.rstrip().endswith("unit 1 FC3 read 0+2")
    dock.table.selectRow(1)
    dock.copy_button.click()
    assert "GET /devices" not in QGuiApplication.clipboard().text()


def test_it_follows_new_entries_after_a_channel_change(qtbot: QtBot, session: Session) -> None:
    dock = TrafficDock(session)
    qtbot.addWidget(dock)
    dock.resize(600, 200)
    dock.show()
    for n in range(60):
        record_on_core(session, Channel.MODBUS if n % 3 else Channel.HTTP, f"entry {n}")
    bar = dock.table.verticalScrollBar()
    qtbot.waitUntil(lambda: dock.model.rowCount() == 60 and bar.maximum() > 0, timeout=5000)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)
    dock.channel.setCurrentIndex(2)  # Modbus only: fewer rows, the scroll position moves
    qtbot.wait(100)  # the view lays itself out again
    dock.channel.setCurrentIndex(0)  # all again: more rows under the same position
    qtbot.wait(100)
    assert bar.value() == bar.maximum()
    for n in range(60, 70):
        record_on_core(session, Channel.MODBUS, f"entry {n}")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 70, timeout=5000)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)
    last = dock.table.rowAt(dock.table.viewport().height() - 2)
    assert last in (-1, 69)  # the newest row is at the bottom of the view


def test_save_writes_what_is_shown(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    dock = TrafficDock(session)
    qtbot.addWidget(dock)
    record_on_core(session, Channel.HTTP, "GET /server-time", f"Bearer {TOKEN}", "api.cl")
    record_on_core(session, Channel.MODBUS, "unit 1 FC3 read 0+2", "01 03 00 00 00 02", "tcp://m")
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2, timeout=5000)
    dock.channel.setCurrentIndex(2)  # Modbus only
    path = tmp_path / "traffic.txt"
    with qtbot.waitSignal(dock.save(path).finished, timeout=5000):
        pass
    text = path.read_text(encoding="utf-8")
    assert "\tmodbus\tout\ttcp://m\tunit 1 FC3 read 0+2\n01 03 00 00 00 02\n" in text
    assert "server-time" not in text
    assert dock.saved.text().startswith("1 ")  # "1 entry": the plural comes from medido_en.ts
    assert dock.saved.text().endswith(" saved to traffic.txt.")
