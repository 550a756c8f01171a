"""Which ChileMedido to talk to: production, another address, or the local emulator; and the
advanced knobs (a CA file for networks that re-sign HTTPS, timeouts for slow links).

The address is checked as it is typed (Environment.custom / .emulator): a bad one names the fix
with the address fixed (address_advice.py), one that does not end in /api/v1 and plain http off
this computer are warnings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.api import (
    PRODUCTION_URL,
    Environment,
    EnvironmentKind,
    InvalidEnvironment,
    Timeouts,
    TlsOptions,
)
from app.gui.i18n import Retranslating, fill
from app.gui.steps.connection.address_advice import address_problem, path_warning
from app.gui.widgets.tone_label import Tone, ToneLabel

EMULATOR_URL = "http://127.0.0.1:8000/api/v1"  # `medido emulator`'s default address


class EnvironmentBox(Retranslating, QGroupBox):
    changed = Signal()  # the kind or an address changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.production = QRadioButton()
        self.custom = QRadioButton()
        self.emulator = QRadioButton()
        self.kinds = QButtonGroup(self)
        for kind, button in self._buttons().items():
            self.kinds.addButton(button)
            button.setObjectName(f"environment-{kind.value}")
        self.production.setChecked(True)
        self.custom_url = QLineEdit()
        self.emulator_url = QLineEdit(EMULATOR_URL)
        self.check = ToneLabel()
        self.check.setWordWrap(True)
        self.check.hide()

        grid = QGridLayout()
        grid.addWidget(self.production, 0, 0, 1, 2)
        grid.addWidget(self.custom, 1, 0)
        grid.addWidget(self.custom_url, 1, 1)
        grid.addWidget(self.emulator, 2, 0)
        grid.addWidget(self.emulator_url, 2, 1)
        grid.setColumnStretch(1, 1)

        self.advanced = QToolButton()
        self.advanced.setCheckable(True)
        self.advanced.setAutoRaise(True)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced.toggled.connect(self._on_advanced)
        self.ca_file = QLineEdit()
        self.ca_file.setClearButtonEnabled(True)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        self.connect_timeout = _seconds(1, 120, Timeouts().connect)
        self.read_timeout = _seconds(5, 600, Timeouts().read)
        self.advanced_panel = QWidget()
        form = QFormLayout(self.advanced_panel)
        form.setContentsMargins(18, 0, 0, 0)
        self._ca_label, self._connect_label, self._read_label = QLabel(), QLabel(), QLabel()
        form.addRow(self._ca_label, ca_row)
        form.addRow(self._connect_label, self.connect_timeout)
        form.addRow(self._read_label, self.read_timeout)
        self.advanced_panel.hide()

        column = QVBoxLayout(self)
        column.addLayout(grid)
        column.addWidget(self.check)
        column.addWidget(self.advanced)
        column.addWidget(self.advanced_panel)

        self.kinds.buttonToggled.connect(self._on_change)
        self.custom_url.textChanged.connect(self._on_change)
        self.emulator_url.textChanged.connect(self._on_change)
        self.retranslate()
        self._on_change()

    # -- what the page reads ------------------------------------------------------------------

    def kind(self) -> EnvironmentKind:
        return next(k for k, b in self._buttons().items() if b.isChecked())

    def set_kind(self, kind: EnvironmentKind) -> None:
        self._buttons()[kind].setChecked(True)

    def address_text(self) -> str:
        """The address as typed for the chosen kind (production's own for production)."""
        kind = self.kind()
        if kind is EnvironmentKind.CUSTOM:
            return self.custom_url.text()
        if kind is EnvironmentKind.EMULATOR:
            return self.emulator_url.text()
        return PRODUCTION_URL

    def environment(self) -> Environment:
        """The chosen server; InvalidEnvironment says what is wrong with a typed address."""
        kind = self.kind()
        if kind is EnvironmentKind.CUSTOM:
            return Environment.custom(self.custom_url.text())
        if kind is EnvironmentKind.EMULATOR:
            return Environment.emulator(self.emulator_url.text())
        return Environment.production()

    def tls(self) -> TlsOptions:
        path = self.ca_file.text().strip()
        return TlsOptions(ca_file=Path(path) if path else None)

    def timeouts(self) -> Timeouts:
        return Timeouts(connect=self.connect_timeout.value(), read=self.read_timeout.value())

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("ChileMedido server"))
        host = PRODUCTION_URL.split("/")[2]
        self.production.setText(fill(self.tr("&Production (%1)"), host))
        self.custom.setText(self.tr("&Other address:"))
        self.emulator.setText(self.tr("Local &emulator:"))
        self.custom_url.setPlaceholderText("https://…/api/v1")
        self.advanced.setText(self.tr("Advanced"))
        self._ca_label.setText(self.tr("CA certificate file:"))
        self.ca_file.setPlaceholderText(
            self.tr("only if the network re-signs HTTPS (company proxy)")
        )
        self.browse.setText(self.tr("&Choose…"))
        self._connect_label.setText(self.tr("Connect timeout:"))
        self._read_label.setText(self.tr("Answer timeout:"))
        for box in (self.connect_timeout, self.read_timeout):
            box.setSuffix(" s")
        self._on_advanced(self.advanced.isChecked())
        self._show_check()

    # -- reactions ----------------------------------------------------------------------------

    def _buttons(self) -> dict[EnvironmentKind, QRadioButton]:
        return {
            EnvironmentKind.PRODUCTION: self.production,
            EnvironmentKind.CUSTOM: self.custom,
            EnvironmentKind.EMULATOR: self.emulator,
        }

    def _on_change(self, *_args: object) -> None:
        kind = self.kind()
        self.custom_url.setEnabled(kind is EnvironmentKind.CUSTOM)
        self.emulator_url.setEnabled(kind is EnvironmentKind.EMULATOR)
        self._show_check()
        self.changed.emit()

    def _show_check(self) -> None:
        try:
            environment = self.environment()
        except InvalidEnvironment as error:
            text = address_problem(self.address_text(), error)
            self.check.setText(f"{text.what} {text.todo}")
            self.check.set_tone(Tone.ERROR)
            self.check.show()
            return
        warnings = [path_warning(environment.base_url)]
        if environment.warning is not None:
            plain_http = self.tr(
                "This address uses plain http to %1: tokens and measurements would travel "
                "unencrypted. Use https unless this is a test server on your own network."
            )
            warnings.append(fill(plain_http, environment.host))
        shown = [text for text in warnings if text]
        self.check.setText("\n".join(shown))
        self.check.set_tone(Tone.WARNING)
        self.check.setVisible(bool(shown))

    def _on_advanced(self, shown: bool) -> None:
        self.advanced_panel.setVisible(shown)
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate file"),
            self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)


def _seconds(low: float, high: float, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(0)
    box.setValue(value)
    box.setMaximumWidth(box.fontMetrics().horizontalAdvance("0") * 12)
    return box
