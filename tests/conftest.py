"""Test-wide setup: Qt offscreen, an in-memory keyring, no real user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.fixtures.emulator", "tests.fixtures.simulator"]


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets at the end of each test; headless Linux has no real one."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests out of the real config/data/log folders (settings, profiles, queues, logs)."""
    monkeypatch.setenv("MEDIDO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("MEDIDO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MEDIDO_LOG_DIR", str(tmp_path / "logs"))
