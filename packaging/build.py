"""Build Medido with PyInstaller, check what went into the bundle, smoke-test the executables.

    uv run --group packaging python packaging/build.py              # dist/Medido/
    uv run --group packaging python packaging/build.py --onefile    # dist/Medido-onefile(.exe)
    uv run --group packaging python packaging/build.py --no-build   # re-check dist/Medido/
    uv run --group packaging python packaging/build.py --startup    # and time its start-up

--startup also builds the baseline, a bare PySide6 window frozen the same way (dist/bare-window/,
packaging/baseline/), and prints spawn-to-first-paint for both (packaging/startup.py).

Installs nothing (the `packaging` dependency group brings PyInstaller). Works on Windows, where
it makes the real thing, and on Linux, where the same spec proves the data files and hidden
imports. Exit status 0 only when the build, the bundle checks and every smoke test pass (and,
for the Linux folder, when it stays within its size budget).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import bundle_check
import smoke
import startup

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "medido.spec"
BASELINE_SPEC = HERE / "baseline" / "bare_window.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
# The Linux folder's budget (issue 11), in decimal MB as printed below. What each part weighs
# and what was left out to stay inside: docs/packaging.md. The Windows folder is not measured.
LINUX_FOLDER_BUDGET_MB = 200


def run_pyinstaller(onefile: bool, spec: Path = SPEC) -> float:
    """Run the spec; returns the seconds it took."""
    env = {**os.environ, "MEDIDO_ONEFILE": "1" if onefile else "0"}
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(spec)]
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603
    return time.monotonic() - started


def size_of(path: Path) -> int:
    """Bytes on disk; symlinks (PyInstaller makes some on Linux and macOS) count once."""
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onefile", action="store_true", help="one self-unpacking executable")
    parser.add_argument("--no-build", action="store_true", help="check an existing build")
    parser.add_argument(
        "--startup", action="store_true", help="time the folder's start-up against a bare window"
    )
    args = parser.parse_args(argv)

    suffix = ".exe" if sys.platform == "win32" else ""
    target = DIST / f"Medido-onefile{suffix}" if args.onefile else DIST / "Medido"
    if not args.no_build:
        try:
            seconds = run_pyinstaller(args.onefile)
        except subprocess.CalledProcessError as exc:
            print(f"PyInstaller failed (exit {exc.returncode}); see its output above.")
            return 1
        print(f"Built {target} in {seconds:.0f} s")
    if not target.exists():
        print(f"{target} does not exist: build it first (without --no-build).")
        return 1

    problems = [] if args.onefile else bundle_check.problems(target)
    for problem in problems:
        print(f"FAIL bundle: {problem}")
    if not problems and not args.onefile:
        print("ok   bundle: data files, metadata and hidden imports are all inside")
    results = smoke.run_all(target)
    size_mb = size_of(target) / 1e6
    over_budget = (
        sys.platform.startswith("linux") and not args.onefile and size_mb > LINUX_FOLDER_BUDGET_MB
    )
    if over_budget:
        print(f"FAIL size: {size_mb:.1f} MB, over the {LINUX_FOLDER_BUDGET_MB} MB budget")
    passed = sum(r.ok for r in results)
    print(f"{target.name}: {size_mb:.0f} MB; smoke tests {passed}/{len(results)} passed")
    timed = not args.startup or args.onefile or time_startup(target, rebuild=not args.no_build)
    return 0 if not problems and not over_budget and passed == len(results) and timed else 1


def time_startup(target: Path, *, rebuild: bool) -> bool:
    """Build the baseline (unless there is one and nothing is rebuilt), then time both."""
    baseline = DIST / "bare-window"
    if rebuild or not baseline.exists():
        try:
            run_pyinstaller(False, BASELINE_SPEC)
        except subprocess.CalledProcessError as exc:
            print(f"PyInstaller failed on the baseline (exit {exc.returncode}).")
            return False
    return startup.main([str(target), str(baseline)]) == 0


if __name__ == "__main__":
    sys.exit(main())
