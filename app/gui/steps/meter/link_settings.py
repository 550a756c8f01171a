"""Where the meter is: Modbus TCP, RTU on a serial port, or RTU through a TCP gateway.

The fields and the equivalent meter URI (tcp://…, rtu://…, rtutcp://…) show the same thing:
editing a field rewrites the URI, and a URI pasted by support fills the fields. The widget
only edits; `uri()` validates with the core's parser (MeterURIError names the wrong part).
Listing serial ports is the page's job (it runs off the GUI thread): `refresh_requested`,
then `set_ports`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from app.core.meter.bus_time import LinkKind
from app.core.meter.links import DEFAULT_PORT, SerialPortInfo
from app.core.meter.meter_uri import MeterURI, parse_meter_uri
from app.core.meter.profile import Parity, SerialDefaults
from app.gui.i18n import Retranslating

BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
_KINDS = (LinkKind.TCP, LinkKind.RTU, LinkKind.RTU_OVER_TCP)
_DEFAULTS = SerialDefaults()


class LinkSettings(Retranslating, QWidget):
    refresh_requested = Signal()  # the page should list the serial ports and call set_ports
    changed = Signal()  # any field changed (the page compares them with the connected meter)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.host = QLineEdit()
        self.host.setPlaceholderText("192.168.1.50")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.unit = QSpinBox()
        self.unit.setRange(0, 247)
        self.unit.setValue(1)
        self.serial_port = QComboBox()
        self.serial_port.setEditable(True)  # a port not listed (yet) can be typed
        self.serial_port.setMinimumContentsLength(14)
        self.refresh = QToolButton()
        self.refresh.setText("⟳")
        self.refresh.clicked.connect(self.refresh_requested)
        self.port_info = QLabel()
        self.port_info.setWordWrap(True)
        self.baud = QComboBox()
        self.baud.setEditable(True)
        self.baud.addItems([str(b) for b in BAUDS])
        self.parity = QComboBox()
        self.stop_bits = QComboBox()
        self.stop_bits.addItems(["1", "2"])
        self.uri_text = QLineEdit()
        self.uri_text.setClearButtonEnabled(True)

        ports = QHBoxLayout()
        ports.setContentsMargins(0, 0, 0, 0)
        ports.addWidget(self.serial_port, 1)
        ports.addWidget(self.refresh)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        fields: list[QWidget | QHBoxLayout] = [
            self.kind,
            self.host,
            self.port,
            ports,
            self.port_info,
            self.baud,
            self.parity,
            self.stop_bits,
            self.unit,
            self.uri_text,
        ]
        self._labels = [QLabel() for _ in fields]
        for label, field in zip(self._labels, fields, strict=True):
            self.form.addRow(label, field)
        self._ports: list[SerialPortInfo] = []
        self._updating = False
        self.retranslate()

        for signal in (
            self.kind.currentIndexChanged,
            self.port.valueChanged,
            self.unit.valueChanged,
            self.parity.currentIndexChanged,
            self.stop_bits.currentIndexChanged,
        ):
            signal.connect(self._fields_changed)
        for text_signal in (
            self.host.textChanged,
            self.serial_port.currentTextChanged,
            self.baud.currentTextChanged,
        ):
            text_signal.connect(self._fields_changed)
        self._fields_changed()

    def retranslate(self) -> None:
        self._updating = True
        kind = self.kind.currentIndex()
        self.kind.clear()
        self.kind.addItems(
            [self.tr("Modbus TCP"), self.tr("RTU (serial port)"), self.tr("RTU over TCP")]
        )
        self.kind.setCurrentIndex(max(0, kind))
        parity = self.parity.currentIndex()
        self.parity.clear()
        self.parity.addItem(self.tr("None (N)"), Parity.NONE.value)  # Qt keeps plain text
        self.parity.addItem(self.tr("Even (E)"), Parity.EVEN.value)
        self.parity.addItem(self.tr("Odd (O)"), Parity.ODD.value)
        self.parity.setCurrentIndex(max(0, parity))
        self._updating = False
        labels = (
            self.tr("Link"),
            self.tr("Host"),
            self.tr("TCP port"),
            self.tr("Serial port"),
            "",
            self.tr("Baud rate"),
            self.tr("Parity"),
            self.tr("Stop bits"),
            self.tr("Unit id"),
            self.tr("Meter URI"),
        )
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.refresh.setToolTip(self.tr("List the serial ports again"))
        self.uri_text.setToolTip(
            self.tr(
                "The same settings as one line, e.g. tcp://192.168.1.50:502?unit=1; paste one "
                "and press Enter to fill the fields."
            )
        )
        self._show_port_info()

    # -- reading and writing ------------------------------------------------------------------

    @property
    def link_kind(self) -> LinkKind:
        return _KINDS[max(0, self.kind.currentIndex())]

    def uri(self) -> MeterURI:
        """The settings as a URI; MeterURIError if a field is missing or out of range."""
        return parse_meter_uri(self._uri_from_fields())

    def set_uri(self, uri: MeterURI, defaults: SerialDefaults = _DEFAULTS) -> None:
        """Show these settings; serial settings the URI leaves out come from `defaults`."""
        self._updating = True
        try:
            self.kind.setCurrentIndex(_KINDS.index(uri.kind))
            self.unit.setValue(uri.unit if uri.unit is not None else 1)
            if uri.kind == LinkKind.RTU:
                self.serial_port.setCurrentText(uri.serial_port)
                self.set_serial_defaults(uri.resolved_serial(defaults))
            else:
                self.host.setText(uri.host)
                self.port.setValue(uri.port)
                self.baud.setCurrentText(str(uri.baud or defaults.baud))
        finally:
            self._updating = False
        self._fields_changed()

    def apply_uri_text(self) -> None:
        """Fill the fields from the URI field; MeterURIError (fields unchanged) if it is bad."""
        self.set_uri(parse_meter_uri(self.uri_text.text()))

    def set_serial_defaults(self, serial: SerialDefaults) -> None:
        self.baud.setCurrentText(str(serial.baud))
        self.parity.setCurrentIndex(max(0, self.parity.findData(serial.parity.value)))
        self.stop_bits.setCurrentText(str(serial.stop_bits))

    def set_ports(self, ports: list[SerialPortInfo]) -> None:
        current = self.serial_port.currentText()
        self._ports = ports
        self._updating = True
        self.serial_port.clear()
        self.serial_port.addItems([p.device for p in ports])
        self.serial_port.setCurrentText(current or (ports[0].device if ports else ""))
        self._updating = False
        self._fields_changed()

    # -- plumbing ---------------------------------------------------------------------------

    def _uri_from_fields(self) -> str:
        kind = self.link_kind
        query = f"unit={self.unit.value()}"
        if kind == LinkKind.RTU:
            port = self.serial_port.currentText().strip()
            parity = self.parity.currentData() or Parity.NONE.value
            query += f"&baud={self.baud.currentText().strip()}&parity={parity}"
            query += f"&stop={self.stop_bits.currentText()}"
            return f"rtu://{port}?{query}"
        if kind == LinkKind.RTU_OVER_TCP:
            query += f"&baud={self.baud.currentText().strip()}"
        return f"{kind.value}://{self.host.text().strip()}:{self.port.value()}?{query}"

    def _fields_changed(self) -> None:
        if self._updating:
            return
        kind = self.link_kind
        tcp, serial = kind != LinkKind.RTU, kind == LinkKind.RTU
        rows = {1: tcp, 2: tcp, 3: serial, 5: kind != LinkKind.TCP, 6: serial, 7: serial}
        for row, visible in rows.items():
            self.form.setRowVisible(row, visible)
        self.uri_text.setText(self._uri_from_fields())
        self.uri_text.setCursorPosition(0)  # the scheme and host, not the end, in a short field
        self._show_port_info()
        self.changed.emit()

    def _show_port_info(self) -> None:
        device = self.serial_port.currentText()
        info = next((p for p in self._ports if p.device == device), None)
        if info is None:
            text = self.tr("Not present now") if device else ""
        else:
            text = info.description + (f" — {info.vid_pid}" if info.vid_pid else "")
        self.port_info.setText(text)
        self.form.setRowVisible(4, bool(text) and self.link_kind == LinkKind.RTU)
