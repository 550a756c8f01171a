"""The commissioning check against real parts: the emulator over loopback HTTP and the meter
simulator over Modbus TCP, each step's pass and fail paths driven by simulator faults and
emulator worlds."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from app.core.api import ChileMedidoClient, Environment
from app.core.check.outcome import CheckRun, Status, StepId
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import default_library
from app.core.upload.outbox import Outbox
from app.emulator.server import EmulatorServer
from app.emulator.world import FailureRule, default_world
from app.simulator import Faults
from app.simulator.phases import Phase
from tests.core.check.conftest import RunCheck
from tests.fixtures.emulator import EmulatorFactory


def step(run: CheckRun, which: StepId) -> tuple[Status, str]:
    outcome = next(s for s in run.steps if s.step is which)
    return outcome.status, outcome.detail


async def test_a_healthy_site_passes_every_step_and_uploads(
    run_check: RunCheck, emulator: EmulatorServer
) -> None:
    run = await run_check(upload=True)
    statuses = {s.step: s.status for s in run.steps}
    assert statuses == {
        StepId.API: Status.PASS,
        StepId.TOKEN: Status.PASS,
        StepId.DEVICE: Status.PASS,
        StepId.COVERAGE: statuses[StepId.COVERAGE],  # the demo device has sensors SDM630 lacks
        StepId.METER: statuses[StepId.METER],
        StepId.WIRING: Status.PASS,
        StepId.CLOCK: statuses[StepId.CLOCK],
        StepId.UPLOAD: Status.PASS,
    }, [s.to_dict() for s in run.steps]
    assert run.passed
    stored = emulator.state.measurements("29")
    assert stored  # the server holds what the check sent
    configured = {s.name for s in (await _device(emulator)).sensors}
    assert {m.sensor_name for m in stored} <= configured


async def test_the_check_uploads_through_the_outbox(
    run_check: RunCheck, emulator: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    run = await run_check(upload=True, outbox=outbox)
    assert step(run, StepId.UPLOAD)[0] is Status.PASS
    assert await outbox.waiting() == []  # written, sent, marked: nothing left to send
    attempt = run_check.last.meters[0].upload  # type: ignore[attr-defined]
    assert attempt is not None
    assert attempt.outbox_id is not None
    assert not attempt.queued


async def test_an_upload_the_server_fails_waits_in_the_outbox(
    run_check: RunCheck, emulator: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    emulator.state.faults.add(FailureRule("status", "POST /measurements", status=503))
    run = await run_check(upload=True, outbox=outbox)
    assert step(run, StepId.UPLOAD)[0] is Status.FAIL
    [waiting] = await outbox.waiting()
    assert waiting.error_code == "server_error"
    assert waiting.state == "pending"


async def _device(emulator: EmulatorServer):  # type: ignore[no-untyped-def]
    async with ChileMedidoClient(
        Environment.emulator(emulator.base_url), remember_tokens=False, trust_env=False
    ) as client:
        await client.login(emulator.issue_refresh_token())
        return await client.device_by_number("29")


async def test_a_reversed_ct_fails_the_wiring_step_and_names_the_phase(run_check: RunCheck) -> None:
    run = await run_check(Faults(reversed_ct={Phase.B}))
    status, detail = step(run, StepId.WIRING)
    assert status is Status.FAIL
    assert "Phase B" in detail
    assert "CT" in detail
    assert not run.passed


async def test_a_missing_phase_fails_the_wiring_step(run_check: RunCheck) -> None:
    run = await run_check(Faults(missing_phases={Phase.C}))
    status, detail = step(run, StepId.WIRING)
    assert status is Status.FAIL
    assert "Phase C has no voltage" in detail


async def test_a_wrong_unit_id_is_a_failed_meter_step_never_a_green_link(
    run_check: RunCheck,
) -> None:
    run = await run_check(unit=7)
    assert step(run, StepId.METER)[0] is Status.FAIL
    assert step(run, StepId.WIRING)[0] is Status.SKIP


async def test_a_wrong_profile_says_wrong_profile_or_unit_id(run_check: RunCheck) -> None:
    run = await run_check(profile="schneider-pm5000")
    status, detail = step(run, StepId.METER)
    assert status is Status.FAIL
    assert "wrong profile or unit id" in detail


async def test_a_meter_clock_three_hours_off_is_a_time_zone_setting(run_check: RunCheck) -> None:
    pm5000 = "schneider-pm5000"  # a meter with a clock
    run = await run_check(Faults(clock_offset_s=3 * 3600), profile=pm5000, model=pm5000)
    outcome = next(s for s in run.steps if s.step is StepId.CLOCK)
    codes = {f.code for f in outcome.findings}
    assert outcome.status is Status.FAIL
    # Santiago is UTC−3 in December: +3 h is a meter set to UTC, a zone setting, not drift.
    zone_codes = {"clock.meter_keeps_utc", "clock.meter_timezone_wrong", "clock.meter_dst_wrong"}
    assert codes & zone_codes, codes
    assert "clock.drift_large" not in codes


async def test_an_unknown_meter_fails_the_device_step(run_check: RunCheck) -> None:
    run = await run_check(number="no-such-meter")
    status, _ = step(run, StepId.DEVICE)
    assert status is Status.FAIL
    assert step(run, StepId.COVERAGE)[0] is Status.SKIP


async def test_a_refused_token_fails_the_token_step_and_blocks_the_api_steps(
    run_check: RunCheck,
) -> None:
    run = await run_check(token="eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
    assert step(run, StepId.TOKEN)[0] is Status.FAIL
    assert step(run, StepId.DEVICE)[0] is Status.SKIP
    assert step(run, StepId.METER)[0] is not Status.SKIP  # the meter is still checked
    clock = next(s for s in run.steps if s.step is StepId.CLOCK)
    assert clock.status is not Status.FAIL  # the refusal is the token step's, not said twice
    assert "clock.server_not_asked" in {f.code for f in clock.findings}


async def test_no_token_text_in_the_run(run_check: RunCheck, emulator: EmulatorServer) -> None:
    token = emulator.issue_refresh_token()
    run = await run_check(upload=True, token=token)
    text = str(run.to_dict())
    assert token not in text
    assert "eyJ" not in text


async def test_an_unreachable_server_fails_the_api_step(
    run_check: RunCheck,
) -> None:
    stopped = EmulatorServer().start()
    stopped.stop()
    run = await run_check(server=stopped, token="x" * 10)
    status, detail = step(run, StepId.API)
    assert status is Status.FAIL
    assert "could not" in detail.lower() or "refused" in detail.lower(), detail


def _scaled(profile_id: str, sensor: str, factor: float) -> MeterProfile:
    """A profile whose `sensor` is read with the wrong scale (another model's, say)."""
    profile = default_library().get(profile_id)
    sensors = tuple(
        replace(m, parts=tuple(replace(p, scale=p.scale * factor) for p in m.parts))
        if m.sensor == sensor
        else m
        for m in profile.sensors
    )
    return replace(profile, sensors=sensors)


async def test_phase_powers_that_do_not_add_up_fail_the_wiring_step(run_check: RunCheck) -> None:
    run = await run_check(profile=_scaled("eastron-sdm630", "Potencia activa total instantánea", 2))
    status, detail = step(run, StepId.WIRING)
    assert status is Status.FAIL
    assert "add up to" in detail


async def test_a_not_available_sentinel_is_never_a_value_nor_uploaded(
    run_check: RunCheck, emulator: EmulatorServer
) -> None:
    iem = "schneider-iem3000"
    energy = "Energía reactiva acumulada"
    run = await run_check(Faults(not_available={energy}), profile=iem, model=iem, upload=True)
    meter = next(s for s in run.steps if s.step is StepId.METER)
    assert meter.status is Status.WARN
    assert energy in meter.detail
    sent = next(s for s in run.steps if s.step is StepId.UPLOAD).evidence["sent"]
    assert energy not in str(sent)
    assert energy not in {m.sensor_name for m in emulator.state.measurements("29")}


async def test_a_naive_profile_decoding_the_sentinel_fails_and_uploads_nothing_wrong(
    run_check: RunCheck, emulator: EmulatorServer
) -> None:
    iem = "schneider-iem3000"
    energy = "Energía reactiva acumulada"
    naive = default_library().get(iem)
    naive = replace(
        naive,
        sensors=tuple(
            replace(m, parts=tuple(replace(p, not_available=()) for p in m.parts))
            for m in naive.sensors
        ),
    )
    run = await run_check(Faults(not_available={energy}), profile=naive, model=iem, upload=True)
    assert step(run, StepId.METER)[0] is Status.FAIL
    assert step(run, StepId.WIRING)[0] is Status.FAIL
    assert not run.passed
    assert energy not in {m.sensor_name for m in emulator.state.measurements("29")}


async def test_sensors_the_device_lacks_are_listed_and_never_sent(
    run_check: RunCheck, emulator: EmulatorServer
) -> None:
    run = await run_check(number="30", upload=True)  # a single-phase device in the seed world
    coverage = next(s for s in run.steps if s.step is StepId.COVERAGE)
    assert coverage.evidence["not_configured"]
    configured = set(coverage.evidence["supplied"]) | set(coverage.evidence["missing"])
    assert {m.sensor_name for m in emulator.state.measurements("30")} <= configured


async def test_a_refresh_token_near_its_end_warns_with_the_days_left(
    run_check: RunCheck, emulator_factory: EmulatorFactory
) -> None:
    server = emulator_factory(replace(default_world(), refresh_token_lifetime_s=3 * 86_400))
    run = await run_check(server=server)
    outcome = next(s for s in run.steps if s.step is StepId.TOKEN)
    assert outcome.status is Status.WARN
    assert outcome.findings[0].code == "token.expires_soon"
    assert outcome.evidence["days_left"] <= 3
    assert run.passed  # a warning does not fail the site


async def test_an_expired_refresh_token_fails_the_token_step(
    run_check: RunCheck, emulator_factory: EmulatorFactory
) -> None:
    server = emulator_factory(replace(default_world(), refresh_token_lifetime_s=1))
    token = server.issue_refresh_token()
    await asyncio.sleep(1.2)
    run = await run_check(server=server, token=token)
    outcome = next(s for s in run.steps if s.step is StepId.TOKEN)
    assert outcome.status is Status.FAIL
    assert outcome.findings[0].code == "api.token_expired"
    assert "new refresh token" in outcome.fixes[0]
