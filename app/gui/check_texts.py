"""Texts for the codes of the clock, measurement and history checks (Clock and Upload pages).

Kept apart from error_text.py (which merges them into its table) so each file stays short. Same
shape and context: code -> (what happened or was found, what to do), context "ErrorText",
{placeholders} filled from the error's or the page's params.
"""

from __future__ import annotations

from app.gui.i18n import N_

_BUNDLE_INCOMPLETE = (
    N_("ErrorText", "The bundle lacks part of the site (the API, the device or the registers)."),
    N_("ErrorText", "Make the bundle after running the check on site, with the meter connected."),
)

CHECK_TEXTS: dict[str, tuple[str, str]] = {
    # -- the meter's clock (app.core.meter.meter_clock) --
    "clock-invalid": (
        N_("ErrorText", "The meter's clock holds no valid date."),
        N_(
            "ErrorText",
            "Its clock may never have been set: set it from Medido (if its profile allows), "
            "from its display or from its software.",
        ),
    ),
    "clock-unsupported": (
        N_("ErrorText", "Medido does not know where this meter keeps its clock."),
        N_("ErrorText", "Check the meter's time on its display."),
    ),
    "clock-exception": (
        N_("ErrorText", "The meter refused to give its clock."),
        N_(
            "ErrorText",
            "The profile's clock registers may not match this model or firmware; see the details.",
        ),
    ),
    "clock-not-settable": (
        N_("ErrorText", "Medido cannot set this meter's clock."),
        N_("ErrorText", "Set it from the meter's display or its configuration software."),
    ),
    "clock-set-refused": (
        N_("ErrorText", "The meter refused the set-clock command."),
        N_(
            "ErrorText",
            "The meter may not accept writes over Modbus: set the time from its display.",
        ),
    ),
    "clock-set-unconfirmed": (
        N_("ErrorText", "The clock command was sent, but its result could not be read."),
        N_("ErrorText", "Compare the clocks again to see whether the meter took the new time."),
    ),
    "clock-set-failed": (
        N_("ErrorText", "The meter did not set its clock (result code {result})."),
        N_(
            "ErrorText",
            "On Schneider meters, 3000 usually means Com. Protection is on: on the meter's "
            "display, enter the configuration mode, set Com. Protection to Disable, then try "
            "again (turn it back on afterwards if the site requires it).",
        ),
    ),
    # -- clock verdicts (app.core.clock.verdict), shown with the offset on the Clock page --
    "clock.in_sync": (N_("ErrorText", "That is within tolerance."), ""),
    "clock.drift_small": (N_("ErrorText", "Measurements would be stamped {amount} off."), ""),
    "clock.drift_large": (N_("ErrorText", "Measurements would be stamped at the wrong time."), ""),
    "clock.cannot_tell": (
        N_("ErrorText", "The measurement is too uncertain to judge a {tolerance} tolerance."),
        N_("ErrorText", "Compare again: a slow or busy connection makes it coarse."),
    ),
    "clock.laptop_timezone_wrong": (
        N_(
            "ErrorText",
            "That is a whole {hours} h: the laptop's time zone setting is wrong (its clock was "
            "set to the local time by hand under another zone).",
        ),
        N_("ErrorText", "Choose the right time zone in Windows and turn on automatic time."),
    ),
    "clock.meter_keeps_local": (
        N_(
            "ErrorText",
            "That is a whole {hours} h, the local offset: the meter keeps local time, but "
            "Medido reads it as UTC.",
        ),
        N_("ErrorText", 'Choose the meter\'s zone ({zone}) under "The meter keeps".'),
    ),
    "clock.meter_timezone_wrong": (
        N_(
            "ErrorText",
            "That is a whole {hours} h: the meter's time zone setting is wrong, not its clock.",
        ),
        N_(
            "ErrorText",
            "Set the meter's time zone to {zone}, or choose what it keeps under \"The meter "
            'keeps".',
        ),
    ),
    "clock.meter_keeps_utc": (
        N_(
            "ErrorText",
            "That is a whole {hours} h, the offset between UTC and {zone}: the meter shows UTC, "
            "but Medido reads it as local time.",
        ),
        N_("ErrorText", 'Set the meter to local time, or choose UTC under "The meter keeps".'),
    ),
    "clock.meter_dst_wrong": (
        N_(
            "ErrorText",
            "That is a whole {hours} h: the meter's daylight saving time setting is wrong (it "
            "missed the last change, or uses other dates than {zone}), not its clock.",
        ),
        N_(
            "ErrorText",
            "Fix the meter's DST setting, or turn it off and set the time by hand after each "
            "change.",
        ),
    ),
    "clock.meter_dst_not_observed_here": (
        N_(
            "ErrorText",
            "That is a whole {hours} h: the meter applies daylight saving time, but {zone} has "
            "none (Magallanes and Aysén stay on UTC−03:00 all year).",
        ),
        N_("ErrorText", "Turn DST off in the meter."),
    ),
    # -- measurement checks (app.core.measurements) --
    "measurement.empty": (
        N_("ErrorText", "There is nothing to send."),
        N_("ErrorText", "Wait for a reading from the meter (Meter step)."),
    ),
    "measurement.too_many": (
        N_("ErrorText", "The request has more measures than ChileMedido takes at once (100)."),
        N_("ErrorText", "Send them in several requests."),
    ),
    "measurement.span_too_long": (
        N_("ErrorText", "The measures span more than the one day ChileMedido takes at once."),
        N_("ErrorText", "Send them in several requests."),
    ),
    "measurement.device_number_empty": (
        N_("ErrorText", "The meter number is empty."),
        N_("ErrorText", "Look the meter up in the Device step."),
    ),
    "measurement.timestamp_not_whole": (
        N_("ErrorText", "A timestamp is not in whole seconds."),
        N_("ErrorText", "Send the details to support."),
    ),
    "measurement.timestamp_in_ms": (
        N_("ErrorText", "A timestamp looks like milliseconds; ChileMedido expects seconds."),
        N_("ErrorText", "Send the details to support."),
    ),
    "measurement.timestamp_in_future": (
        N_("ErrorText", "The measurement is stamped in the future."),
        N_("ErrorText", "The clock that stamped it is wrong: check the Clock step."),
    ),
    "measurement.timestamp_old": (
        N_("ErrorText", "The measurement is more than a month old."),
        N_(
            "ErrorText",
            "If this is a live reading, the clock that stamped it is wrong: check the Clock step.",
        ),
    ),
    "measurement.no_values": (
        N_("ErrorText", "The measurement has no values; ChileMedido refuses it."),
        N_("ErrorText", "Check that the meter gives values for this meter's variables."),
    ),
    "measurement.not_a_number": (
        N_("ErrorText", 'The value of "{sensor}" is not a number.'),
        N_("ErrorText", "Check the profile's data type for this variable."),
    ),
    "measurement.not_finite": (
        N_("ErrorText", 'The value of "{sensor}" is not a finite number.'),
        N_("ErrorText", "Check the profile's data type and word order for this variable."),
    ),
    "measurement.impossible_value": (
        N_("ErrorText", 'The value of "{sensor}" is one no meter can produce.'),
        N_(
            "ErrorText",
            "The profile decodes this register wrongly (type, word order, scale or a 'not "
            "available' pattern): check the profile and the unit id. It is never uploaded.",
        ),
    ),
    "measurement.sensor_name_spelling": (
        N_("ErrorText", '"{sensor}" is not how ChileMedido spells it: "{suggestion}".'),
        N_(
            "ErrorText",
            "Accents and case must match exactly; fix the name in the profile, or its values "
            "will be ignored.",
        ),
    ),
    "measurement.unknown_sensor": (
        N_("ErrorText", '"{sensor}" is not a ChileMedido variable.'),
        N_("ErrorText", "The server will ignore its values with a warning."),
    ),
    "measurement.omitted.not_available": (
        N_("ErrorText", "The meter gave no value for it in this reading."),
        "",
    ),
    "measurement.omitted.not_in_profile": (
        N_("ErrorText", "ChileMedido expects it, but the meter profile does not read it."),
        N_(
            "ErrorText",
            "Use a profile that maps it, or ask the administrator to remove it from the meter.",
        ),
    ),
    "measurement.omitted.not_configured": (
        N_(
            "ErrorText", "Not configured for this meter on ChileMedido: the server would ignore it."
        ),
        "",
    ),
    "measurement.omitted.not_finite": (
        N_("ErrorText", "Its value is not a finite number."),
        N_("ErrorText", "Check the profile's data type and word order for this variable."),
    ),
    "measurement.omitted.impossible": (
        N_("ErrorText", "Its value is one no meter can produce, so it is left out."),
        N_("ErrorText", "Check the profile's data type, word order and scale for this variable."),
    ),
    # -- the server's answer to an upload (app.core.measurements.server_warnings) --
    "upload.sensor_not_configured": (
        N_(
            "ErrorText",
            'On ChileMedido, this meter does not have "{sensor}" configured, so its value was '
            "ignored.",
        ),
        N_(
            "ErrorText",
            "Ask the ChileMedido administrator to add it to the meter, or ignore this if the "
            "meter is not meant to report it.",
        ),
    ),
    "upload.server_warning": (
        N_("ErrorText", "ChileMedido accepted the upload with a warning."),
        "",
    ),
    # -- the upload history (app.core.upload.history) --
    "history.unusable": (
        N_("ErrorText", "The upload history cannot be used."),
        N_(
            "ErrorText",
            "Uploads still work. If this persists, close Medido and rename or delete the file "
            "named in the details.",
        ),
    ),
    "history.newer_schema": (
        N_("ErrorText", "The upload history was written by a newer Medido."),
        N_("ErrorText", "It was left untouched; update Medido to see it."),
    ),
    # -- the upload outbox (app.core.upload.outbox) --
    "outbox.unusable": (
        N_("ErrorText", "The upload outbox cannot be used."),
        N_(
            "ErrorText",
            "Uploads are sent without it, but one that fails is not re-sent by itself. Close "
            "Medido and check the disk; the details name the file.",
        ),
    ),
    "outbox.newer_schema": (
        N_("ErrorText", "The upload outbox was written by a newer Medido."),
        N_("ErrorText", "It was left untouched; update Medido to send what it holds."),
    ),
    # -- diagnostics bundles (app.core.support) --
    "bundle.missing": (
        N_("ErrorText", "The bundle file is not there."),
        N_("ErrorText", "Choose the .zip file support or the installer sent."),
    ),
    "bundle.not_zip": (
        N_("ErrorText", "This file is not a zip file."),
        N_("ErrorText", "Choose the .zip file that Medido's Save diagnostics bundle wrote."),
    ),
    "bundle.not_bundle": (
        N_("ErrorText", "This zip file is not a Medido diagnostics bundle."),
        N_("ErrorText", "Choose the .zip file that Medido's Save diagnostics bundle wrote."),
    ),
    "bundle.newer_version": (
        N_("ErrorText", "This bundle was written by a newer Medido."),
        N_("ErrorText", "Update Medido to open it."),
    ),
    "bundle.damaged": (
        N_("ErrorText", "The bundle is damaged."),
        N_("ErrorText", "Ask for the bundle again; the details say which part is unreadable."),
    ),
    "bundle.no_site": (
        N_("ErrorText", "The bundle holds no site to reproduce."),
        N_("ErrorText", "Make the bundle after running the check on site."),
    ),
    "bundle.no_api": _BUNDLE_INCOMPLETE,
    "bundle.no_device": _BUNDLE_INCOMPLETE,
    "bundle.no_registers": _BUNDLE_INCOMPLETE,
    "bundle.bad_profile": (
        N_("ErrorText", "The bundle's meter profile cannot be read."),
        N_("ErrorText", "The details say what is wrong in it; ask for the bundle again."),
    ),
    "bundle.nothing": (
        N_("ErrorText", "There is nothing to put in a bundle yet."),
        N_("ErrorText", "Run the check first (the Check step, or medido check)."),
    ),
    "bundle.unwritable": (
        N_("ErrorText", "The bundle could not be written."),
        N_("ErrorText", "Choose another folder; the details say why."),
    ),
    "bundle.secret_found": (
        N_("ErrorText", "The bundle was not written: it would have held a token."),
        N_("ErrorText", "Send the log to Medido's developers; this is a bug."),
    ),
}
