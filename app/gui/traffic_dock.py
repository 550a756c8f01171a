"""The traffic dock: every HTTP request and Modbus frame, for the installer and for support.

Entries come from the session's TrafficLog (recorded on the core loop, redacted there) through
the bridge. Pause freezes the view (entries wait, up to the table's size, and appear on resume);
Clear empties the view only (the log itself still goes into support bundles).
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.traffic import Channel, TrafficEntry
from app.gui.i18n import Retranslating
from app.gui.session import Session
from app.gui.traffic_model import ENTRY_ROLE, ChannelFilter, TrafficModel, entry_time


class TrafficDock(Retranslating, QDockWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trafficDock")  # saveState() finds docks by name
        self.model = TrafficModel(parent=self)
        self.filter = ChannelFilter(self)
        self.filter.setSourceModel(self.model)
        self._waiting: deque[TrafficEntry] = deque(maxlen=self.model.capacity)

        self.channel = QComboBox()
        self.channel.currentIndexChanged.connect(self._on_channel)
        self.pause = QPushButton()
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._on_pause)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.model.clear)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)

        self.table = QTableView()
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        tools = QHBoxLayout()
        for widget in (self.channel, self.pause, self.clear_button, self.copy_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(tools)
        column.addWidget(split, 1)
        self.setWidget(inner)
        self.retranslate()
        self._relay = session.bridge.forward(session.traffic.added, self.add)

    def add(self, entry: TrafficEntry) -> None:
        if self.pause.isChecked():
            self._waiting.append(entry)
            return
        bar = self.table.verticalScrollBar()
        following = bar.value() >= bar.maximum() - 2  # keep the newest in view, unless scrolled up
        self.model.append(entry)
        if following:
            self.table.scrollToBottom()

    def copy(self) -> None:
        """Selected rows (or every row shown) as tab-separated text, with their details."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(self.filter.rowCount()))
        lines = []
        for row in rows:
            entry = self.filter.index(row, 0).data(ENTRY_ROLE)
            assert isinstance(entry, TrafficEntry)
            line = "\t".join(
                (entry_time(entry), entry.channel.value, entry.direction.value, entry.summary)
            )
            lines.append(line + (f"\n{entry.detail}" if entry.detail else ""))
        QGuiApplication.clipboard().setText("\n".join(lines))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Traffic"))
        current = self.channel.currentIndex()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), "")
        self.channel.addItem("HTTP", Channel.HTTP.value)  # plain text: Qt's variants keep it
        self.channel.addItem("Modbus", Channel.MODBUS.value)
        self.channel.setCurrentIndex(max(0, current))
        self.channel.blockSignals(False)
        self.channel.setToolTip(self.tr("Show one channel only"))
        self.pause.setText(self.tr("&Pause"))
        self.pause.setToolTip(self.tr("Freeze the list; new entries appear when you resume"))
        self.clear_button.setText(self.tr("C&lear"))
        self.clear_button.setToolTip(self.tr("Empty the list (the log kept for support stays)"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected entries, or all shown"))
        self.detail.setPlaceholderText(self.tr("Select an entry to see its detail."))
        self.model.retranslate()

    def _on_channel(self, index: int) -> None:
        value = self.channel.itemData(index)
        self.filter.set_channel(Channel(value) if value else None)

    def _on_pause(self, paused: bool) -> None:
        if not paused:
            while self._waiting:
                self.add(self._waiting.popleft())

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        entry = rows[-1].data(ENTRY_ROLE)
        assert isinstance(entry, TrafficEntry)
        self.detail.setPlainText(entry.summary + ("\n\n" + entry.detail if entry.detail else ""))
