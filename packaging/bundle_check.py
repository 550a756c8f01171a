"""After a one-folder build: is everything the app loads by name actually inside the folder?

A missing hidden import or data file does not fail PyInstaller; it fails on the installer's
laptop, possibly quietly (keyring falls back to no backend, a missing module fails at run time).
So the build looks inside: the data files, the metadata read at run time, every module of
`app` and every hidden import in the executables' module archive, the Qt plugins the GUI needs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import bundle_contents
import version_info

EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
RUNTIME_HOOK = "windowed_streams"
# Qt plugins the GUI cannot do without: SVG icons, and a platform to draw on.
WINDOWS_PLUGINS = ("platforms/qwindows*", "styles/*windows*")  # the native look
# Linux: X11 with its OpenGL integrations, Wayland with the shell every desktop speaks, dead keys
# and input methods, the desktop portal theme (what bundle_contents trims must leave these).
LINUX_PLUGINS = (
    "platforms/libqxcb.so",
    "xcbglintegrations/libqxcb-glx-integration.so",
    "xcbglintegrations/libqxcb-egl-integration.so",
    "platforms/libqwayland.so",
    "wayland-shell-integration/libxdg-shell.so",
    "platforms/libqminimal.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platformthemes/libqxdgdesktopportal.so",
)
NEEDED_PLUGINS: tuple[str, ...] = (
    "imageformats/*qsvg*",
    "iconengines/*qsvgicon*",
    "platforms/*qoffscreen*",
    *(WINDOWS_PLUGINS if sys.platform == "win32" else LINUX_PLUGINS),
)


def bundled_modules(exe: Path) -> tuple[set[str], set[str]]:
    """(modules in the executable's PYZ archive, scripts it runs at start, hooks included)."""
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    archive = CArchiveReader(str(exe))
    scripts = {name for name, entry in archive.toc.items() if entry[-1] == "s"}
    return set(archive.open_embedded_archive("PYZ.pyz").toc), scripts


def app_modules(root: Path = bundle_contents.ROOT) -> set[str]:
    """Every module of the `app` package, by dotted name."""
    names = set()
    for path in (root / "app").rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def problems(folder: Path, root: Path = bundle_contents.ROOT) -> list[str]:
    internal = folder / "_internal"
    found: list[str] = []
    for source, destination in bundle_contents.data_files(root):
        if not (internal / destination / Path(source).name).is_file():
            found.append(f"data file {destination}/{Path(source).name} is missing")
    version = version_info.project_version(root)
    if not (internal / f"medido-{version}.dist-info" / "METADATA").is_file():
        found.append(f"medido-{version}.dist-info (the app's version) is missing")
    keyring_entry_points = list(internal.glob("keyring-*.dist-info/entry_points.txt"))
    if not any("keyring.backends.Windows" in p.read_text() for p in keyring_entry_points):
        found.append("keyring's entry points (how it finds the Windows backend) are missing")
    # PySide6 keeps its plugins in PySide6/Qt/plugins on Linux, PySide6/plugins on Windows.
    places = (internal / "PySide6" / "plugins", internal / "PySide6" / "Qt" / "plugins")
    plugins = next((place for place in places if place.is_dir()), places[0])
    for pattern in NEEDED_PLUGINS:
        if not any(plugins.glob(pattern)):
            found.append(f"Qt plugin {pattern} is missing from {plugins}")
    expected = app_modules(root) | set(bundle_contents.hidden_imports())
    for exe_name in (exe.name for exe in version_info.folder_executables()):
        modules, scripts = bundled_modules(folder / f"{exe_name}{EXE_SUFFIX}")
        found += [f"{exe_name}: module {name} is missing" for name in sorted(expected - modules)]
        if RUNTIME_HOOK not in scripts:
            found.append(f"{exe_name}: the {RUNTIME_HOOK} runtime hook is missing")
    return found


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/bundle_check.py dist/Medido")
    listed = problems(Path(sys.argv[1]))
    print("\n".join(listed) or "the bundle has everything")
    sys.exit(1 if listed else 0)
