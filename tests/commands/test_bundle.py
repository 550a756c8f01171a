"""`medido bundle`: nothing before a check; after `medido check --demo --upload`, a readable
bundle with the check's site, registers, profile and report, and the logs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.core.support.bundle import read_bundle
from tests.commands.test_meter_sim import REPO

JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")


def medido(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_before_any_check_there_is_nothing_to_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bundle", "--out", str(tmp_path / "b.zip")]) == 1
    assert "run `medido check` first" in capsys.readouterr().err
    assert not (tmp_path / "b.zip").exists()
    assert main(["bundle", "--out", str(tmp_path / "b.zip"), "--json"]) == 1
    body = json.loads(capsys.readouterr().out)
    assert body["error"]["code"] == "bundle.nothing"


def test_bad_arguments_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle"]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["bundle", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_after_a_demo_check_the_bundle_is_written_and_readable(tmp_path: Path) -> None:
    checked = medido("check", "--demo", "--upload", "--json")
    assert checked.returncode == 0, checked.stderr
    out = tmp_path / "support" / "medido-bundle.zip"
    out.parent.mkdir()
    done = medido("bundle", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["ok"] is True
    assert body["file"] == str(out)
    bundle = read_bundle(out)
    assert {"manifest.json", "site.json", "registers.json", "profile.toml", "check.json"} <= set(
        body["files"]
    )
    assert bundle.site["device"]["number"] == "29"
    assert bundle.site["meter"]["profile_id"] == "eastron-sdm630"
    assert bundle.registers is not None
    assert bundle.registers["reads"]
    assert bundle.check is not None
    assert bundle.check["passed"] is True
    assert any(name.startswith("medido.log") for name in bundle.logs)  # the CLI's own log
    with zipfile.ZipFile(out) as archive:
        assert not any(JWT.search(archive.read(name)) for name in archive.namelist())

    again = medido("bundle", "--out", str(tmp_path / "nowhere" / "b.zip"))
    assert again.returncode == 1
    assert "could not be written" in again.stderr
