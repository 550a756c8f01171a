"""Where Medido's bundled and user data live, in a source tree and in a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Medido"


def resources_dir() -> Path:
    """The shipped `resources/` folder (PyInstaller unpacks it under `sys._MEIPASS`)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def user_config_dir() -> Path:
    """The user's own config folder (their profiles, settings); not created here.

    MEDIDO_CONFIG_DIR overrides it (tests, portable installs).
    """
    override = os.environ.get("MEDIDO_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """The user's data folder (upload history, logs); not created here.

    MEDIDO_DATA_DIR overrides it (tests, portable installs).
    """
    override = os.environ.get("MEDIDO_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
