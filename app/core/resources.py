"""Where Medido's bundled and user data live, in a source tree and in a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Medido"
# A file of this name next to the executable makes the install portable: settings, logs, the
# outbox and reports live in a folder beside it (a USB stick, a laptop that forbids AppData).
PORTABLE_MARKER = "medido-portable.txt"
PORTABLE_FOLDER = "Medido-data"


def portable_root() -> Path | None:
    """The folder holding everything in a portable install, or None for a normal one.

    Only a frozen executable can be portable: a source tree's "executable" is Python itself."""
    if not getattr(sys, "frozen", False):
        return None
    home = Path(sys.executable).resolve().parent
    return home / PORTABLE_FOLDER if (home / PORTABLE_MARKER).is_file() else None


def _user_dir(env: str, portable: str, default: str) -> Path:
    """An override (tests, scripts) first, then the portable folder, then the OS's place."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    root = portable_root()
    return root / portable if root is not None else Path(default)


def resources_dir() -> Path:
    """The shipped `resources/` folder (PyInstaller unpacks it under `sys._MEIPASS`)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def user_config_dir() -> Path:
    """The user's own config folder (their profiles, settings); not created here.

    MEDIDO_CONFIG_DIR overrides it (tests, scripts); a portable install keeps it beside the exe.
    """
    return _user_dir(
        "MEDIDO_CONFIG_DIR", "config", platformdirs.user_config_dir(APP_NAME, appauthor=False)
    )


def user_data_dir() -> Path:
    """The user's data folder (upload history, outbox); not created here.

    MEDIDO_DATA_DIR overrides it (tests, scripts); a portable install keeps it beside the exe.
    """
    return _user_dir(
        "MEDIDO_DATA_DIR", "data", platformdirs.user_data_dir(APP_NAME, appauthor=False)
    )


def user_log_dir() -> Path:
    """The user's log folder (medido.log, traffic.jsonl); not created here.

    MEDIDO_LOG_DIR overrides it (tests, scripts); a portable install keeps it beside the exe.
    """
    return _user_dir("MEDIDO_LOG_DIR", "logs", platformdirs.user_log_dir(APP_NAME, appauthor=False))


def user_reports_dir() -> Path | None:
    """Where reports and bundles go by default in a portable install; None: the documents
    folder (the GUI knows it)."""
    root = portable_root()
    return root / "reports" if root is not None else None
