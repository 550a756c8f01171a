"""Frozen start-up: process spawn to the first painted window, Medido against a bare window.

    python packaging/startup.py dist/Medido dist/bare-window [--runs 7]

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
from dataclasses import dataclass
from pathlib import Path

TARGET_RATIO = 1.5
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


@dataclass(frozen=True, slots=True)
class Start:
    painted: float  # seconds from spawn to the first paint
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
    return Start(float(marker.read_text(encoding="ascii")) - spawned, ended - spawned)


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


def measure(medido: Path, bare: Path, runs: int) -> tuple[list[Start], list[Start]]:
    with tempfile.TemporaryDirectory(prefix="medido-startup-") as folder:
        scratch = Path(folder)
        env = environment(scratch)
        start_once(medido, env, scratch)  # warm-up: the OS file cache, the first settings
        start_once(bare, env, scratch)
        pairs = [
            (start_once(medido, env, scratch), start_once(bare, env, scratch)) for _ in range(runs)
        ]
    return [a for a, _ in pairs], [b for _, b in pairs]


def report(medido: list[Start], bare: list[Start]) -> str:
    def line(name: str, starts: list[Start]) -> str:
        painted = statistics.median(s.painted for s in starts)
        whole = statistics.median(s.whole for s in starts)
        return f"  {name} {painted:.3f} s (to exit {whole:.3f} s)"

    ratios = [a.painted / b.painted for a, b in zip(medido, bare, strict=True)]
    ratio = statistics.median(ratios)
    verdict = "met" if ratio <= TARGET_RATIO else "not met"
    return "\n".join(
        [
            f"Start to first painted window, {len(ratios)} pairs, medians:",
            line("Medido", medido),
            line("bare window", bare),
            f"  ratio ×{ratio:.2f} (pairs ×{min(ratios):.2f}–×{max(ratios):.2f}); "
            f"target ≤ ×{TARGET_RATIO:g}: {verdict}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("medido", type=Path, help="the built Medido folder")
    parser.add_argument("bare", type=Path, help="the built bare-window folder")
    parser.add_argument("--runs", type=int, default=7, help="pairs counted (default 7)")
    args = parser.parse_args(argv)
    medido = args.medido / f"Medido{EXE_SUFFIX}"
    bare = args.bare / f"bare-window{EXE_SUFFIX}"
    try:
        a, b = measure(medido, bare, args.runs)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        print(f"FAIL start-up: {exc}")
        return 1
    print(report(a, b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
