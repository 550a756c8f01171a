"""The diagnostics bundle's reader and writer (the format is in docs/bundle.md).

`write_bundle` redacts every file (app.core.traffic.redact, plus any secret it is handed), writes
the zip next to its destination, then opens it again and scans every file for JWT-shaped text
and for those secrets: a bundle that would carry a token is deleted and never takes the
destination's name. `read_bundle` refuses, with a message an installer can act on, a file that
is not a zip, a zip that is not a Medido bundle, a bundle from a newer Medido, and one without
site.json.
"""

from __future__ import annotations

import json
import os
import platform
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from app.core.traffic import REDACTED, redact
from app.core.version import app_version

FORMAT, VERSION = "medido-bundle", 1
MANIFEST, SITE, REGISTERS = "manifest.json", "site.json", "registers.json"
PROFILE, CHECK, SETTINGS, LOGS = "profile.toml", "check.json", "settings.json", "logs/"
MAX_FILE = 64 * 1024 * 1024  # bytes, uncompressed: more is not something Medido wrote
# What the final scan refuses: a JWT's header ('{"' in base64url) and two more segments.
JWT_SHAPED = re.compile(rb"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}")


class BundleError(Exception):
    """A bundle that cannot be read (or written); `message` says what to do about it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class BundleContents:
    """A bundle's files, parsed. `manifest` is what was read; write_bundle makes a new one."""

    site: dict[str, Any]
    registers: dict[str, Any] | None = None
    profile: str | None = None  # profile.toml, verbatim
    check: dict[str, Any] | None = None  # CheckReport.to_dict()
    settings: dict[str, Any] | None = None
    logs: dict[str, bytes] = field(default_factory=dict)  # name under logs/ -> contents
    manifest: dict[str, Any] = field(default_factory=dict)


def bundle_texts(contents: BundleContents) -> dict[str, str]:
    """Every file of the bundle but the manifest, as it is written (before redaction)."""
    texts = {SITE: _json(contents.site)}
    if contents.registers is not None:
        texts[REGISTERS] = _json(contents.registers)
    if contents.profile is not None:
        texts[PROFILE] = contents.profile
    if contents.check is not None:
        texts[CHECK] = _json(contents.check)
    if contents.settings is not None:
        texts[SETTINGS] = _json(contents.settings)
    for name, data in sorted(contents.logs.items()):
        texts[LOGS + _safe_name(name)] = data.decode("utf-8", errors="replace")
    return texts


def write_bundle(path: Path, contents: BundleContents, *, secrets: Iterable[str] = ()) -> Path:
    """Write `contents` as a bundle at `path`. Raises BundleError: "bundle.unwritable" when it
    cannot be written, "bundle.secret_found" when a token would have gone into it."""
    hidden = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)
    texts = {name: _scrub(text, hidden) for name, text in bundle_texts(contents).items()}
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "app_version": app_version(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "files": [MANIFEST, *texts],
    }
    texts = {MANIFEST: _scrub(_json(manifest), hidden), **texts}
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".medido-", suffix=".zip", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise _unwritable(path, error) from None
    temp = Path(temp_name)
    try:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in texts.items():
                archive.writestr(name, text.encode("utf-8"))
        _refuse_secrets(temp, hidden)
        os.replace(temp, path)
    except OSError as error:
        raise _unwritable(path, error) from None
    finally:
        temp.unlink(missing_ok=True)
    return path


def _unwritable(path: Path, error: OSError) -> BundleError:
    return BundleError(
        "bundle.unwritable",
        f"{path} could not be written ({error.strerror or error}). Choose another folder.",
    )


def read_bundle(path: Path) -> BundleContents:
    """The bundle at `path`, or BundleError with what is wrong with it."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BundleError("bundle.missing", f"{name} does not exist.") from None
    except (zipfile.BadZipFile, OSError) as error:
        raise BundleError(
            "bundle.not_zip",
            f"{name} is not a diagnostics bundle (not a zip file: {error}). Choose the .zip that "
            "Medido's 'Save diagnostics bundle' or `medido bundle` wrote.",
        ) from None
    with archive:
        names = set(archive.namelist())
        manifest = _json_file(archive, MANIFEST, name) if MANIFEST in names else None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BundleError(
                "bundle.not_bundle",
                f"{name} is a zip file but not a Medido diagnostics bundle (it has no Medido "
                "manifest.json).",
            )
        version = manifest.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise BundleError("bundle.damaged", f"{name} has a damaged manifest (no version).")
        if version > VERSION:
            raise BundleError(
                "bundle.newer_version",
                f"{name} was written by a newer Medido ({manifest.get('app_version', '?')}, "
                f"bundle version {version}); this Medido reads version {VERSION}. Update Medido "
                "to open it.",
            )
        if SITE not in names:
            raise BundleError(
                "bundle.no_site",
                f"{name} has no site.json: it cannot show or reproduce the site. Make a new "
                "bundle after a commissioning check.",
            )
        site = _json_file(archive, SITE, name)
        if not isinstance(site, dict):
            raise BundleError("bundle.damaged", f"{name}: site.json is not a JSON object.")
        logs = {
            n[len(LOGS) :]: _read(archive, n, name)
            for n in sorted(names)
            if n.startswith(LOGS) and not n.endswith("/")
        }
        return BundleContents(
            site=site,
            registers=_json_object(archive, REGISTERS, name) if REGISTERS in names else None,
            profile=_read(archive, PROFILE, name).decode("utf-8", "replace")
            if PROFILE in names
            else None,
            check=_json_object(archive, CHECK, name) if CHECK in names else None,
            settings=_json_object(archive, SETTINGS, name) if SETTINGS in names else None,
            logs=logs,
            manifest=manifest,
        )


def _scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return redact(text)


def _refuse_secrets(zip_path: Path, secrets: list[str]) -> None:
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            data = info.filename.encode("utf-8") + b"\n" + archive.read(info)
            if JWT_SHAPED.search(data) or any(s.encode("utf-8") in data for s in secrets):
                raise BundleError(
                    "bundle.secret_found",
                    f"The bundle was not saved: {info.filename} would have held a token. "
                    "Report this to support without the bundle.",
                )


def _safe_name(name: str) -> str:
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "..")]
    return "/".join(p for p in parts if p != "/") or "log"


def _read(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        if archive.getinfo(member).file_size > MAX_FILE:
            raise BundleError("bundle.damaged", f"{name}: {member} is too large to be Medido's.")
        return archive.read(member)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as error:
        raise BundleError("bundle.damaged", f"{name} is damaged ({member}: {error}).") from None


def _json_file(archive: zipfile.ZipFile, member: str, name: str) -> Any:
    try:
        return json.loads(_read(archive, member, name).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BundleError("bundle.damaged", f"{name}: {member} is not valid JSON.") from None


def _json_object(archive: zipfile.ZipFile, member: str, name: str) -> dict[str, Any]:
    value = _json_file(archive, member, name)
    if not isinstance(value, dict):
        raise BundleError("bundle.damaged", f"{name}: {member} is not a JSON object.")
    return value


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
