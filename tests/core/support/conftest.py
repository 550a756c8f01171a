"""The check rig (emulator + simulator + a real check run) for the bundle's tests."""

from tests.core.check.conftest import run_check

__all__ = ["run_check"]
