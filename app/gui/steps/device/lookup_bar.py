"""How the installer names a meter: by the provider's own number (text) or by ChileMedido's id.

Each mode keeps its own text, so switching between them loses nothing typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.gui.i18n import N_, Retranslating

NUMBER, ID = "number", "id"
_MODES = ((NUMBER, N_("LookupBar", "Meter number")), (ID, N_("LookupBar", "ChileMedido id")))


class LookupBar(Retranslating, QWidget):
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = NUMBER
        self._texts = {NUMBER: "", ID: ""}
        self.label = QLabel()
        self.modes = QComboBox()
        self.modes.currentIndexChanged.connect(self._on_mode)
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.submitted)
        self.button = QPushButton()
        self.button.clicked.connect(self.submitted)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.modes)
        row.addWidget(self.query, 1)
        row.addWidget(self.button)
        self.retranslate()

    def texts(self) -> dict[str, str]:
        """What was typed in each mode (for the settings)."""
        return {**self._texts, self.mode: self.query.text()}

    def restore(self, mode: str, texts: dict[str, str]) -> None:
        self._texts = {NUMBER: texts.get(NUMBER, ""), ID: texts.get(ID, "")}
        self.mode = mode if mode in self._texts else NUMBER
        self.query.setText(self._texts[self.mode])
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Look up by:"))
        self.modes.blockSignals(True)
        self.modes.clear()
        for _key, text in _MODES:
            self.modes.addItem(QCoreApplication.translate("LookupBar", text))
        self.modes.setCurrentIndex([key for key, _ in _MODES].index(self.mode))
        self.modes.blockSignals(False)
        self.query.setPlaceholderText(
            self.tr("e.g. 29, or MED-04/Ñuñoa as registered")
            if self.mode == NUMBER
            else self.tr("a whole number, e.g. 29")
        )
        self.button.setText(self.tr("&Find"))

    def _on_mode(self, index: int) -> None:
        mode = _MODES[index][0] if 0 <= index < len(_MODES) else NUMBER
        if mode != self.mode:
            self._texts[self.mode] = self.query.text()
            self.mode = mode
            self.query.setText(self._texts[mode])
            self.retranslate()
