"""The moment the main window's first frame was done, for the frozen start-up figure.

packaging/startup.py starts the built app with MEDIDO_PAINTED_FILE set and reads back the
wall-clock time written here, as it does for a bare PySide6 window frozen the same way
(packaging/baseline/bare_window.py): process spawn to first paint, the issue's measure. Unset
(always, outside that measurement), nothing happens.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAINTED_ENV = "MEDIDO_PAINTED_FILE"


def note_first_paint() -> None:
    target = os.environ.get(PAINTED_ENV)
    if target:
        Path(target).write_text(repr(time.time()), encoding="ascii")
