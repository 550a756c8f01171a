"""What one step of the commissioning check found: a verdict, its evidence and the fix.

Texts are English, built from a stable `code` and its `params`; the app shows them in the
installer's language by looking the code up (app/gui/checklist_texts.py), and the report uses
whichever texts it is given. Evidence is plain JSON data: what was measured, so a verdict can
be read back by support without the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    PASS = "pass"  # noqa: S105 (a verdict, not a password)
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"

    @property
    def rank(self) -> int:
        """Worse is larger; a step's status is its worst finding's."""
        return {Status.SKIP: 0, Status.PASS: 1, Status.WARN: 2, Status.FAIL: 3}[self]


class StepId(StrEnum):
    API = "api"
    TOKEN = "token"  # noqa: S105 (a step name)
    DEVICE = "device"
    COVERAGE = "coverage"
    METER = "meter"
    WIRING = "wiring"
    CLOCK = "clock"
    UPLOAD = "upload"

    @property
    def shared(self) -> bool:
        """Steps about the API and the token are the same for every meter of a site."""
        return self in (StepId.API, StepId.TOKEN)


TITLES: dict[StepId, str] = {
    StepId.API: "API reachable",
    StepId.TOKEN: "Token",
    StepId.DEVICE: "Meter registered",
    StepId.COVERAGE: "Sensor coverage",
    StepId.METER: "Meter answers",
    StepId.WIRING: "Plausibility and wiring",
    StepId.CLOCK: "Clocks",
    StepId.UPLOAD: "Test upload",
}

# The app's step that fixes what a step found (app.gui.steps.catalog ids).
FIXED_ON: dict[StepId, str] = {
    StepId.API: "connection",
    StepId.TOKEN: "connection",
    StepId.DEVICE: "device",
    StepId.COVERAGE: "meter",
    StepId.METER: "meter",
    StepId.WIRING: "plot",
    StepId.CLOCK: "clock",
    StepId.UPLOAD: "upload",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a step found. `message` and `fix` are English; `code`/`params` translate them."""

    status: Status
    code: str
    message: str
    fix: str = ""  # what to do; empty for a pass
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StepOutcome:
    step: StepId
    findings: tuple[Finding, ...]
    evidence: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def status(self) -> Status:
        if not self.findings:
            return Status.SKIP
        return max((f.status for f in self.findings), key=lambda s: s.rank)

    @property
    def title(self) -> str:
        return TITLES[self.step]

    @property
    def deciding(self) -> tuple[Finding, ...]:
        """The findings that decide the status (all of them for a pass)."""
        worst = self.status
        return tuple(f for f in self.findings if f.status is worst) or self.findings

    @property
    def detail(self) -> str:
        """The deciding findings in one text."""
        return " ".join(f.message for f in self.deciding)

    @property
    def fixes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.fix for f in self.findings if f.fix and f.status.rank > 1))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.step.value,
            "status": self.status.value,
            "title": self.title,
            "detail": self.detail,
            "fixes": list(self.fixes),
            "findings": [
                {"status": f.status.value, "code": f.code, "message": f.message, "fix": f.fix}
                for f in self.findings
            ],
            "evidence": self.evidence,
            "seconds": round(self.seconds, 3),
        }


def english(finding: Finding) -> tuple[str, str]:
    """A finding's (message, fix) as the core wrote them (reports in English use this)."""
    return finding.message, finding.fix


def skipped(step: StepId, code: str, message: str, **params: str) -> StepOutcome:
    return StepOutcome(step, (Finding(Status.SKIP, code, message, params=params),))


@dataclass(frozen=True, slots=True)
class MeterRun:
    """The per-meter steps of one meter of the site."""

    label: str  # "Meter 29 · Eastron SDM630 · TCP 10.0.0.5:502 unit 1"
    steps: tuple[StepOutcome, ...]


@dataclass(frozen=True, slots=True)
class CheckRun:
    """A whole check: the shared steps once, then each meter's."""

    started_at: datetime
    finished_at: datetime
    shared: tuple[StepOutcome, ...]
    meters: tuple[MeterRun, ...]

    @property
    def steps(self) -> tuple[StepOutcome, ...]:
        return self.shared + tuple(s for m in self.meters for s in m.steps)

    @property
    def passed(self) -> bool:
        """No step failed (warnings and skips do not fail a site)."""
        return all(s.status is not Status.FAIL for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "steps": [s.to_dict() for s in self.steps],
            "meters": [
                {"label": m.label, "steps": [s.step.value for s in m.steps]} for m in self.meters
            ],
        }
