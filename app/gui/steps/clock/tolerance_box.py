"""The Clock page's tolerances: pass within, warn up to (beyond: fail), in seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.clock.verdict import DriftThresholds
from app.gui.i18n import Retranslating, number_locale


class ToleranceBox(Retranslating, QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pass_spin = _seconds_spin(0.1, 3600.0)
        self.warn_spin = _seconds_spin(0.1, 86_400.0)
        self.pass_label, self.warn_label, self.fail_note = QLabel(), QLabel(), QLabel()
        self.pass_label.setBuddy(self.pass_spin)
        self.warn_label.setBuddy(self.warn_spin)
        self.fail_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.pass_label, self.pass_spin)
        form.addRow(self.warn_label, self.warn_spin)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.fail_note)  # outside the form: a form row clips wrapped text
        column.addStretch(1)
        self.set_thresholds(DriftThresholds())
        self.pass_spin.valueChanged.connect(self._on_change)
        self.warn_spin.valueChanged.connect(self._on_change)
        self.retranslate()

    @property
    def thresholds(self) -> DriftThresholds:
        pass_s = self.pass_spin.value()
        return DriftThresholds(pass_s, max(pass_s, self.warn_spin.value()))

    def set_thresholds(self, limits: DriftThresholds) -> None:
        self.pass_spin.setValue(limits.pass_s)
        self.warn_spin.setValue(max(limits.warn_s, self.pass_spin.value()))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Tolerance"))
        self.pass_label.setText(self.tr("&Pass within:"))
        self.warn_label.setText(self.tr("&Warn up to:"))
        self.fail_note.setText(self.tr("Beyond that, the clock fails."))
        for spin in (self.pass_spin, self.warn_spin):
            spin.setLocale(number_locale())  # "5,0 s" in Spanish
            spin.setValue(spin.value())  # redraw in the new locale

    def _on_change(self) -> None:
        self.warn_spin.setMinimum(self.pass_spin.value())
        self.changed.emit()


def _seconds_spin(low: float, high: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(1)
    spin.setSuffix(" s")
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin
