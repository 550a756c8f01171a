"""Reading typed values out of a parsed TOML table, with errors that name the file and the key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NoReturn

from app.simulator.errors import SimulatorError

SCENARIO_INVALID = "sim.scenario_invalid"


class Table:
    """A TOML table plus where it is ("meter[1].load"), so every error can say so."""

    def __init__(self, data: Mapping[str, Any], file: str, where: str, known: set[str]) -> None:
        self.data = data
        self.file = file
        self.where = where
        unknown = sorted(set(data) - known)
        if unknown:
            self.fail(unknown[0], f"unknown key; expected one of {', '.join(sorted(known))}")

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def fail(self, name: str, detail: str) -> NoReturn:
        raise SimulatorError(SCENARIO_INVALID, f"{self.file}: {self.key(name)}: {detail}")

    def has(self, name: str) -> bool:
        return name in self.data

    def number(
        self, name: str, default: float, *, low: float | None = None, high: float | None = None
    ) -> float:
        value = self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(name, f"expected a number, got {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(name, f"{value} is outside {low}..{high}")
        return float(value)

    def integer(
        self, name: str, default: int | None = None, *, low: int = 0, high: int | None = None
    ) -> int:
        if name not in self.data and default is None:
            self.fail(name, "missing; this key is required")
        value = self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(name, f"expected a whole number, got {value!r}")
        if value < low or (high is not None and value > high):
            self.fail(name, f"{value} is outside {low}..{high if high is not None else '∞'}")
        return int(value)

    def text(self, name: str, default: str | None = None) -> str:
        if name not in self.data and default is None:
            self.fail(name, "missing; this key is required")
        value = self.data.get(name, default)
        if not isinstance(value, str) or not value:
            self.fail(name, f"expected text, got {value!r}")
        return str(value)

    def flag(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            self.fail(name, f"expected true or false, got {value!r}")
        return bool(value)

    def texts(self, name: str) -> list[str]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(name, f"expected a list of text, got {value!r}")
        return list(value)

    def _three(self, name: str, value: object, ok: Callable[[object], bool]) -> list[Any]:
        values = value if isinstance(value, list) else [value, value, value]
        if len(values) != 3 or not all(ok(v) for v in values):
            self.fail(name, f"expected one value or a list of three (A, B, C), got {value!r}")
        return values

    def numbers3(
        self, name: str, default: tuple[float, float, float]
    ) -> tuple[float, float, float]:
        """One number for all three phases, or a list of three."""
        value = self.data.get(name, list(default))
        v = self._three(
            name, value, lambda x: isinstance(x, int | float) and not isinstance(x, bool)
        )
        return float(v[0]), float(v[1]), float(v[2])

    def flags3(self, name: str, default: bool) -> tuple[bool, bool, bool]:
        v = self._three(name, self.data.get(name, default), lambda x: isinstance(x, bool))
        return bool(v[0]), bool(v[1]), bool(v[2])

    def table(self, name: str, known: set[str]) -> Table:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            self.fail(name, f"expected a table, got {value!r}")
        return Table(value, self.file, self.key(name), known)

    def tables(self, name: str, known: set[str]) -> list[Table]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(name, f"expected a list of tables ([[{self.key(name)}]]), got {value!r}")
        return [Table(v, self.file, f"{self.key(name)}[{i}]", known) for i, v in enumerate(value)]
