"""Running the commissioning check: the shared API steps once, then every meter's steps.

A step that raises anything but cancellation is a failed step with the error named, never a
crashed check (a bug must not hide what the other steps found). Progress is reported as each
step starts and ends (`progress`), on the core loop; cancelling the task stops the run where it
is. `rerun` runs one step again with the evidence the others left in the context.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from app.core.check.context import CheckContext, MeterUnderCheck
from app.core.check.outcome import (
    CheckRun,
    Finding,
    MeterRun,
    Status,
    StepId,
    StepOutcome,
)
from app.core.check.steps_meter import check_clock, check_coverage, check_meter, check_wiring
from app.core.check.steps_site import check_api, check_device, check_token, check_upload
from app.core.events import EventStream

log = logging.getLogger(__name__)

SHARED_STEPS = (StepId.API, StepId.TOKEN)
METER_STEPS = (
    StepId.DEVICE,
    StepId.COVERAGE,
    StepId.METER,
    StepId.WIRING,
    StepId.CLOCK,
    StepId.UPLOAD,
)
STEPS = SHARED_STEPS + METER_STEPS


async def _run_step(ctx: CheckContext, step: StepId, meter: MeterUnderCheck | None) -> StepOutcome:
    if step is StepId.API:
        return await check_api(ctx)
    if step is StepId.TOKEN:
        return await check_token(ctx)
    assert meter is not None  # a meter step always has its meter
    if step is StepId.DEVICE:
        return await check_device(ctx, meter)
    if step is StepId.COVERAGE:
        return check_coverage(meter)
    if step is StepId.METER:
        return await check_meter(ctx, meter)
    if step is StepId.WIRING:
        return check_wiring(meter)
    if step is StepId.CLOCK:
        return await check_clock(ctx, meter)
    return await check_upload(ctx, meter)


class Checklist:
    """The service object for one site's check; keep it to re-run steps or save the report."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        # (step, meter index or None for a shared step, outcome or None when it starts)
        self.progress: EventStream[tuple[StepId, int | None, StepOutcome | None]] = EventStream()
        self.shared: dict[StepId, StepOutcome] = {}
        self.per_meter: list[dict[StepId, StepOutcome]] = [{} for _ in ctx.meters]
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None

    async def run(self) -> CheckRun:
        self.started_at = datetime.now(UTC)
        for step in SHARED_STEPS:
            await self.rerun(step)
        blocked = any(o.status is Status.FAIL for o in self.shared.values())
        for index in range(len(self.ctx.meters)):
            for step in METER_STEPS:
                if blocked and step in (StepId.DEVICE, StepId.COVERAGE, StepId.UPLOAD):
                    self._keep(step, index, _blocked(step))
                    continue
                await self.rerun(step, index)
        self.finished_at = datetime.now(UTC)
        return self.result()

    async def rerun(self, step: StepId, meter: int | None = None) -> StepOutcome:
        """Run one step (again); a meter step needs the meter's index."""
        index = None if step.shared else (meter or 0)
        self.progress.emit((step, index, None))
        started = time.monotonic()
        target = self.ctx.meters[index] if index is not None else None
        try:
            outcome = await _run_step(self.ctx, step, target)
        except Exception as exc:  # a bug: one failed step, named, and the run goes on
            log.exception("check step %s failed", step.value)
            outcome = StepOutcome(
                step,
                (
                    Finding(
                        Status.FAIL,
                        "check.step_crashed",
                        f"This step stopped on an unexpected error ({type(exc).__name__}).",
                        "Run the step again; if it persists, send the diagnostics to support.",
                    ),
                ),
            )
        outcome = StepOutcome(step, outcome.findings, outcome.evidence, time.monotonic() - started)
        self._keep(step, index, outcome)
        self.finished_at = datetime.now(UTC)
        return outcome

    def _keep(self, step: StepId, index: int | None, outcome: StepOutcome) -> None:
        if index is None:
            self.shared[step] = outcome
        else:
            self.per_meter[index][step] = outcome
        self.progress.emit((step, index, outcome))

    def result(self) -> CheckRun:
        now = datetime.now(UTC)
        meters = tuple(
            MeterRun(m.label, tuple(done[s] for s in METER_STEPS if s in done))
            for m, done in zip(self.ctx.meters, self.per_meter, strict=True)
        )
        return CheckRun(
            self.started_at or now,
            self.finished_at or now,
            tuple(self.shared[s] for s in SHARED_STEPS if s in self.shared),
            meters,
        )


def _blocked(step: StepId) -> StepOutcome:
    return StepOutcome(
        step,
        (
            Finding(
                Status.SKIP,
                "check.blocked_by_api",
                "Not run: ChileMedido could not be reached or the token is not valid.",
            ),
        ),
    )
