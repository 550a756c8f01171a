"""How `medido check` shows a run: a line per step as it ends, a summary, or JSON."""

from __future__ import annotations

import json
from typing import Any

from app.commands.terminal import say
from app.core.check.outcome import CheckRun, Status, StepId, StepOutcome

_MARK = {Status.PASS: "PASS", Status.WARN: "WARN", Status.FAIL: "FAIL", Status.SKIP: "skip"}


def show_progress(event: tuple[StepId, int | None, StepOutcome | None]) -> None:
    """One line when a step ends (stderr: stdout stays for the result)."""
    _, meter, outcome = event
    if outcome is None:
        return
    where = f"[meter {meter + 1}] " if meter is not None else ""
    say(f"{_MARK[outcome.status]:4}  {where}{outcome.title}: {outcome.detail}", err=True)
    for fix in outcome.fixes:
        say(f"      ↳ {fix}", err=True)


def as_json(run: CheckRun) -> dict[str, Any]:
    """`{"passed", "steps": [{"id", "status", "title", "detail", "evidence", ...}], ...}`"""
    return run.to_dict()


def print_result(run: CheckRun, *, json_output: bool, files: list[str]) -> None:
    if json_output:
        body = as_json(run)
        if files:
            body["report_files"] = files
        say(json.dumps(body, ensure_ascii=False, indent=2))
        return
    failed = [s for s in run.steps if s.status is Status.FAIL]
    warned = [s for s in run.steps if s.status is Status.WARN]
    if run.passed:
        say(f"Check passed ({len(warned)} warning(s)).")
    else:
        titles = ", ".join(s.title for s in failed)
        say(f"Check NOT passed: {len(failed)} step(s) failed ({titles}).")
    for path in files:
        say(f"Report: {path}")
