"""`medido check --from-bundle`: a check run → its bundle → the same check against the reproduced
site gives the same step statuses (per step id)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.core.check.outcome import CheckRun, Status
from app.core.support.bundle import BundleContents, write_bundle
from app.core.support.site import CHECK, PROFILE, REGISTERS, SITE, check_files
from app.simulator import Faults, Phase
from tests.core.check.conftest import RunCheck, run_check  # noqa: F401 (the fixture)
from tests.fixtures.bundles import write_test_bundle


async def bundle_of(check: RunCheck, path: Path, faults: Faults | None = None) -> CheckRun:
    original = await check(faults)
    files = check_files(check.last, original)  # type: ignore[attr-defined]
    contents = BundleContents(
        site=json.loads(files[SITE]),
        registers=json.loads(files[REGISTERS]),
        profile=files[PROFILE],
        check=json.loads(files[CHECK]),
    )
    write_bundle(path, contents)
    return original


async def reproduced(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = await asyncio.to_thread(main, ["check", "--from-bundle", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def statuses(steps: list[dict[str, Any]]) -> dict[str, str]:
    return {s["id"]: s["status"] for s in steps}


@pytest.mark.parametrize(
    "faults",
    [None, Faults(reversed_ct={Phase.B})],
    ids=["demo", "reversed-ct"],
)
async def test_same_step_results_as_the_original(
    run_check: RunCheck,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    faults: Faults | None,
) -> None:
    path = tmp_path / "site.zip"
    original = await bundle_of(run_check, path, faults)
    code, again = await reproduced(path, capsys)
    assert statuses(again["steps"]) == statuses(original.to_dict()["steps"])
    assert code == (0 if original.passed else 1)
    wiring = next(s for s in again["steps"] if s["id"] == "wiring")
    if faults is not None:
        assert wiring["status"] == Status.FAIL.value


def test_a_bad_bundle_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("hello")
    assert main(["check", "--from-bundle", str(not_zip)]) == 2
    assert "not a diagnostics bundle" in capsys.readouterr().err
    no_meter = write_test_bundle(tmp_path / "b.zip")  # site.json only: no registers
    assert main(["check", "--from-bundle", str(no_meter)]) == 2
    assert "never read" in capsys.readouterr().err
