"""Libraries that only left-out Qt plugins load leave the bundle with them
(packaging/shared_libs.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.scripts import load

shared_libs = load("shared_libs")

NEEDS: dict[str, list[str]] = {
    "/src/libqgtk3.so": ["libgtk-3.so.0", "libgio-2.0.so.0", "libQt6Gui.so.6", "libpango.so.1"],
    "/src/libgio-2.0.so.0": ["libglib-2.0.so.0", "libmount.so.1"],
    "/src/libqxcb.so": ["libQt6XcbQpa.so.6"],
    "/src/libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libglib-2.0.so.0", "libxkbcommon.so.0"],
    "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
    "/src/libQt6Gui.so.6": [],
    "/src/libglib-2.0.so.0": [],
    "/src/libmount.so.1": [],
    "/src/libloaded-by-ctypes.so": [],
    "/src/libpango.so.1.5000.0": [],
    "/src/libxkbcommon.so.0.5.0": [],
    "/src/_codecs_jp.so": ["libmount.so.1"],
}
BINARIES = [
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
    ("libgio-2.0.so.0", "/src/libgio-2.0.so.0", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
    ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
    ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
    ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
    ("libmount.so.1", "/src/libmount.so.1", "BINARY"),
    ("libloaded-by-ctypes.so", "/src/libloaded-by-ctypes.so", "BINARY"),
    ("libpango.so.1.5000.0", "/src/libpango.so.1.5000.0", "BINARY"),
    ("libxkbcommon.so.0.5.0", "/src/libxkbcommon.so.0.5.0", "BINARY"),
]
# Other names of a collected library: PyInstaller leaves the usual names of PySide6's Qt
# libraries as links at the top, and a library may be known by its soname only.
SYMLINKS = [
    ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
    ("libpango.so.1", "libpango.so.1.5000.0", "SYMLINK"),
    ("libxkbcommon.so.0", "libxkbcommon.so.0.5.0", "SYMLINK"),
]


def fake_needed(path: Path) -> list[str]:
    return NEEDS[path.as_posix()]


def gtk_left_out(dest: str) -> bool:
    return dest.endswith("libqgtk3.so")


def test_what_only_a_left_out_plugin_loads_goes_with_it() -> None:
    gone = shared_libs.unreachable(BINARIES, SYMLINKS, gtk_left_out, fake_needed)
    # GIO and Pango (by its soname) only for the GTK theme, libmount only through GIO; GLib,
    # Qt Gui and xkbcommon (by its soname) are loaded by the xcb platform too.
    assert gone == {
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "libgio-2.0.so.0",
        "libmount.so.1",
        "libpango.so.1.5000.0",
    }


def test_nothing_left_out_keeps_everything() -> None:
    assert shared_libs.unreachable(BINARIES, SYMLINKS, lambda _: False, fake_needed) == set()


def test_what_another_kept_file_loads_stays() -> None:
    codec = ("python3.12/lib-dynload/_codecs_jp.so", "/src/_codecs_jp.so", "EXTENSION")
    with_codec = [*BINARIES, codec]
    gone = shared_libs.unreachable(with_codec, SYMLINKS, gtk_left_out, fake_needed)
    assert "libmount.so.1" not in gone  # an extension module links it too
    assert "libgio-2.0.so.0" in gone


def test_a_library_nothing_links_to_is_kept() -> None:
    # Loaded with dlopen or ctypes (no DT_NEEDED points at it): never taken for an orphan.
    gone = shared_libs.unreachable(BINARIES, SYMLINKS, gtk_left_out, fake_needed)
    assert "libloaded-by-ctypes.so" not in gone


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PySide6's Qt is ELF on Linux")
def test_reads_the_dynamic_section_of_a_real_library() -> None:
    import PySide6

    svg = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Svg.so.6"
    needed = shared_libs.needed_libraries(svg)
    assert "libQt6Gui.so.6" in needed
    assert "libQt6Core.so.6" in needed
    assert all(name and "/" not in name for name in needed)


def test_anything_but_elf_needs_nothing(tmp_path: Path) -> None:
    text = tmp_path / "qtbase_es.qm"
    text.write_bytes(b"<\xb8d\x18\xca\xef\x9c\x95\xcd!\x1c\xbf`\xa1\xbd\xdd" * 8)
    assert shared_libs.needed_libraries(text) == []
