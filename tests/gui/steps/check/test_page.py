"""The Check page against the real emulator (HTTP) and a simulated meter (Modbus TCP)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.api import ApiState, ChileMedidoClient, Environment
from app.core.check.outcome import Status, StepId
from app.emulator.server import EmulatorServer
from app.gui.session import Session
from app.gui.steps.check.page import CheckPage
from app.gui.steps.step import StepState
from tests.fixtures.gui_world import connect_meter, poll_once
from tests.gui.conftest import on_loop

RUN_TIMEOUT_MS = 30000


def build(qtbot: QtBot, session: Session) -> CheckPage:
    page = CheckPage.build(session)
    qtbot.addWidget(page)
    page.show()
    return page


def step_state(page: CheckPage) -> StepState:
    return page.state  # read afresh (a bare property would be narrowed by mypy)


def logged_in(qtbot: QtBot, session: Session, emulator: EmulatorServer) -> str:
    """Log in with a fresh refresh token, look up meter 29; the token text, to look for."""
    token = emulator.issue_refresh_token()
    client = ChileMedidoClient(
        Environment.emulator(emulator.base_url),
        remember_tokens=False,
        trust_env=False,
        traffic=session.traffic,
    )
    session.set_api(client)
    on_loop(session.bridge, client.login(token))
    qtbot.waitUntil(lambda: session.api_status.state is ApiState.READY, timeout=5000)
    session.set_device(on_loop(session.bridge, client.device_by_number("29")))
    return token


def with_meter(qtbot: QtBot, session: Session) -> None:
    connect_meter(session, "eastron-sdm630")
    poll_once(qtbot, session)


def run_check(qtbot: QtBot, page: CheckPage) -> None:
    page.start_button.click()
    assert page.busy
    assert not page.start_button.isEnabled()
    assert page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not page.busy, timeout=RUN_TIMEOUT_MS)


def test_a_full_run_shows_every_verdict(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    logged_in(qtbot, session, emulator)
    with_meter(qtbot, session)
    page = build(qtbot, session)
    assert page.upload.isChecked()  # a test measurement by default
    run_check(qtbot, page)
    for step, row in page.rows.rows.items():
        assert row.outcome is not None, step
        assert not row.running
        assert row.detail.text() == row.outcome.detail
        assert row.outcome.status is not Status.FAIL, (step, row.outcome.detail)
    assert page.rows.rows[StepId.UPLOAD].outcome.status is Status.PASS  # type: ignore[union-attr]
    assert step_state(page) in (StepState.OK, StepState.WARNING)
    assert page.report.save.isEnabled()


def test_without_a_meter_the_meter_steps_fail_with_a_link(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    logged_in(qtbot, session, emulator)
    page = build(qtbot, session)
    page.upload.setChecked(False)
    requested: list[str] = []
    session.step_requested.connect(requested.append)
    run_check(qtbot, page)
    assert step_state(page) is StepState.ERROR
    row = page.rows.rows[StepId.METER]
    assert row.outcome is not None
    assert row.outcome.status is Status.FAIL
    assert "No meter is connected" in row.detail.text()
    assert row.fix.isVisible()
    assert 'href="meter"' in row.fix.text()
    row.fix.linkActivated.emit("meter")
    assert requested == ["meter"]
    assert page.rows.rows[StepId.API].outcome.status is Status.PASS  # type: ignore[union-attr]
    assert page.rows.rows[StepId.UPLOAD].outcome.status is Status.SKIP  # type: ignore[union-attr]
    assert "failed" in page.summary.text()


def test_running_one_step_again_updates_only_its_row(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    logged_in(qtbot, session, emulator)
    page = build(qtbot, session)
    page.upload.setChecked(False)
    assert not page.rows.rows[StepId.METER].rerun.isEnabled()  # nothing to run again yet
    run_check(qtbot, page)
    before = {step: row.outcome for step, row in page.rows.rows.items()}
    assert page.rows.rows[StepId.METER].outcome.status is Status.FAIL  # type: ignore[union-attr]
    with_meter(qtbot, session)  # a MeterSession the checklist's context does not hold
    page.rows.rows[StepId.API].rerun.click()
    assert page.busy
    qtbot.waitUntil(lambda: not page.busy, timeout=RUN_TIMEOUT_MS)
    after = {step: row.outcome for step, row in page.rows.rows.items()}
    assert after[StepId.API] is not before[StepId.API]
    api = after[StepId.API]
    assert api is not None
    assert api.status is Status.PASS
    assert {s: o for s, o in after.items() if s is not StepId.API} == {
        s: o for s, o in before.items() if s is not StepId.API
    }
    assert all(after[s] is before[s] for s in after if s is not StepId.API)
    assert step_state(page) is StepState.ERROR  # the meter step still failed


def test_cancel_stops_the_run(qtbot: QtBot, session: Session, emulator: EmulatorServer) -> None:
    logged_in(qtbot, session, emulator)
    with_meter(qtbot, session)
    page = build(qtbot, session)
    page.upload.setChecked(False)
    page.start_button.click()
    qtbot.waitUntil(lambda: page.rows.rows[StepId.METER].running, timeout=RUN_TIMEOUT_MS)
    page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert not any(row.running for row in page.rows.rows.values())
    assert page.rows.rows[StepId.CLOCK].outcome is None
    assert step_state(page) is not StepState.BUSY


def test_save_report_writes_three_files_without_the_token(
    qtbot: QtBot,
    session: Session,
    emulator: EmulatorServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "Documents" / "Medido"
    monkeypatch.setattr("app.gui.steps.check.page.report_folder", lambda: folder)
    token = logged_in(qtbot, session, emulator)
    with_meter(qtbot, session)
    page = build(qtbot, session)
    run_check(qtbot, page)
    page.report.site.setText("Planta Norte")
    page.report.installer.setText("Ana Pérez")
    page.report.save.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=RUN_TIMEOUT_MS)
    files = sorted(folder.iterdir())
    assert sorted(p.suffix for p in files) == [".html", ".json", ".pdf"]
    assert page.report.files
    assert page.report.open_report.isVisible()
    assert str(folder) in page.report.where.text()
    for path in files:
        data = path.read_bytes()
        assert token.encode() not in data, path
        assert b"eyJ" not in data, path
    body = json.loads(next(p for p in files if p.suffix == ".json").read_text("utf-8"))
    assert body["site"] == "Planta Norte"
    assert body["installer"] == "Ana Pérez"
    rebuilt = build(qtbot, session)  # site and installer are remembered
    assert rebuilt.report.site.text() == "Planta Norte"
    assert rebuilt.report.installer.text() == "Ana Pérez"


def test_the_check_judges_the_meter_clock_in_the_zone_chosen_on_the_clock_page(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    from app.gui.steps.clock.page import ClockPage

    clock = ClockPage.build(session)
    qtbot.addWidget(clock)
    clock.view.zones.set_zone("UTC")  # the installer says the meter keeps UTC
    page = build(qtbot, session)
    assert page._context().meters[0].zone_choice == "UTC"
