"""The admin routes' inputs, over real HTTP on loopback: the clock takes finite offsets only, so
tokens keep expiring; run-time failure rules are validated and bounded."""

from __future__ import annotations

import math
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given

from app.emulator.admin import MAX_ACTIVE_FAILURES
from app.emulator.server import EmulatorServer
from app.emulator.world import MAX_CLOCK_OFFSET_S
from tests.emulator.hostile import BODY, FUZZ, error_of
from tests.emulator.seed import assert_error, bearer


@pytest.fixture
def clean_clock(served: EmulatorServer) -> Iterator[EmulatorServer]:
    served.state.clock.offset_s = 0
    yield served
    served.state.clock.offset_s = 0


def set_clock(admin: httpx.Client, body: bytes) -> httpx.Response:
    return admin.post("/clock", content=body, headers={"Content-Type": "application/json"})


def tokens_still_expire(emu: EmulatorServer, client: httpx.Client) -> None:
    """An expired token is refused and a fresh one works, by the server's clock."""
    device = f"{emu.base_url}/devices/29"
    expired = emu.issue_access_token(lifetime_s=0)
    assert_error(client.get(device, headers=bearer(expired)), 401)
    assert client.get(device, headers=bearer(emu.issue_access_token())).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        b'{"offsetSeconds": NaN}',
        b'{"offsetSeconds": Infinity}',
        b'{"offsetSeconds": -Infinity}',
        b'{"offsetSeconds": 1e308}',
        b'{"offsetSeconds": -1e308}',
        b'{"offsetSeconds": 1e400}',
        b'{"offsetSeconds": 1' + b"0" * 400 + b"}",
        b'{"offsetSeconds": ' + b"9" * 5000 + b"}",
        b'{"offsetSeconds": ' + str(MAX_CLOCK_OFFSET_S + 1).encode() + b"}",
        b'{"offsetSeconds": "120"}',
        b'{"offsetSeconds": true}',
        b"NaN",
        b"120",
        b"not json",
        b"",
        b"\xff\xfe{}",
        b"[" * 100_000,
    ],
)
def test_the_clock_refuses_what_is_not_a_finite_offset(
    clean_clock: EmulatorServer, admin: httpx.Client, body: bytes
) -> None:
    emu = clean_clock
    token = emu.issue_access_token(lifetime_s=600)
    r = set_clock(admin, body)
    assert r.status_code in (400, 422)
    error_of(r.status_code, r.content)
    assert emu.state.clock.offset_s == 0
    tokens_still_expire(emu, admin)
    # and a legal move still works: ten minutes and a second later, the token has expired
    assert set_clock(admin, b'{"offsetSeconds": 601}').status_code == 200
    assert_error(admin.get(f"{emu.base_url}/devices/29", headers=bearer(token)), 401)


@FUZZ
@given(body=BODY)
def test_any_clock_body_leaves_a_finite_clock(
    served: EmulatorServer, admin: httpx.Client, body: bytes | None
) -> None:
    served.state.clock.offset_s = 0
    try:
        r = set_clock(admin, body or b"")
        assert r.status_code in (200, 400, 422), r.text
        offset = served.state.clock.offset_s
        assert math.isfinite(offset)
        assert abs(offset) <= MAX_CLOCK_OFFSET_S
        if r.status_code == 200:
            assert r.json() == {"offsetSeconds": offset}
        tokens_still_expire(served, admin)
    finally:
        served.state.clock.offset_s = 0


# --- Failure rules added at run time: validated, and bounded ---------------------------------


@FUZZ
@given(body=BODY)
def test_any_failures_body_is_200_or_refused(
    served: EmulatorServer, admin: httpx.Client, body: bytes | None
) -> None:
    try:
        r = admin.post("/failures", content=body or b"", headers={"Content-Type": "text/plain"})
        assert r.status_code in (200, 400, 422), r.text
        assert len(served.state.faults.active()) <= MAX_ACTIVE_FAILURES
    finally:
        admin.delete("/failures")


def test_failure_rules_are_bounded(served: EmulatorServer, admin: httpx.Client) -> None:
    rule = {"endpoint": "GET /server-time", "kind": "status", "status": 503}
    try:
        r = admin.post("/failures", json=[rule] * MAX_ACTIVE_FAILURES)
        assert r.json() == {"active": MAX_ACTIVE_FAILURES}
        assert_error(admin.post("/failures", json=rule), 422)
        assert len(served.state.faults.active()) == MAX_ACTIVE_FAILURES
    finally:
        admin.delete("/failures")
