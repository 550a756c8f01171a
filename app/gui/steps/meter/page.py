"""The Meter step: connect to the meter, choose its profile, poll it and see every variable.

The page turns the settings into a core MeterSession (link, reader, poll loop, history) and
hands it to the app's session, which polls it on the core loop; every reading fills the table
in place. A meter that does not answer shows in the banner while polling goes on trying; a
register the meter refuses shows in its row. Fields changed while connected are not applied
behind the installer's back: the controls say that Reconnect is needed. In the demo the session
already has a meter and polls it: the page shows it and never opens a second link.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from app.core.meter.detect import Responder
from app.core.meter.links import LinkEvent, list_serial_ports
from app.core.meter.meter_uri import MeterURIError, parse_meter_uri
from app.core.meter.profile import MeterProfile, SerialDefaults
from app.core.meter.profile_guess import ProfileGuess
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader
from app.core.meter.reading import MeterReading
from app.core.meter.session import MeterSession
from app.gui.i18n import fill
from app.gui.message_banner import Level
from app.gui.reading_look import Outcome, outcome, reading_state, why_no_values
from app.gui.session import Session
from app.gui.settings import METER_PROFILE, METER_URI, Option
from app.gui.steps.meter.meter_readout import MeterReadout
from app.gui.steps.meter.meter_setup import MeterSetup
from app.gui.steps.meter.scan_dialog import ScanDialog
from app.gui.steps.meter.scan_results import word_order_advice
from app.gui.steps.page import Page
from app.gui.steps.step import StepState

POLL_INTERVAL_S = Option("meter/interval_s", float, 1.0)


class MeterPage(Page):
    key = "meter"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.profiles = default_library().all()
        self.setup = MeterSetup(self.profiles)
        self.readout = MeterReadout(session.address_base)
        self.link_settings, self.picker = self.setup.link_settings, self.setup.picker
        self.controls, self.model = self.setup.controls, self.readout.model
        self.scan_dialog: ScanDialog | None = None
        self._error_code: str | None = None  # the poll error the banner shows, if any
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.setup)
        split.addWidget(self.readout)
        split.setStretchFactor(1, 1)
        split.setCollapsible(0, False)
        split.setCollapsible(1, False)
        split.setSizes([340, 760])
        self.body.addWidget(split, 1)

        self.link_settings.refresh_requested.connect(self.refresh_ports)
        self.link_settings.uri_text.returnPressed.connect(self._apply_uri_text)
        self.picker.changed.connect(self._on_profile_chosen)
        self.link_settings.changed.connect(self._sync_controls)
        self.controls.connect_button.clicked.connect(self.connect_meter)
        self.controls.disconnect_button.clicked.connect(self.disconnect_meter)
        self.controls.poll_button.clicked.connect(self.toggle_polling)
        self.controls.interval.editingFinished.connect(self._on_interval)
        self.controls.detect_button.clicked.connect(self.open_scan)
        self.controls.plan_button.toggled.connect(self.readout.show_plan)
        session.reading_arrived.connect(self.on_reading)
        session.link_state_changed.connect(self._on_link_event)
        session.reader_changed.connect(self._on_reader)
        session.polling_changed.connect(self._sync_controls)
        session.polling_failed.connect(self._polling_failed)
        session.address_base_changed.connect(self.readout.set_address_base)
        self.refresh_ports()

    def description(self) -> str:
        return self.tr("Read every variable from the meter, and check that each one makes sense.")

    # -- settings -----------------------------------------------------------------------------

    def restore_settings(self) -> None:
        settings = self.session.settings
        self.picker.set_profile_id(settings.get(METER_PROFILE))
        profile = self.picker.profile()
        defaults = profile.serial if profile is not None else SerialDefaults()
        self.link_settings.set_serial_defaults(defaults)
        with contextlib.suppress(MeterURIError):  # never set or hand-edited: keep the defaults
            self.link_settings.set_uri(parse_meter_uri(settings.get(METER_URI)), defaults)
        self.controls.interval.setValue(settings.get(POLL_INTERVAL_S))
        self.readout.set_profile(profile)
        self._on_reader(self.session.reader)  # the demo's, if it is already there
        # Built after the first paint: the link may have connected and read already.
        if self.session.link_event is not None:
            self._on_link_event(self.session.link_event)
        if self.session.latest_reading is not None:
            self.on_reading(self.session.latest_reading)

    def save_settings(self) -> None:
        settings = self.session.settings
        with contextlib.suppress(MeterURIError):  # a half-typed address keeps the last good one
            settings.set(METER_URI, str(self.link_settings.uri()))
        profile = self.picker.profile()
        if profile is not None:
            settings.set(METER_PROFILE, profile.id)
        settings.set(POLL_INTERVAL_S, self.controls.interval.value())

    # -- connecting and polling ---------------------------------------------------------------

    def connect_meter(self) -> None:
        """Open a link with the fields' settings and the chosen profile; poll once it is up."""
        profile = self.picker.profile()
        try:
            uri = self.link_settings.uri()
        except MeterURIError as e:
            self.show_error(e)
            return
        if profile is None:
            return
        self.banner.clear()
        self._error_code = None
        meter = MeterSession(uri, profile, traffic=self.session.traffic)
        self.session.set_meter(meter)  # the previous one stops and closes on the core loop
        self.readout.reset()
        self.set_step_state(StepState.BUSY)
        self.save_settings()
        self.run(
            meter.connect(),
            lambda _: self._connected(meter),
            lambda error: self._connect_failed(meter, error),
        )

    def _connected(self, meter: MeterSession) -> None:
        if meter is self.session.meter:
            self.session.start_polling(self.controls.interval.value())

    def _connect_failed(self, meter: MeterSession, error: BaseException) -> None:
        """No usable meter: drop it, so Reconnect, Disconnect and polling are not offered; the
        link box keeps saying why, the banner what to do, and Connect tries again."""
        if meter is self.session.meter:
            self.session.set_meter(None)
        self.show_error(error, link=meter.uri.kind)
        self.set_step_state(StepState.ERROR)

    def disconnect_meter(self) -> None:
        self.session.set_meter(None)
        self.banner.clear()
        self._error_code = None
        self.readout.reset()
        self.set_step_state(StepState.NOT_STARTED)

    def _polling_failed(self, error: BaseException) -> None:
        """Polling stopped on an unexpected error (a bug, not the meter): say so."""
        self.show_error(error)
        self.set_step_state(StepState.ERROR)

    def toggle_polling(self) -> None:
        if self.session.polling:
            self.session.stop_polling()
        elif self.session.meter is not None:
            self.session.start_polling(self.controls.interval.value())

    def _on_interval(self) -> None:
        self.session.settings.set(POLL_INTERVAL_S, self.controls.interval.value())
        if self.session.polling:
            self.session.start_polling(self.controls.interval.value())  # restarts

    def _on_profile_chosen(self, profile: MeterProfile) -> None:
        """A new profile: its serial defaults and rows; a connected meter is read with it."""
        self.link_settings.set_serial_defaults(profile.serial)
        self.readout.set_profile(profile)
        self.session.choose_meter_profile(profile)  # a connected meter is read with it

    def _on_reader(self, reader: MeterReader | None) -> None:
        if reader is not None:
            shown = self.picker.profile()
            if shown is None or shown.id != reader.profile.id:
                self.picker.blockSignals(True)  # show it; do not make another reader
                self.picker.set_profile_id(reader.profile.id)
                self.picker.blockSignals(False)
                self.readout.set_profile(reader.profile)
            if self.state is StepState.NOT_STARTED:
                self.set_step_state(StepState.BUSY)
        self._sync_controls()

    def _sync_controls(self) -> None:
        meter = self.session.meter
        self.controls.set_state(
            connected=meter is not None,
            polling=self.session.polling,
            stale=meter is not None and not self._fields_name(meter),
        )

    def _fields_name(self, meter: MeterSession) -> bool:
        """Whether the link fields and the profile describe the meter being polled."""
        profile = self.picker.profile()
        try:
            uri = self.link_settings.uri()
        except MeterURIError:
            return False  # half-typed: not what is polled
        return profile is not None and meter.polls_with(uri, profile)

    # -- readings and link events -------------------------------------------------------------

    def on_reading(self, reading: MeterReading) -> None:
        meter = self.session.meter
        kind = meter.uri.kind if meter is not None else None
        self.readout.show_reading(reading, kind)
        found = outcome(reading)
        if found is not Outcome.VALUES:
            key = reading.error.code if reading.error is not None else found.value
            if key != self._error_code:  # keep the banner steady while it lasts
                self._error_code = key
                self.banner.show_text(Level.ERROR, lambda: why_no_values(reading, kind))
        elif self._error_code is not None:
            self._error_code = None
            self.banner.clear()
        self.set_step_state(reading_state(reading))

    def _on_link_event(self, event: LinkEvent) -> None:
        link = self.session.link
        if link is not None and event.link == link.description:
            self.readout.show_link_event(event)

    # -- serial ports and auto-detect ---------------------------------------------------------

    def refresh_ports(self) -> None:
        """List the serial ports off the GUI thread (it asks the OS)."""
        self.run(asyncio.to_thread(list_serial_ports), self.link_settings.set_ports)

    def _apply_uri_text(self) -> None:
        try:
            self.link_settings.apply_uri_text()
        except MeterURIError as e:
            self.show_error(e)

    def open_scan(self) -> None:
        try:
            uri = self.link_settings.uri()
        except MeterURIError as e:
            self.show_error(e)
            return
        if uri.serial_port and self.session.meter is not None:
            self.disconnect_meter()  # a serial port opens once: the scan needs it
        self.scan_dialog = ScanDialog(self.session.bridge, uri, self.profiles, self)
        self.scan_dialog.chosen.connect(self.use_detected)
        self.scan_dialog.open()

    def use_detected(self, responder: Responder, guess: ProfileGuess | None) -> None:
        """Apply what auto-detect found: unit, serial settings, profile."""
        uri = replace(self.link_settings.uri(), unit=responder.unit)
        if responder.baud is not None:
            uri = replace(
                uri, baud=responder.baud, parity=responder.parity, stop_bits=responder.stop_bits
            )
        if guess is not None:
            self.picker.set_profile_id(guess.profile_id)
        self.link_settings.set_uri(uri)
        unit = responder.unit

        def what() -> str:
            return fill(self.tr("Unit %1 is set; connect to read it."), unit)

        if guess is not None and guess.word_order is not None:
            order = guess.word_order.value
            self.show_message(Level.WARNING, what, lambda: word_order_advice(order), guess.message)
        else:
            self.show_message(Level.SUCCESS, what)
