"""The Device page against the real emulator: look-ups by number and id, the error paths (the
last good meter stays), the filter, coverage against a profile, the dictionary, settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from app.core.api import ApiState, ChileMedidoClient, Environment
from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile_loader import default_library
from app.core.meter.session import MeterSession
from app.emulator.server import EmulatorServer
from app.emulator.tokens import TokenRejected as EmulatorTokenRejected
from app.emulator.world import default_world
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.settings import DEVICE_NUMBER, METER_PROFILE
from app.gui.steps.device.page import DEVICE_ID, LOOKUP_MODE, DevicePage
from app.gui.steps.step import StepState
from tests.core.api.seed import SEED_SENSORS
from tests.fixtures.emulator import EmulatorFactory
from tests.gui.conftest import on_loop

WAIT_MS = 8000


def log_in(qtbot: QtBot, session: Session, emulator: EmulatorServer) -> ChileMedidoClient:
    client = ChileMedidoClient(Environment.emulator(emulator.base_url), remember_tokens=False)
    session.set_api(client)
    on_loop(session.bridge, client.login(emulator.issue_refresh_token("2")))
    qtbot.waitUntil(lambda: session.api_status.state is ApiState.READY, timeout=WAIT_MS)
    return client


def state(page: DevicePage) -> StepState:
    """Read through a call: mypy would keep an earlier assert's narrowing of the property."""
    return page.state


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def build(qtbot: QtBot, session: Session) -> DevicePage:
    page = DevicePage.build(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.profile.count() > 1, timeout=WAIT_MS)  # profiles loaded
    return page


@pytest.fixture
def page(
    qtbot: QtBot, session: Session, emulator: EmulatorServer, translations: Translations
) -> Iterator[DevicePage]:
    log_in(qtbot, session, emulator)
    built = build(qtbot, session)
    yield built
    built.cancel_jobs()


def look_up(qtbot: QtBot, page: DevicePage, text: str, mode: str = "number") -> None:
    page.lookup.modes.setCurrentIndex(0 if mode == "number" else 1)
    page.lookup.query.setText(text)
    page.lookup.button.click()
    qtbot.waitUntil(lambda: page.lookup.button.isEnabled(), timeout=WAIT_MS)


def test_meter_29_by_number_shows_its_30_variables(qtbot: QtBot, page: DevicePage) -> None:
    look_up(qtbot, page, "29")
    device = page.session.device
    assert device is not None
    assert (device.id, device.number) == (29, "29")
    table = page.tables.sensors
    assert table.rowCount() == 30
    assert table.shown_rows() == list(SEED_SENSORS)
    assert cell(table, 0, 2) == "kW"
    assert page.summary.text() == "Meter “29” · ChileMedido id 29 · 30 variables configured."
    assert page.state is StepState.OK  # no profile chosen: nothing to warn about
    assert page.banner.isHidden()


def test_the_filter_ignores_accents_and_case(qtbot: QtBot, page: DevicePage) -> None:
    look_up(qtbot, page, "29")
    page.tables.filter.setText("energia")
    assert page.tables.sensors.shown_rows() == [
        "Energía activa acumulada",
        "Energía reactiva acumulada",
        "Energía activa A acumulada",
        "Energía activa B acumulada",
        "Energía activa C acumulada",
    ]
    page.tables.filter.setText("DISTORSIÓN ARMONICA DE LA CORRIENTE")
    assert len(page.tables.sensors.shown_rows()) == 3
    page.tables.filter.setText("kvarh")  # units are searched too
    assert page.tables.sensors.shown_rows() == ["Energía reactiva acumulada"]
    page.tables.filter.clear()
    assert len(page.tables.sensors.shown_rows()) == 30


def test_by_chilemedido_id_and_the_last_good_meter_stays(
    qtbot: QtBot, page: DevicePage, translations: Translations
) -> None:
    look_up(qtbot, page, "30", mode="id")
    assert page.session.device is not None
    assert page.session.device.number == "30"
    look_up(qtbot, page, "29", mode="id")
    assert page.session.device is not None
    assert page.session.device.id == 29

    look_up(qtbot, page, "29 B/Ñuñoa")
    assert page.banner.what.text() == "No meter numbered “29 B/Ñuñoa” exists for your provider."
    assert "spaces, slashes and accents" in page.banner.todo.text()
    assert page.session.device.id == 29  # kept
    assert page.tables.sensors.rowCount() == 30
    assert page.state is StepState.OK

    look_up(qtbot, page, "4129", mode="id")  # provider 7's meter
    assert page.banner.what.text() == "Meter 4129 belongs to another provider."
    look_up(qtbot, page, "veintinueve", mode="id")
    assert page.banner.what.text() == "“veintinueve” is not a ChileMedido id."
    assert page.session.device.id == 29

    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert page.lookup.button.text() == "&Buscar"
    assert page.profile.itemText(0) == "(ninguno: sin comparación)"
    look_up(qtbot, page, "29 B/Ñuñoa")
    assert (
        page.banner.what.text() == "No existe un medidor con número “29 B/Ñuñoa” para su proveedor."
    )
    assert page.banner.todo.text().startswith("Revise el número")


