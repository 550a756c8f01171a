"""read_bundle: a round trip, and clear refusals of what is not a bundle Medido can read."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.core.support.bundle import BundleContents, BundleError, read_bundle, write_bundle

SITE = {
    "api": {"base_url": "https://x/api/v1", "provider": "p", "gateway": "2"},
    "device": {"id": 7, "number": "29", "sensors": []},
    "meter": {"uri": "tcp://10.0.0.5:502?unit=1", "unit": 1, "profile_id": "a", "link": "tcp"},
}


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def _manifest(version: int = 1, fmt: str = "medido-bundle") -> str:
    return json.dumps({"format": fmt, "version": version, "app_version": "9.0", "files": []})


def test_what_is_written_reads_back(tmp_path: Path) -> None:
    contents = BundleContents(
        site=SITE,
        registers={"unit": 1, "reads": [{"function": 3, "address": 0, "count": 1, "words": [5]}]},
        profile='id = "a"  # ñ\n',
        check={"passed": True},
        settings={"ui/language": "es"},
        logs={"medido.log": "línea\n".encode(), "old/medido.log.1": b"x\n"},
    )
    path = write_bundle(tmp_path / "b.zip", contents)
    back = read_bundle(path)
    assert (back.site, back.registers, back.profile) == (SITE, contents.registers, contents.profile)
    assert (back.check, back.settings, back.logs) == (
        contents.check,
        contents.settings,
        contents.logs,
    )
    assert back.manifest["files"][0] == "manifest.json"


def test_only_the_site_is_needed(tmp_path: Path) -> None:
    back = read_bundle(_zip(tmp_path / "b.zip", {"manifest.json": _manifest(), "site.json": "{}"}))
    assert (back.site, back.registers, back.profile, back.check, back.logs) == (
        {},
        None,
        None,
        None,
        {},
    )


@pytest.mark.parametrize(
    ("files", "code", "says"),
    [
        (None, "bundle.not_zip", "not a zip file"),
        ({"readme.txt": "hi"}, "bundle.not_bundle", "not a Medido diagnostics bundle"),
        ({"manifest.json": _manifest(fmt="other")}, "bundle.not_bundle", "no Medido manifest"),
        ({"manifest.json": "{"}, "bundle.damaged", "manifest.json is not valid JSON"),
        ({"manifest.json": _manifest(2), "site.json": "{}"}, "bundle.newer_version", "Update"),
        ({"manifest.json": _manifest()}, "bundle.no_site", "has no site.json"),
        ({"manifest.json": _manifest(), "site.json": "[]"}, "bundle.damaged", "not a JSON object"),
    ],
)
def test_what_is_not_a_readable_bundle_is_refused_with_a_clear_message(
    tmp_path: Path, files: dict[str, str] | None, code: str, says: str
) -> None:
    path = tmp_path / "site.zip"
    if files is None:
        path.write_text("just text\n")
    else:
        _zip(path, files)
    with pytest.raises(BundleError) as caught:
        read_bundle(path)
    assert caught.value.code == code
    assert caught.value.message.startswith("site.zip")
    assert says in caught.value.message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="does not exist") as caught:
        read_bundle(tmp_path / "nowhere.zip")
    assert caught.value.code == "bundle.missing"


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="could not be written") as caught:
        write_bundle(tmp_path / "nowhere" / "b.zip", BundleContents(site=SITE))
    assert caught.value.code == "bundle.unwritable"
