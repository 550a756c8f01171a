"""Log to CSV on the Plot page: rows of the polled simulator go to a file per day while logging
runs, in Chilean Excel's format when the UI speaks Spanish, and stop when it stops."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.core.api import Device
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from tests.gui.steps.plot.test_page import polled, shown_page

__all__ = ["polled"]  # the fixture, used by name


def rows(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines() if path.exists() else []


def test_start_and_stop_write_rows_in_the_ui_language(
    qtbot: QtBot,
    polled: Session,
    translations: Translations,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    polled.set_device(Device(29, "29/B"))
    page = shown_page(qtbot, polled)
    logging = page.csv_logging
    assert logging.button.isEnabled()
    assert not logging.logging
    folder = tmp_path / "csv"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_: str(folder))
    logging.button.click()  # asks for the folder, then logs
    assert logging.log is not None

    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    path = folder / f"medido-29_B-{today}.csv"
    qtbot.waitUntil(lambda: len(rows(path)) >= 4, timeout=10000)
    qtbot.waitUntil(lambda: "29_B" in logging.status.text(), timeout=5000)
    logging.button.click()  # stop
    assert not logging.logging
    qtbot.wait(400)  # a few polls more: none of them is written
    written = rows(path)
    qtbot.wait(300)
    assert rows(path) == written

    header, *data = written
    sensors = polled.meter.profile.sensor_names if polled.meter else ()
    assert header.split(";")[1] == "UTC"
    assert len(header.split(";")) == 2 + len(sensors)
    voltage = data[0].split(";")[2 + list(sensors).index("Voltaje A-N")]
    assert "," in voltage  # 220,5: Excel in Chile reads it as a number
    assert "." not in voltage
    assert all(len(row.split(";")) == 2 + len(sensors) for row in data)


def test_english_writes_commas_and_points(
    qtbot: QtBot, polled: Session, translations: Translations, tmp_path: Path
) -> None:
    page = shown_page(qtbot, polled)
    folder = tmp_path / "csv"  # created when the first row comes
    assert page.csv_logging.start(folder)
    qtbot.waitUntil(lambda: page.csv_logging.log is not None and page.csv_logging.log.rows >= 2)
    page.csv_logging.stop()
    (path,) = folder.iterdir()
    assert path.name.startswith("medido-eastron-sdm630-")
    header, first, *_ = rows(path)
    assert header.startswith("Local time (")
    assert ",UTC," in header
    assert ";" not in first


def test_without_a_meter_there_is_nothing_to_log(
    qtbot: QtBot, session: Session, translations: Translations, tmp_path: Path
) -> None:
    page = shown_page(qtbot, session)
    assert not page.csv_logging.button.isEnabled()
    assert not page.csv_logging.start(tmp_path)
