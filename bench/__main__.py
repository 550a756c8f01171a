"""`uv run python -m bench [--quick] [--only NAME ...] [--json FILE]`: every benchmark, a table.

Each benchmark runs in its own process (a clean interpreter: imports, memory and Qt state of one
do not colour the next). --quick runs fewer rounds, for a smoke run in CI; its figures are rough.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.figures import Figure

BENCHMARKS = (
    "plot_redraw",  # rows 1 and 3
    "gui_stall",  # rows 2 and 3
    "poll",  # row 4
    "launch",  # row 5
    "upload",  # row 6
    "memory",  # row 7
    "read_plan",  # row 8
)
RESULTS = Path(__file__).parent / "results" / "latest.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one, print JSON
    parser.add_argument(
        "--markdown", type=Path, metavar="JSON", help="print a results file as a Markdown table"
    )
    args = parser.parse_args(argv)
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text("utf-8"))))
        return 0
    if args.one:
        return run_one(args.one, args.quick)
    figures: list[dict[str, Any]] = []
    failed: list[str] = []
    for name in args.only or BENCHMARKS:
        started = time.perf_counter()
        command = [sys.executable, "-m", "bench", "--one", name] + (
            ["--quick"] if args.quick else []
        )
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            failed.append(name)
            print(f"{name}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        found = json.loads(done.stdout.strip().splitlines()[-1])
        for figure in found:
            figure["benchmark"], figure["seconds"] = name, round(time.perf_counter() - started, 1)
        figures += found
        print_rows(found)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine(),
        "figures": figures,
        "failed": failed,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    missed = [f"{f['row']} {f['what']}" for f in figures if not f["met"]]
    print(f"\n{len(figures)} figures, {len(missed)} off target, {len(failed)} failed: {args.json}")
    return 1 if failed else 0


def run_one(name: str, quick: bool) -> int:
    # Offscreen Qt, settings, data and logs in a folder of its own, no credential store: a
    # benchmark never touches the user's Medido.
    folder = Path(tempfile.mkdtemp(prefix=f"medido-bench-{name}-"))
    for kind in ("CONFIG", "DATA", "LOG"):
        os.environ[f"MEDIDO_{kind}_DIR"] = str(folder / kind.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    module = __import__(f"bench.{name}", fromlist=["measure"])
    found: list[Figure] = module.measure(quick)
    print(json.dumps([f.to_json() for f in found], ensure_ascii=False))
    return 0


def print_rows(figures: list[dict[str, Any]]) -> None:
    for f in figures:
        value = f"{f['value']:.4g} {f['unit']}"
        if f["baseline"] is not None:
            value += f" vs {f['baseline']:.4g} ({f['ratio']:.2f}×)"
        mark = "met" if f["met"] else "MISSED"
        print(f"{f['row']:>2} {f['what'][:58]:<58} {value:<32} {f['target']:<10} {mark}")


def markdown(report: dict[str, Any]) -> str:
    """The table docs/PERFORMANCE.md shows, from a results file."""
    lines = [
        "| # | What | Figure (median) | Baseline, same run | Ratio | Target | |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in report["figures"]:
        baseline = f"{f['baseline']:.4g} {f['unit']}" if f["baseline"] is not None else "—"
        ratio = f"{f['ratio']:.2f}×" if f["ratio"] is not None else "—"
        mark = "met" if f["met"] else "**missed**"
        figure, target = f"{f['value']:.4g} {f['unit']}", f["target"]
        lines.append(
            f"| {f['row']} | {f['what']} | {figure} | {baseline} | {ratio} | {target} | {mark} |"
        )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "system": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


if __name__ == "__main__":
    sys.exit(main())
