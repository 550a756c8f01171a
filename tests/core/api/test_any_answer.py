"""Whatever JSON a server sends, every reader gives a typed value or an ApiError, nothing else."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from hypothesis import example, given
from hypothesis import strategies as st

from app.core.api import (
    ApiError,
    InvalidToken,
    Token,
    TokenInfo,
    UnexpectedAnswer,
    refresh_margin,
)
from app.core.api._answers import Call, Reply, raise_for_answer, read_body, server_message
from app.core.api._readers import (
    access_token_from_json,
    device_from_json,
    sensor_names_from_json,
    server_time_from_json,
    upload_result_from_json,
)
from app.core.api._seconds import EPOCH, LATEST
from app.core.api._transport import _reply

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(2**70), 2**70)
    | st.floats()  # NaN and ±infinity included: Python's json reads them
    | st.sampled_from([1e300, -1e18, 1583939118, 1583939118021, 2**63, -1, 0])
    | st.text(max_size=30)
    | st.sampled_from(["29", "", " 29", "٢٩", "2020-03-11T15:05:18.021Z", "0001-01-01T00:00+05:00"])
)
FLAT = SCALARS | st.lists(SCALARS, max_size=3) | st.dictionaries(st.text(max_size=8), SCALARS)
# Two levels deep is enough to reach every reader's branches; DEEP covers nesting.
JSON = FLAT | st.lists(FLAT, max_size=3) | st.dictionaries(st.text(max_size=8), FLAT, max_size=3)


def objects(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Objects holding some of the fields a reader looks for (anything in them), or any JSON."""
    return st.fixed_dictionaries({}, optional=fields) | JSON


def anything(*keys: str) -> st.SearchStrategy[Any]:
    return objects(**dict.fromkeys(keys, JSON))


SENSOR = anything("name", "sensorName", "unit", "alias")
DEVICE = objects(id=JSON, number=JSON, sensors=st.lists(SENSOR, max_size=3) | JSON)
SENSOR_LIST = st.lists(SENSOR, max_size=3) | objects(data=st.lists(SENSOR, max_size=3))
SERVER_TIME = anything("timestamp", "datetime")
WARNING = anything("message", "warning", "detail")
UPLOAD = objects(success=JSON, warnings=st.lists(WARNING, max_size=3) | JSON)
MESSAGE = anything("msg", "message", "detail")
ERROR_BODY = objects(
    **dict.fromkeys(
        ("message", "detail", "error_description", "errors", "error", "title"),
        st.lists(MESSAGE, max_size=3) | JSON,
    )
)
DEEP = json.loads("[" * 900 + "]" * 900)  # as deep as the json module reads


@given(DEVICE)
@example({"id": 29, "number": "29", "sensors": [{"name": "Corriente A", "unit": ["A"]}]})
@example({"id": "99999999999999999999999", "number": 1e300})
def test_the_device_reader(body: Any) -> None:
    try:
        device = device_from_json(body)
    except UnexpectedAnswer:
        return
    assert 0 <= device.id < 2**63
    assert isinstance(device.number, str)
    assert device.number
    for sensor in device.sensors:
        assert isinstance(sensor.name, str)
        assert sensor.name
        assert sensor.unit is None or isinstance(sensor.unit, str)
        assert sensor.alias is None or isinstance(sensor.alias, str)


@given(SENSOR_LIST)
def test_the_sensor_dictionary_reader(body: Any) -> None:
    try:
        sensors = sensor_names_from_json(body)
    except UnexpectedAnswer:
        return
    assert all(isinstance(s.name, str) and s.name for s in sensors)


@given(SERVER_TIME)
@example({"timestamp": float("nan")})
@example({"timestamp": 1e300})
@example({"timestamp": -(10**18)})
@example({"timestamp": 10**400})
@example({"timestamp": "x", "datetime": "0001-01-01T00:00:00+05:00"})
@example({"timestamp": 1e9, "datetime": "9999-12-31T23:00:00-05:00"})
def test_the_server_time_reader(body: Any) -> None:
    try:
        answer = server_time_from_json(body, NOW, NOW + timedelta(milliseconds=50))
    except UnexpectedAnswer:
        return
    assert EPOCH <= answer.utc < LATEST
    assert answer.utc.tzinfo is not None
    assert isinstance(answer.timestamp, int)
    assert abs(answer.timestamp - answer.utc.timestamp()) < 1
    assert isinstance(answer.offset, timedelta)


@given(UPLOAD, st.integers(200, 299))
@example({"success": "false"}, 201)
@example({"warnings": [DEEP, 10**400]}, 201)
def test_the_upload_reader(body: Any, status: int) -> None:
    try:
        result = upload_result_from_json(body, status)
    except UnexpectedAnswer:
        return
    assert isinstance(result.success, bool)
    assert all(isinstance(w, str) and len(w) <= 500 for w in result.warnings)


