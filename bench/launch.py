"""Row 5 (launch): `medido` from source to its first painted window, vs a bare window.

Both are whole processes on this interpreter (sys.executable), offscreen; each writes the
wall-clock time of its window's first paint to the file MEDIDO_PAINTED_FILE names
(app/gui/first_paint.py; the baseline does the same by hand) and closes itself 1 ms later
(MEDIDO_QUIT_AFTER_MS=1). The figure is spawn to first paint. The baseline
is a PySide6 QWidget of Medido's size plus `import pyqtgraph`: what any PySide6 + pyqtgraph app
pays before its own code. Medido runs without --demo, as an installer starts it: the demo also
starts an API emulator and a simulated meter, a support tool's cost (reported, not the figure).

Bytecode is cached as on a user's machine from the second start on (Python writes it at the
first): PYTHONDONTWRITEBYTECODE is dropped and the caches go to a temporary PYTHONPYCACHEPREFIX,
which the warm-up round fills; the checkout is left untouched. Settings, data and logs go to a
temporary folder, the same for every round, so each start after the first finds its settings.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.gui.first_paint import PAINTED_ENV, read_paint_times
from bench.figures import Figure, paired

ROOT = Path(__file__).resolve().parents[1]
# The frozen start-up's baseline window (it writes its first frame's time the same way), plus
# pyqtgraph: what any PySide6 + pyqtgraph app pays before its own code.
BARE = "import pyqtgraph  # noqa: F401\n" + (
    ROOT / "packaging" / "baseline" / "bare_window.py"
).read_text(encoding="utf-8")
# The modules loaded once the main window is built and shown (before its event loop runs): the
# ones only the Plot page needs (pyqtgraph, numpy) and what nothing before the window needs.
MODULES = """\
import sys

from app.gui.app import launch

running = launch()
running.window.show()
names = sorted(sys.modules)
running.shut_down()
print(" ".join(names))
"""
HEAVY = ("pyqtgraph", "numpy", "cryptography", "jwt", "click", "rich", "pygments", "keyring")


def measure(quick: bool) -> list[Figure]:
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="medido-launch-") as folder:
        tmp = Path(folder)
        env = environment(tmp)
        bare = tmp / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        medido = [sys.executable, "-m", "app"]
        pages: list[float] = []  # Medido's spawn to its shown page's first paint
        found = paired(
            lambda: run(medido, env, pages), lambda: run([sys.executable, str(bare)], env), runs
        )
        demo = [run([*medido, "--demo"], env) for _ in range(0 if quick else 3)]
        modules = run_for_output([sys.executable, "-c", MODULES], env).splitlines()[-1].split()
    return [
        Figure(
            row=5,
            what="Launch to first painted window, from source",
            value=found.a,
            unit="s",
            limit=1.5,
            baseline=found.b,
            baseline_what="bare PySide6 window + import pyqtgraph",
            details={
                "runs": runs,
                "medido_s": [round(x, 3) for x in found.a_runs],
                "bare_s": [round(x, 3) for x in found.b_runs],
                "medido_page_median_s": round(statistics.median(pages[-runs:]), 3),
                "demo_median_s": round(statistics.median(demo), 3) if demo else None,
                "modules_at_window": len(modules),
                "heavy_at_window": [m for m in HEAVY if m in modules],
                "command": "python -m app (no --demo), offscreen: spawn to first paint",
            },
        )
    ]


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        MEDIDO_QUIT_AFTER_MS="1",
        MEDIDO_CONFIG_DIR=str(tmp / "config"),
        MEDIDO_DATA_DIR=str(tmp / "data"),
        MEDIDO_LOG_DIR=str(tmp / "logs"),
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
    )
    return env


def run(command: list[str], env: dict[str, str], pages: list[float] | None = None) -> float:
    """Seconds from spawn to the first paint of the command's window (and, into `pages`, to
    the first paint of the page it shows: Medido paints its window's shell first)."""
    marker = Path(env["MEDIDO_LOG_DIR"]).parent / "painted"
    marker.unlink(missing_ok=True)
    spawned = time.time()
    run_for_output(command, {**env, PAINTED_ENV: str(marker)})
    if not marker.exists():
        raise RuntimeError(f"{' '.join(command)} never painted its window")
    window, page = read_paint_times(marker.read_text(encoding="ascii"))
    if pages is not None:
        pages.append(page - spawned)
    return window - spawned


def run_for_output(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 (our interpreter, our arguments)
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout
