"""The register console (View menu): read any register of the connected meter, write some.

What Modbus Poll does, over the session's meter link: its lock, its pacing and its traffic
records, so every access shows in the Traffic dock. Reads and writes run on the core loop
(bridge.submit); the dialog never blocks. A write asks first, naming the unit, the table, the
addresses and the values. Without a connected meter the dialog says so and offers nothing.
Parsing, decoding and the Modbus calls are app.core.meter.registers.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.meter.profile import DataType, WordOrder
from app.core.meter.register_address import MAX_ADDRESS, MAX_BITS
from app.core.meter.registers import (
    ReadResult,
    RegisterAddress,
    RegisterError,
    RegisterQuery,
    Table,
    WriteFunction,
    WriteResult,
    parse_values,
    read_registers,
    write_registers,
)
from app.gui.i18n import Retranslating, fill
from app.gui.job import Job
from app.gui.message_banner import Level, MessageBanner
from app.gui.register_widgets import RegisterTable, confirm_write, fill_combo
from app.gui.session import Session

_TABLES = (Table.HOLDING, Table.INPUT, Table.COILS, Table.DISCRETE)
_WRITES = (
    WriteFunction.MULTIPLE_REGISTERS,
    WriteFunction.SINGLE_REGISTER,
    WriteFunction.MULTIPLE_COILS,
    WriteFunction.SINGLE_COIL,
)


class RegisterConsole(Retranslating, QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerConsole")
        self.setModal(False)
        self.session = session
        self.job: Job[Any] | None = None
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.banner = MessageBanner(self)
        self.function, self.base = QComboBox(), QComboBox()
        self.address = QLineEdit()
        self.count = QSpinBox()
        self.count.setRange(1, MAX_BITS)
        self.type, self.word_order = QComboBox(), QComboBox()
        for kind in DataType:
            self.type.addItem(kind.value, kind.value)
        for order in WordOrder:
            self.word_order.addItem(order.value, order.value)
        self.read_button = QPushButton()
        self.table = RegisterTable()
        self.write_function = QComboBox()
        self.values = QLineEdit()
        self.write_button = QPushButton()
        self._build()
        self.retranslate()
        self.base.setCurrentIndex(session.address_base)
        session.meter_changed.connect(self._update_state)
        self._update_state()

    def _build(self) -> None:
        self.read_box, self.write_box = QGroupBox(), QGroupBox()
        form = QFormLayout(self.read_box)
        self.function_label, self.address_label, self.count_label = QLabel(), QLabel(), QLabel()
        self.type_label, self.write_label, self.values_label = QLabel(), QLabel(), QLabel()
        where = QHBoxLayout()
        where.addWidget(self.address, 1)
        where.addWidget(self.base)
        decode = QHBoxLayout()
        decode.addWidget(self.type)
        decode.addWidget(self.word_order)
        decode.addStretch(1)
        form.addRow(self.function_label, self.function)
        form.addRow(self.address_label, where)
        form.addRow(self.count_label, self.count)
        form.addRow(self.type_label, decode)
        form.addRow(self.read_button)
        write = QFormLayout(self.write_box)
        write.addRow(self.write_label, self.write_function)
        write.addRow(self.values_label, self.values)
        write.addRow(self.write_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.banner)
        layout.addWidget(self.read_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.write_box)
        self.read_button.clicked.connect(self.read)
        self.write_button.clicked.connect(self.write)
        self.address.returnPressed.connect(self.read)
        self.type.currentIndexChanged.connect(self._fit_count)
        self.resize(560, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register console"))
        names = {
            Table.HOLDING: self.tr("Holding registers (3)"),
            Table.INPUT: self.tr("Input registers (4)"),
            Table.COILS: self.tr("Coils (1)"),
            Table.DISCRETE: self.tr("Discrete inputs (2)"),
        }
        fill_combo(self.function, [(names[t], int(t)) for t in _TABLES])
        writes = {
            WriteFunction.MULTIPLE_REGISTERS: self.tr("Holding registers, several (16)"),
            WriteFunction.SINGLE_REGISTER: self.tr("Holding register, one (6)"),
            WriteFunction.MULTIPLE_COILS: self.tr("Coils, several (15)"),
            WriteFunction.SINGLE_COIL: self.tr("Coil, one (5)"),
        }
        fill_combo(self.write_function, [(writes[w], int(w)) for w in _WRITES])
        fill_combo(self.base, [(self.tr("0-based"), 0), (self.tr("1-based"), 1)])
        self.read_box.setTitle(self.tr("Read"))
        self.write_box.setTitle(self.tr("Write"))
        self.function_label.setText(self.tr("&Function"))
        self.function_label.setBuddy(self.function)
        self.address_label.setText(self.tr("&Address"))
        self.address_label.setBuddy(self.address)
        self.address.setPlaceholderText(self.tr("3059, 0x0BF3, or Modicon 43060 / 300001"))
        self.count_label.setText(self.tr("&Count"))
        self.count_label.setBuddy(self.count)
        self.type_label.setText(self.tr("&Type and word order"))
        self.type_label.setBuddy(self.type)
        self.read_button.setText(self.tr("&Read"))
        self.write_label.setText(self.tr("Fu&nction"))
        self.write_label.setBuddy(self.write_function)
        self.values_label.setText(self.tr("&Values"))
        self.values_label.setBuddy(self.values)
        self.values.setPlaceholderText(self.tr("1003 0 2025 0x0A, or 1 0 1 for coils"))
        self.write_button.setText(self.tr("&Write…"))
        self._update_state()

    # -- state --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _update_state(self, *_: object) -> None:
        meter = self.session.meter
        if meter is None:
            self.where.setText(
                self.tr("No meter is connected. Connect one on the Meter step to use the console.")
            )
        else:
            self.where.setText(fill(self.tr("Meter: %1"), meter.description))
        for box in (self.read_box, self.write_box):
            if box.isEnabled() != (meter is not None):
                box.setEnabled(meter is not None)
        for button in (self.read_button, self.write_button):
            button.setEnabled(meter is not None and not self.busy)

    def _fit_count(self) -> None:
        kind = DataType(self.type.currentData())  # the combos hold plain values
        if not self._table().bits and self.count.value() < kind.words:
            self.count.setValue(kind.words)

    def _table(self) -> Table:
        return Table(int(self.function.currentData()))

    # -- read and write -----------------------------------------------------------------------

    def _address(self, table: Table | None) -> tuple[Table, int]:
        """The table (Modicon's, else `table`, else the function chosen) and the 0-based address
        typed; RegisterError if they do not fit together."""
        parsed = RegisterAddress.parse(self.address.text(), self.base.currentIndex())
        if table is not None and parsed.table is not None and parsed.table is not table:
            text = self.address.text().strip()
            raise RegisterError(f"{text} names the {parsed.table.label} table, not {table.label}")
        return parsed.table or table or self._table(), parsed.address

    def read(self) -> None:
        meter = self.session.meter
        if meter is None or self.busy:
            return
        try:
            table, address = self._address(None)
            query = RegisterQuery(
                table,
                address,
                self.count.value(),
                DataType(self.type.currentData()),
                WordOrder(self.word_order.currentData()),
            )
        except RegisterError as e:
            self._bad_input(e)
            return
        self.function.setCurrentIndex(_TABLES.index(table))  # Modicon names the table
        self._start(read_registers(meter.link, meter.unit, query), self._on_read)

    def write(self) -> None:
        meter = self.session.meter
        if meter is None or self.busy:
            return
        function = WriteFunction(int(self.write_function.currentData()))
        try:
            _, address = self._address(function.table)
            values = parse_values(self.values.text().replace(",", " ").split(), function)
            if address + len(values) - 1 > MAX_ADDRESS:
                raise RegisterError(f"{address}+{len(values)} goes past {MAX_ADDRESS}")
        except RegisterError as e:
            self._bad_input(e)
            return
        if not confirm_write(self, meter.unit, function, address, values):
            return
        self._start(
            write_registers(meter.link, meter.unit, function, address, values), self._on_written
        )

    def _start[T](self, coro: Coroutine[Any, Any, T], on_success: Callable[[T], None]) -> None:
        self.banner.clear()
        job = self.session.bridge.submit(coro)
        self.job = job
        job.succeeded.connect(on_success)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._update_state()

    def _on_finished(self) -> None:
        self.job = None
        self._update_state()

    def _on_read(self, result: ReadResult) -> None:
        self.table.show_result(result, self.base.currentIndex())
        if result.exception is not None:
            self._meter_refused(result.unit, result.exception, result.explanation)

    def _on_written(self, result: WriteResult) -> None:
        if result.exception is not None:
            self._meter_refused(result.unit, result.exception, result.explanation)
            return
        n = len(result.values)
        self.banner.show_message(
            Level.SUCCESS,
            lambda: fill(self.tr("Unit %1 took the %n value(s).", "", n), result.unit),
        )

    def _meter_refused(self, unit: int, code: int, explanation: str) -> None:
        self.banner.show_message(
            Level.WARNING,
            lambda: fill(self.tr("Unit %1 answered with Modbus exception %2."), unit, code),
            lambda: self.tr("Check the function, the address and the count against the manual."),
            explanation,
        )

    def _on_failed(self, error: BaseException) -> None:
        meter = self.session.meter
        self.banner.show_error(error, link=meter.uri.kind if meter is not None else None)

    def _bad_input(self, error: RegisterError) -> None:
        self.banner.show_message(
            Level.ERROR,
            lambda: self.tr("Medido cannot read that address or those values."),
            lambda: self.tr(
                "Addresses: a number in the chosen base, 0x0BF3 (as on the wire), or Modicon "
                "4xxxx / 3xxxx / 1xxxx / 0xxxx that matches the function. Registers take "
                "0..65535 (or -32768..-1), coils 0 or 1."
            ),
            error.message,
        )
