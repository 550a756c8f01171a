"""Light and dark: the palette, the meaning colours, the OS switch signal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.gui.theme import ThemeWatcher, apply_theme, colors, is_dark


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, Qt.ColorScheme.Light)  # later tests expect the default light palette


def test_forced_dark_gives_a_dark_palette_and_dark_colours(app: QApplication) -> None:
    apply_theme(app, Qt.ColorScheme.Dark)
    assert app.style().name().lower() == "fusion"
    assert is_dark()
    palette = app.palette()
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Text)
    assert text.lightness() - window.lightness() > 120  # readable
    assert colors().plot_background.lightness() < 80

    apply_theme(app, Qt.ColorScheme.Light)
    assert not is_dark()
    assert colors().plot_background.lightness() > 200


def test_meaning_colours_stand_out_from_the_background_in_both_schemes(
    app: QApplication,
) -> None:
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
        apply_theme(app, scheme)
        background = app.palette().color(QPalette.ColorRole.Window).lightness()
        for colour in (colors().ok, colors().warning, colors().error, colors().info):
            assert abs(colour.lightness() - background) > 50, (scheme, colour.name())


def test_watcher_reports_an_os_switch(app: QApplication) -> None:
    watcher = ThemeWatcher()
    seen: list[bool] = []
    watcher.changed.connect(seen.append)
    watcher._on_scheme(Qt.ColorScheme.Dark)
    watcher._on_scheme(Qt.ColorScheme.Light)
    assert seen == [True, False]
