"""The traffic dock: every HTTP request and Modbus frame, for the installer and for support.

Entries come from the session's TrafficLog (recorded on the core loop, redacted there) through
the bridge. Pause freezes the view (entries wait, up to the table's size, and appear on resume);
Clear empties the view only (the log itself still goes into support bundles and traffic.jsonl).
The view follows new entries while it is scrolled to the end, also across a channel change.
Save writes what is shown (the channel chosen) to a text file, on the core loop.
"""

from __future__ import annotations

import asyncio
from collections import deque
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.traffic import Channel, TrafficEntry
from app.gui.i18n import Retranslating, fill
from app.gui.job import Job
from app.gui.session import Session
from app.gui.traffic_model import (
    ENTRY_ROLE,
    ChannelFilter,
    TrafficModel,
    entry_text,
)
from app.gui.widgets.documents import documents_file


class TrafficDock(Retranslating, QDockWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
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
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._ask_save)
        self.saved = QLabel()
        self._last_save: tuple[Path, int | BaseException] | None = None  # shown in self.saved

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
        for widget in (
            self.channel,
            self.pause,
            self.clear_button,
            self.copy_button,
            self.save_button,
        ):
            tools.addWidget(widget)
        tools.addWidget(self.saved, 1)
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
        following = self.following()  # keep the newest in view, unless scrolled up
        self.model.append(entry)
        if following:
            self.table.scrollToBottom()

    def following(self) -> bool:
        bar = self.table.verticalScrollBar()
        return bar.value() >= bar.maximum() - 2

    def copy(self) -> None:
        """Selected rows (or every row shown) as tab-separated text, with their details."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        QGuiApplication.clipboard().setText(self.shown_text(rows))

    def shown_text(self, rows: list[int] | None = None) -> str:
        """`rows` of the view (default: every row shown) as Copy and Save write them."""
        lines = []
        for row in rows or range(self.filter.rowCount()):
            entry = self.filter.index(row, 0).data(ENTRY_ROLE)
            assert isinstance(entry, TrafficEntry)
            lines.append(entry_text(entry))
        return "\n".join(lines)

    def save(self, path: Path) -> Job[int]:
        """Write every row shown (this channel, or all) to `path`, off the GUI thread."""
        text, count = self.shown_text(), self.filter.rowCount()
        job = self.session.bridge.submit(_write_text(path, text + "\n", count))
        job.succeeded.connect(lambda n: self._show_saved(path, n))
        job.failed.connect(lambda error: self._show_saved(path, error))
        return job

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save traffic"),
            documents_file("medido-traffic.txt"),
            self.tr("Text files (*.txt)"),
        )
        if name:
            self.save(Path(name))

    def _show_saved(self, path: Path, outcome: int | BaseException) -> None:
        self._last_save = (path, outcome)
        if isinstance(outcome, BaseException):
            text = fill(self.tr("%1 could not be saved: %2"), path.name, str(outcome))
        else:
            text = fill(self.tr("%n entries saved to %1.", "", outcome), path.name)
        self.saved.setText(text)
        self.saved.setToolTip(str(path))

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
        self.save_button.setText(self.tr("&Save…"))
        self.save_button.setToolTip(self.tr("Save the entries shown to a text file"))
        self.detail.setPlaceholderText(self.tr("Select an entry to see its detail."))
        self.model.retranslate()
        if self._last_save is not None:
            self._show_saved(*self._last_save)

    def _on_channel(self, index: int) -> None:
        value = self.channel.itemData(index)
        following = self.following()
        self.filter.set_channel(Channel(value) if value else None)
        if following:  # the rows shown changed under the scroll position: back to the end
            self.table.scrollToBottom()

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


async def _write_text(path: Path, text: str, count: int) -> int:
    await asyncio.to_thread(path.write_text, text, encoding="utf-8")
    return count
