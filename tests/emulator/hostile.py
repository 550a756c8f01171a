"""Helpers for the hostile-request tests: raw connections that show whether the server kept them,
and hypothesis strategies for what a scanner or a fuzzer sends (paths, methods, bodies)."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from urllib.parse import quote

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.emulator.dictionary import ALL_SENSOR_NAMES
from app.emulator.server import EmulatorServer
from app.emulator.world import API_PREFIX

# Hypothesis runs many requests against one server (the module fixtures of conftest.py), with no
# per-example deadline: CI shares two cores.
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def connect(emu: EmulatorServer) -> http.client.HTTPConnection:
    """One TCP connection that http.client keeps between requests (conn.sock shows it)."""
    conn = http.client.HTTPConnection(emu.host, emu.port, timeout=10)
    conn.connect()
    return conn


def exchange(
    conn: http.client.HTTPConnection,
    method: str,
    path: str,
    body: bytes | Iterator[bytes] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes]:
    """A request on `conn`, and the same socket afterwards: the server kept the connection."""
    sock = conn.sock
    conn.request(method, path, body=body, headers=headers or {}, encode_chunked=body is not None)
    response = conn.getresponse()
    data = response.read()
    assert conn.sock is sock, "the server closed the connection"
    return response.status, data


def error_of(status: int, data: bytes) -> dict[str, object]:
    body: dict[str, object] = json.loads(data)
    assert body["statusCode"] == status
    return body


SEGMENT = st.one_of(
    st.text(max_size=30),
    st.integers(0, 6000).map(lambda n: "9" * n),
    st.integers(4290, 4400).map(lambda n: "9" * n),  # around Python's int() limit of 4,300 digits
    st.sampled_from(["29", "30", "number", "..", ".", "%", "%00", "{id}", "-1", "1e5", "0x1d"]),
)
PREFIX = st.sampled_from(
    [
        f"{API_PREFIX}/devices/",
        f"{API_PREFIX}/devices/number/",
        f"{API_PREFIX}/measurements",
        f"{API_PREFIX}/auth/token/",
        f"{API_PREFIX}/server-time/",
        f"{API_PREFIX}/spec",
        f"{API_PREFIX}/",
        "/api/",
        "/",
        "/_emulator/",  # GET only: the admin routes that change state have their own tests
    ]
)
ROUTED = st.builds(  # a route's own parameter, any text: GET, as the API serves it
    lambda prefix, segment: ("GET", prefix + quote(segment, safe="")),
    st.sampled_from([f"{API_PREFIX}/devices/", f"{API_PREFIX}/devices/number/"]),
    SEGMENT,
)
ANYWHERE = st.tuples(  # any method, anything under a known prefix
    st.one_of(
        st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]),
        st.from_regex(r"[A-Z]{1,12}", fullmatch=True).filter(lambda m: m != "CONNECT"),
    ),
    st.builds(
        lambda prefix, segments, safe: prefix + "/".join(quote(s, safe=safe) for s in segments),
        PREFIX,
        st.lists(SEGMENT, max_size=3),
        st.sampled_from(["", "/", "/:@!$&'()*+,;="]),
    ),
)
KEYS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            *("deviceNumber", "measures", "timestamp", "sensorValues", "sensorName"),
            *("sensorValue", "refreshToken", "offsetSeconds"),
        ]
    ),
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.floats()  # NaN and infinities included: json.dumps writes them as NaN/Infinity
    | st.integers()
    | st.integers(-(10**300), 10**300)
    | st.text(max_size=20)
    | st.sampled_from(list(ALL_SENSOR_NAMES)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)
BIG_NUMBER_BODIES = [
    "N",
    "[N]",
    '{"refreshToken": N}',
    '{"offsetSeconds": N}',
    '[{"deviceNumber": "29", "measures": [{"timestamp": N, "sensorValues": '
    '[{"sensorName": "Corriente A", "sensorValue": N}]}]}]',
]
BODY = st.one_of(
    st.none(),
    st.binary(max_size=200),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.builds(  # integers longer than Python converts (4,300 digits), and floats past 1e308
        lambda template, number: template.replace("N", number).encode(),
        st.sampled_from(BIG_NUMBER_BODIES),
        st.sampled_from(["9" * 4301, "-" + "9" * 6000, "1e400", "1" + "0" * 400, "0.5e-400"]),
    ),
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * n),  # nested deeper than the parser
)
CONTENT_TYPE = st.sampled_from(
    [None, "application/json", "text/plain", "application/json; charset=latin-1", "x/y+json"]
)
