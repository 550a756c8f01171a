"""The bundle's data files, hidden imports and trimming rules (packaging/bundle_contents.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.packaging.scripts import load

bundle = load("bundle_contents")
ROOT: Path = bundle.ROOT


def shipped_candidates() -> set[Path]:
    """Every file the app could read at run time: all of resources/, and every file in app/
    that is not Python source (scenarios and whatever a module finds next to itself)."""
    files = {p for p in (ROOT / "resources").rglob("*") if p.is_file()}
    files |= {
        p
        for p in (ROOT / "app").rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    }
    return files


def test_every_data_file_is_bundled_or_left_out_on_purpose() -> None:
    bundled = {Path(source) for source, _ in bundle.data_files(ROOT)}
    missing = sorted(
        str(p.relative_to(ROOT))
        for p in shipped_candidates()
        if p not in bundled and not bundle.is_left_out(p, ROOT)
    )
    assert missing == [], f"add these to DATA_GLOBS (or LEFT_OUT): {missing}"


def test_data_files_keep_their_place_relative_to_the_source_tree() -> None:
    # resources_dir() and Path(__file__)-relative lookups only work if the layout is the same.
    for source, destination in bundle.data_files(ROOT):
        assert Path(source).parent.relative_to(ROOT).as_posix() == destination


def test_the_things_the_app_loads_by_name_are_in() -> None:
    bundled = {Path(source).relative_to(ROOT).as_posix() for source, _ in bundle.data_files(ROOT)}
    assert "resources/sensors.toml" in bundled
    assert "resources/translations/medido_es.qm" in bundled
    assert "resources/icons/medido.svg" in bundled
    assert len([b for b in bundled if b.startswith("resources/profiles/")]) >= 12
    assert any(b.startswith("app/emulator/scenarios/") for b in bundled)
    assert any(b.startswith("app/simulator/scenarios/") for b in bundled)
    assert not any(b.endswith(".ts") for b in bundled)  # sources of the .qm files


def test_a_pattern_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"resources/sensors\.toml"):
        bundle.data_files(tmp_path)


def test_hidden_imports_name_real_modules() -> None:
    for name in bundle.hidden_imports():
        assert importlib.util.find_spec(name) is not None, name


def test_windows_gets_the_credential_manager_backend() -> None:
    assert "keyring.backends.Windows" in bundle.hidden_imports("linux")
    windows = bundle.hidden_imports("win32")
    assert "win32ctypes.pywin32.win32cred" in windows
    assert "win32ctypes.pywin32.win32cred" not in bundle.hidden_imports("linux")


def test_excludes_keep_what_the_gui_needs() -> None:
    needed = ["PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"]
    # pyqtgraph's PlotCurveItem imports these two (pyqtgraph/Qt/OpenGLHelpers.py).
    needed += ["PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"]
    assert not set(needed) & set(bundle.EXCLUDES)
    assert "PySide6.QtTest" in bundle.EXCLUDES  # pyqtgraph treats it as optional


@pytest.mark.parametrize(
    ("destination", "unwanted"),
    [
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/plugins/imageformats/qsvg.dll", False),
        ("PySide6/plugins/imageformats/qpdf.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/plugins/iconengines/qsvgicon.dll", False),
        ("PySide6/plugins/platforms/qwindows.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/plugins/tls/qschannelbackend.dll", True),
        ("PySide6/translations/qtbase_es.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/translations/qt_help_es.qm", True),
        ("resources/translations/medido_es.qm", False),  # ours, not Qt's
        ("PySide6/opengl32sw.dll", True),
        ("PySide6\\Qt6Widgets.dll", False),
        # Linux: X11, Wayland's xdg-shell, the portal theme, dead keys stay; GTK3 theme, the
        # embedded/remote platforms, evdev/TUIO input and other Wayland shells go.
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/plugins/wayland-decoration-client/libbradient.so", False),
        ("PySide6/Qt/plugins/platforms/libqminimal.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so", True),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so", True),
        ("pyqtgraph/icons/peegee/peegee_512px@2x.png", True),
        ("pyqtgraph/icons/peegee/peegee.svg", False),
    ],
)
def test_unwanted_binaries(destination: str, unwanted: bool) -> None:
    assert bundle.is_unwanted_binary(destination) is unwanted


def test_the_runtime_hooks_left_out_are_only_the_unused_ones() -> None:
    scripts = [
        ("medido", "entry/medido.py", "PYSOURCE"),
        ("pyi_rth_pyside6", "hooks/pyi_rth_pyside6.py", "PYSOURCE"),
        ("pyi_rth_multiprocessing", "hooks/pyi_rth_multiprocessing.py", "PYSOURCE"),
    ]
    kept = bundle.without_unused_hooks(scripts)
    assert [name for name, _, _ in kept] == ["medido", "pyi_rth_pyside6"]


def test_medido_never_starts_a_process_through_multiprocessing() -> None:
    """Without PyInstaller's multiprocessing hook a frozen child process would not start."""
    users = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if any(word in text for word in ("multiprocessing", "ProcessPoolExecutor", "workers=")):
            users.append(path.relative_to(ROOT).as_posix())
    assert users == []
    server = (ROOT / "app" / "emulator" / "server.py").read_text(encoding="utf-8")
    assert "uvicorn.Config(" in server
    assert "reload=" not in server
