"""Spanish or English, following the OS by default and switchable at run time.

Source strings are English, marked with `self.tr()` / `QCoreApplication.translate()`; the Spanish
lives in resources/translations/medido_es.ts, compiled to .qm (scripts/update_translations.py).
Installing a translator makes Qt send a LanguageChange event to every widget; each widget with
texts of its own takes it through the Retranslating mixin below and sets them again in its
`retranslate()`, so a switch needs no restart.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from app.core.resources import resources_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _WidgetBase = QWidget
else:
    _WidgetBase = object  # a plain mixin at run time; Qt's class comes after it in the bases

log = logging.getLogger(__name__)


class Retranslating(_WidgetBase):
    """The one way a widget follows a language switch: `class Box(Retranslating, QGroupBox)`.

    Qt hands LanguageChange to every widget in the tree (parents before children, hidden ones
    too); this mixin answers it by calling `retranslate()`, where the widget sets every text it
    makes itself. The widget calls `self.retranslate()` itself once its texts exist (at the end
    of its __init__, or where it builds its rows, as LivePlots does).
    Nobody calls a child widget's retranslate(): each widget owns its texts. Item models are not
    widgets: the widget that owns one calls its retranslate() from its own.
    """

    def retranslate(self) -> None:
        """Set every text this widget makes with self.tr(...)."""

    def language_changed(self) -> None:
        """What a language switch runs; retranslate() unless a base class adds to it (Page)."""
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed()
        super().changeEvent(event)


class Language(StrEnum):
    SYSTEM = "system"
    SPANISH = "es"
    ENGLISH = "en"

    @classmethod
    def parse(cls, text: str) -> Language:
        try:
            return cls(text)
        except ValueError:
            return cls.SYSTEM


def N_(context: str, text: str) -> str:
    """Mark text for translation where it is defined (a table); translate it where it is shown,
    with QCoreApplication.translate(context, text). The update script tells lupdate that N_ is
    QT_TRANSLATE_NOOP; the context must be a string literal."""
    return text


_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(text: str, *values: object) -> str:
    """Put values into a translation's %1, %2 … in one pass (translators may reorder them).

    One pass, so a value that itself holds "%2" (a meter number, a server's message) stays as
    it is, unlike chained .replace() calls.
    """

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


def system_language(locale: QLocale | None = None) -> Language:
    """es_* (the OS's first UI language, else its locale) → Spanish; anything else English."""
    locale = locale if locale is not None else QLocale.system()
    preferred = [*locale.uiLanguages(), locale.name()]
    first = next((tag for tag in preferred if tag and tag != "C"), "en")
    return Language.SPANISH if first.lower().startswith("es") else Language.ENGLISH


def translations_dir() -> Path:
    return resources_dir() / "translations"


class Translations(QObject):
    """Owns the installed translators; `changed` carries the effective Language (es or en)."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, directory: Path | None = None) -> None:
        super().__init__(parent)
        self._directory = directory or translations_dir()
        self._installed: list[QTranslator] = []
        self.choice = Language.SYSTEM
        self.effective = Language.ENGLISH

    def apply(self, choice: Language, system: QLocale | None = None) -> Language:
        """Install the translators for `choice`; returns the language now in effect."""
        effective = system_language(system) if choice is Language.SYSTEM else choice
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        # Qt's own strings (standard buttons, dialogs) first; ours are searched first (last in).
        for directory, name in ((qt_dir, "qtbase"), (self._directory, "medido")):
            translator = QTranslator(self)
            path = directory / f"{name}_{effective.value}.qm"
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            elif name == "medido":
                log.warning("no translation file %s; showing the English source text", path)
        self.choice, self.effective = choice, effective
        self.changed.emit(effective)
        return effective


def number_locale() -> QLocale:
    """The locale for numbers and day names in the UI's language, not the OS's.

    A Spanish UI writes "2,3 s" on an English Windows. The locale's name is itself a translatable
    string (context "ClockText", where it was first used).
    """
    return QLocale(QCoreApplication.translate("ClockText", N_("ClockText", "en_US")))


def number_text(value: float, decimals: int) -> str:
    """A number with the UI language's decimal mark: "2,3" in Spanish, "2.3" in English.

    Any real number: an int (a sum over nothing is 0, not 0.0) goes through float, which
    QLocale.toString needs to pick its float overload.
    """
    return number_locale().toString(float(value), "f", decimals)
