"""The Upload page's history: what was sent, newest first; select a row to see its body."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.upload.history import UploadRecord
from app.gui.error_text import describe_code
from app.gui.i18n import Retranslating, fill
from app.gui.widgets.dates import date_text, local_time


class UploadHistoryView(Retranslating, QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.records: list[UploadRecord] = []
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(40)  # small screens: the page may shrink, the views scroll
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_body)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.body.setMinimumHeight(40)
        self.addWidget(self.table)
        self.addWidget(self.body)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setChildrenCollapsible(False)
        self.retranslate()

    def show_records(self, records: list[UploadRecord]) -> None:
        """Newest first, as UploadHistory.recent() gives them; the newest is selected."""
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            cells = (
                f"{date_text(record.sent_at)} {local_time(record.sent_at)}",  # 04-05-2026 in es
                record.base_url,
                record.device_number,
                str(record.status) if record.status is not None else "—",
                self._outcome(record),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if records:
            self.table.selectRow(0)
        else:
            self.body.clear()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sent"), self.tr("Environment"), self.tr("Meter"), self.tr("HTTP"),
             self.tr("Result")]
        )  # fmt: skip
        self.body.setPlaceholderText(self.tr("Select an upload to see what was sent."))
        self.show_records(self.records)

    def _outcome(self, record: UploadRecord) -> str:
        if record.success and record.warnings:
            return fill(self.tr("Stored, with warnings: %1"), "; ".join(record.warnings))
        if record.success:
            return self.tr("Stored")
        if record.error_code:
            error = record.errors[0] if record.errors else ""
            return fill(self.tr("Not stored: %1"), describe_code(record.error_code, error).what)
        return self.tr("Not stored")

    def _show_body(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.records):
            return
        record = self.records[rows[0].row()]
        try:
            body = json.dumps(json.loads(record.body), ensure_ascii=False, indent=2)
        except ValueError:
            body = record.body
        notes = list(record.warnings) + list(record.errors)
        self.body.setPlainText(body + ("\n\n" + "\n".join(notes) if notes else ""))
