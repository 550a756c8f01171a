"""How the API connection's verdict looks: one icon and one colour per ApiVerdict.

The core judges the state (ApiStatus.verdict); the status bar, the sidebar (the Connection step's
icon) and the account box only look it up here, so offline or an expiring token looks the same
in all three.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.core.api import ApiStatus, ApiVerdict
from app.gui.steps.step import StepState
from app.gui.widgets.dates import now
from app.gui.widgets.tone_label import Tone


@dataclass(frozen=True, slots=True)
class Look:
    icon: StepState  # drawn with app.gui.icons.step_icon; also the sidebar's step state
    tone: Tone  # the text's colour


API_LOOKS: dict[ApiVerdict, Look] = {
    ApiVerdict.IDLE: Look(StepState.NOT_STARTED, Tone.PLAIN),
    ApiVerdict.BUSY: Look(StepState.BUSY, Tone.PLAIN),
    ApiVerdict.OK: Look(StepState.OK, Tone.OK),
    ApiVerdict.EXPIRES_SOON: Look(StepState.WARNING, Tone.WARNING),
    ApiVerdict.WARNING: Look(StepState.WARNING, Tone.WARNING),
    ApiVerdict.ERROR: Look(StepState.ERROR, Tone.ERROR),
}


def api_look(status: ApiStatus, moment: datetime | None = None) -> Look:
    """The look of `status` at `moment` (now by default)."""
    return API_LOOKS[status.verdict(moment if moment is not None else now())]
