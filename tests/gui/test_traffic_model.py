"""The traffic table model: bounded, five columns, a channel filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.traffic import Channel, Direction, TrafficEntry
from app.gui.traffic_model import ENTRY_ROLE, ChannelFilter, TrafficModel


def entry(n: int, channel: Channel = Channel.MODBUS) -> TrafficEntry:
    return TrafficEntry(
        channel, Direction.OUT, f"request {n}", at=1_700_000_000.25 + n, host="10.0.0.5:502"
    )


def test_oldest_rows_go_when_full() -> None:
    model = TrafficModel(capacity=3)
    for n in range(5):
        model.append(entry(n))
    assert model.rowCount() == 3
    assert [model.entry(r).summary for r in range(3)] == ["request 2", "request 3", "request 4"]


def test_columns_show_time_channel_direction_host_summary() -> None:
    model = TrafficModel()
    model.append(entry(1, Channel.HTTP))
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[0].endswith(".250")  # milliseconds shown
    assert row[1:] == ["HTTP", "→", "10.0.0.5:502", "request 1"]
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Sent"
    assert isinstance(model.index(0, 0).data(ENTRY_ROLE), TrafficEntry)
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert header == ["Time", "Channel", "Dir.", "Host", "Summary"]


def test_channel_filter() -> None:
    model = TrafficModel()
    for n, channel in enumerate((Channel.HTTP, Channel.MODBUS, Channel.MODBUS)):
        model.append(entry(n, channel))
    shown = ChannelFilter()
    shown.setSourceModel(model)
    assert shown.rowCount() == 3
    shown.set_channel(Channel.MODBUS)
    assert shown.rowCount() == 2
    shown.set_channel(Channel.HTTP)
    assert shown.rowCount() == 1
    shown.set_channel(None)
    assert shown.rowCount() == 3
