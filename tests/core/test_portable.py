"""Portable mode: a marker file next to the executable keeps everything beside it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core import resources
from app.core.resources import PORTABLE_MARKER


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "usb" / "Medido"
    home.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(home / "Medido.exe"))
    for name in ("MEDIDO_CONFIG_DIR", "MEDIDO_DATA_DIR", "MEDIDO_LOG_DIR"):
        monkeypatch.delenv(name, raising=False)
    return home


def test_with_the_marker_everything_lives_beside_the_executable(frozen_exe: Path) -> None:
    (frozen_exe / PORTABLE_MARKER).write_text("portable\n")
    root = frozen_exe / "Medido-data"
    assert resources.user_config_dir() == root / "config"
    assert resources.user_data_dir() == root / "data"  # the outbox and the history
    assert resources.user_log_dir() == root / "logs"
    assert resources.user_reports_dir() == root / "reports"


def test_without_the_marker_the_os_places_are_used(frozen_exe: Path) -> None:
    assert resources.portable_root() is None
    assert resources.user_reports_dir() is None
    assert not str(resources.user_data_dir()).startswith(str(frozen_exe))


def test_an_override_wins_over_the_marker(
    frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_exe / PORTABLE_MARKER).write_text("")
    monkeypatch.setenv("MEDIDO_DATA_DIR", str(tmp_path / "elsewhere"))
    assert resources.user_data_dir() == tmp_path / "elsewhere"


def test_a_source_run_is_never_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / PORTABLE_MARKER).write_text("")
    assert resources.portable_root() is None
