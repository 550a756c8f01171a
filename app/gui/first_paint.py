"""The moments the main window's first frame and its first page were done, for start-up figures.

packaging/startup.py and bench/launch.py start the app with MEDIDO_PAINTED_FILE set and read
back the wall-clock times written here: the first line when the window first painted (the
issue's measure, process spawn to first paint, which a bare PySide6 window frozen the same way
writes too: packaging/baseline/bare_window.py), the second when the page shown at start first
painted. `medido` paints the window's shell first and the page on a later turn (app/gui/app.py,
StagedLaunch), so the second is the moment the installer can use the window, printed next to
the first so that the figure cannot hide it. Unset (always, outside those figures), nothing
happens.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAINTED_ENV = "MEDIDO_PAINTED_FILE"


def note_first_paint() -> None:
    target = os.environ.get(PAINTED_ENV)
    if target:
        Path(target).write_text(f"{time.time()!r}\n", encoding="ascii")


def note_page_paint() -> None:
    target = os.environ.get(PAINTED_ENV)
    if target:
        with Path(target).open("a", encoding="ascii") as file:
            file.write(f"{time.time()!r}\n")


def read_paint_times(text: str) -> tuple[float, float]:
    """The window's and the shown page's first paint (the same when only one was written)."""
    times = [float(line) for line in text.split()]
    return times[0], times[-1]
