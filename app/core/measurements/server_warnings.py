"""What ChileMedido's upload warnings mean for the installer.

The platform answers an accepted upload with `{"success": true, "warnings": [...]}`; the warnings
are free text (Spanish, undocumented). The one the seed promises is a value for a sensor the meter
does not have configured, ignored. So: find a sensor name in the text (the longest that occurs,
exactly or but for accents and case) and explain that; otherwise show the server's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.sensors.names import dictionary_names, fold
from app.core.traffic import redact


@dataclass(frozen=True, slots=True)
class WarningExplanation:
    code: str  # "upload.sensor_not_configured" or "upload.server_warning"
    message: str  # English, installer-grade
    raw: str  # the server's text (redacted)
    sensor: str | None = None


def explain_warnings(
    warnings: Iterable[str], device_number: str | None = None, names: Iterable[str] = ()
) -> tuple[WarningExplanation, ...]:
    """Explanations in the server's order. `names`: what was sent (checked first; the shipped
    dictionary is always searched too, so a typo the server echoes back is found as sent)."""
    candidates = sorted(set(names) | set(dictionary_names()), key=len, reverse=True)
    return tuple(_explain(redact(str(w)), device_number, candidates) for w in warnings)


def _explain(raw: str, device: str | None, candidates: list[str]) -> WarningExplanation:
    sensor = _find_name(raw, candidates)
    if sensor is None:
        return WarningExplanation(
            "upload.server_warning", f"ChileMedido accepted the upload with a warning: {raw}", raw
        )
    meter = f'meter "{device}"' if device else "this meter"
    return WarningExplanation(
        "upload.sensor_not_configured",
        f'On ChileMedido, {meter} does not have "{sensor}" configured, so its value was ignored. '
        "Ask the ChileMedido administrator to add this sensor to the meter, or ignore this "
        f'message if the meter is not meant to report it. (ChileMedido said: "{raw}")',
        raw,
        sensor,
    )


def _find_name(text: str, candidates: list[str]) -> str | None:
    """The longest candidate in `text`, whole ("Corriente A" is not in "Corriente AB")."""
    for name in candidates:
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            return name
    folded = fold(text)
    for name in candidates:
        if re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded):
            return name
    return None
