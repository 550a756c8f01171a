"""The commissioning check's findings in the installer's language (app/core/check).

A finding carries a stable `code`, English texts and `params`; here each code has its English
source (translated in context "CheckFinding") with {param} placeholders. API and link errors
("api.offline", "meter.timeout") reuse the app's error texts; clock verdicts reuse the Clock
page's. A code not listed here shows the core's English message, never nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.check.outcome import Finding
from app.core.meter.bus_time import LinkKind
from app.gui.error_text import describe_code, fill_params, known_codes
from app.gui.i18n import N_

_C = "CheckFinding"

CHECKLIST_TEXTS: dict[str, tuple[str, str]] = {
    "api.reachable": (N_("CheckFinding", "ChileMedido answered in {ms} ms."), ""),
    "api.reachable_via_proxy": (
        N_("CheckFinding", "ChileMedido answered in {ms} ms through the proxy {proxy}."),
        "",
    ),
    "api.not_encrypted": (
        N_("CheckFinding", "The server address is not https: tokens travel unencrypted."),
        N_("CheckFinding", "Use the https address of ChileMedido."),
    ),
    "token.valid": (
        N_(
            "CheckFinding",
            "Provider {provider}, gateway {gateway}; the refresh token is valid for {days} more "
            "days.",
        ),
        "",
    ),
    "token.expires_soon": (
        N_(
            "CheckFinding",
            "Provider {provider}, gateway {gateway}; the refresh token expires in {days} days.",
        ),
        N_(
            "CheckFinding",
            "Ask the ChileMedido administrator for a new refresh token for the gateway.",
        ),
    ),
    "token.no_expiry": (
        N_("CheckFinding", "Provider {provider}, gateway {gateway}; the token has no expiry date."),
        "",
    ),
    "device.found": (N_("CheckFinding", "Meter {number} (id {id}) with {count} sensors."), ""),
    "device.no_sensors": (
        N_("CheckFinding", "The meter is registered but has no sensors configured."),
        N_("CheckFinding", "Ask ChileMedido to configure the meter's sensors."),
    ),
    "device.not_given": (
        N_("CheckFinding", "No meter number was given."),
        N_("CheckFinding", "Enter the meter's number as registered on ChileMedido."),
    ),
    "coverage.complete": (N_("CheckFinding", "The profile supplies all {total} sensors."), ""),
    "coverage.partial": (
        N_("CheckFinding", "The profile supplies {supplied} of {total} sensors; not: {missing}."),
        N_(
            "CheckFinding",
            "Those sensors will never be reported: check the profile or the device's "
            "configuration.",
        ),
    ),
    "coverage.none": (
        N_("CheckFinding", "The profile {profile} supplies none of the meter's {total} sensors."),
        N_(
            "CheckFinding",
            "Choose the profile of this meter's model, or ask ChileMedido which sensors it "
            "expects.",
        ),
    ),
    "coverage.no_device": (N_("CheckFinding", "The meter is not known on ChileMedido."), ""),
    "meter.not_connected": (
        N_("CheckFinding", "No meter is connected."),
        N_("CheckFinding", "Connect the meter on the Meter page."),
    ),
    "meter.values_read": (
        N_("CheckFinding", "{read} of {total} values read in {polls} polls."),
        "",
    ),
    "meter.values_missing": (
        N_("CheckFinding", "Not read: {sensors}."),
        N_(
            "CheckFinding",
            "The Meter page's table says why for each (a register the meter lacks, an exception).",
        ),
    ),
    "meter.wrong_profile_or_unit": (
        N_(
            "CheckFinding",
            "The meter answers, but none of the profile's {count} values were read: wrong profile "
            "or unit id.",
        ),
        N_(
            "CheckFinding",
            "Choose the profile of this meter's model (Auto-detect finds it) and check the unit "
            "id set on the meter.",
        ),
    ),
    "meter.impossible_values": (
        N_("CheckFinding", "Values no meter can produce: {sensors}."),
        N_(
            "CheckFinding",
            "The profile decodes these wrongly (type, word order, scale or a 'not available' "
            "pattern): check the profile and the unit id.",
        ),
    ),
    "wiring.voltages_ok": (
        N_("CheckFinding", "Voltages as Chile's 220/380 V network ({voltages})."),
        "",
    ),
    "wiring.phase_missing": (
        N_("CheckFinding", "Phase {phase} has no voltage ({volts} V) while the others do."),
        N_(
            "CheckFinding",
            "Check phase {phase}'s voltage connection to the meter (fuse, terminal, wire).",
        ),
    ),
    "wiring.no_voltage": (
        N_("CheckFinding", "The meter measures no voltage on any phase."),
        N_("CheckFinding", "Check the meter's voltage inputs and their fuses."),
    ),
    "wiring.voltage_out_of_band": (
        N_("CheckFinding", "Phase {phase} measures {volts} V, outside {nominal} V ± {band}."),
        N_(
            "CheckFinding",
            "Check the voltage wiring (a phase-to-phase voltage on a phase input?) and the "
            "meter's VT ratio if it measures through voltage transformers.",
        ),
    ),
    "wiring.line_voltage_out_of_band": (
        N_("CheckFinding", "Line voltage {pair} is {volts} V, outside {nominal} V ± {band}."),
        N_("CheckFinding", "Check the phase sequence and the voltage wiring."),
    ),
    "wiring.frequency": (N_("CheckFinding", "Frequency {hz} Hz (network: 50 Hz)."), ""),
    "wiring.frequency_off": (
        N_("CheckFinding", "Frequency {hz} Hz (network: 50 Hz)."),
        N_(
            "CheckFinding",
            "A network frequency this far from 50 Hz is unlikely: check the profile's frequency "
            "register and its scale.",
        ),
    ),
    "wiring.pf_ok": (N_("CheckFinding", "Power factor {pf}."), ""),
    "wiring.pf_impossible": (
        N_("CheckFinding", "Power factor {pf}: a power factor lies between −1 and 1."),
        N_("CheckFinding", "Check the profile's scale for the power factor."),
    ),
    "wiring.pf_low": (
        N_("CheckFinding", "Power factor {pf} under load: unusually low."),
        N_(
            "CheckFinding",
            "A CT on the wrong phase gives a low power factor: check that each CT is on the phase "
            "of its voltage input.",
        ),
    ),
    "wiring.reversed_ct": (
        N_(
            "CheckFinding",
            "Phase {phase}'s active power is negative ({kw} kW) while the others' is positive: "
            "its CT is mounted backwards (or its leads are swapped).",
        ),
        N_(
            "CheckFinding",
            "Turn phase {phase}'s CT around (the arrow points to the load) or swap its S1/S2 "
            "leads.",
        ),
    ),
    "wiring.all_phases_negative": (
        N_(
            "CheckFinding",
            "Every phase's active power is negative: the site feeds the network, or every CT is "
            "mounted backwards.",
        ),
        N_(
            "CheckFinding",
            "If the site has no generation, turn all CTs around (arrows to the load).",
        ),
    ),
    "wiring.phase_sum_ok": (
        N_("CheckFinding", "Phase powers add up to the total ({sum} vs {total} kW)."),
        "",
    ),
    "wiring.phase_sum_off": (
        N_(
            "CheckFinding",
            "Phase powers add up to {sum} kW but the total is {total} kW ({off} apart, more than "
            "5 %).",
        ),
        N_(
            "CheckFinding",
            "Check the profile (a register or scale of another model) and that the readings come "
            "from the same meter and unit id.",
        ),
    ),
    "wiring.current_imbalance": (
        N_("CheckFinding", "Currents are unbalanced by {imbalance} ({currents})."),
        N_(
            "CheckFinding",
            "Unbalance may be the load's; if not, check the CT ratios and that no CT is shorted.",
        ),
    ),
    "wiring.energy_went_down": (
        N_(
            "CheckFinding",
            '"{sensor}" went down from {before} to {after} kWh: an energy counter only grows.',
        ),
        N_(
            "CheckFinding",
            "Check the profile's type and word order for this counter, and that the unit id "
            "reaches one meter only.",
        ),
    ),
    "wiring.energy_follows_power": (
        N_(
            "CheckFinding",
            "The energy counter grew {counted} kWh; the power integrates to {integrated} kWh.",
        ),
        "",
    ),
    "wiring.energy_scale": (
        N_(
            "CheckFinding",
            "The energy counter grew {counted} kWh while the power integrates to {integrated} kWh "
            "(×{ratio}): the scale is wrong.",
        ),
        N_(
            "CheckFinding",
            "Check the meter's energy unit setting (kWh, not MWh) and the profile's scale for "
            "energy.",
        ),
    ),
    "wiring.impossible_values": (
        N_("CheckFinding", "Magnitudes no meter can produce: {sensors} (never uploaded)."),
        N_("CheckFinding", "Check the profile's type, word order and scale for these."),
    ),
    "wiring.no_values": (N_("CheckFinding", "No values to judge."), ""),
    "wiring.nothing_to_judge": (
        N_("CheckFinding", "The profile has none of the values the wiring is judged by."),
        "",
    ),
    "clock.meter_has_none": (
        N_(
            "CheckFinding",
            "The meter keeps no clock Medido can read (measurements carry the server's time).",
        ),
        "",
    ),
    "clock.meter_unreadable": (
        N_("CheckFinding", "The meter's clock could not be read."),
        N_("CheckFinding", "Check the profile's clock registers."),
    ),
    "clock.server_not_asked": (
        N_(
            "CheckFinding",
            "ChileMedido's clock was not compared: not logged in (see the token step).",
        ),
        "",
    ),
    "clock.server_unreadable": (
        N_("CheckFinding", "The server's clock could not be read."),
        N_("CheckFinding", "Check the connection to ChileMedido."),
    ),
    "upload.stored": (N_("CheckFinding", "ChileMedido stored {count} values (HTTP {status})."), ""),
    "upload.refused": (
        N_("CheckFinding", "ChileMedido did not store the measurement."),
        N_("CheckFinding", "See the server's answer in the report."),
    ),
    "upload.not_asked": (N_("CheckFinding", "No test measurement was asked for."), ""),
    "upload.nothing": (
        N_("CheckFinding", "Nothing to upload: no meter on ChileMedido or no values."),
        "",
    ),
    "check.blocked_by_api": (
        N_("CheckFinding", "Not run: ChileMedido could not be reached or the token is not valid."),
        "",
    ),
    "check.step_crashed": (
        N_("CheckFinding", "This step stopped on an unexpected error."),
        N_("CheckFinding", "Run the step again; if it persists, send the diagnostics to support."),
    ),
}

_CLOCKS = {
    "laptop": N_("CheckFinding", "laptop"),
    "server": N_("CheckFinding", "server"),
    "meter": N_("CheckFinding", "meter"),
}
_DIRECTIONS = {"ahead of": N_("CheckFinding", "ahead of"), "behind": N_("CheckFinding", "behind")}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text) if text else ""


def describe_finding(finding: Finding) -> tuple[str, str]:
    """(what was found, what to do) in the language installed now."""
    code, params = finding.code, finding.params
    pair = CHECKLIST_TEXTS.get(code)
    if pair is not None:
        what, todo = (fill_params(_tr(text), params) for text in pair)
        return what, todo if finding.fix else ""
    if code.startswith("clock.") and "clock" in params:
        return _clock(finding)
    kind = params.get("link")
    link = LinkKind(kind) if kind in {k.value for k in LinkKind} else None
    for prefix in ("api.", "meter."):
        rest = code.removeprefix(prefix)
        if code.startswith(prefix) and rest in known_codes():
            text = describe_code(rest, finding.message, params, link=link)
            return text.what, text.todo or finding.fix
    return finding.message, finding.fix


def _clock(finding: Finding) -> tuple[str, str]:
    p = finding.params
    said = fill_params(
        _tr(
            N_(
                "CheckFinding",
                "The {clock}'s clock is {amount} {direction} the {reference}'s (± {uncertainty}).",
            )
        ),
        {
            **p,
            "clock": _tr(_CLOCKS.get(p.get("clock", ""), p.get("clock", ""))),
            "reference": _tr(_CLOCKS.get(p.get("reference", ""), p.get("reference", ""))),
            "direction": _tr(_DIRECTIONS.get(p.get("direction", ""), p.get("direction", ""))),
        },
    )
    verdict = describe_code(finding.code, finding.message, p)
    advice = verdict.what if verdict.what != finding.message else ""
    fix = verdict.todo or (
        _tr(N_("CheckFinding", "Set the clock on the Clock page.")) if finding.fix else ""
    )
    return " ".join(t for t in (said, advice) if t), fix
