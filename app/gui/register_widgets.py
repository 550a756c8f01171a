"""The register console's pieces: its results table, its write confirmation, its combo boxes.

The table has one row per value (per bit for coils and discrete inputs): the address in the
chosen base with its Modicon form, the raw words in hex, the value decoded as the chosen type
and word order (a NaN or infinite float, or words too few for one value, show as "—").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.meter.registers import ReadResult, RegisterAddress, RegisterRow, Table, WriteFunction
from app.gui.i18n import Retranslating, fill, number_locale


def value_text(value: int | float | None) -> str:
    """A decoded value: integers exactly, floats in their shortest form with the UI's mark."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return str(value)
    return repr(value).replace(".", number_locale().decimalPoint())


class RegisterTable(Retranslating, QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.result: ReadResult | None = None
        self.base = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Address"), self.tr("Raw (hex)"), self.tr("Decoded")]
        )

    def show_result(self, result: ReadResult | None, base: int) -> None:
        self.result, self.base = result, base
        rows = result.rows if result is not None else []
        self.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for column, text in enumerate(self.row_texts(row)):
                self.setItem(i, column, QTableWidgetItem(text))

    def row_texts(self, row: RegisterRow) -> tuple[str, str, str]:
        assert self.result is not None
        table = self.result.query.table
        modicon = RegisterAddress(row.address).modicon(table)
        raw = row.hex if not table.bits else str(row.words[0])
        return f"{row.address + self.base} ({modicon})", raw, value_text(row.value)

    def texts(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (for tests and for copying)."""
        return [
            (self._text(r, 0), self._text(r, 1), self._text(r, 2)) for r in range(self.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""


def confirm_write(
    parent: QWidget, unit: int, function: WriteFunction, address: int, values: tuple[int, ...]
) -> bool:
    """Ask before writing, naming the unit, the table, the addresses and the values."""
    table, n = function.table, len(values)
    span = RegisterAddress(address).modicon(table)
    if n > 1:
        span += "–" + RegisterAddress(address + n - 1).modicon(table)
    if table is Table.COILS:
        question = fill(
            QCoreApplication.translate(
                "RegisterConsole", "Write %n coil(s) at coils %1 of unit %2?", "", n
            ),
            span,
            unit,
        )
    else:
        question = fill(
            QCoreApplication.translate(
                "RegisterConsole", "Write %n register(s) at holding %1 of unit %2?", "", n
            ),
            span,
            unit,
        )
    shown = " ".join(str(v) for v in values)
    detail = fill(
        QCoreApplication.translate(
            "RegisterConsole", "Addresses %1 to %2 on the wire, with function %3. Values: %4"
        ),
        address,
        address + n - 1,
        int(function),
        shown,
    )
    Button = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("RegisterConsole", "Write to the meter"),
        f"{question}\n\n{detail}",
        Button.Yes | Button.Cancel,
        Button.Cancel,
    )
    return answer == Button.Yes


def fill_combo(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Set the items' texts, keeping the choice (a language switch refills the same items)."""
    index = max(0, combo.currentIndex())
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(index)
    combo.blockSignals(False)
