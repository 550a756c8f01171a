"""What goes into the PyInstaller bundle besides what its import analysis finds on its own.

Plain Python (no PyInstaller import) so the fast tests can check it: every data file the app
reads at run time is listed, hidden imports name what is imported by a computed name, and the
exclusions keep Qt parts Medido never loads out of the folder.
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Data read at run time: (glob relative to the repository, folder inside the bundle). The
# bundle folder mirrors the source tree, so resources_dir() (under sys._MEIPASS) and the
# commands' Path(__file__)-relative scenario folders find them unchanged.
DATA_GLOBS: tuple[tuple[str, str], ...] = (
    ("resources/sensors.toml", "resources"),
    ("resources/profiles/*.toml", "resources/profiles"),
    ("resources/translations/*.qm", "resources/translations"),
    ("resources/icons/*.svg", "resources/icons"),
    ("resources/reference/*", "resources/reference"),
    ("app/emulator/scenarios/*.toml", "app/emulator/scenarios"),
    ("app/simulator/scenarios/*.toml", "app/simulator/scenarios"),
)

# Files in the data folders that stay out on purpose: translation sources (.ts) are compiled
# to the .qm files Qt loads.
LEFT_OUT: tuple[str, ...] = ("resources/translations/*.ts",)

# Imported by a computed name (importlib / entry points), so the analysis cannot see them; the
# spec also collects every module of the `app` package (app.cli imports its
# commands by name). The build checks that each of these is in the bundle.
HIDDEN_IMPORTS: tuple[str, ...] = (
    # keyring picks its backend through entry points; the Windows one is Credential Manager.
    "keyring.backends.Windows",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    # uvicorn resolves its loop, protocol and lifespan classes from strings.
    "uvicorn.loops.auto",
    "uvicorn.loops.asyncio",
    "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.protocols.websockets.auto",
    "uvicorn.lifespan.on",
    "uvicorn.lifespan.off",
    "uvicorn.logging",
    # anyio (under Starlette) imports its asyncio backend by name.
    "anyio._backends._asyncio",
    # pymodbus' serial transport and pyserial's port listing (RS-485 adapters).
    "pymodbus.transport.serialtransport",
    "serial.tools.list_ports",
    # zoneinfo on Windows has no system database: the tzdata package is it.
    "tzdata",
    "truststore",
)

WINDOWS_HIDDEN_IMPORTS: tuple[str, ...] = (
    "win32ctypes.pywin32.win32cred",  # keyring's Windows backend
    "win32ctypes.pywin32.pywintypes",
    "serial.tools.list_ports_windows",
    "tzlocal.win32",
)

# Never loaded by Medido. Optional imports of its libraries would pull these in: dev tools
# (pydantic's mypy and hypothesis plugins, anyio's pytest plugin, httpx's CLI with rich) and
# setuptools. PySide6 modules: Medido uses QtCore, QtGui, QtWidgets and QtSvg (the icons);
# pyqtgraph needs QtOpenGL and QtOpenGLWidgets (its curves import them) and treats QtTest as
# optional.
EXCLUDES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "mypy",
    "pydantic.mypy",
    "pydantic.v1.mypy",
    "hypothesis",
    "pydantic.v1._hypothesis_plugin",
    "pytest",
    "_pytest",
    "rich",
    "pygments",
    "IPython",
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
    "pydoc_data",
    "PySide6.QtNetwork",
    "PySide6.QtTest",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtDBus",
    "PySide6.QtPrintSupport",
    "PySide6.QtSql",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    # uvicorn imports PyYAML only for a YAML log config, which Medido never gives it.
    "yaml",
    # ReportLab needs Pillow's core (PIL.Image), not its AVIF/WebP/colour-management/Tk plugins,
    # whose libraries weigh ~7 MB (libavif alone 5 MB).
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    # numpy's random generators (2.6 MB of extension modules), its test helpers and Fortran
    # wrapper generator: numpy imports them only when `np.random`, `np.testing`, `np.f2py` is
    # first touched, and nothing Medido runs does (pyqtgraph's np.random is in pseudoScatter and
    # ScatterPlotWidget, which Medido does not use). `_multiarray_tests` is for numpy's tests.
    "numpy.random",
    "numpy.testing",
    "numpy.f2py",
    "numpy._core._multiarray_tests",
    # requests, urllib3 and charset_normalizer: only guarded optional imports reach them
    # (truststore.inject_into_ssl, which Medido does not call: it builds its own
    # truststore.SSLContext for httpx; ReportLab's XMP-from-file metadata).
    "requests",
    "urllib3",
    "charset_normalizer",
    # GNU readline (with libreadline and libtinfo): only the interactive prompts of pdb, cmd and
    # code import it, each inside try/except ImportError.
    "readline",
)

# Qt plugin folders collected by the Qt hooks that Medido never loads (no network, printing,
# SQL or QML), matched against the path inside the bundle (forward slashes, lower case).
UNWANTED_BINARIES: tuple[str, ...] = (
    "*/plugins/tls/*",
    "*/plugins/networkinformation/*",
    "*/plugins/printsupport/*",
    "*/plugins/sqldrivers/*",
    "*/plugins/qmltooling/*",
    "*/plugins/designer/*",
    # Windows: a software OpenGL and the Direct3D shader compiler (~25 MB) serve Qt Quick and
    # OpenGL widgets; Medido's widgets and pyqtgraph's plots paint with the raster engine.
    "*/opengl32sw.dll",
    "*/d3dcompiler_47.dll",
    # Input from evdev devices and TUIO touch over the network: loaded only when asked for
    # (QT_QPA_GENERIC_PLUGINS, -plugin) or by the framebuffer platforms below.
    "*/plugins/generic/*",
    # Linux platforms for embedded devices, kiosks and remote screens (EGL full screen, the
    # framebuffer, Vulkan display, VNC) and their EGL device integrations. Kept: xcb (X11, with
    # its GLX and EGL integrations), wayland (xdg-shell), offscreen (the smoke tests), minimal.
    "*/plugins/platforms/libqeglfs.so",
    "*/plugins/platforms/libqlinuxfb.so",
    "*/plugins/platforms/libqminimalegl.so",
    "*/plugins/platforms/libqvkkhrdisplay.so",
    "*/plugins/platforms/libqvnc.so",
    "*/plugins/egldeviceintegrations/*",
    # The GTK3 platform theme links the host's GTK3 (never bundled: it would load whatever GTK
    # the laptop has against the bundle's GLib) and drags in GIO, Cairo, Pango and HarfBuzz. The
    # XDG desktop portal theme stays (native file dialogs under Flatpak-style desktops).
    "*/plugins/platformthemes/libqgtk3.so",
    # Wayland shells other than xdg-shell (every desktop compositor speaks it) and the server-
    # side buffer integrations, which only clients of a Qt Wayland compositor use.
    "*/plugins/wayland-shell-integration/libfullscreen-shell-v1.so",
    "*/plugins/wayland-shell-integration/libivi-shell.so",
    "*/plugins/wayland-shell-integration/libqt-shell.so",
    "*/plugins/wayland-shell-integration/libwl-shell-plugin.so",
    "*/plugins/wayland-graphics-integration-client/*-server.so",
    # pyqtgraph's logo in PNG (~1 MB): mkQApp() adds it to the window icon when pyqtgraph makes
    # the QApplication itself; Medido makes its own first, so mkQApp() never reads them.
    "pyqtgraph/icons/peegee/*.png",
)

# Image formats Medido reads: its icons are SVG. The others are dead weight (pdf drags in QtPdf).
KEPT_IMAGE_FORMATS: tuple[str, ...] = ("qsvg",)

# Qt's own translations (standard buttons, dialogs): only the languages the app offers.
KEPT_QT_TRANSLATIONS: tuple[str, ...] = ("qtbase_es.qm", "qtbase_en.qm")


# PyInstaller runtime hooks that run at every start for something Medido never does.
# pyi_rth_multiprocessing imports multiprocessing (pickle, socket, subprocess: about 20 ms of
# the frozen start) so that a frozen app can spawn worker processes; Medido never starts one
# (uvicorn runs in-process, without workers or reload; tests/packaging/test_bundle_contents.py
# keeps app/ free of multiprocessing). uvicorn still imports the module, which works without it.
UNUSED_RUNTIME_HOOKS: tuple[str, ...] = ("pyi_rth_multiprocessing",)


def without_unused_hooks[T: tuple[str, ...]](scripts: list[T]) -> list[T]:
    """An Analysis's scripts (entry point and runtime hooks) less UNUSED_RUNTIME_HOOKS."""
    return [entry for entry in scripts if entry[0] not in UNUSED_RUNTIME_HOOKS]


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every (source file, folder in the bundle) pair; a pattern that matches nothing raises."""
    pairs: list[tuple[str, str]] = []
    for pattern, destination in DATA_GLOBS:
        matches = sorted(p for p in root.glob(pattern) if p.is_file() and not is_left_out(p, root))
        if not matches:
            raise FileNotFoundError(f"bundle data pattern {pattern!r} matches no file in {root}")
        pairs.extend((str(path), destination) for path in matches)
    return pairs


def is_left_out(path: Path, root: Path = ROOT) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(fnmatch.fnmatch(relative, pattern) for pattern in LEFT_OUT)


def hidden_imports(platform: str = sys.platform) -> list[str]:
    extra = WINDOWS_HIDDEN_IMPORTS if platform == "win32" else ()
    return [*HIDDEN_IMPORTS, *extra]


def is_unwanted_binary(destination: str) -> bool:
    """True for a collected file (its path inside the bundle) that the folder can do without."""
    path = destination.replace("\\", "/").lower()
    folder, _, name = path.rpartition("/")
    if folder.endswith("/plugins/imageformats"):
        return not any(kept in name for kept in KEPT_IMAGE_FORMATS)
    if folder.startswith("pyside6/") and folder.endswith("/translations"):
        return name not in KEPT_QT_TRANSLATIONS
    return any(fnmatch.fnmatch(path, pattern) for pattern in UNWANTED_BINARIES)
