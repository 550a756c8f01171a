"""A read-only table of ChileMedido variables with an accent- and case-blind filter.

Installers type "energia" or "CORRIENTE" and expect "Energía activa acumulada" and "Corriente A":
rows match when the query, folded like the platform's near-miss check (app.core.measurements
fold), is part of any folded cell. Cells may carry a tone (ok / warning / error), drawn in the
theme's colours and redrawn when the app switches between light and dark.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.core.measurements import fold
from app.gui.widgets.tone_label import Tone, tone_colour

type Cell = str | tuple[str, Tone]


class SensorTable(QTableWidget):
    def __init__(self, columns: int, stretch: int = 0) -> None:
        super().__init__(0, columns)
        self._rows: list[tuple[Cell, ...]] = []
        self._query = ""
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        self._rows = [tuple(row) for row in rows]
        self._draw()

    def apply_filter(self, query: str) -> None:
        self._query = fold(query)
        for row, cells in enumerate(self._rows):
            self.setRowHidden(row, not self._matches(cells))

    def shown_rows(self) -> list[str]:
        """The first column of the rows the filter lets through (what the installer sees)."""
        return [
            _text(cells[0]) for row, cells in enumerate(self._rows) if not self.isRowHidden(row)
        ]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._rows:
            self._draw()  # tones have a light and a dark variant
        super().changeEvent(event)

    def _matches(self, cells: tuple[Cell, ...]) -> bool:
        return not self._query or any(self._query in fold(_text(c)) for c in cells)

    def _draw(self) -> None:
        self.setRowCount(len(self._rows))
        for row, cells in enumerate(self._rows):
            for column, cell in enumerate(cells):
                item = QTableWidgetItem(_text(cell))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if isinstance(cell, tuple) and cell[1] is not Tone.PLAIN:
                    item.setForeground(QBrush(tone_colour(cell[1])))
                self.setItem(row, column, item)
            self.setRowHidden(row, not self._matches(cells))


def _text(cell: Cell) -> str:
    return cell[0] if isinstance(cell, tuple) else cell
