"""Medido's version, as installed (pyproject.toml); "dev" when run from a tree not installed."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def app_version() -> str:
    try:
        return version("medido")
    except PackageNotFoundError:
        return "dev"
