"""Light or dark, following the OS (QStyleHints.colorScheme), with the Fusion style everywhere.

Fusion looks the same on Windows, macOS and Linux (what the screenshots show is what installers
get) and takes the platform's palette, which Qt 6 makes dark when the OS is in dark mode. Where
the platform reports a dark scheme without a dark palette (offscreen, Xvfb, some Linux
desktops), or a scheme is forced, the palette below is set (match_scheme). `medido` matches
the OS's scheme right after the window's first frame, not before it (app/gui/app.py).
Colours for meaning (ok, warning, error) and for plots come from here, in a light and a dark
variant, so pages never hard-code a colour that vanishes on one background.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Qt (the namespace) is imported where it is used: PySide6 makes all ~94 enums of it at once the
# first time, about 40 ms of a frozen start, which a staged start's first frame does without
# (app/gui/app.py: the OS's scheme is matched right after that frame).
if TYPE_CHECKING:
    from PySide6.QtCore import Qt


@dataclass(frozen=True, slots=True)
class Colors:
    ok: QColor
    warning: QColor
    error: QColor
    info: QColor
    plot_background: QColor
    plot_foreground: QColor
    plot_grid_alpha: float
    series: tuple[QColor, ...]  # distinguishable, colour-blind safe (Okabe-Ito order)


_LIGHT = Colors(
    ok=QColor("#1a7f37"),
    warning=QColor("#9a6700"),
    error=QColor("#cf222e"),
    info=QColor("#0969da"),
    plot_background=QColor("#ffffff"),
    plot_foreground=QColor("#24292f"),
    plot_grid_alpha=0.25,
    series=tuple(QColor(c) for c in ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00")),
)
_DARK = Colors(
    ok=QColor("#3fb950"),
    warning=QColor("#d29922"),
    error=QColor("#f85149"),
    info=QColor("#58a6ff"),
    plot_background=QColor("#1c1f24"),
    plot_foreground=QColor("#d0d7de"),
    plot_grid_alpha=0.3,
    series=tuple(QColor(c) for c in ("#56b4e9", "#e69f00", "#009e73", "#f0e442", "#cc79a7")),
)


def is_dark() -> bool:
    """What the app shows now: the palette decides (the scheme may be Unknown)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors() -> Colors:
    return _DARK if is_dark() else _LIGHT


def apply_theme(app: QApplication, force: Qt.ColorScheme | None = None) -> None:
    """Fusion, and the OS's light/dark scheme (or `force`, for screenshots and tests)."""
    use_fusion(app)
    match_scheme(app, force)


def use_fusion(app: QApplication) -> None:
    """The style, the same on every platform. With it, Windows and macOS give a dark palette in
    dark mode by themselves (match_scheme then changes nothing)."""
    app.setStyle("Fusion")


def follow_os_scheme(app: QApplication) -> None:
    """The palette for the OS's light/dark scheme now, and whenever the OS switches."""
    match_scheme(app)
    watcher = ThemeWatcher(app)
    watcher.changed.connect(lambda _dark: match_scheme(app))


def match_scheme(app: QApplication, force: Qt.ColorScheme | None = None) -> None:
    """A dark palette for a dark scheme where the platform gives none (offscreen, Xvfb, some
    Linux desktops), a light one for a light scheme; `force` overrides the OS's scheme."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    if force is not None:
        hints.setColorScheme(force)  # Qt ≥ 6.8: honoured where the platform supports it
    wanted = force if force is not None else hints.colorScheme()
    palette_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if wanted is Qt.ColorScheme.Dark and not palette_dark:
        app.setPalette(_dark_palette())
    elif wanted is Qt.ColorScheme.Light and palette_dark:
        app.setPalette(app.style().standardPalette())


def _dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, value in (
        (role.Window, "#202328"),
        (role.WindowText, "#e6e8eb"),
        (
            role.Base,
            "#2a2e35",
        ),  # lighter than Window: Fusion outlines check boxes with a darkened Window
        (role.AlternateBase, "#30343c"),
        (role.ToolTipBase, "#2d3139"),
        (role.ToolTipText, "#e6e8eb"),
        (role.PlaceholderText, "#8b949e"),
        (role.Text, "#e6e8eb"),
        (role.Button, "#2b2f36"),
        (role.ButtonText, "#e6e8eb"),
        (role.BrightText, "#ff7b72"),
        (role.Light, "#3a3f47"),
        (role.Midlight, "#32363d"),
        (role.Mid, "#25282d"),
        (role.Dark, "#141619"),
        (role.Shadow, "#000000"),
        (role.Highlight, "#2f6fce"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#58a6ff"),
        (role.LinkVisited, "#bc8cff"),
    ):
        palette.setColor(name, QColor(value))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor("#6e7681"))
    return palette


class ThemeWatcher(QObject):
    """Emits `changed(dark)` when the OS switches between light and dark while the app runs."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme)

    def _on_scheme(self, scheme: Qt.ColorScheme) -> None:
        from PySide6.QtCore import Qt

        # The palette may follow a moment later; a known scheme is the better answer now.
        if scheme is Qt.ColorScheme.Unknown:
            self.changed.emit(is_dark())
        else:
            self.changed.emit(scheme is Qt.ColorScheme.Dark)
