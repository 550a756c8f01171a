"""Answers no honest server gives, over real loopback HTTP: each one is an ApiError and a sane
connection state, never a Python error or a client stuck "refreshing"."""

from __future__ import annotations

import asyncio
import base64
import json
import time

import pytest

from app.core.api import (
    ApiError,
    ApiState,
    ApiStatus,
    ApiTimeout,
    BrokenAnswer,
    CaptivePortal,
    ChileMedidoClient,
    OfflineError,
    Timeouts,
    UnexpectedAnswer,
)
from app.core.traffic import Direction, TrafficLog
from tests.core.api.conftest import ClientMaker
from tests.core.api.raw_server import Answer, RawServer, access_token, refresh_token, token

TIME = "GET /server-time"
REFRESH = "POST /auth/token/refresh"


def logged_in(make_client: ClientMaker, server: RawServer, **options: object) -> ChileMedidoClient:
    client = make_client(server.base_url, **options)
    client.use_tokens(refresh_token(), access_token())
    return client


@pytest.mark.parametrize(
    "body",
    [
        b'{"timestamp": 1e300}',
        b'{"timestamp": -1e18}',
        b'{"timestamp": NaN}',
        b'{"timestamp": -Infinity}',
        b'{"timestamp": 1' + b"0" * 400 + b"}",
        b'{"timestamp": "soon", "datetime": "0001-01-01T00:00:00+05:00"}',
        b'{"datetime": "9999-12-31T23:59:59-05:00"}',
        b'{"timestamp": [1583939118]}',
    ],
)
async def test_impossible_server_times_are_unexpected_answers(
    make_client: ClientMaker, body: bytes
) -> None:
    async with RawServer({TIME: Answer(body=body)}) as server:
        client = logged_in(make_client, server)
        with pytest.raises(UnexpectedAnswer, match="the server time") as caught:
            await client.server_time()
    assert caught.value.code == "unexpected_answer"
    assert client.status.state is ApiState.READY  # the link works; the answer was the problem


@pytest.mark.parametrize(
    "answer",
    [
        Answer(body=b'{"timestamp": 15839', close_delimited=True),  # the connection dropped
        Answer(body=b'{"timestamp": 15839'),  # a proxy passed on what it got
        Answer(body=b'[{"name": "Corriente', content_type="text/plain"),
        Answer(body=b'{"timestamp": 1583939118 garbled', content_type="application/json"),
    ],
)
async def test_cut_short_json_is_a_broken_answer_not_a_captive_portal(
    make_client: ClientMaker, answer: Answer
) -> None:
    traffic = TrafficLog()
    async with RawServer({TIME: answer}) as server:
        client = logged_in(make_client, server, traffic=traffic)
        with pytest.raises(BrokenAnswer, match="cut short or garbled") as caught:
            await client.server_time()
        assert server.count(TIME) == 3  # a GET is repeated: the next answer may arrive whole
    error = caught.value
    assert error.code == "answer_broken"
    assert not isinstance(error, CaptivePortal)
    assert "log in to the network" not in str(error)
    assert client.status.state is ApiState.OFFLINE
    assert client.status.error_code == "answer_broken"
    notes = [e.summary for e in traffic.entries() if e.direction is Direction.NOTE]
    assert any("answer cut short; trying again" in note for note in notes)


async def test_a_body_shorter_than_announced_is_a_broken_connection(
    make_client: ClientMaker,
) -> None:
    answer = Answer(body=b'{"timestamp": 15839', length=100)
    async with RawServer({TIME: answer}) as server:
        client = logged_in(make_client, server)
        with pytest.raises(OfflineError, match="broke off"):
            await client.server_time()


async def test_a_web_page_is_still_a_captive_portal(make_client: ClientMaker) -> None:
    page = Answer(body=b"<html><title>Hotel WiFi</title></html>", content_type="application/json")
    async with RawServer({TIME: page}) as server:
        client = logged_in(make_client, server)
        with pytest.raises(CaptivePortal):
            await client.server_time()
        assert server.count(TIME) == 1


async def test_a_trickling_server_is_given_up_on_at_the_deadline(
    make_client: ClientMaker,
) -> None:
    """One byte every 0.2 s never trips a 1 s read timeout; the call's deadline stops it."""
    slow = Answer(body=b'{"timestamp": 1583939118, "datetime": "2020-03-11"}', trickle=0.2)
    timeouts = Timeouts(connect=2.0, read=1.0, call=1.5)
    async with RawServer({TIME: slow}) as server:
        client = logged_in(make_client, server, timeouts=timeouts)
        start = time.monotonic()
        with pytest.raises(ApiTimeout, match=r"too slow: no whole answer within 1\.5 s") as caught:
            await client.server_time()
        elapsed = time.monotonic() - start
    assert 1.4 < elapsed < 3.0
    assert caught.value.code == "offline_timeout"
    assert caught.value.params["phase"] == "deadline"
    assert client.status.state is ApiState.OFFLINE


