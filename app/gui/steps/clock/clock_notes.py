"""The Clock page's sentences about what it could not do, and why: notes on the cards, the
status line, and whether the meter's clock can be set. Rich text where a note points to a step
(an <a href="step key"> link)."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject

from app.core.clock.check import ClockComparison, MeterZone
from app.core.clock.chile_time import format_offset
from app.core.clock.drift import Offset
from app.core.meter.reader import MeterReader
from app.gui.error_text import describe
from app.gui.i18n import fill
from app.gui.steps.clock.clock_text import seconds_text
from app.gui.widgets.dates import local_time


class ClockNotes(QObject):
    def server_note(self, comparison: ClockComparison | None, logged_in: bool) -> str:
        error = comparison.server_error if comparison is not None else None
        if error is not None:
            return html.escape(describe(error).what)
        if not logged_in:
            return self.tr(
                'Not logged in: ChileMedido\'s clock is unknown. <a href="connection">Log in '
                "on the Connection step</a>."
            )
        return ""

    def meter_note(self, reader: MeterReader | None, comparison: ClockComparison | None) -> str:
        if reader is None:
            return self.tr(
                'No meter connected. <a href="meter">Connect to it on the Meter step</a>.'
            )
        if reader.profile.clock is None:
            text = self.tr(
                "The %1 profile has no clock: this meter's clock is not checked, and Medido "
                "stamps its measurements."
            )
            return html.escape(fill(text, reader.profile.model))
        error = comparison.meter_error if comparison is not None else None
        return html.escape(describe(error).what) if error is not None else ""

    def status(self, comparison: ClockComparison | None) -> str:
        if comparison is None:
            return self.tr("Not compared yet.")
        when = local_time(comparison.measured_at)
        text = fill(self.tr("Compared at %1 (laptop time)."), when)
        sample = comparison.drift.sample
        if sample is not None:
            exchanges = self.tr("Exchanges with ChileMedido: %1; the fastest took %2.")
            fastest = seconds_text(sample.round_trip_s, 3, signed=False)
            text += " " + fill(exchanges, comparison.drift.samples_taken, fastest)
        return text

    def set_availability(
        self, reader: MeterReader | None, server: Offset | None, busy: bool, zone: MeterZone
    ) -> tuple[bool, str]:
        """Whether the meter's clock can be set now, and the sentence that says so or why not."""
        if reader is None:
            return False, self.tr("Connect to the meter first (Meter step).")
        clock = reader.profile.clock
        if clock is None:
            text = self.tr("The %1 profile has no clock registers: nothing to set.")
            return False, fill(text, reader.profile.model)
        if not clock.settable:
            text = self.tr(
                "Medido cannot set the clock of the %1: set it from the meter's display or "
                "software."
            )
            return False, fill(text, reader.profile.model)
        if server is None:
            return False, self.tr("Compare the clocks with ChileMedido first (this needs a login).")
        if busy:
            return False, self.tr("Setting the meter's clock…")
        now = datetime.now(UTC).astimezone(zone.zone)
        where = f"{zone.zone}, {format_offset(now.utcoffset() or timedelta(0))}"
        text = self.tr(
            "Sets the meter's clock to ChileMedido's time (%1), to the second, then reads it back."
        )
        return True, fill(text, where)
