"""Frozen start-up: process spawn to the first painted window, Medido against a bare window.

    python packaging/startup.py dist/Medido dist/bare-window [--runs 15]

The baseline is a bare PySide6 window of Medido's size frozen the way Medido is
(packaging/baseline/). Both are started in turn (A B A B …, one warm-up each, so the files are in
the OS cache as from an installer's second start), offscreen, with throw-away settings, data and
log folders; each writes the wall-clock time of its first paint to the file MEDIDO_PAINTED_FILE
names (app/gui/first_paint.py) and closes itself. The figure is the median of each side and
the median of the pairs' ratios (the machine's speed drifts; a pair shares its moment). The
whole process (to exit) is printed too. Not judged here: shared build machines are noisy; the
target (issue 11: ≤ 1.5×) is printed next to it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: bench
from app.gui.first_paint import read_paint_times
from bench.figures import Paired, paired

TARGET_RATIO = 1.5
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


@dataclass(frozen=True, slots=True)
class Start:
    painted: float  # seconds from spawn to the window's first paint
    page: float  # … to the first paint of the page it shows (the same for the bare window)
    whole: float  # seconds from spawn to exit


def start_once(executable: Path, env: dict[str, str], scratch: Path) -> Start:
    marker = scratch / "painted"
    marker.unlink(missing_ok=True)
    env = {**env, "MEDIDO_PAINTED_FILE": str(marker)}
    spawned = time.time()
    done = subprocess.run(  # noqa: S603 (our own build)
        [str(executable)], env=env, capture_output=True, timeout=120, check=False
    )
    ended = time.time()
    if done.returncode != 0 or not marker.exists():
        tail = done.stderr.decode(errors="replace")[-2000:]
        raise RuntimeError(f"{executable.name} exited {done.returncode} without painting\n{tail}")
    window, page = read_paint_times(marker.read_text(encoding="ascii"))
    return Start(window - spawned, page - spawned, ended - spawned)


def environment(scratch: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MEDIDO_QUIT_AFTER_MS": "1",
        "MEDIDO_CONFIG_DIR": str(scratch / "config"),
        "MEDIDO_DATA_DIR": str(scratch / "data"),
        "MEDIDO_LOG_DIR": str(scratch / "logs"),
        # Never the build machine's own credential store (keyring loads after the first paint).
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("LANGUAGE", None)
    return env


@dataclass(frozen=True, slots=True)
class Measured:
    window: Paired  # spawn to the window's first paint, Medido (a) against the bare window (b)
    medido_page: list[float]  # Medido's spawn to its shown page's first paint, pair by pair
    medido_whole: list[float]  # spawn to exit (the warm-up's dropped)
    bare_whole: list[float]


def measure(medido: Path, bare: Path, runs: int) -> Measured:
    """Paired spawn-to-first-frame times (bench.figures.paired: A B, then B A, one warm-up
    round), Medido's spawn to its page's first frame in the same runs, and spawn to exit."""
    with tempfile.TemporaryDirectory(prefix="medido-startup-") as folder:
        scratch = Path(folder)
        env = environment(scratch)
        starts: dict[Path, list[Start]] = {medido: [], bare: []}

        def painted(executable: Path) -> Callable[[], float]:
            def sample() -> float:
                start = start_once(executable, env, scratch)
                starts[executable].append(start)
                return start.painted

            return sample

        found = paired(painted(medido), painted(bare), runs)
    counted = {exe: runs_[-len(found.a_runs) :] for exe, runs_ in starts.items()}
    return Measured(
        found,
        [start.page for start in counted[medido]],
        [start.whole for start in counted[medido]],
        [start.whole for start in counted[bare]],
    )


def report(measured: Measured) -> str:
    found = measured.window
    ratios = [a / b for a, b in zip(found.a_runs, found.b_runs, strict=True)]
    ratio = statistics.median(ratios)
    verdict = "met" if ratio <= TARGET_RATIO else "not met"
    medido_exit = statistics.median(measured.medido_whole)
    bare_exit = statistics.median(measured.bare_whole)
    page_ratios = [a / b for a, b in zip(measured.medido_page, found.b_runs, strict=True)]
    return "\n".join(
        [
            f"Start to first painted window, {len(ratios)} pairs, medians:",
            f"  Medido {found.a:.3f} s (to exit {medido_exit:.3f} s)",
            f"  bare window {found.b:.3f} s (to exit {bare_exit:.3f} s)",
            f"  ratio ×{ratio:.2f} (pairs ×{min(ratios):.2f}–×{max(ratios):.2f}); "
            f"target ≤ ×{TARGET_RATIO:g}: {verdict}",
            "Start to the first paint of the page Medido shows (the window's shell paints first):",
            f"  Medido {statistics.median(measured.medido_page):.3f} s, "
            f"×{statistics.median(page_ratios):.2f} the bare window (not a target; printed so "
            "that the window's figure hides nothing)",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("medido", type=Path, help="the built Medido folder")
    parser.add_argument("bare", type=Path, help="the built bare-window folder")
    parser.add_argument("--runs", type=int, default=15, help="pairs counted (default 15)")
    args = parser.parse_args(argv)
    medido = args.medido / f"Medido{EXE_SUFFIX}"
    bare = args.bare / f"bare-window{EXE_SUFFIX}"
    try:
        measured = measure(medido, bare, args.runs)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        print(f"FAIL start-up: {exc}")
        return 1
    print(report(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
