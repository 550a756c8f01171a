"""Render the main window on each step to docs/screenshots/<step>.png, with the --demo wiring.

    uv run python scripts/screenshots.py                 # Spanish, light, 1280x800
    uv run python scripts/screenshots.py --lang en --dark  # files named <step>-en-dark.png
    xvfb-run -a -s "-screen 0 1280x800x24" uv run python scripts/screenshots.py

Without a display it renders offscreen (QWidget.grab() works the same). Settings go to a
temporary folder, so the real ones are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WAIT_FOR_DATA_S = 15.0  # the demo logs in and polls the simulated meter within a few seconds
SETTLE_MS = 700  # per step: let queued results and plots draw
PLOT_READINGS = 20  # the plot shows lines, not dots: wait for this many polls (about 1 s apart)


def main() -> int:
    parser = argparse.ArgumentParser(description="Render the app's steps to PNG files.")
    parser.add_argument("--lang", choices=("es", "en"), default="es")
    parser.add_argument("--dark", action="store_true", help="force the dark colour scheme")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as config:
        os.environ["MEDIDO_CONFIG_DIR"] = config
        os.environ["MEDIDO_DATA_DIR"] = config
        return render(args.lang, args.dark, args.out)


def render(lang: str, dark: bool, out: Path) -> int:
    from PySide6.QtCore import Qt, QTimer

    from app.gui.app import launch
    from app.gui.i18n import Language
    from app.gui.steps.catalog import STEPS
    from app.gui.steps.check.page import CheckPage
    from app.gui.steps.upload.page import UploadPage

    running = launch(
        demo=True, language=Language(lang), scheme=Qt.ColorScheme.Dark if dark else None
    )
    window, session = running.window, running.session
    window.resize(1280, 800)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    suffix = ("" if lang == "es" else f"-{lang}") + ("-dark" if dark else "")
    shots = [step.key for step in STEPS] + ["traffic"]
    written: list[Path] = []
    started = time.monotonic()

    def ready() -> bool:
        waited = time.monotonic() - started
        has_data = session.device is not None and session.latest_reading is not None
        return has_data or waited > WAIT_FOR_DATA_S

    def wait_for_data() -> None:
        if ready():
            next_shot()
        else:
            QTimer.singleShot(200, wait_for_data)

    def plot_ready() -> bool:
        history = getattr(window.pages.get("plot"), "history", None)
        waited = time.monotonic() - started
        return history is None or len(history) >= PLOT_READINGS or waited > 3 * WAIT_FOR_DATA_S

    def next_shot() -> None:
        if not shots:
            window.close()
            return
        key = shots[0]
        if key == "plot" and not plot_ready():
            QTimer.singleShot(250, next_shot)
            return
        if key == "traffic":
            window.show_step("meter")
            window.traffic.show()
        else:
            window.show_step(key)
            act(key)
        QTimer.singleShot(SETTLE_MS, settled)

    def act(key: str) -> None:
        """The Upload page shows an answer and a history only once something is sent; the
        Check page its verdicts once the check has run."""
        page = window.pages.get(key)
        if isinstance(page, UploadPage):
            page.send()
        elif isinstance(page, CheckPage):
            page.start()

    def settled() -> None:
        page = window.pages.get(shots[0])
        if isinstance(page, CheckPage) and page.busy:
            QTimer.singleShot(250, settled)
        else:
            grab()

    def grab() -> None:
        key = shots.pop(0)
        path = out / f"{key}{suffix}.png"
        window.grab().save(str(path))
        written.append(path)
        next_shot()

    QTimer.singleShot(0, wait_for_data)
    try:
        running.app.exec()
    finally:
        running.shut_down()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0 if len(written) == len(STEPS) + 1 else 1


if __name__ == "__main__":
    sys.exit(main())
