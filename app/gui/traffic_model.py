"""A bounded table model of traffic entries (time, channel, direction, host, summary).

Fed on the GUI thread (the bridge forwards TrafficLog.added); the oldest rows go when the model
is full, so a day of polling cannot eat the laptop's memory. Entries arrive already redacted.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.core.traffic import Channel, Direction, TrafficEntry

type Index = QModelIndex | QPersistentModelIndex

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 5  # time, channel, direction, host, summary
SUMMARY_COLUMN = 4
_ARROWS = {Direction.OUT: "→", Direction.IN: "←", Direction.NOTE: "•"}


def entry_time(entry: TrafficEntry) -> str:
    moment = datetime.fromtimestamp(entry.at)
    return moment.strftime("%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def entry_text(entry: TrafficEntry) -> str:
    """One entry as tab-separated text (time, channel, direction, host, summary), then its
    detail on the lines below: what Copy and Save write."""
    fields = (entry_time(entry), entry.channel.value, entry.direction.value, entry.host)
    line = "\t".join((*fields, entry.summary))
    return line + (f"\n{entry.detail}" if entry.detail else "")


class TrafficModel(QAbstractTableModel):
    def __init__(self, capacity: int = 2000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.capacity = capacity
        self._rows: deque[TrafficEntry] = deque()

    def append(self, entry: TrafficEntry) -> None:
        if len(self._rows) >= self.capacity:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self._rows.popleft()
            self.endRemoveRows()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(entry)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def entry(self, row: int) -> TrafficEntry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry_time(entry)
            if column == 1:
                return "HTTP" if entry.channel is Channel.HTTP else "Modbus"
            if column == 2:
                return _ARROWS[entry.direction]
            if column == 3:
                return entry.host
            return entry.summary
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self._direction_name(entry.direction)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return Qt.AlignmentFlag.AlignCenter
        if role == ENTRY_ROLE:
            return entry
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Time"),
            self.tr("Channel"),
            self.tr("Dir."),
            self.tr("Host"),
            self.tr("Summary"),
        )[section]

    def _direction_name(self, direction: Direction) -> str:
        return {
            Direction.OUT: self.tr("Sent"),
            Direction.IN: self.tr("Received"),
            Direction.NOTE: self.tr("Note"),
        }[direction]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)


class ChannelFilter(QSortFilterProxyModel):
    """Shows one channel, or all when `channel` is None."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channel: Channel | None = None

    def set_channel(self, channel: Channel | None) -> None:
        self.beginFilterChange()
        self._channel = channel
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._channel is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, TrafficModel)
        return model.entry(source_row).channel is self._channel
