"""Language choice: the OS's by default, Spanish or English on request."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.gui.i18n import Language, Translations, fill, number_text, system_language


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


def test_fill_puts_values_in_one_pass() -> None:
    assert fill("%2 before %1", "a", "b") == "b before a"  # a translation may reorder
    assert fill("Meter “%1” · id %2", "MED%2", 29) == "Meter “MED%2” · id 29"
    assert fill("%1 and %3", "x") == "x and %3"  # a missing value shows, it does not raise
