"""The report: JSON, HTML and PDF from one real check run; no token in any of them; what comes
from outside is escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.core.check.context import CheckContext
from app.core.check.report import CheckReport, facts_for, write_report
from app.emulator.server import EmulatorServer
from tests.core.check.conftest import RunCheck

_JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")


@pytest.fixture
async def report_files(
    run_check: RunCheck, emulator: EmulatorServer, tmp_path: Path
) -> tuple[list[Path], list[str]]:
    token = emulator.issue_refresh_token()
    run = await run_check(upload=True, token=token)
    ctx: CheckContext = run_check.last  # type: ignore[attr-defined]
    facts = facts_for(ctx, site='Bodega <script>alert("x")</script> Ñuñoa', installer="Ana Pérez")
    files = write_report(CheckReport(facts, run), tmp_path / "reports")
    session = ctx.client._session  # the tokens the run ended with (rotated by the refresh)
    held = [t.value for t in (session.refresh_token, session.access) if t is not None]
    return files, [token, *held]


async def test_the_report_is_written_in_three_formats_without_any_token(
    report_files: tuple[list[Path], list[str]],
) -> None:
    files, issued = report_files
    assert sorted(p.suffix for p in files) == [".html", ".json", ".pdf"]
    assert len(issued) == 3  # the pasted refresh token, the rotated one, the access token
    for path in files:
        data = path.read_bytes()
        assert data, path
        for text in issued:
            assert text.encode() not in data, path
            assert text[-20:].encode() not in data, path  # nor a piece of one
        assert not _JWT.search(data), path


async def test_the_json_holds_every_step_the_upload_and_the_plot(
    report_files: tuple[list[Path], list[str]],
) -> None:
    files, _ = report_files
    body = json.loads(next(p for p in files if p.suffix == ".json").read_text("utf-8"))
    assert [s["id"] for s in body["steps"]] == [
        "api",
        "token",
        "device",
        "coverage",
        "meter",
        "wiring",
        "clock",
        "upload",
    ]
    upload = body["steps"][-1]["evidence"]
    assert upload["sent"][0]["deviceNumber"] == "29"
    assert upload["answer"]["status"] == 201
    assert body["meters"][0]["plot"]
    assert body["installer"] == "Ana Pérez"


async def test_the_html_escapes_what_came_from_outside(
    report_files: tuple[list[Path], list[str]],
) -> None:
    files, _ = report_files
    html = next(p for p in files if p.suffix == ".html").read_text("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<svg" in html  # the plot of the last minutes


async def test_the_pdf_is_a_pdf(report_files: tuple[list[Path], list[str]]) -> None:
    files, _ = report_files
    pdf = next(p for p in files if p.suffix == ".pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 3000
