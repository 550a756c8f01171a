"""Choose the meter's profile, and read its notes: the traps of that model (EM24 total vs
partial energy, Schneider's 1-based documentation, word order settings)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.meter.profile import MeterProfile
from app.gui.i18n import Retranslating, fill


class _ElidingCombo(QComboBox):
    """Shows a long name with "…" in the middle, so the variable count at its end stays."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideMiddle, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ProfilePicker(Retranslating, QWidget):
    changed = Signal(object)  # the MeterProfile chosen (by the user or by set_profile_id)

    def __init__(self, profiles: list[MeterProfile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self.combo = _ElidingCombo()
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.notes = QTextBrowser()
        self.notes.setOpenExternalLinks(False)
        self.notes.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.notes, 1)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.combo.currentIndex()
        self.combo.blockSignals(True)
        self.combo.clear()
        for p in self._profiles:
            n = len(p.sensors)
            text = fill(self.tr("%1 — %2 (%n variable(s))", "", n), p.manufacturer, p.model)
            self.combo.addItem(text, p.id)
            self.combo.setItemData(self.combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.combo.setCurrentIndex(max(0, current) if self._profiles else -1)
        self.combo.blockSignals(False)
        view = self.combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)  # the popup shows whole names
        self._show_notes()

    def profile(self) -> MeterProfile | None:
        i = self.combo.currentIndex()
        return self._profiles[i] if 0 <= i < len(self._profiles) else None

    def set_profile_id(self, profile_id: str) -> bool:
        """Choose a profile by id; False (and nothing changes) if there is no such profile."""
        i = self.combo.findData(profile_id)
        if i < 0:
            return False
        self.combo.setCurrentIndex(i)
        return True

    def _chosen(self, _index: int) -> None:
        self._show_notes()
        profile = self.profile()
        if profile is not None:
            self.changed.emit(profile)

    def _show_notes(self) -> None:
        profile = self.profile()
        if profile is None:
            self.notes.clear()
            return
        parts = [f"<p>{html.escape(profile.description)}</p>"] if profile.description else []
        if profile.notes:
            items = "".join(f"<li>{html.escape(note)}</li>" for note in profile.notes)
            parts.append(f"<ul style='margin-left: -20px'>{items}</ul>")
        self.notes.setHtml("".join(parts))
