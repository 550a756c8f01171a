"""Request bodies over the size limit, over real HTTP on loopback: a JSON 413, sent with a
Content-Length or chunked, on a connection that stays usable; and the largest legal upload fits."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from app.emulator.dictionary import ALL_SENSOR_NAMES
from app.emulator.limits import MAX_BODY_BYTES
from app.emulator.server import EmulatorServer
from app.emulator.world import API_PREFIX
from tests.emulator.hostile import connect, error_of, exchange
from tests.emulator.seed import bearer, measures

TEN_MB = 10 * 1024 * 1024


def _ten_mb_chunks() -> Iterator[bytes]:
    """10 MB sent chunked (no Content-Length): counted as it arrives."""
    block = b" " * 65536
    for _ in range(TEN_MB // len(block)):
        yield block


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize(
    "path", [f"{API_PREFIX}/measurements", f"{API_PREFIX}/auth/token/refresh", "/_emulator/clock"]
)
def test_a_10_mb_body_is_413_and_the_connection_stays_usable(
    served: EmulatorServer, path: str, chunked: bool
) -> None:
    auth = bearer(served.issue_access_token())
    headers = auth | {"Content-Type": "application/json"}
    stored_before = len(served.state.measurements())
    conn = connect(served)
    try:
        body = _ten_mb_chunks() if chunked else b"[" + b" " * (TEN_MB - 2) + b"]"
        sock = conn.sock
        conn.request("POST", path, body=body, headers=headers, encode_chunked=chunked)
        response = conn.getresponse()
        assert response.status == 413
        assert response.getheader("content-type") == "application/json"
        assert "máximo" in str(error_of(413, response.read())["message"])
        assert conn.sock is sock
        status, _ = exchange(conn, "GET", f"{API_PREFIX}/devices/29", None, auth)
        assert status == 200
    finally:
        conn.close()
    assert len(served.state.measurements()) == stored_before
    assert served.state.clock.offset_s == 0


def test_the_largest_legal_upload_fits_under_the_limit(api: httpx.Client) -> None:
    """100 measures (the most one POST may hold) of every sensor, pretty-printed with ASCII
    escapes and long decimals: the limit must never refuse what the API accepts."""
    stamps = list(range(1_700_000_000, 1_700_000_000 + 50 * 60, 60))
    values = {name: -123456.78901234 for name in ALL_SENSOR_NAMES}
    body = [measures("29", stamps, **values), measures("30", stamps, **values)]
    data = json.dumps(body, indent=4, ensure_ascii=True).encode()
    assert 500_000 < len(data) < MAX_BODY_BYTES
    r = api.post(
        f"{API_PREFIX}/measurements", content=data, headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 201, r.text
