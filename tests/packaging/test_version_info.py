"""Windows version resources from pyproject's version (packaging/version_info.py)."""

from __future__ import annotations

import tomllib
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.scripts import PACKAGING, load

version_info = load("version_info")


def read_back(text: str) -> dict[str, Any]:
    """Evaluate the file the way PyInstaller does (eval with its class names in scope), with
    stand-ins that record what each structure was given."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct")
    scope = {name: record(name) for name in (*names, "VarFileInfo", "VarStruct")}
    info: dict[str, Any] = eval(text, scope)
    string_table = info["kids"][0]["args"][0][0]
    strings = {s["args"][0]: s["args"][1] for s in string_table["args"][1]}
    return {"ffi": info["ffi"], "strings": strings, "kids": info["kids"]}


def pyproject_version() -> str:
    with (PACKAGING.parent / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def test_the_version_is_pyprojects() -> None:
    assert version_info.project_version() == pyproject_version()
    assert version_info.project_version() == installed_version("medido")


@pytest.mark.parametrize("exe", ["GUI", "CLI"])
def test_the_resource_carries_the_version_and_names(exe: str) -> None:
    info = getattr(version_info, exe)
    version = pyproject_version()
    parsed = read_back(version_info.version_info_text(version, info))
    strings = parsed["strings"]
    assert strings["CompanyName"] == "Medido"
    assert strings["ProductName"] == "Medido"
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == f"{info.name}.exe"
    assert strings["FileDescription"]
    parts = [int(part) for part in version.split(".") if part.isdigit()]
    numbers = tuple([*parts, 0, 0, 0, 0][:4])
    assert parsed["ffi"]["filevers"] == parsed["ffi"]["prodvers"] == numbers
    assert parsed["kids"][1]["kind"] == "VarFileInfo"


def test_one_file_per_executable(tmp_path: Path) -> None:
    written = version_info.write_version_files(tmp_path / "out")
    assert set(written) == {"Medido", "medido-cli"}
    cli = read_back(written["medido-cli"].read_text(encoding="utf-8"))
    assert cli["strings"]["OriginalFilename"] == "medido-cli.exe"


def test_quotes_in_a_description_stay_text() -> None:
    odd = version_info.ExeInfo("odd", 'it\'s "quoted" and \\ back')
    assert read_back(version_info.version_info_text("1.0", odd))["strings"]["FileDescription"] == (
        odd.description
    )


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2026.11", (2026, 11, 0, 0))],
)
def test_version_numbers(text: str, numbers: tuple[int, ...]) -> None:
    assert version_info.version_numbers(text) == numbers


@pytest.mark.parametrize("text", ["dev", "70000.1"])
def test_versions_windows_cannot_hold(text: str) -> None:
    with pytest.raises(ValueError, match=text):
        version_info.version_numbers(text)


def test_a_folder_has_two_executables_on_windows_and_one_elsewhere() -> None:
    assert version_info.folder_executables("win32") == (version_info.GUI, version_info.CLI)
    assert version_info.folder_executables("linux") == (version_info.GUI,)
