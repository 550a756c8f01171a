"""Windows version resources (an .exe's Properties > Details) from pyproject's version.

The spec writes one file per executable into PyInstaller's work folder at build time, so the
version is never typed twice. The text is the format PyInstaller reads back with eval()
(what `pyi-grab_version` prints); this module does not import PyInstaller so tests can run it.

    python packaging/version_info.py OUT_DIR     # writes Medido-version.txt, medido-cli-version.txt
    python packaging/version_info.py --print-version
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPANY = "Medido"
PRODUCT = "Medido"


@dataclass(frozen=True, slots=True)
class ExeInfo:
    """One executable of the bundle: its name (without .exe) and what Explorer shows for it."""

    name: str
    description: str

    @property
    def file_name(self) -> str:
        return f"{self.name}.exe"


GUI = ExeInfo("Medido", "Medido - commissioning tool for ChileMedido meters")
CLI = ExeInfo("medido-cli", "Medido command line (ChileMedido meter commissioning)")
EXECUTABLES: tuple[ExeInfo, ...] = (GUI, CLI)


def folder_executables(platform: str = sys.platform) -> tuple[ExeInfo, ...]:
    """The executables of a folder build. Windows needs a windowed one for the double-click and
    a console one for the command line; elsewhere there is no such difference, and `Medido`
    serves both (each executable embeds its own copy of the module archive)."""
    return EXECUTABLES if platform == "win32" else (GUI,)


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as f:
        version: str = tomllib.load(f)["project"]["version"]
    return version


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows keeps: "0.1.0" → (0, 1, 0, 0); "1.2.3rc1" → (1, 2, 3, 0)."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(part) if part else 0 for part in match.groups()]
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version {version!r}: Windows keeps each part in 16 bits")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_info_text(version: str, exe: ExeInfo) -> str:
    numbers = version_numbers(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": exe.description,
        "FileVersion": version,
        "InternalName": exe.name,
        "LegalCopyright": f"Copyright the {PRODUCT} authors",
        "OriginalFilename": exe.file_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    # 0x040904B0: U.S. English, Unicode (what Windows shows when no table matches the UI).
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{structs},
        ],
      ),
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""


def write_version_files(folder: Path, root: Path = ROOT) -> dict[str, Path]:
    """One version file per executable in `folder`; returns exe name → file."""
    folder.mkdir(parents=True, exist_ok=True)
    version = project_version(root)
    written: dict[str, Path] = {}
    for exe in EXECUTABLES:
        path = folder / f"{exe.name}-version.txt"
        path.write_text(version_info_text(version, exe), encoding="utf-8")
        written[exe.name] = path
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/version_info.py OUT_DIR | --print-version")
    if sys.argv[1] == "--print-version":
        print(project_version())
    else:
        for file in write_version_files(Path(sys.argv[1])).values():
            print(file)
