"""The Plot page's exports outside the data: the CSV's separators follow the UI's language, the
save dialogs open in the documents folder, and the PNG says which meter, when, in which units."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.core.api import Device
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.steps.plot.page import PlotPage
from tests.gui.steps.plot.test_page import points, polled, shown_page

__all__ = ["polled"]  # the fixture, used by name


def exported_csv(qtbot: QtBot, page: PlotPage, path: Path) -> str:
    job = page.export_csv(path)
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    return path.read_text(encoding="utf-8-sig")


def test_the_csv_follows_the_ui_language(
    qtbot: QtBot, polled: Session, translations: Translations, tmp_path: Path
) -> None:
    page = shown_page(qtbot, polled)
    qtbot.waitUntil(lambda: points(page, "Voltaje A-N") >= 3, timeout=10000)
    page.pause_button.click()

    english = exported_csv(qtbot, page, tmp_path / "en.csv").splitlines()
    assert english[0].startswith("Local time (")
    assert ",UTC," in english[0]
    assert ";" not in english[1]
    assert "." in english[1].split(",")[2]  # a value with a decimal point

    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    spanish = exported_csv(qtbot, page, tmp_path / "es.csv").splitlines()
    assert ";UTC;" in spanish[0]
    value = spanish[1].split(";")[2]
    assert "," in value
    assert "." not in value


def test_exports_are_offered_only_with_readings(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    page = shown_page(qtbot, session)
    assert len(page.history) == 0
    assert not page.csv_button.isEnabled()  # an empty file, an empty image: nothing to offer
    assert not page.png_button.isEnabled()


def test_the_save_dialogs_open_in_the_documents_folder(
    qtbot: QtBot, polled: Session, translations: Translations, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = shown_page(qtbot, polled)
    polled.set_device(Device(29, "29/B"))
    qtbot.waitUntil(lambda: page.png_button.isEnabled(), timeout=10000)
    page.pause_button.click()
    asked: list[str] = []

    def dialog(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return "", ""  # cancelled: a real modal dialog cannot run in a test

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    page.csv_button.click()
    page.png_button.click()
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    folder = documents if documents.is_dir() else Path.home()  # a bare account has no Documents
    assert [Path(p).parent for p in asked] == [folder] * 2
    assert Path(asked[0]).name.startswith("medido-29_B-")
    assert asked[0].endswith(".csv")
    assert asked[1].endswith(".png")


def test_the_png_says_which_meter_when_and_in_which_units(
    qtbot: QtBot, polled: Session, translations: Translations, tmp_path: Path
) -> None:
    page = shown_page(qtbot, polled)
    polled.set_device(Device(29, "29"))
    qtbot.waitUntil(lambda: points(page, "Corriente A") >= 2, timeout=10000)
    page.pause_button.click()

    header, footer = page.image_caption()
    meter = polled.meter
    assert meter is not None
    assert header[0].startswith("Meter 29 · Eastron SDM630")
    assert header[0].endswith(f"(profile eastron-sdm630) · unit 1 · {meter.link.description}")
    assert ", local time (" in header[1]
    assert " to " in header[1]
    assert footer[0] == "Units: Active power (kW); Voltage (V); Current (A)"

    path = tmp_path / "plot.png"
    assert page.export_png(path)
    image = QImage(str(path))
    plots = page.plots.image()
    assert plots is not None
    assert image.width() == plots.width()
    assert image.height() > plots.height() + 60  # room for the lines above and below
    assert band_has_text(image, 0, 30)
    assert band_has_text(image, image.height() - 30, 30)


def band_has_text(image: QImage, top: int, height: int) -> bool:
    colours: set[Any] = set()
    for y in range(top, top + height):
        for x in range(0, min(image.width(), 400), 2):
            colours.add(image.pixel(x, y))
    return len(colours) > 2  # more than the background: letters, antialiased
