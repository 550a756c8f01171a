"""Typed reads of one TOML table, each failure a `ProfileError` naming the file and entry.

TOML already gives typed values; these helpers check that each is the type and range the profile
format expects (a bool is not an integer here), and catch misspelled keys.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Collection, Mapping
from enum import StrEnum
from typing import Any

from app.core.meter.profile_errors import ProfileError, ProfileErrorCode

type Table = Mapping[str, Any]


class FieldReader:
    """Reads the fields of one table (`entry` is how messages name it, None for the top level)."""

    def __init__(self, file: str, table: object, entry: str | None = None) -> None:
        self.file = file
        self.entry = entry
        if not isinstance(table, Mapping):
            raise self.error(ProfileErrorCode.BAD_VALUE, f"expected a table, got {_kind(table)}")
        self.table: Table = table

    def error(self, code: ProfileErrorCode, detail: str) -> ProfileError:
        return ProfileError(code, self.file, detail, self.entry)

    def check_keys(
        self,
        allowed: Collection[str],
        required: Collection[str] = (),
        top_level: Collection[str] = (),
    ) -> None:
        for key in self.table:
            if key in top_level and key not in allowed:
                raise self.misplaced(key)
            if key not in allowed:
                close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise self.error(
                    ProfileErrorCode.UNKNOWN_KEY,
                    f"unknown key '{key}'; {hint}allowed keys: {', '.join(sorted(allowed))}",
                )
        for key in required:
            if key not in self.table:
                raise self.error(ProfileErrorCode.MISSING_KEY, f"missing required key '{key}'")

    def misplaced(self, key: str) -> ProfileError:
        """A top-level key written after a [table] header, which TOML puts inside that table."""
        return self.error(
            ProfileErrorCode.UNKNOWN_KEY,
            f"'{key}' belongs at the top of the file, before the first [table] header "
            "(TOML puts every key that follows a header into that table)",
        )

    def has(self, key: str) -> bool:
        return key in self.table

    def string(self, key: str, default: str | None = None) -> str:
        value = self._value(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self._bad(key, "a non-empty text", value)
        return value

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        value = self._value(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._bad(key, "a whole number", value)
        if not low <= value <= high:
            raise self.error(
                ProfileErrorCode.BAD_VALUE, f"'{key}' must be {low}..{high}, got {value}"
            )
        return value

    def number(self, key: str, low: float, high: float, default: float | None = None) -> float:
        value = self._value(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._bad(key, "a number", value)
        if not math.isfinite(value) or not low <= value <= high:
            raise self.error(
                ProfileErrorCode.BAD_VALUE, f"'{key}' must be {low}..{high}, got {value}"
            )
        return float(value)

    def boolean(self, key: str, default: bool | None = None) -> bool:
        value = self._value(key, default)
        if not isinstance(value, bool):
            raise self._bad(key, "true or false", value)
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._value(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key, "a list of texts", value)
        return tuple(value)

    def choice[E: StrEnum](
        self, key: str, enum: type[E], default: E | None = None, hints: Table | None = None
    ) -> E:
        value = self._value(key, default)
        try:
            return enum(value)
        except ValueError:
            pass
        options = ", ".join(e.value for e in enum)
        hint = (hints or {}).get(str(value).lower()) if isinstance(value, str) else None
        suggestion = f"did you mean '{hint}'? " if hint else ""
        raise self.error(
            ProfileErrorCode.BAD_VALUE,
            f"unknown {key} {value!r}; {suggestion}use one of {options}",
        ) from None

    def _value(self, key: str, default: object) -> Any:
        if key in self.table:
            return self.table[key]
        if default is None:
            raise self.error(ProfileErrorCode.MISSING_KEY, f"missing required key '{key}'")
        return default

    def _bad(self, key: str, expected: str, value: object) -> ProfileError:
        return self.error(
            ProfileErrorCode.BAD_VALUE, f"'{key}' must be {expected}, got {_kind(value)}"
        )


def _kind(value: object) -> str:
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)
