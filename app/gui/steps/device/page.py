"""Step 2, Device: find the meter on ChileMedido and check its variables against the profile.

A meter is looked up by the provider's own number (text: spaces, slashes and accents are part of
it) or by ChileMedido's id. The device found goes to the session for the later steps; a failed
lookup leaves the last good one in place. The coverage column says, per configured variable,
whether the chosen profile supplies it (app.core.sensors.coverage); the profile defaults to the
Meter step's choice. The platform's own dictionary is fetched on demand, once per session.
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from app.core.api import ChileMedidoClient, Device, MeterNotFound, NotYourMeter, TokenError
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import ProfileLibrary, default_library
from app.core.meter.reader import MeterReader
from app.core.sensors.coverage import CoverageReport, compare
from app.gui.i18n import fill
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.settings import DEVICE_NUMBER, Option
from app.gui.steps.device.device_tables import DeviceTables
from app.gui.steps.device.login_pointer import LoginPointer
from app.gui.steps.device.lookup_bar import ID, NUMBER, LookupBar
from app.gui.steps.page import Page
from app.gui.steps.step import StepState
from app.gui.widgets.tone_label import Tone, ToneLabel

LOOKUP_MODE = Option("device/lookup_mode", str, "number")  # "number" or "id"
DEVICE_ID = Option("device/id", str, "")


class DevicePage(Page):
    key = "device"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._profiles: dict[str, MeterProfile] = {}
        self._wanted_profile = ""
        self._asked = ""
        self.lookup = LookupBar()
        self.lookup.submitted.connect(self.look_up)
        self.pointer = LoginPointer()
        self.pointer.linkActivated.connect(session.request_step)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.profile = QComboBox()
        self.profile.currentIndexChanged.connect(self._show_coverage)
        self.coverage = ToneLabel()
        self.coverage.setWordWrap(True)
        self.tables = DeviceTables()
        self.tables.fetch.clicked.connect(self.fetch_dictionary)

        self._profile_label = QLabel()
        profile_row = QHBoxLayout()
        profile_row.addWidget(self._profile_label)
        profile_row.addWidget(self.profile, 1)
        for item in (self.lookup, self.pointer, self.summary, profile_row, self.coverage):
            if isinstance(item, QHBoxLayout):
                self.body.addLayout(item)
            else:
                self.body.addWidget(item)
        self.body.addWidget(self.tables, 1)

        session.device_changed.connect(self._show_device)
        session.api_changed.connect(self._on_api_changed)
        session.api_state_changed.connect(self._update_pointer)
        session.reader_changed.connect(self._on_reader)
        session.meter_profile_changed.connect(self._on_meter_profile)
        self.run(asyncio.to_thread(default_library), self._on_library)
        self._update_pointer()
        self._show_device(session.device)

    def description(self) -> str:
        return self.tr("Find the meter on ChileMedido and compare its variables with the profile.")

    def retranslate(self) -> None:
        self._profile_label.setText(self.tr("Meter profile:"))
        if self.profile.count():  # the profiles have loaded: item 0 is "no profile"
            self.profile.setItemText(0, self._no_profile_text())
        self._show_device(self.session.device)

    # -- settings -----------------------------------------------------------------------------

    def restore_settings(self) -> None:
        settings = self.session.settings
        texts = {NUMBER: settings.get(DEVICE_NUMBER), ID: settings.get(DEVICE_ID)}
        self.lookup.restore(settings.get(LOOKUP_MODE), texts)
        self._wanted_profile = self.session.meter_profile_id
        self._pick_profile(self._wanted_profile)

    def save_settings(self) -> None:
        settings, texts = self.session.settings, self.lookup.texts()
        settings.set(LOOKUP_MODE, self.lookup.mode)
        settings.set(DEVICE_NUMBER, texts[NUMBER])
        settings.set(DEVICE_ID, texts[ID])

    # -- looking up ---------------------------------------------------------------------------

    def look_up(self) -> None:
        api = self.session.api
        if api is None or LoginPointer.needed(self.session.api_status, True):
            self._update_pointer()
            self.show_message(
                Level.WARNING,
                lambda: self.tr("Log in to ChileMedido first."),
                lambda: self.tr("Use the Connection step, then come back to find the meter."),
            )
            return
        text = self.lookup.query.text().strip()  # edge spaces are a copy-paste slip
        if self.lookup.mode == ID:
            if not text.isdigit():
                self.show_message(
                    Level.ERROR,
                    lambda: fill(self.tr("“%1” is not a ChileMedido id."), text),
                    lambda: self.tr(
                        "An id is a whole number, e.g. 29. To use the meter's own number, "
                        "look up by meter number."
                    ),
                )
                return
            lookup = api.device(int(text))
        else:
            if not text:
                self.show_message(Level.ERROR, lambda: self.tr("Type the meter's number first."))
                return
            lookup = api.device_by_number(text)
        self._asked = text
        self.banner.clear()
        self.lookup.button.setEnabled(False)
        self.set_step_state(StepState.BUSY)
        job = self.run(lookup, self._found, self._lookup_failed)
        job.finished.connect(self._lookup_finished)

    def _found(self, device: Device) -> None:
        self.session.set_device(device)
        self._show_device(device)

    def _not_found(self, by_id: bool) -> str:
        if by_id:
            return self.tr("No meter with ChileMedido id %1 exists for your provider.")
        return self.tr("No meter numbered “%1” exists for your provider.")

    def _lookup_finished(self) -> None:
        self.lookup.button.setEnabled(True)

    def _lookup_failed(self, error: BaseException) -> None:
        asked = self._asked
        if isinstance(error, MeterNotFound):
            by_id = self.lookup.mode == ID
            self.show_message(
                Level.ERROR,
                lambda: fill(self._not_found(by_id), asked),
                lambda: self.tr(
                    "Check the number against the meter's registration on the platform: it "
                    "must match exactly, spaces, slashes and accents included."
                ),
                str(error),
            )
        elif isinstance(error, NotYourMeter):
            self.show_message(
                Level.ERROR,
                lambda: fill(self.tr("Meter %1 belongs to another provider."), asked),
                lambda: self.tr(
                    "Check the number or id, and that you logged in with this gateway's token."
                ),
                str(error),
            )
        else:
            self.show_error(error)
        if isinstance(error, TokenError):
            self._update_pointer()
        self._update_state(failed=True)

    # -- the dictionary -----------------------------------------------------------------------

    def fetch_dictionary(self) -> None:
        api = self.session.api
        if api is None:
            self.look_up()  # says how to log in
            return
        self.tables.fetch.setEnabled(False)
        job = self.run(api.sensor_names(), self._on_dictionary)
        job.finished.connect(self._dictionary_finished)

    def _dictionary_finished(self) -> None:
        self.tables.fetch.setEnabled(True)

    def _on_dictionary(self, sensors: object) -> None:
        if isinstance(sensors, tuple):
            self.tables.show_dictionary(sensors, self.session.device)

    def _on_api_changed(self, _client: ChileMedidoClient | None) -> None:
        self.tables.show_dictionary(None, None)  # cached per client: another login, another list

    # -- showing ------------------------------------------------------------------------------

    def _show_device(self, device: Device | None) -> None:
        if device is None:
            self.summary.setText(self.tr("No meter chosen yet."))
        else:
            text = self.tr(
                "Meter “%1” · ChileMedido id %2 · %n variable(s) configured.",
                "",
                len(device.sensors),
            )
            self.summary.setText(fill(text, device.number, device.id))  # a number may hold "%2"
        self._show_coverage()

    def _report(self) -> CoverageReport | None:
        device = self.session.device
        profile = self._profiles.get(self.profile.currentData() or "")
        if device is None or profile is None:
            return None
        return compare(device, profile)

    def _show_coverage(self, *_args: object) -> None:
        device, report = self.session.device, self._report()
        self.tables.show_device(device, report)
        if report is None:
            self.coverage.hide()
        else:
            self.coverage.setText(self.tables.coverage_text(report))
            self.coverage.set_tone(Tone.OK if report.complete else Tone.WARNING)
            self.coverage.show()
        self._update_state()

    def _update_state(self, *, failed: bool = False) -> None:
        device, report = self.session.device, self._report()
        if device is None:
            self.set_step_state(StepState.ERROR if failed else StepState.NOT_STARTED)
        elif report is not None and not report.complete:
            self.set_step_state(StepState.WARNING)
        else:
            self.set_step_state(StepState.OK)

    def _update_pointer(self, *_args: object) -> None:
        self.pointer.show_for(self.session.api_status, self.session.api is not None)

    # -- profile ---------------------------------------------------------------------------

    def _on_library(self, library: ProfileLibrary) -> None:
        self._profiles = {p.id: p for p in library.all()}
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.addItem(self._no_profile_text(), "")
        for p in self._profiles.values():
            self.profile.addItem(f"{p.manufacturer} {p.model} ({p.id})", p.id)
        self.profile.blockSignals(False)
        self._pick_profile(self._wanted_profile)

    def _no_profile_text(self) -> str:
        return self.tr("(none: no comparison)")

    def _on_reader(self, reader: MeterReader | None) -> None:
        if reader is not None:  # the Meter step connected (or changed) the profile it reads with
            self._on_meter_profile(reader.profile.id)

    def _on_meter_profile(self, profile_id: str) -> None:
        if profile_id and profile_id != self._wanted_profile:
            self._wanted_profile = profile_id
            self._pick_profile(profile_id)

    def _pick_profile(self, profile_id: str) -> None:
        index = self.profile.findData(profile_id)
        self.profile.setCurrentIndex(index if index >= 0 else self.profile.currentIndex())
        self._show_coverage()
