"""The main window: steps, shortcuts, step states, menus, language, saved layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.i18n import Language, Translations
from app.gui.main_window import MainWindow
from app.gui.session import Session
from app.gui.settings import LANGUAGE, LAST_STEP, Settings
from app.gui.steps.catalog import STEPS
from app.gui.steps.step import StepState


def test_opens_with_a_step_per_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    assert window.sidebar.count() == len(STEPS) == window.stack.count() == 7
    assert [window.sidebar.item(i).text() for i in range(7)] == [
        "Connection",
        "Device",
        "Meter",
        "Plot",
        "Clock",
        "Upload",
        "Check",
    ]
    assert window.current_step() == "connection"
    for step in STEPS:
        page = window.pages[step.key]
        assert page.key == step.key
        assert page.header.text() == step.title_source


def test_ctrl_digit_switches_steps(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):  # shortcuts go to the active window
        window.activateWindow()
    for number, step in reversed(list(enumerate(STEPS, start=1))):
        key = Qt.Key(Qt.Key.Key_0.value + number)
        QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_step() == step.key
        assert window.current_page() is window.pages[step.key]
        assert window.sidebar.currentRow() == number - 1


def test_clicking_a_step_in_the_sidebar_shows_its_page(window: MainWindow) -> None:
    window.sidebar.setCurrentRow(4)
    assert window.current_page() is window.pages["clock"]
    frame = window.stack.currentWidget()  # the page's scroll area
    assert frame is not None
    assert frame.isAncestorOf(window.pages["clock"])


def test_a_page_can_ask_for_another_step(window: MainWindow, session: Session) -> None:
    window.show_step("device")
    session.request_step("connection")
    assert window.current_step() == "connection"
    assert window.sidebar.currentRow() == 0


def test_a_page_step_state_shows_in_the_sidebar(window: MainWindow) -> None:
    page = window.pages["meter"]
    with_signal: list[object] = []
    page.step_state.connect(with_signal.append)
    page.set_step_state(StepState.WARNING)
    page.set_step_state(StepState.WARNING)  # no change, no signal
    assert with_signal == [StepState.WARNING]
    assert window.sidebar.states["meter"] is StepState.WARNING
    assert window.sidebar.states["device"] is StepState.NOT_STARTED
    assert not window.sidebar.item(2).icon().isNull()


def test_language_switch_retranslates_live_and_is_remembered(
    window: MainWindow, session: Session
) -> None:
    window.show()
    window.set_language(Language.SPANISH)
    QApplication.sendPostedEvents()  # LanguageChange is posted to every widget
    assert window.sidebar.item(0).text() == "Conexión"
    assert window.sidebar.item(2).text() == "Medidor"
    assert window.pages["clock"].header.text() == "Reloj"
    assert window.file_menu.title() == "&Archivo"
    assert window.step_actions[5].text() == "&6 Subir medición"
    assert window.traffic.windowTitle() == "Tráfico"
    assert session.settings.get(LANGUAGE) == "es"
    assert window.language_actions[Language.SPANISH].isChecked()

    window.set_language(Language.ENGLISH)
    QApplication.sendPostedEvents()
    assert window.sidebar.item(0).text() == "Connection"
    assert window.file_menu.title() == "&File"


def test_address_base_menu_sets_the_session_preference(
    window: MainWindow, session: Session
) -> None:
    bases: list[int] = []
    session.address_base_changed.connect(bases.append)
    assert window.address_actions[0].isChecked()
    window.address_actions[1].trigger()
    assert session.address_base == 1
    assert bases == [1]
    session.set_address_base(0)
    assert window.address_actions[0].isChecked()


def test_layout_and_step_survive_a_restart(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    first = MainWindow.with_session(session, translations)
    qtbot.addWidget(first)
    first.resize(720, 540)  # the offscreen screen is 800x600
    first.show()
    qtbot.waitExposed(first)
    first.show_step("plot")
    first.traffic.show()
    first.close()  # saves to the settings file

    reopened = Session(session.bridge, Settings(session.settings.path))
    assert reopened.settings.get(LAST_STEP) == "plot"
    second = MainWindow.with_session(reopened, translations)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.current_step() == "plot"
    assert second.size().width() == 720
    assert second.size().height() == 540
    assert second.traffic.isVisible()
    reopened.close()


def test_quit_action_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_the_shortcuts_are_ctrl_and_the_steps_number_and_quit_works_from_any_window(
    window: MainWindow,
) -> None:
    assert [a.shortcut().toString() for a in window.step_actions] == [
        f"Ctrl+{n}" for n in range(1, len(STEPS) + 1)
    ]
    # Quit's keys are the platform's (none on the offscreen platform, nor on Windows).
    assert window.quit_action.shortcutContext() is Qt.ShortcutContext.ApplicationShortcut
    assert window.traffic_action is not None
    assert window.traffic_action.shortcut().toString() == "Ctrl+T"
