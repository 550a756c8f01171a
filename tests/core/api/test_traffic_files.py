"""What a real login against the emulator leaves in the log folder: method, host, path, status
and timing in traffic.jsonl, and no token text (whole, in part, or anything JWT-shaped)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.logs import LOG_FILE, TRAFFIC_FILE, FileLogs, install_file_logs
from app.core.traffic import Channel, Direction, TrafficLog
from app.emulator.server import EmulatorServer
from tests.core.api.conftest import Admin, ClientMaker
from tests.core.api.test_secrets import fragments

JWT_SHAPED = re.compile(r"[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[FileLogs]:
    installed = install_file_logs(tmp_path / "logs")
    assert installed is not None
    yield installed
    installed.close()


async def test_a_login_leaves_requests_in_the_traffic_file_and_no_token(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin, logs: FileLogs
) -> None:
    traffic = TrafficLog()
    logs.follow(traffic)
    client = make_client(emulator.base_url, traffic=traffic)
    refresh = emulator.issue_refresh_token("2")
    await client.login(refresh)
    await admin.revoke_access_tokens()
    await client.device(29)  # 401, refresh, retry: every token in play goes past the log
    session = client._session  # the live tokens never leave the client otherwise
    tokens = [refresh, *(t.value for t in (session.access, session.refresh_token) if t)]
    logging.getLogger("app.test").warning("a careless line: Bearer %s %s", tokens[-1], refresh)
    logs.close()  # flushed and closed, as at exit

    lines = (logs.folder / TRAFFIC_FILE).read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    host = emulator.base_url.split("://", 1)[1].split("/", 1)[0]
    answers = [e for e in entries if e["direction"] == "in"]
    assert answers
    assert all(e["host"] == host and e["channel"] == "http" for e in entries)
    assert any(re.fullmatch(r"GET /devices/29 → 200 \(\d+ ms\)", e["summary"]) for e in answers)
    assert any(" → 401 (" in e["summary"] for e in answers)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", e["time"]) for e in entries)
    texts = [(logs.folder / name).read_text(encoding="utf-8") for name in (TRAFFIC_FILE, LOG_FILE)]
    assert "a careless line" in texts[1]
    for text in texts:
        assert "eyJ" not in text
        assert not JWT_SHAPED.search(text), JWT_SHAPED.search(text)
        for token in tokens:
            for piece in fragments(token):
                assert piece not in text


def test_the_files_rotate_at_the_size_limit(tmp_path: Path) -> None:
    logs = install_file_logs(tmp_path, max_bytes=2_000, backups=2)
    assert logs is not None
    traffic = TrafficLog()
    logs.follow(traffic)
    for n in range(100):
        traffic.record(Channel.MODBUS, Direction.OUT, f"unit 1 FC3 read {n}+2", "01 03 00 00")
    logs.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [TRAFFIC_FILE, f"{TRAFFIC_FILE}.1", f"{TRAFFIC_FILE}.2"]
    for path in tmp_path.iterdir():
        assert path.stat().st_size <= 2_000
    newest = (tmp_path / TRAFFIC_FILE).read_text().splitlines()
    assert json.loads(newest[-1])["summary"] == "unit 1 FC3 read 99+2"


def test_installing_again_moves_the_files(tmp_path: Path) -> None:
    first = install_file_logs(tmp_path / "a")
    second = install_file_logs(tmp_path / "b")
    assert first is not None
    assert second is not None
    logging.getLogger("app.test").warning("where am I")
    second.close()
    assert not (tmp_path / "a" / LOG_FILE).exists()
    assert "where am I" in (tmp_path / "b" / LOG_FILE).read_text()
