"""Medido's version, as installed (pyproject.toml); "dev" when run from a tree not installed."""

from __future__ import annotations

from functools import cache


@cache
def app_version() -> str:
    # importlib.metadata brings email, zipfile and csv: when first asked (the About box, the
    # API client's User-Agent, a report), not with the first window.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("medido")
    except PackageNotFoundError:
        return "dev"


def tzdata_version() -> str:
    """The IANA time-zone rules Medido carries ("2026c"), which decide Chile's DST dates: what
    zoneinfo uses on Windows (a Linux system's own rules come first there)."""
    try:
        import tzdata  # type: ignore[import-untyped]  # (no stubs) bundled by PyInstaller
    except ImportError:
        return "system"
    return str(tzdata.IANA_VERSION)
