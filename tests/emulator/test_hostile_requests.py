"""What a scanner, a fuzzer or a careless script on the LAN can send, over real HTTP on loopback.

Every request gets a 4xx in the emulator's JSON shape, never a 500 or a reset connection, and
unknown paths do not grow the stats. Bodies over the size limit: test_body_limit.py; the admin
routes' inputs: test_admin_inputs.py.
"""

from __future__ import annotations

import socket
from urllib.parse import quote

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.emulator.network import OTHER_METHOD, OTHER_ROUTE
from app.emulator.server import EmulatorServer
from app.emulator.world import API_ENDPOINTS, API_PREFIX
from tests.emulator.hostile import (
    ANYWHERE,
    BODY,
    CONTENT_TYPE,
    FUZZ,
    ROUTED,
    connect,
    error_of,
    exchange,
)
from tests.emulator.seed import assert_error, bearer, measures

HTTP_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}
STATS_ROUTES = {API_PREFIX + e.split(" ", 1)[1] for e in API_ENDPOINTS} | {OTHER_ROUTE}


# --- Long ids: a 4,301-digit id was int()-ed, a ValueError, a 500 and a reset connection ----


@pytest.mark.parametrize("digits", [4301, 5000, 19, 10_000])
def test_a_huge_device_id_is_404_and_the_connection_stays_open(
    served: EmulatorServer, digits: int
) -> None:
    auth = bearer(served.issue_access_token())
    conn = connect(served)
    try:
        status, data = exchange(conn, "GET", f"{API_PREFIX}/devices/{'9' * digits}", None, auth)
        assert status == 404
        assert len(str(error_of(404, data)["message"])) < 120  # the id is cut in the message
        status, _ = exchange(conn, "GET", f"{API_PREFIX}/devices/29", None, auth)
        assert status == 200
    finally:
        conn.close()


def test_leading_zeros_still_name_the_meter(api: httpx.Client) -> None:
    assert api.get(f"{API_PREFIX}/devices/{'0' * 5000}29").json()["id"] == 29


def test_long_numbers_are_cut_in_messages(api: httpx.Client) -> None:
    body = assert_error(api.get(f"{API_PREFIX}/devices/number/{'x' * 10_000}"), 404)
    assert len(str(body["message"])) < 120
    body = assert_error(
        api.post(f"{API_PREFIX}/measurements", json=[measures("n" * 500_000, [1_700_000_000])]),
        404,
    )
    assert len(str(body["message"])) < 120


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /api/v1/devices/" + b"9" * 70_000,  # no end in sight, past h11's 16 KB
        b"GET /api/v1/devices/\xff HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /api/v1/measurements HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3\r\n\r\n",
    ],
    ids=["request-line-too-long", "not-ascii", "bad-content-length"],
)
def test_what_the_http_parser_refuses_is_a_json_400(
    served: EmulatorServer, request_bytes: bytes
) -> None:
    with socket.create_connection((served.host, served.port), timeout=10) as sock:
        sock.sendall(request_bytes)
        answer = b""
        while chunk := sock.recv(65536):  # the server closes after the 400
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ")
    assert b"content-type: application/json" in head.lower()
    error_of(400, body)


# --- No request makes a 500, and no request grows the stats ----------------------------------
@FUZZ
@example(  # the issue's example: int() of 4,301 digits was a ValueError, a 500, a reset
    request=("GET", f"{API_PREFIX}/devices/{'9' * 4301}"),
    query=None,
    body=None,
    content_type=None,
    token="valid",
)
@given(
    request=st.one_of(ROUTED, ANYWHERE),
    query=st.none() | st.text(max_size=30),
    body=BODY,
    content_type=CONTENT_TYPE,
    token=st.sampled_from(["valid", "valid", "valid", "none", "garbage"]),
)
def test_no_request_gets_a_500_or_a_new_stats_key(
    served: EmulatorServer,
    api: httpx.Client,
    request: tuple[str, str],
    query: str | None,
    body: bytes | None,
    content_type: str | None,
    token: str,
) -> None:
    method, path = request
    if path.startswith("/_emulator/") and method != "GET":
        method = "GET"
    url = path + ("?" + quote(query, safe="=&") if query is not None else "")
    headers = {} if content_type is None else {"Content-Type": content_type}
    if token != "valid":
        headers["Authorization"] = "" if token == "none" else "Bearer x.y.z"
    r = api.request(method, url, content=body, headers=headers)
    assert r.status_code < 500, r.text
    if r.status_code >= 400 and method != "HEAD":
        error_of(r.status_code, r.content)
    for key in served.state.stats_snapshot()["requests"]:
        verb, route = key.split(" ", 1)
        assert verb in HTTP_METHODS | {OTHER_METHOD}, key
        assert route in STATS_ROUTES, key


def test_scanned_paths_share_one_stats_key(served: EmulatorServer, api: httpx.Client) -> None:
    served.state.reset()
    for i in range(300):
        api.get(f"{API_PREFIX}/wp-admin/{i}.php")
        api.request(f"SCAN{i % 7}X", f"{API_PREFIX}/devices/{i}")
    requests = served.state.stats_snapshot()["requests"]
    assert requests == {
        f"GET {OTHER_ROUTE}": 300,
        f"{OTHER_METHOD} {API_PREFIX}/devices/{{id}}": 300,
    }
