"""Language choice: the OS's by default, Spanish or English on request."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import app.gui
from app.gui.i18n import (
    Language,
    Retranslating,
    Translations,
    fill,
    number_text,
    system_language,
)
from app.gui.steps.clock.tolerance_box import ToleranceBox

GUI_DIR = Path(app.gui.__file__).parent


def test_spanish_locales_choose_spanish_and_others_english() -> None:
    assert system_language(QLocale("es_CL")) is Language.SPANISH
    assert system_language(QLocale("es_ES")) is Language.SPANISH
    assert system_language(QLocale("en_US")) is Language.ENGLISH
    assert system_language(QLocale("pt_BR")) is Language.ENGLISH
    assert system_language(QLocale.c()) is Language.ENGLISH


def test_unknown_saved_language_means_system() -> None:
    assert Language.parse("es") is Language.SPANISH
    assert Language.parse("klingon") is Language.SYSTEM


def test_apply_installs_our_and_qts_translations(translations: Translations) -> None:
    changed: list[object] = []
    translations.changed.connect(changed.append)
    assert translations.apply(Language.SPANISH) is Language.SPANISH
    assert QCoreApplication.translate("Steps", "Upload") == "Subir medición"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's own
    assert translations.apply(Language.SYSTEM, QLocale("es_CL")) is Language.SPANISH
    assert translations.choice is Language.SYSTEM
    assert translations.apply(Language.SYSTEM, QLocale("de_DE")) is Language.ENGLISH
    assert QCoreApplication.translate("Steps", "Upload") == "Upload"
    assert changed == [Language.SPANISH, Language.SPANISH, Language.ENGLISH]


def test_english_plural_forms(translations: Translations) -> None:
    one = QCoreApplication.translate("StatusBar", "Refresh token valid for %n day(s).", "", 1)
    many = QCoreApplication.translate("StatusBar", "Refresh token valid for %n day(s).", "", 5)
    assert (one, many) == ("Refresh token valid for 1 day.", "Refresh token valid for 5 days.")


def test_numbers_take_the_ui_languages_decimal_mark(translations: Translations) -> None:
    assert number_text(2.31, 1) == "2.3"
    translations.apply(Language.SPANISH)
    assert number_text(0.4, 1) == "0,4"
    assert number_text(12.0, 0) == "12"
    assert number_text(0, 1) == "0,0"  # an int (a sum over nothing: an empty read plan)


def test_fill_puts_values_in_one_pass() -> None:
    assert fill("%2 before %1", "a", "b") == "b before a"  # a translation may reorder
    assert fill("Meter “%1” · id %2", "MED%2", 29) == "Meter “MED%2” · id 29"
    assert fill("%1 and %3", "x") == "x and %3"  # a missing value shows, it does not raise


def widget_classes() -> list[type[QWidget]]:
    """Every widget class defined in app.gui (pages, widgets, the window's parts)."""
    found: list[type[QWidget]] = []
    for module in pkgutil.walk_packages(app.gui.__path__, "app.gui."):
        loaded = importlib.import_module(module.name)
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if cls.__module__ == loaded.__name__ and issubclass(cls, QWidget):
                found.append(cls)
    return found


def test_every_widget_with_texts_retranslates_itself() -> None:
    """One pattern: a widget that makes texts with self.tr() takes LanguageChange itself."""
    classes = widget_classes()
    with_texts = [cls for cls in classes if "self.tr(" in inspect.getsource(cls)]
    assert len(with_texts) > 30
    missing = [cls.__qualname__ for cls in with_texts if not issubclass(cls, Retranslating)]
    assert missing == []


def test_a_widget_follows_a_switch_without_its_parent(
    qtbot: QtBot, translations: Translations
) -> None:
    parent = QWidget()  # knows nothing about its children's texts
    qtbot.addWidget(parent)
    tolerance = ToleranceBox(parent)
    assert tolerance.title() == "Tolerance"
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert tolerance.title() == "Tolerancia"


def test_placeholders_are_filled_in_one_pass() -> None:
    """fill(text, ...) everywhere: chained .replace("%1", …) garbles a value holding "%2"."""
    chained = re.compile(r"\.replace\(\s*[\"']%\d")
    offenders = [
        str(path.relative_to(GUI_DIR))
        for path in GUI_DIR.rglob("*.py")
        if chained.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
