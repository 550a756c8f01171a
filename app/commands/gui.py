"""`medido` with no subcommand: the desktop app (or a clear message where it cannot open)."""

from __future__ import annotations

import importlib
import os
import sys

NO_DISPLAY = """\
medido: there is no display to open the app on (no DISPLAY or WAYLAND_DISPLAY).
The headless commands work here:
  medido token inspect   check a ChileMedido token (expiry, gateway) without sending it
  medido read            read a meter once and print its values
  medido scan            find the unit ids that answer on a serial port or gateway
  medido emulator        run the ChileMedido API emulator
  medido meter-sim       run a simulated meter
Run `medido --help` for the rest. To open the app, log in with a desktop session (or use
ssh -X); QT_QPA_PLATFORM=offscreen runs it without showing anything.
"""

# Smoke tests (tests, the packaged app's build check) and the start-up figures close the app
# this many ms after its window and the page it shows first painted.
QUIT_AFTER_ENV = "MEDIDO_QUIT_AFTER_MS"
NEVER_PAINTED_MS = 60_000

# What the core's side of the app needs first (the session, the login, the logs), imported
# before PySide6 when run from source, on purpose: PySide6 reads the source of every module
# imported after it (looking for its `__feature__` switch), which cost about 0.15 s for these
# modules and their libraries. A frozen build has no source to read, so there they load after
# the window's first frame (StagedLaunch), which is what the installer waits for. Only what the
# first page uses: the rest loads with the pages built after it.
BEFORE_QT = (
    "app.core.api",
    "app.core.account.login",
    "app.core.logs",
)


def has_display() -> bool:
    """False on a Linux/BSD box without X11 or Wayland, unless a Qt platform is forced."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(demo: bool) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr, end="")
        return 2
    if not getattr(sys, "frozen", False):
        for name in BEFORE_QT:
            importlib.import_module(name)
    from PySide6.QtCore import QTimer

    from app.gui.app import StagedLaunch

    start = StagedLaunch(demo=demo)
    start.window.show()
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:
        start.window.close_after_start(int(quit_after))
        # A window that never paints (a desktop that shows nothing) still closes, later.
        QTimer.singleShot(int(quit_after) + NEVER_PAINTED_MS, start.window.close)
    try:
        code = start.app.exec()
    finally:
        start.shut_down()
    if start.failure is not None:
        raise start.failure  # one line from the command line's last net, exit 1
    return code
