"""The diagnostics bundle after a real session (emulator + simulator + login + a check with an
upload): every file of docs/bundle.md, and no token text anywhere in it."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from app.core.check.context import CheckContext
from app.core.meter.profile_loader import default_library
from app.core.support.bundle import BundleError, read_bundle, write_bundle
from app.core.support.collect import collect_bundle
from app.core.support.last_check import last_check_dir, remember_check
from app.emulator.server import EmulatorServer
from tests.core.check.conftest import RunCheck

JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
FORMAT_FILES = {
    "manifest.json",
    "site.json",
    "registers.json",
    "profile.toml",
    "check.json",
    "settings.json",
    "logs/medido.log",
    "logs/traffic.jsonl",
}


@pytest.fixture
async def session_bundle(
    run_check: RunCheck, emulator: EmulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[str]]:
    pasted = emulator.issue_refresh_token()
    run = await run_check(upload=True, token=pasted)
    ctx: CheckContext = run_check.last  # type: ignore[attr-defined]
    held = ctx.client._session  # the tokens the run ended with (rotated by the refresh)
    issued = [pasted, *(t.value for t in (held.refresh_token, held.access) if t is not None)]
    assert len(issued) == 3  # the pasted refresh token, the rotated one, the access token
    assert remember_check(ctx, run, site="Bodega Ñuñoa") == last_check_dir()

    # Logs that did not redact (an old version, a bug): the bundle must still hold no token.
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "medido.log").write_text(
        f"login with {issued[0]}\nAuthorization: Bearer {issued[2]}\n", encoding="utf-8"
    )
    (logs / "traffic.jsonl").write_text(
        json.dumps({"detail": json.dumps({"refresh_token": issued[1]})}) + "\n", encoding="utf-8"
    )
    settings = {
        "api/url": ctx.client.environment.base_url,
        "api/refresh_token": issued[1],
        "window/geometry": b"\x01\x02",
        "meter/uri": "tcp://127.0.0.1:1502?unit=1",
    }
    contents = collect_bundle(settings=settings, log_dir=logs)
    return write_bundle(tmp_path / "bundle.zip", contents), issued


async def test_the_bundle_has_every_file_and_no_token_text(
    session_bundle: tuple[Path, list[str]],
) -> None:
    path, issued = session_bundle
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == FORMAT_FILES
        for name in archive.namelist():
            data = archive.read(name)
            assert data, name
            data.decode("utf-8")  # every file UTF-8
            for token in issued:
                assert token.encode() not in data, name
                assert token[-20:].encode() not in data, name  # nor a piece of one
            assert not JWT.search(data), name
    raw = path.read_bytes()
    assert not any(t[-20:].encode() in raw for t in issued)


async def test_the_bundle_reads_back_as_the_site_last_seen(
    session_bundle: tuple[Path, list[str]],
) -> None:
    path, _ = session_bundle
    bundle = read_bundle(path)
    manifest = bundle.manifest
    assert (manifest["format"], manifest["version"]) == ("medido-bundle", 1)
    assert set(manifest["files"]) == FORMAT_FILES
    assert {"created_at", "app_version", "os", "python"} <= set(manifest)
    site = bundle.site
    assert site["api"]["base_url"].startswith("http://127.0.0.1")
    assert site["api"]["provider"]
    assert site["api"]["gateway"]
    assert isinstance(site["api"]["server_clock_offset_s"], float)
    assert site["device"]["number"] == "29"
    assert isinstance(site["device"]["id"], int)
    assert {"name", "unit", "alias"} == set(site["device"]["sensors"][0])
    meter = site["meter"]
    assert (meter["unit"], meter["profile_id"], meter["link"]) == (1, "eastron-sdm630", "tcp")
    assert meter["uri"].startswith("tcp://127.0.0.1:")
    registers = bundle.registers
    assert registers is not None
    assert registers["unit"] == 1
    assert all(r["words"] is not None and r["exception"] is None for r in registers["reads"])
    assert 4 in {r["function"] for r in registers["reads"]}  # the SDM630's input registers
    shipped = default_library().get("eastron-sdm630").path
    assert shipped is not None
    assert bundle.profile == shipped.read_text(encoding="utf-8")
    assert bundle.check is not None
    assert bundle.check["site"] == "Bodega Ñuñoa"
    assert bundle.settings == {
        "api/url": site["api"]["base_url"],
        "meter/uri": "tcp://127.0.0.1:1502?unit=1",
    }
    assert b"[redactado]" in bundle.logs["medido.log"]


def test_nothing_to_bundle_before_a_check() -> None:
    with pytest.raises(BundleError) as caught:
        collect_bundle()
    assert caught.value.code == "bundle.nothing"
    assert "run `medido check` first" in caught.value.message


def test_a_bundle_that_would_carry_a_token_is_not_written(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIyIn0").write_text("named after a token")
    (tmp_path / "data" / "last-check").mkdir(parents=True)
    (tmp_path / "data" / "last-check" / "site.json").write_text("{}")
    contents = collect_bundle(log_dir=logs)
    with pytest.raises(BundleError) as caught:
        write_bundle(tmp_path / "bundle.zip", contents)
    assert caught.value.code == "bundle.secret_found"
    assert not (tmp_path / "bundle.zip").exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".zip"] == []
