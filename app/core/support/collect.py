"""Gathering a diagnostics bundle: the site files, the app's settings, the logs.

    contents = collect_bundle()                      # medido bundle: the last check's files
    contents = collect_bundle(files=snapshot_files(parts), settings=app_settings)   # the app
    write_bundle(path, contents, secrets=held_tokens)

Settings lose every key that names a secret and every binary value (window layout); log files
keep their newest MAX_LOG bytes. write_bundle redacts and scans everything again.
"""

from __future__ import annotations

import configparser
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.core.resources import user_config_dir, user_log_dir
from app.core.support.bundle import BundleContents, BundleError
from app.core.support.last_check import load_files
from app.core.support.site import CHECK, PROFILE, REGISTERS, SITE

log = logging.getLogger(__name__)

SETTINGS_FILE = "medido.ini"  # the app's (app/gui/settings.py), read here without Qt
MAX_LOG = 8 * 1024 * 1024  # bytes kept of each log file (its end: the newest lines)
MAX_LOG_FILES = 50
_SECRET_KEY = re.compile(r"(?i)token|secret|password|passwd|credential|auth|cookie|key$")
NOTHING_TO_BUNDLE = "No commissioning check has run yet: run `medido check` first."


def collect_bundle(
    *,
    files: Mapping[str, str] | None = None,
    last_check: Path | None = None,
    settings: Mapping[str, object] | None = None,
    log_dir: Path | None = None,
) -> BundleContents:
    """The bundle's contents from the live session's site `files` (site_files names → text)
    or else the last check kept in `last_check` (default: the user data folder's), the app's
    `settings` and the files in `log_dir` (default: user_log_dir()).

    Raises BundleError("bundle.nothing") when there is no site.json to put in it."""
    found = dict(files) if files is not None else load_files(last_check)
    if SITE not in found:
        raise BundleError("bundle.nothing", NOTHING_TO_BUNDLE)
    return BundleContents(
        site=_object(found[SITE], SITE),
        registers=_object(found[REGISTERS], REGISTERS) if REGISTERS in found else None,
        profile=found.get(PROFILE),
        check=_object(found[CHECK], CHECK) if CHECK in found else None,
        settings=clean_settings(settings) if settings is not None else None,
        logs=log_files(log_dir if log_dir is not None else user_log_dir()),
    )


def clean_settings(settings: Mapping[str, object]) -> dict[str, Any]:
    """The settings without secrets: no key that names one, no binary value, JSON values only."""
    kept: dict[str, Any] = {}
    for key, value in sorted(settings.items()):
        if _SECRET_KEY.search(key.rsplit("/", 1)[-1]) or key.startswith("window/"):
            continue
        if isinstance(value, bool | int | float | str) or value is None:
            kept[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(v, str | int) for v in value):
            kept[key] = list(value)
    return kept


def settings_file_values(path: Path | None = None) -> dict[str, object] | None:
    """The app's settings file (QSettings INI) as {"section/key": text}; None when absent."""
    source = path if path is not None else user_config_dir() / SETTINGS_FILE
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        with source.open(encoding="utf-8") as stream:
            parser.read_file(stream)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        log.warning("settings %s could not be read for the bundle: %s", source, error)
        return None
    values: dict[str, object] = {}
    for section in parser.sections():
        for key, raw in parser.items(section):
            if raw.startswith("@"):  # @ByteArray(...), @Variant(...): binary, left out
                continue
            if len(raw) >= 2 and raw[0] == raw[-1] == '"':
                raw = raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            values[key if section == "General" else f"{section}/{key}"] = raw
    return values


def log_files(folder: Path) -> dict[str, bytes]:
    """The files under `folder` (relative names), the newest MAX_LOG bytes of each."""
    if not folder.is_dir():
        return {}
    found: dict[str, bytes] = {}
    try:
        paths = sorted(p for p in folder.rglob("*") if p.is_file())
    except OSError as error:
        log.warning("log folder %s could not be listed: %s", folder, error)
        return {}
    for path in paths[:MAX_LOG_FILES]:
        try:
            with path.open("rb") as stream:
                size = stream.seek(0, 2)
                stream.seek(max(0, size - MAX_LOG))
                data = stream.read()
        except OSError as error:
            log.warning("log %s could not be read for the bundle: %s", path, error)
            continue
        if size > MAX_LOG:
            data = b"[... the start of this file is left out ...]\n" + data.partition(b"\n")[2]
        found[path.relative_to(folder).as_posix()] = data
    return found


def _object(text: str, name: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, dict):
        raise BundleError("bundle.damaged", f"The kept {name} is damaged; run the check again.")
    return value
