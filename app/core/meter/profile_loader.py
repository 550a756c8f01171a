"""Loading meter profiles: one TOML file per model, shipped ones plus the user's own.

`load_profile_file` reads and validates one file (the format is in docs/profiles.md).
`ProfileLibrary` gathers the shipped folder (`resources/profiles`) and the user's folder
(`<config>/profiles`); a user file with a shipped file's name replaces it, and a broken user file
is reported in `.errors` without hiding the others.
"""

from __future__ import annotations

import difflib
import logging
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from app.core.meter.profile import MeterProfile
from app.core.meter.profile_checks import check_profile
from app.core.meter.profile_errors import ProfileError, ProfileErrorCode, UnknownProfileError
from app.core.meter.profile_parse import parse_profile
from app.core.resources import resources_dir, user_config_dir

__all__ = [
    "ProfileError",
    "ProfileErrorCode",
    "ProfileLibrary",
    "ProfileOrigin",
    "ProfileOverride",
    "UnknownProfileError",
    "default_library",
    "load_profile_file",
    "shipped_profiles_dir",
    "user_profiles_dir",
]

log = logging.getLogger(__name__)

PROFILE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
TOO_DEEP = "arrays or tables nested far too deeply; a profile needs only a few levels"


def shipped_profiles_dir() -> Path:
    return resources_dir() / "profiles"


def user_profiles_dir() -> Path:
    """Where users put their own profiles; not created here."""
    return user_config_dir() / "profiles"


def load_profile_file(path: Path) -> MeterProfile:
    """Read and validate one profile; its id is the file name without `.toml`."""
    file = path.name
    if not PROFILE_ID.match(path.stem):
        raise ProfileError(
            ProfileErrorCode.BAD_FILE_NAME,
            file,
            "the file name is the profile id: use lowercase letters, digits and '-', "
            "e.g. 'acme-x100.toml'",
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ProfileError(ProfileErrorCode.UNREADABLE, file, TOO_DEEP) from None
    except OSError as exc:
        raise ProfileError(
            ProfileErrorCode.UNREADABLE, file, f"cannot read the file ({exc.strerror})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(
            ProfileErrorCode.UNREADABLE, file, "not UTF-8 text; save the file as UTF-8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(ProfileErrorCode.UNREADABLE, file, f"not valid TOML: {exc}") from exc
    try:
        profile = parse_profile(data, profile_id=path.stem, file=file, path=path)
    except RecursionError:  # nesting tomllib took, but deeper than a message about it can show
        raise ProfileError(ProfileErrorCode.UNREADABLE, file, TOO_DEEP) from None
    check_profile(profile, file)
    return profile


class ProfileOrigin(StrEnum):
    SHIPPED = "shipped"
    USER = "user"


@dataclass(frozen=True, slots=True)
class ProfileOverride:
    """A user profile that replaces a shipped one with the same id."""

    profile_id: str
    replaced: Path
    by: Path


class ProfileLibrary:
    """All profiles Medido can use. Folders later in `search_dirs` override earlier ones.

    By default: the shipped folder, then the user's folder. A folder that is the shipped folder
    counts as shipped; any other as the user's.
    """

    def __init__(self, search_dirs: Sequence[Path] | None = None) -> None:
        self.search_dirs = (
            tuple(search_dirs)
            if search_dirs is not None
            else (shipped_profiles_dir(), user_profiles_dir())
        )
        self.errors: list[ProfileError] = []
        self.overrides: list[ProfileOverride] = []
        self._profiles: dict[str, MeterProfile] = {}
        self._origins: dict[str, ProfileOrigin] = {}
        self.reload()

    def reload(self) -> None:
        """Read the folders again (after the user added or edited a file)."""
        self.errors, self.overrides = [], []
        self._profiles, self._origins = {}, {}
        shipped = shipped_profiles_dir().resolve()
        for folder in self.search_dirs:
            origin = ProfileOrigin.SHIPPED if folder.resolve() == shipped else ProfileOrigin.USER
            for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
                try:
                    profile = load_profile_file(path)
                except ProfileError as exc:
                    self.errors.append(exc)
                    continue
                except Exception as exc:  # a loader bug must not take the other profiles down
                    # Reported once, in .errors, as one line; the traceback only in debug logs
                    # (a warning would print it again on every command that loads the library).
                    log.debug("loading %s failed", path, exc_info=True)
                    self.errors.append(
                        ProfileError(
                            ProfileErrorCode.UNREADABLE,
                            path.name,
                            f"could not be loaded ({type(exc).__name__}); please report this",
                        )
                    )
                    continue
                previous = self._profiles.get(profile.id)
                if previous is not None and previous.path is not None:
                    self.overrides.append(ProfileOverride(profile.id, previous.path, path))
                self._profiles[profile.id] = profile
                self._origins[profile.id] = origin

    def all(self) -> list[MeterProfile]:
        """Every usable profile, sorted by manufacturer, then model."""
        return sorted(
            self._profiles.values(),
            key=lambda p: (p.manufacturer.casefold(), p.model.casefold(), p.id),
        )

    def ids(self) -> list[str]:
        return sorted(self._profiles)

    def get(self, profile_id: str) -> MeterProfile:
        try:
            return self._profiles[profile_id]
        except KeyError:
            pass
        close = difflib.get_close_matches(profile_id, self.ids(), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise UnknownProfileError(
            ProfileErrorCode.UNKNOWN_PROFILE,
            profile_id,
            f"unknown profile; {hint}known: {', '.join(self.ids()) or 'none'}",
        ) from None

    def origin(self, profile_id: str) -> ProfileOrigin:
        self.get(profile_id)
        return self._origins[profile_id]

    def __contains__(self, profile_id: object) -> bool:
        return profile_id in self._profiles

    def __len__(self) -> int:
        return len(self._profiles)


@cache
def default_library() -> ProfileLibrary:
    """The process-wide library (shipped + user folder); `default_library.cache_clear()` resets."""
    return ProfileLibrary()
