"""Typed settings over QSettings, in an INI file in the user's config folder.

Each setting is declared once as an `Option` (key, type, default), like Picard's options; code
reads and writes through `Settings.get/set`, never with bare QSettings keys. A value that does not
parse as its type (a hand-edited file, an older version) gives the default and a log line,
never an exception. Pages declare their own options in their own module the same way.

The file lives in `user_config_dir()` (MEDIDO_CONFIG_DIR in tests and portable installs); the demo
uses a file of its own, so trying `--demo` never overwrites an installer's real settings.
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QByteArray, QSettings

from app.core.resources import user_config_dir

log = logging.getLogger(__name__)

SETTINGS_FILE = "medido.ini"
DEMO_SETTINGS_FILE = "medido-demo.ini"


@dataclass(frozen=True, slots=True)
class Option[T]:
    """A setting: `key` is "section/name"; `type` one of bool, int, float, str, bytes, list."""

    key: str
    type: type[T]
    default: T


# -- the app's own options (pages add theirs in their modules) ----------------------------------
WINDOW_GEOMETRY = Option("window/geometry", bytes, b"")
WINDOW_STATE = Option("window/state", bytes, b"")
LAST_STEP = Option("window/last_step", str, "connection")
LANGUAGE = Option("ui/language", str, "system")  # "system", "es" or "en"
ADDRESS_BASE = Option("ui/address_base", int, 0)  # how register addresses are shown: 0 or 1
ENVIRONMENT = Option("api/environment", str, "production")  # "production", "custom", "emulator"
API_URL = Option("api/url", str, "")  # for custom and emulator environments
DEVICE_NUMBER = Option("device/number", str, "")
METER_URI = Option("meter/uri", str, "")  # e.g. tcp://192.168.1.50:502?unit=1
METER_PROFILE = Option("meter/profile", str, "")
# How the meter keeps time (app.core.clock.check.METER_ZONES): the Clock page and the check.
METER_ZONE = Option("clock/meter_zone", str, "America/Santiago")
PLOT_WINDOW_S = Option("plot/window_s", int, 300)
UPLOAD_KEEP_DAYS = Option("upload/keep_days", int, 90)  # outbox and history records kept
PLOT_SENSORS = Option("plot/sensors", list, [])


class Settings:
    """Reads and writes typed options; writes reach the file on sync() or at exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @classmethod
    def open(cls, *, demo: bool = False) -> Settings:
        return cls(user_config_dir() / (DEMO_SETTINGS_FILE if demo else SETTINGS_FILE))

    def get[T](self, option: Option[T]) -> T:
        raw = self._qs.value(option.key)
        if raw is None:
            return copy.copy(option.default)  # a list default must not be shared
        try:
            return cast(T, _decode(option.type, raw))
        except (TypeError, ValueError):
            log.warning("setting %s has an unusable value %r; using the default", option.key, raw)
            return copy.copy(option.default)

    def set[T](self, option: Option[T], value: T) -> None:
        if not isinstance(value, option.type):
            raise TypeError(f"{option.key} takes {option.type.__name__}, not {value!r}")
        self._qs.setValue(option.key, _encode(value))

    def reset[T](self, option: Option[T]) -> None:
        self._qs.remove(option.key)

    def values(self) -> dict[str, object]:
        """Every stored value by key, as the file holds it (text; bytes for binary values), for
        the diagnostics bundle (app.core.support.collect.clean_settings drops the secrets)."""
        found: dict[str, object] = {}
        for key in self._qs.allKeys():
            raw = self._qs.value(key)
            found[key] = raw.data() if isinstance(raw, QByteArray) else raw
        return found

    def sync(self) -> None:
        self._qs.sync()
        if self._qs.status() is not QSettings.Status.NoError:
            log.warning("could not save settings to %s (%s)", self.path, self._qs.status())


def _encode(value: object) -> Any:
    if isinstance(value, bytes):
        return QByteArray(value)
    if isinstance(value, list):
        return json.dumps(value)  # INI lists lose empty lists and types; JSON keeps both
    return value


def _decode(kind: type, raw: object) -> object:
    # The INI backend gives strings back for everything but byte arrays.
    if kind is bytes:
        if isinstance(raw, QByteArray):
            return raw.data()
        raise TypeError("not a byte array")
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "1"):
            return True
        if text in ("false", "0"):
            return False
        raise ValueError(text)
    if kind is int:
        return int(str(raw))
    if kind is float:
        return float(str(raw))
    if kind is str:
        if isinstance(raw, str):
            return raw
        raise TypeError("not text")
    if kind is list:
        value = json.loads(str(raw))
        if isinstance(value, list):
            return value
        raise TypeError("not a list")
    raise TypeError(f"unsupported setting type {kind.__name__}")
