"""Why a profile file was refused: which file, which entry, what to do.

Each error carries a stable `code` (the GUI translates by code) and an English message that names
the file and the entry, e.g. "eastron-sdm630.toml, sensor 7 ('Corriente A'): unknown type 'float';
use one of u16, i16, u32, i32, u64, i64, f32, f64".
"""

from __future__ import annotations

from enum import StrEnum


class ProfileErrorCode(StrEnum):
    UNREADABLE = "profile.unreadable"  # cannot open the file, or it is not valid TOML
    BAD_FILE_NAME = "profile.bad_file_name"
    MISSING_KEY = "profile.missing_key"
    UNKNOWN_KEY = "profile.unknown_key"
    BAD_VALUE = "profile.bad_value"  # wrong type, unknown enum value, out of range
    UNKNOWN_SENSOR = "profile.unknown_sensor"
    DUPLICATE_SENSOR = "profile.duplicate_sensor"
    OVERLAP = "profile.overlap"  # two entries read the same registers differently
    UNKNOWN_SOURCE = "profile.unknown_source"  # a source id missing from [sources]
    CLOCK = "profile.clock"
    UNKNOWN_PROFILE = "profile.unknown_profile"


class ProfileError(Exception):
    """A profile that cannot be used, and why."""

    def __init__(
        self, code: ProfileErrorCode, file: str, detail: str, entry: str | None = None
    ) -> None:
        self.code = code
        self.file = file  # the file name (or the profile id when no file is involved)
        self.entry = entry  # e.g. "sensor 7 ('Corriente A')", "[limits]"; None for the file
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.file}, {self.entry}" if self.entry else self.file
        return f"{where}: {self.detail}"

    def __str__(self) -> str:
        return self.message


class UnknownProfileError(ProfileError, KeyError):
    """`ProfileLibrary.get` with an id no profile has; also a KeyError for dict-like callers."""


def entry_label(kind: str, index: int, name: object = None) -> str:
    """How messages name a [[sensor]] or [[auxiliary]] entry: "sensor 7 ('Corriente A')"."""
    return f"{kind} {index} ({name!r})" if isinstance(name, str) else f"{kind} {index}"