def test_coverage_against_the_meter_steps_profile(
    qtbot: QtBot, session: Session, emulator: EmulatorServer, translations: Translations
) -> None:
    session.settings.set(METER_PROFILE, "eastron-sdm630")
    log_in(qtbot, session, emulator)
    page = build(qtbot, session)
    assert page.profile.currentData() == "eastron-sdm630"
    look_up(qtbot, page, "29")
    table = page.tables.sensors
    coverage = {cell(table, r, 0): cell(table, r, 3) for r in range(30)}
    assert sum(text.startswith("✓") for text in coverage.values()) == 29
    assert coverage["Temperatura"] == "not supplied by profile eastron-sdm630"
    assert coverage["Demanda o potencia activa integrada"] == "✓ medium confidence"
    assert page.coverage.text().startswith(
        "Profile eastron-sdm630 supplies 29 of the 30 variables configured on this meter. "
        "Missing: Temperatura."
    )
    assert page.state is StepState.WARNING
    assert page.tables.unconfigured.rowCount() == 0

    look_up(qtbot, page, "30")  # single phase: 5 variables, all supplied
    assert state(page) is StepState.OK
    assert page.tables.unconfigured.rowCount() == 24
    assert "24 variables of the profile are not configured" in page.coverage.text()
    page.profile.setCurrentIndex(0)  # none: no comparison
    assert page.coverage.isHidden()
    assert cell(page.tables.sensors, 0, 3) == ""


def test_the_profile_follows_the_meter_step(qtbot: QtBot, page: DevicePage) -> None:
    look_up(qtbot, page, "29")
    page.hide()
    page.session.choose_meter_profile(default_library().get("eastron-sdm630"))  # Meter step
    page.show()
    assert page.profile.currentData() == "eastron-sdm630"
    assert state(page) is StepState.WARNING
    profile = default_library().get("carlo-gavazzi-em340")
    meter = MeterSession(parse_meter_uri("tcp://127.0.0.1:1502"), profile)
    page.session.set_meter(meter)  # the Meter step connected with another profile
    assert page.profile.currentData() == "carlo-gavazzi-em340"
    page.session.set_meter(None)


def test_the_platform_dictionary_on_demand(qtbot: QtBot, page: DevicePage) -> None:
    look_up(qtbot, page, "30")
    assert page.tables.dictionary.rowCount() == 0
    page.tables.fetch.click()
    qtbot.waitUntil(lambda: page.tables.dictionary.rowCount() > 0, timeout=WAIT_MS)
    table = page.tables.dictionary
    on_meter = [cell(table, r, 0) for r in range(table.rowCount()) if cell(table, r, 3)]
    assert len(on_meter) == 5
    page.tables.filter.setText("temperatura")
    assert table.shown_rows() == ["Temperatura"]
    page.session.set_api(None)  # another login, another list
    assert page.tables.dictionary.rowCount() == 0


def test_not_logged_in_points_to_the_connection_step(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    page = build(qtbot, session)
    assert page.pointer.isVisible()
    assert "not logged in" in page.pointer.text()
    assert 'href="connection"' in page.pointer.text()
    page.lookup.query.setText("29")
    page.lookup.button.click()
    assert page.banner.what.text() == "Log in to ChileMedido first."
    with qtbot.waitSignal(session.step_requested, timeout=1000) as asked:
        page.pointer.linkActivated.emit("connection")  # what a click on the link sends
    assert asked.args == ["connection"]


def test_offline_keeps_the_meter_and_says_why(
    qtbot: QtBot, session: Session, emulator_factory: EmulatorFactory, translations: Translations
) -> None:
    emulator = emulator_factory()
    log_in(qtbot, session, emulator)
    page = build(qtbot, session)
    assert not page.pointer.isVisible()
    look_up(qtbot, page, "29")
    emulator.stop()
    look_up(qtbot, page, "30")
    assert (
        page.banner.what.text()
        == f"The server ({emulator.host}:{emulator.port}) refused the connection."
    )
    assert page.session.device is not None
    assert page.session.device.number == "29"


def test_a_revoked_token_points_back_to_the_connection_step(
    qtbot: QtBot, session: Session, emulator_factory: EmulatorFactory, translations: Translations
) -> None:
    emulator = emulator_factory(replace(default_world(), strict_refresh_rotation=True))
    token = emulator.issue_refresh_token("2")
    client = ChileMedidoClient(Environment.emulator(emulator.base_url), remember_tokens=False)
    session.set_api(client)
    on_loop(session.bridge, client.login(token))
    with pytest.raises(EmulatorTokenRejected):
        emulator.state.tokens.refresh(token)  # the spent token reused: its family is revoked
    emulator.state.tokens.revoke_access_tokens()
    page = build(qtbot, session)
    assert page.pointer.isHidden()
    look_up(qtbot, page, "29")
    assert page.banner.what.text() == "ChileMedido refused the token."
    qtbot.waitUntil(lambda: page.pointer.isVisible(), timeout=WAIT_MS)
    assert "no longer accepts" in page.pointer.text()
    assert 'href="connection"' in page.pointer.text()
    assert page.session.device is None
    assert state(page) is StepState.ERROR


def test_settings_and_a_meter_found_before_the_page(
    qtbot: QtBot, session: Session, emulator: EmulatorServer, translations: Translations
) -> None:
    client = log_in(qtbot, session, emulator)
    session.set_device(on_loop(session.bridge, client.device_by_number("29")))  # as the demo does
    session.settings.set(LOOKUP_MODE, "id")
    session.settings.set(DEVICE_ID, "29")
    session.settings.set(DEVICE_NUMBER, "29 A")
    page = build(qtbot, session)
    assert page.tables.sensors.rowCount() == 30
    assert page.state is StepState.OK
    assert page.lookup.modes.currentIndex() == 1
    assert page.lookup.query.text() == "29"
    page.lookup.modes.setCurrentIndex(0)
    assert page.lookup.query.text() == "29 A"
    page.lookup.query.setText("MED-7")
    page.save_settings()
    assert session.settings.get(LOOKUP_MODE) == "number"
    assert session.settings.get(DEVICE_NUMBER) == "MED-7"
    assert session.settings.get(DEVICE_ID) == "29"