async def test_a_trickling_login_is_given_up_on_and_not_repeated(
    make_client: ClientMaker,
) -> None:
    body = json.dumps({"accessToken": access_token(), "refreshToken": refresh_token()})
    slow = Answer(body=body.encode(), trickle=0.05)  # about 40 s for the whole answer
    async with RawServer({REFRESH: slow}) as server:
        client = make_client(server.base_url, timeouts=Timeouts(read=1.0, call=1.0))
        with pytest.raises(ApiTimeout, match="too slow"):
            await client.login(refresh_token())
        assert server.count(REFRESH) == 1
    assert client.status.state is ApiState.OFFLINE


def _header_with(**fields: object) -> str:
    header = {"alg": "HS256", "typ": "JWT", **fields}
    return base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"=").decode()


def _odd_header_token() -> str:
    _, claims, signature = access_token().split(".")
    return f"{_header_with(kid=5)}.{claims}.{signature}"


@pytest.mark.parametrize(
    ("answer", "code", "state"),
    [
        (Answer.json({"refreshToken": "NEW"}), "unexpected_answer", ApiState.ERROR),
        (Answer.json({"accessToken": "garbage"}), "unexpected_answer", ApiState.ERROR),
        (Answer.json({"accessToken": 42}), "unexpected_answer", ApiState.ERROR),
        (Answer.json({"accessToken": _odd_header_token()}), "unexpected_answer", ApiState.ERROR),
        (Answer.json({"accessToken": token(-60)}), "unexpected_answer", ApiState.ERROR),
        (Answer.json([]), "unexpected_answer", ApiState.ERROR),
        (Answer.json(None), "unexpected_answer", ApiState.ERROR),
        (Answer(body=b'{"accessToken": "eyJhbGciOiJIUzI1'), "answer_broken", ApiState.OFFLINE),
        (Answer(status=301, body=b""), "captive_portal", ApiState.OFFLINE),
        (Answer.json({"message": "boom"}, status=500), "server_error", ApiState.ERROR),
    ],
)
async def test_a_failed_login_never_leaves_the_client_refreshing(
    make_client: ClientMaker, answer: Answer, code: str, state: ApiState
) -> None:
    async with RawServer({REFRESH: answer}) as server:
        client = make_client(server.base_url)
        seen: list[ApiStatus] = []
        client.state_changed.subscribe(seen.append)
        with pytest.raises(ApiError) as caught:
            await client.login(refresh_token())
        assert caught.value.code == code
        assert [s.state for s in seen] == [ApiState.LOGGING_IN, ApiState.REFRESHING, state]
        assert client.status.error_code == code
        # The server is fixed: the same client logs in.
        whole = {"accessToken": access_token(), "refreshToken": refresh_token()}
        server.routes[REFRESH] = Answer.json(whole)
        await client.refresh()
    assert client.status.state is ApiState.READY
    assert client.status.error_code is None


async def test_a_failed_refresh_mid_call_leaves_a_sane_state(make_client: ClientMaker) -> None:
    """The access token is refused (401), and the refresh answer has no new one."""
    routes = {
        TIME: Answer.json({"statusCode": 401, "message": "expired"}, status=401),
        REFRESH: Answer.json({"refreshToken": refresh_token()}),
    }
    async with RawServer(routes) as server:
        client = logged_in(make_client, server)
        with pytest.raises(UnexpectedAnswer, match="no usable access token"):
            await client.server_time()
    assert client.status.state is ApiState.ERROR
    assert client.status.error_code == "unexpected_answer"


async def test_a_login_given_up_by_its_caller_still_settles_the_state(
    make_client: ClientMaker,
) -> None:
    whole = {"accessToken": access_token(), "refreshToken": refresh_token()}
    slow = Answer(body=json.dumps(whole).encode(), delay=0.3)
    async with RawServer({REFRESH: slow}) as server:
        client = make_client(server.base_url)
        login = asyncio.create_task(client.login(refresh_token()))
        await asyncio.sleep(0.1)
        login.cancel()  # the window is being closed; the refresh goes on (its token is kept)
        with pytest.raises(asyncio.CancelledError):
            await login
        assert client.status.state is ApiState.REFRESHING
        await asyncio.sleep(0.5)
    settled: ApiState = client.status.state  # typed anew: mypy narrowed it to REFRESHING
    assert settled is ApiState.READY
    assert client.status.gateway == "2"
