"""What the pages share: the bridge, the settings, the traffic log, and the chosen things.

Pages never talk to each other; they set things here and react to the signals. This is a thin
holder: it keeps the current API client, device and meter session (app.core.meter.session, which
owns the link, reader, poll loop and reading history), forwards their events to the GUI thread,
and closes a service when it is replaced or at exit. Logic belongs in app.core. Setters are
called on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.core.api import ApiState, ApiStatus
from app.core.resources import user_data_dir
from app.core.traffic import TrafficLog
from app.gui.bridge import CoreBridge, EventRelay
from app.gui.job import Job
from app.gui.settings import ADDRESS_BASE, METER_PROFILE, UPLOAD_KEEP_DAYS, Settings

# For annotations only: the meter's, the clock's and the flusher's modules load with the pages
# that use them, after the first window (app/gui/step_stack.py).
if TYPE_CHECKING:
    from app.core.api import ChileMedidoClient, Device
    from app.core.clock.drift import Offset
    from app.core.meter.links import LinkEvent, ModbusLink
    from app.core.meter.profile import MeterProfile
    from app.core.meter.reader import MeterReader
    from app.core.meter.reading import MeterReading
    from app.core.meter.session import MeterSession
    from app.core.readings.history import ReadingHistory
    from app.core.upload.flusher import OutboxFlusher
    from app.core.upload.history import UploadHistory
    from app.core.upload.outbox import Outbox

DEMO_HISTORY_FILE = "uploads-demo.sqlite3"
DEMO_OUTBOX_FILE = "outbox-demo.sqlite3"

_NOT_LOGGED_IN = (ApiState.LOGGED_OUT, ApiState.LOGGING_IN)


class Session(QObject):
    api_changed = Signal(object)  # ChileMedidoClient | None
    api_state_changed = Signal(object)  # ApiStatus (also emitted when the client changes)
    device_changed = Signal(object)  # Device | None
    meter_changed = Signal(object)  # MeterSession | None
    meter_profile_changed = Signal(str)  # the profile the Meter step chose (connected or not)
    link_state_changed = Signal(object)  # LinkEvent
    reader_changed = Signal(object)  # MeterReader | None: a new meter, or a new profile on it
    reading_arrived = Signal(object)  # MeterReading
    polling_changed = Signal(bool)
    polling_failed = Signal(object)  # the exception that stopped polling (a bug, not the meter)
    address_base_changed = Signal(int)  # 0 or 1: how register addresses are shown
    server_offset_changed = Signal(object)  # Offset | None: server − laptop, from the Clock page
    step_requested = Signal(str)  # a page asks the window to show another step (its key)
    outbox_changed = Signal()  # the outbox was written (a send, a re-send, a discard)

    def __init__(
        self,
        bridge: CoreBridge,
        settings: Settings,
        traffic: TrafficLog | None = None,
        *,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.traffic = traffic if traffic is not None else TrafficLog()
        self.demo = demo  # pages may start their step by themselves (the demo's promise)
        self._upload_history: UploadHistory | None = None
        self._outbox: Outbox | None = None
        self._outbox_relay: EventRelay[None] | None = None
        self._flusher: OutboxFlusher | None = None
        self._flushing: Job[None] | None = None
        self._api: ChileMedidoClient | None = None
        self._api_relay: EventRelay[ApiStatus] | None = None
        self._api_status = ApiStatus(ApiState.LOGGED_OUT)
        self._device: Device | None = None
        self._meter: MeterSession | None = None
        self._meter_relays: list[EventRelay[Any]] = []
        self._history: ReadingHistory | None = None  # made when first asked for (numpy)
        self._reading: MeterReading | None = None
        self._link_event: LinkEvent | None = None  # the current link's latest
        self._polling: Job[None] | None = None
        self._server_offset: Offset | None = None
        bridge.add_closer(self._close_services)

    # -- API ----------------------------------------------------------------------------------

    @property
    def api(self) -> ChileMedidoClient | None:
        return self._api

    @property
    def api_status(self) -> ApiStatus:
        return self._api_status

    @property
    def logged_in(self) -> bool:
        """A client past its first login (it may be renewing, offline or refused since)."""
        return self._api is not None and self._api_status.state not in _NOT_LOGGED_IN

    def set_api(self, client: ChileMedidoClient | None) -> None:
        """Use this client from now on; the previous one is closed on the core loop."""
        previous = self._api
        if client is previous:
            return
        if self._api_relay is not None:
            self._api_relay.close()
            self._api_relay = None
        self._api = client
        if previous is not None and self.bridge.running:
            self.bridge.submit(previous.aclose())
        if client is not None:
            self._api_relay = self.bridge.forward(client.state_changed, self._on_api_status)
        self.api_changed.emit(client)
        self._on_api_status(client.status if client else ApiStatus(ApiState.LOGGED_OUT))
        self.set_server_offset(None)  # another server, another clock

    @property
    def server_offset(self) -> Offset | None:
        """Server − laptop as last measured (Clock page); the Upload page stamps with it."""
        return self._server_offset

    def set_server_offset(self, offset: Offset | None) -> None:
        if offset != self._server_offset:
            self._server_offset = offset
            self.server_offset_changed.emit(offset)

    def _on_api_status(self, status: ApiStatus) -> None:
        self._api_status = status
        self._keep_flusher()
        self.api_state_changed.emit(status)

    # -- uploads: made when first asked for (the Upload page, the first login), not before the
    # first window: their modules bring the measurements' validation and the sensor dictionary.

    @property
    def upload_history(self) -> UploadHistory:
        if self._upload_history is None:
            from app.core.upload.history import FILE_NAME, UploadHistory

            # Like the settings file, the demo's history never mixes with an installer's.
            name = DEMO_HISTORY_FILE if self.demo else FILE_NAME
            self._upload_history = UploadHistory(user_data_dir() / name)
        return self._upload_history

    @property
    def outbox(self) -> Outbox:
        """Every upload is written here before it goes; the flusher re-sends what got no answer."""
        if self._outbox is None:
            from app.core.upload.outbox import FILE_NAME, Outbox

            self._outbox = Outbox(user_data_dir() / (DEMO_OUTBOX_FILE if self.demo else FILE_NAME))
            self._outbox_relay = self.bridge.forward(self._outbox.changed, self._on_outbox_written)
        return self._outbox

    # -- outbox: the flusher runs on the core loop while a client is logged in -----------------

    @property
    def flusher(self) -> OutboxFlusher | None:
        return self._flusher

    def _on_outbox_written(self, _: None) -> None:
        self.outbox_changed.emit()

    def send_outbox_now(self) -> None:
        """The installer's "Send now": every waiting upload is due at once."""
        if self._flusher is not None and self.bridge.running:
            self.bridge.call_soon(self._flusher.kick)

    def _keep_flusher(self) -> None:
        api = self._api if self.logged_in else None
        if self._flusher is not None and (api is None or self._flusher.api is not api):
            self._stop_flusher()
        if api is not None and self._flusher is None and self.bridge.running:
            from app.core.upload.flusher import OutboxFlusher  # with the first login

            keep_days = max(1, self.settings.get(UPLOAD_KEEP_DAYS))
            flusher = OutboxFlusher(api, self.outbox, self.upload_history, keep_days=keep_days)
            self._flusher = flusher
            self._flushing = self.bridge.submit(flusher.run())

    def _stop_flusher(self) -> None:
        job, self._flushing, self._flusher = self._flushing, None, None
        if job is not None:
            job.cancel()

    # -- device -------------------------------------------------------------------------------

    @property
    def device(self) -> Device | None:
        return self._device

    def set_device(self, device: Device | None) -> None:
        if device != self._device:
            self._device = device
            self.device_changed.emit(device)

    # -- meter: one core MeterSession owns the link, reader, poll loop and history -------------

    @property
    def meter(self) -> MeterSession | None:
        return self._meter

    @property
    def link(self) -> ModbusLink | None:
        return self._meter.link if self._meter is not None else None

    @property
    def reader(self) -> MeterReader | None:
        return self._meter.reader if self._meter is not None else None

    @property
    def history(self) -> ReadingHistory:
        """The current meter's day of readings (the last meter's, once disconnected).

        Before the first meter it is an empty one, made when first asked for: its numpy need
        not load before the first window (the Plot page, built after it, asks)."""
        if self._history is None:
            from app.core.readings.history import ReadingHistory

            self._history = ReadingHistory()
        return self._history

    def set_meter(self, meter: MeterSession | None) -> None:
        """Use this meter from now on; the previous one stops polling and closes on the loop."""
        previous = self._meter
        if meter is previous:
            return
        self.stop_polling()
        for relay in self._meter_relays:
            relay.close()
        self._meter_relays = []
        self._meter = meter
        self._reading = None
        self._link_event = None
        if previous is not None and self.bridge.running:
            self.bridge.submit(previous.close())
        if meter is not None:
            self._history = meter.history
            self._meter_relays = [
                self.bridge.forward(meter.link.events, self._on_link_event),
                self.bridge.forward(meter.readings, self._on_reading),
            ]
        self.meter_changed.emit(meter)
        self.reader_changed.emit(self.reader)

    def use_profile(self, profile: MeterProfile) -> None:
        """Read the connected meter with another profile from its next poll on."""
        meter = self._meter
        if meter is not None and meter.profile != profile:
            # Swapping the reader is one attribute write: a poll in flight finishes with the old
            # one, and its reading (the old profile's) is dropped by _on_reading.
            meter.use_profile(profile)
            self._reading = None
            self.reader_changed.emit(meter.reader)

    @property
    def meter_profile_id(self) -> str:
        """The profile chosen on the Meter step ("" for none yet); remembered in the settings."""
        return self.settings.get(METER_PROFILE)

    def choose_meter_profile(self, profile: MeterProfile) -> None:
        """The installer chose a profile: remember it, read a connected meter with it."""
        self.use_profile(profile)
        if profile.id != self.meter_profile_id:
            self.settings.set(METER_PROFILE, profile.id)
            self.meter_profile_changed.emit(profile.id)

    @property
    def latest_reading(self) -> MeterReading | None:
        return self._reading

    @property
    def link_event(self) -> LinkEvent | None:
        """The current link's latest state change, for a page built after it (a link says
        CONNECTED once)."""
        return self._link_event

    def _on_link_event(self, event: LinkEvent) -> None:
        if self._meter is not None and event.link == self._meter.link.description:
            self._link_event = event
        self.link_state_changed.emit(event)

    def _on_reading(self, reading: MeterReading) -> None:
        meter = self._meter
        if meter is None or (reading.profile_id, reading.unit) != (meter.profile.id, meter.unit):
            return  # a late reading from a meter or profile just replaced
        self._reading = reading
        self.reading_arrived.emit(reading)

    # -- polling: session-wide, so it goes on while the installer moves between steps ---------

    @property
    def polling(self) -> bool:
        return self._polling is not None

    def start_polling(self, interval_s: float = 1.0) -> None:
        """Run the meter's poll loop on the core loop; readings arrive as reading_arrived."""
        meter = self._meter
        if meter is None:
            raise RuntimeError("no meter to poll: set_meter first")
        self.stop_polling()
        job = self.bridge.submit(meter.poll_loop(interval_s))
        job.failed.connect(self.polling_failed)
        job.finished.connect(lambda: self._polling_ended(job))
        self._polling = job
        self.polling_changed.emit(True)

    def stop_polling(self) -> None:
        job, self._polling = self._polling, None
        if job is not None:
            job.cancel()
            self.polling_changed.emit(False)

    def _polling_ended(self, job: Job[None]) -> None:
        if self._polling is job:  # ended by itself (an unexpected error), not by stop_polling
            self._polling = None
            self.polling_changed.emit(False)

    # -- preferences --------------------------------------------------------------------------

    @property
    def address_base(self) -> int:
        return 1 if self.settings.get(ADDRESS_BASE) == 1 else 0  # a hand-edited 5 reads as 0

    def set_address_base(self, base: int) -> None:
        if base not in (0, 1):
            raise ValueError(f"address base is 0 or 1, not {base}")
        if base != self.address_base:
            self.settings.set(ADDRESS_BASE, base)
            self.address_base_changed.emit(base)

    # -- navigation ---------------------------------------------------------------------------

    def request_step(self, key: str) -> None:
        """Ask the window to show a step, e.g. "Log in first" → Connection."""
        self.step_requested.emit(key)

    # -- exit ---------------------------------------------------------------------------------

    def close(self) -> None:
        """At exit, before the bridge shuts down: stop what the session started."""
        self.stop_polling()
        self._stop_flusher()
        for relay in (self._outbox_relay, self._api_relay, *self._meter_relays):
            if relay is not None:
                relay.close()

    async def _close_services(self) -> None:
        """Runs on the core loop at shutdown (registered with the bridge)."""
        meter, api = self._meter, self._api
        if meter is not None:
            await meter.close()
        if api is not None:
            await api.aclose()
