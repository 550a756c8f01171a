"""What a benchmark reports (a Figure per table row) and how it is measured (paired medians)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

type Sample = Callable[[], float]  # one run; returns the seconds (or other unit) it measured


@dataclass(frozen=True)
class Figure:
    """One row of the table: a median, its same-run baseline when it has one, and the target.

    `limit` is the target as a number: a ratio when there is a baseline, else in `unit`.
    """

    row: int
    what: str
    value: float
    unit: str
    limit: float
    baseline: float | None = None
    baseline_what: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None:
            return None
        return self.value / self.baseline if self.baseline > 0 else float("inf")

    @property
    def met(self) -> bool:
        compared = self.ratio if self.ratio is not None else self.value
        return compared <= self.limit

    @property
    def target(self) -> str:
        if self.baseline is not None:
            return f"≤ {self.limit:g}×"
        return f"≤ {self.limit:g} {self.unit}"

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"ratio": self.ratio, "met": self.met, "target": self.target}


@dataclass(frozen=True)
class Paired:
    """Medians of two measurements taken in turn, and their ratio."""

    a: float
    b: float
    a_runs: list[float]
    b_runs: list[float]

    @property
    def ratio(self) -> float:
        return self.a / self.b if self.b > 0 else float("inf")


def paired(a: Sample, b: Sample, runs: int, warmup: int = 1) -> Paired:
    """Run a and b in turn (A B A B …) after `warmup` rounds that are not counted: a drift in
    the machine's speed then touches both alike."""
    for _ in range(warmup):
        a()
        b()
    a_runs, b_runs = [], []
    for i in range(runs):
        first, second = (a, b) if i % 2 == 0 else (b, a)  # neither always runs on a warm cache
        x, y = first(), second()
        a_runs.append(x if first is a else y)
        b_runs.append(y if first is a else x)
    return Paired(statistics.median(a_runs), statistics.median(b_runs), a_runs, b_runs)


def median_of(sample: Sample, runs: int, warmup: int = 1) -> tuple[float, list[float]]:
    for _ in range(warmup):
        sample()
    values = [sample() for _ in range(runs)]
    return statistics.median(values), values


def timed(action: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> Sample:
    """A sample that times one call of `action`, in seconds of `clock` (wall time by default;
    `time.process_time` for this process's CPU time)."""

    def sample() -> float:
        started = clock()
        action()
        return clock() - started

    return sample
