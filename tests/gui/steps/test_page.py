"""The page base class: build order, jobs, errors, step state, language."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.core.api import MeterNotFound
from app.gui.i18n import Language, Translations
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.steps.catalog import STEPS, step
from app.gui.steps.page import Page
from app.gui.steps.step import TITLES, StepState


class SamplePage(Page):
    key = "device"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.calls: list[str] = []
        self.label = QLabel()
        self.button = QPushButton("Send")
        self.body.addWidget(self.label)
        self.body.addWidget(self.button)

    def description(self) -> str:
        return self.tr("Find the meter on ChileMedido.")

    def retranslate(self) -> None:
        self.calls.append("retranslate")
        self.label.setText(self.title())

    def restore_settings(self) -> None:
        self.calls.append("restore")


def test_build_sets_texts_then_restores(qtbot: QtBot, session: Session) -> None:
    page = SamplePage.build(session)
    qtbot.addWidget(page)
    assert page.calls == ["retranslate", "restore"]
    assert page.header.text() == "Device"
    assert page.intro.text() == "Find the meter on ChileMedido."
    assert page.objectName() == "page-device"


def test_run_delivers_results_and_errors_on_the_page(qtbot: QtBot, session: Session) -> None:
    page = SamplePage.build(session)
    qtbot.addWidget(page)
    page.show()
    results: list[int] = []

    async def fine() -> int:
        await asyncio.sleep(0)
        return 29

    async def unknown_meter() -> int:
        raise MeterNotFound("ChileMedido has no meter 30 for this provider.", number="30")

    with qtbot.waitSignal(page.run(fine(), results.append).finished, timeout=5000):
        pass
    assert results == [29]
    assert not page.banner.isVisible()
    with qtbot.waitSignal(page.run(unknown_meter(), results.append).finished, timeout=5000):
        pass
    assert results == [29]
    assert page.banner.isVisible()
    assert page.banner.what.text() == "ChileMedido has no meter with that number."


def test_cancel_jobs_stops_what_the_page_started(qtbot: QtBot, session: Session) -> None:
    page = SamplePage.build(session)
    qtbot.addWidget(page)
    job = page.run(asyncio.sleep(60))
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        page.cancel_jobs()


def test_step_state_is_emitted_on_change_only(qtbot: QtBot, session: Session) -> None:
    page = SamplePage.build(session)
    qtbot.addWidget(page)
    seen: list[object] = []
    page.step_state.connect(seen.append)
    page.set_step_state(StepState.BUSY)
    page.set_step_state(StepState.BUSY)
    page.set_step_state(StepState.OK)
    assert seen == [StepState.BUSY, StepState.OK]
    assert page.state is StepState.OK


def test_language_switch_calls_retranslate(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    page = SamplePage.build(session)
    qtbot.addWidget(page)
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert page.header.text() == "Dispositivo"
    assert page.label.text() == "Dispositivo"
    assert page.calls.count("retranslate") == 2


def test_every_step_has_its_page_and_its_title(qtbot: QtBot, session: Session) -> None:
    assert [s.key for s in STEPS] == list(TITLES)  # the sidebar's order is the titles' order
    for s in STEPS:
        assert step(s.key) is s
        assert s.page.key == s.key
        assert s.title() == s.title_source  # English: the source text
    with pytest.raises(KeyError):
        step("nowhere")


def test_a_banner_never_moves_the_buttons_under_the_pointer(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    page = SamplePage.build(session)
    qtbot.addWidget(page)
    page.resize(700, 500)
    page.show()
    qtbot.waitExposed(page)
    where = page.button.mapTo(page, page.button.rect().topLeft())

    page.show_message(Level.INFO, lambda: page.tr("Logged out."))
    QApplication.processEvents()
    assert page.banner.isVisible()
    assert page.button.mapTo(page, page.button.rect().topLeft()) == where
    assert page.banner.geometry().topLeft() == page.banner_slot.geometry().topLeft()
    assert page.banner.height() >= page.banner_slot.height()

    long_text = " ".join(["The meter answers, but none of the profile's values were read."] * 6)
    page.show_message(Level.ERROR, lambda: long_text, lambda: long_text, "details " * 40)
    page.banner._toggle.click()  # the details too: taller than its slot, it lies over the body
    QApplication.processEvents()
    assert page.banner.height() > page.banner_slot.height()
    assert page.button.mapTo(page, page.button.rect().topLeft()) == where
    page.banner.clear()
    QApplication.processEvents()
    assert page.button.mapTo(page, page.button.rect().topLeft()) == where


def test_a_message_on_screen_follows_a_language_switch(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    page = SamplePage.build(session)
    qtbot.addWidget(page)
    page.show()
    page.show_message(
        Level.INFO,
        lambda: QCoreApplication.translate("ConnectionPage", "Logged out."),
        details="/home/installer/medido.csv",
    )
    assert page.banner.what.text() == "Logged out."
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert page.banner.what.text() == "Sesión cerrada."
    assert page.banner.details.text() == "/home/installer/medido.csv"