def _reply_for(status: int, text: str, content_type: str) -> Reply:
    response = httpx.Response(status, text=text, headers={"Content-Type": content_type})
    return _reply("GET", "/devices/29", response, text, NOW, 0.01)


@given(
    status=st.integers(100, 599),
    body=ERROR_BODY | DEVICE | UPLOAD,
    cut=st.integers(0, 200),
    content_type=st.sampled_from(["application/json", "text/html", "text/plain", ""]),
    call=st.sampled_from(list(Call)),
)
@example(
    status=200, body={"message": DEEP}, cut=0, content_type="application/json", call=Call.OTHER
)
def test_any_answer_to_any_call_is_an_api_error_or_usable(
    status: int, body: Any, cut: int, content_type: str, call: Call
) -> None:
    try:
        text = json.dumps(body)
    except (ValueError, RecursionError):
        text = "[]"
    if cut:  # a body cut short on the way
        text = text[: max(1, len(text) - cut)]
    reply = _reply_for(status, text, content_type)
    said = server_message(reply)
    assert said is None or (isinstance(said, str) and len(said) <= 300)
    failed: ApiError | None = None
    try:
        raise_for_answer(reply, call, "in.chilemedido.cl", "29")
    except ApiError as error:
        failed = error
    if failed is not None:
        assert failed.code
        assert str(failed)
    else:  # usable: a 1xx/2xx whose body is JSON or nothing
        assert status < 300
        assert reply.is_json or not text.strip()


@given(st.text(max_size=200), st.sampled_from(["application/json", "text/html", ""]))
@example("[" * 100_000 + "]" * 100_000, "application/json")
@example('{"timestamp": 15839', "text/plain")
def test_any_text_is_read_or_called_broken_without_raising(text: str, content_type: str) -> None:
    _, is_json, broken = read_body(text, content_type)
    assert not (is_json and broken)
    if text.lstrip().startswith("<"):
        assert not broken  # a web page is a captive portal's, not a cut answer


def _segment(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def _token_text(header: Any, claims: Any, signature: bytes) -> str:
    try:
        text = f"{_segment(header)}.{_segment(claims)}."
    except (ValueError, RecursionError):
        return "x.y.z"  # not JSON at all: no server can send it inside a token
    return text + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


CLAIMS = st.fixed_dictionaries(
    {}, optional=dict.fromkeys(["exp", "iat", "jti", "aud", "sub", "iss"], JSON)
)
HEADERS = st.fixed_dictionaries(
    {"alg": st.sampled_from(["HS256", "RS256", "none"]) | JSON},
    optional=dict.fromkeys(["kid", "typ", "crit", "b64", "x5c"], JSON),
)


def _check_info(info: TokenInfo) -> None:
    """Everything the session and the GUI do with claims works, whatever they were."""
    assert EPOCH <= info.expires_at < LATEST
    assert info.issued_at is None or EPOCH <= info.issued_at < LATEST
    info.remaining(NOW)
    info.expired(NOW)
    assert info.kind
    for text in (info.jti, info.audience, info.subject, info.issuer, info.algorithm):
        assert text is None or isinstance(text, str)


@given(header=HEADERS, claims=CLAIMS, signature=st.binary(max_size=300))
@example(header={"alg": "HS256", "kid": 5}, claims={"exp": 2e9}, signature=bytes(32))
@example(header={"alg": "HS256"}, claims={"exp": 1e300, "iat": float("nan")}, signature=bytes(32))
@example(header={"alg": "HS256"}, claims={"exp": 2e9, "aud": DEEP}, signature=bytes(32))
def test_any_token_claims_are_read_or_refused(header: Any, claims: Any, signature: bytes) -> None:
    text = _token_text(header, claims, signature)
    try:
        token = Token.parse(text)
    except InvalidToken:
        pass
    else:
        _check_info(token.info)
        refresh_margin(token)
    try:
        access = access_token_from_json({"accessToken": text})
    except UnexpectedAnswer:
        return
    _check_info(access.info)


TOKENS = st.builds(_token_text, HEADERS, CLAIMS, st.binary(min_size=32, max_size=256)) | JSON
LOGIN = objects(accessToken=TOKENS, access_token=TOKENS, refreshToken=TOKENS)


@given(LOGIN)
def test_any_login_answer_gives_an_access_token_or_an_unexpected_answer(body: Any) -> None:
    try:
        access = access_token_from_json(body)
    except UnexpectedAnswer:
        return
    _check_info(access.info)


@given(st.text(max_size=300))
def test_any_pasted_text_is_a_token_or_refused(text: str) -> None:
    try:
        token = Token.parse(text)
    except InvalidToken as error:
        reason = error.params["reason"]
    else:
        _check_info(token.info)
        reason = "none: it is a token"
    assert reason
