"""Auto-detect: who answers on this serial port or TCP gateway, and which profile fits each.

Runs the core's MeterScanner on the core loop (bridge.submit_with_progress): the progress bar,
the settings being tried and the meters found so far follow its progress events. Cancel asks
the scanner to stop (it does within one probe) and keeps what was found. "Use this" emits
`chosen(responder, guess)`; the meter page applies the unit, serial settings and profile.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.meter.bus_time import LinkKind
from app.core.meter.detect import (
    DEFAULT_BAUDS,
    DEFAULT_PARITIES,
    MeterScanner,
    ScanProgress,
    ScanResult,
)
from app.core.meter.meter_uri import MeterURI
from app.core.meter.profile import MeterProfile
from app.gui.bridge import CoreBridge
from app.gui.error_text import describe
from app.gui.i18n import Retranslating, fill
from app.gui.job import Job
from app.gui.steps.meter.scan_results import ScanResults

DEFAULT_LAST_UNIT = 10  # the common factory ids are low; a wider sweep is one field away


class ScanDialog(Retranslating, QDialog):
    chosen = Signal(object, object)  # Responder, ProfileGuess | None

    def __init__(
        self,
        bridge: CoreBridge,
        where: MeterURI,
        profiles: list[MeterProfile],
        parent: QWidget | None = None,
        *,
        timeout_s: float = 0.15,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.where = where
        self.scanner = MeterScanner(profiles, timeout_s=timeout_s)
        self.job: Job[ScanResult] | None = None
        self.scan_result: ScanResult | None = None
        self.target = QLabel()
        self.first_unit, self.last_unit = QSpinBox(), QSpinBox()
        for box, value in ((self.first_unit, 1), (self.last_unit, DEFAULT_LAST_UNIT)):
            box.setRange(1, 247)
            box.setValue(value)
        self.bauds = [QCheckBox(str(b)) for b in DEFAULT_BAUDS]
        self.parities = [QCheckBox(p.value) for p in DEFAULT_PARITIES]
        for check in self.bauds + self.parities:
            check.setChecked(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.now = QLabel()
        self.now.setWordWrap(True)
        self.results = ScanResults(profiles)
        self.start_button, self.cancel_button = QPushButton(), QPushButton()
        self.use_button, self.close_button = QPushButton(), QPushButton()
        self._build()
        self.retranslate()
        self._set_running(False)

    def _build(self) -> None:
        self.unit_label, self.baud_label, self.parity_label = QLabel(), QLabel(), QLabel()
        grid = QGridLayout()
        grid.addWidget(self.unit_label, 0, 0)
        units = QHBoxLayout()
        units.addWidget(self.first_unit)
        units.addWidget(QLabel("–"))
        units.addWidget(self.last_unit)
        units.addStretch(1)
        grid.addLayout(units, 0, 1)
        if self.serial:
            for row, (label, boxes) in enumerate(
                ((self.baud_label, self.bauds), (self.parity_label, self.parities)), 1
            ):
                line = QHBoxLayout()
                for box in boxes:
                    line.addWidget(box)
                line.addStretch(1)
                grid.addWidget(label, row, 0)
                grid.addLayout(line, row, 1)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.use_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.target)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.now)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_button.clicked.connect(self._use)
        self.close_button.clicked.connect(self.reject)
        self.results.itemDoubleClicked.connect(self._use)
        self.results.currentItemChanged.connect(self._update_use)
        self.resize(860, 520)

    @property
    def serial(self) -> bool:
        return self.where.kind == LinkKind.RTU

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Auto-detect meters"))
        where = self.where.serial_port if self.serial else f"{self.where.host}:{self.where.port}"
        self.target.setText(fill(self.tr("Looking for meters on %1"), where))
        self.unit_label.setText(self.tr("Unit ids"))
        self.baud_label.setText(self.tr("Baud rates"))
        self.parity_label.setText(self.tr("Parities"))
        self.start_button.setText(self.tr("&Start"))
        self.cancel_button.setText(self.tr("&Cancel scan"))
        self.use_button.setText(self.tr("&Use this"))
        self.close_button.setText(self.tr("Close"))

    # -- running ------------------------------------------------------------------------------

    def start(self) -> None:
        first, last = sorted((self.first_unit.value(), self.last_unit.value()))
        units = range(first, last + 1)
        scan = self._scan_call(units)
        self.scan_result = None
        self.progress.setValue(0)
        self.now.setText(self.tr("Starting…"))
        self.job = self.bridge.submit_with_progress(lambda report: _run(self.scanner, report, scan))
        self.job.progress.connect(self._on_progress)
        self.job.succeeded.connect(self._on_result)
        self.job.failed.connect(self._on_failed)
        self.job.finished.connect(lambda: self._set_running(False))
        self._set_running(True)

    def cancel(self) -> None:
        """Stop within one probe; what was found so far stays (and arrives as the result)."""
        if self.job is not None and not self.job.done:
            self.now.setText(self.tr("Stopping…"))
            self.bridge.call_soon(self.scanner.cancel)

    def _scan_call(self, units: range) -> Callable[[], Coroutine[Any, Any, ScanResult]]:
        where, scanner = self.where, self.scanner
        if self.serial:
            bauds = [int(b.text()) for b in self.bauds if b.isChecked()] or [9600]
            parities = [p.text() for p in self.parities if p.isChecked()] or ["N"]
            return lambda: scanner.scan_serial(
                where.serial_port, bauds=bauds, parities=parities, units=units
            )
        rtu = where.kind == LinkKind.RTU_OVER_TCP
        return lambda: scanner.scan_tcp(where.host, where.port, units=units, rtu=rtu)

    def _on_progress(self, progress: object) -> None:
        if not isinstance(progress, ScanProgress):
            return
        self.progress.setValue(round(progress.fraction * 1000))
        text = (
            self.tr("Probing unit %1 — %2")
            if progress.stage == "probing"
            else self.tr("Identifying unit %1 — %2")
        )
        self.now.setText(fill(text, progress.unit, progress.settings))
        self.results.show_responders(progress.found)

    def _on_result(self, result: ScanResult) -> None:
        self.scan_result = result
        self.results.show_responders(result.responders)
        if not result.cancelled:
            self.progress.setValue(1000)
        found = self.tr("%n meter(s) found", "", len(result.responders))
        if result.cancelled:
            found = fill(self.tr("Stopped. %1"), found)
        if result.errors:  # translated by code; every setting of one port fails alike
            lines = dict.fromkeys(_advice(e, self.where.kind) for e in result.errors)
            found += "\n" + "\n".join(lines)
        self.now.setText(found)

    def _on_failed(self, error: BaseException) -> None:
        self.now.setText(_advice(error, self.where.kind))

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._update_use()
        for box in (self.first_unit, self.last_unit, *self.bauds, *self.parities):
            box.setEnabled(not running)

    def _update_use(self) -> None:
        running = self.job is not None and not self.job.done
        self.use_button.setEnabled(not running and self.results.chosen() is not None)

    def _use(self) -> None:
        chosen = self.results.chosen()
        if chosen is not None and (self.job is None or self.job.done):
            self.chosen.emit(*chosen)
            self.accept()

    def done(self, result: int) -> None:
        if self.job is not None and not self.job.done:
            self.job.cancel()  # closing the dialog ends the scan and closes its links
        super().done(result)


def _advice(error: BaseException, link: LinkKind) -> str:
    text = describe(error, link=link)
    return " ".join(part for part in (text.what, text.todo) if part)


async def _run(
    scanner: MeterScanner,
    report: Callable[[object], None],
    scan: Callable[[], Coroutine[Any, Any, ScanResult]],
) -> ScanResult:
    unsubscribe = scanner.progress.subscribe(report)
    try:
        return await scan()
    finally:
        unsubscribe()
