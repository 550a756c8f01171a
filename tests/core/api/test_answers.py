"""What an answer means, whatever its body: JSON of any shape, text, HTML, nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from app.core.api import (
    ApiError,
    BrokenAnswer,
    CaptivePortal,
    MeterNotFound,
    NotYourMeter,
    RejectedMeasurement,
    ServerError,
    TokenRejected,
    UnexpectedAnswer,
)
from app.core.api._answers import Call, Reply, raise_for_answer, server_message
from app.core.api._transport import _reply

HOST = "in.chilemedido.cl"


def answer(status: int, body: object = None, *, text: str | None = None, **headers: str) -> Reply:
    raw = text if text is not None else ("" if body is None else json.dumps(body))
    response = httpx.Response(status, text=raw, headers=headers)
    return _reply("GET", "/devices/29", response, raw, datetime.now(UTC), 0.01)


@pytest.mark.parametrize(
    ("body", "text", "said"),
    [
        ({"statusCode": 404, "message": "No existe", "error": "Not Found"}, None, "No existe"),
        ({"message": ["a debe ser número", "b falta"]}, None, "a debe ser número; b falta"),
        ({"detail": [{"loc": ["body"], "msg": "field required"}]}, None, "field required"),
        ({"error": "invalid_grant", "error_description": "expired"}, None, "expired"),
        ("solo texto", None, "solo texto"),
        ([1, 2], None, "[1, 2]"),
        (None, "Bad Gateway\n", "Bad Gateway"),
        (None, "<html><title>Portal &amp; WiFi</title><p>x</p></html>", "Portal & WiFi"),
        (None, "<p>Hola   <b>mundo</b></p>", "Hola mundo"),
        (None, "", None),
    ],
)
def test_server_message_whatever_the_shape(body: object, text: str | None, said: str) -> None:
    assert server_message(answer(400, body, text=text)) == said


def test_server_message_is_shortened_and_redacted() -> None:
    token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0.c2lnbmF0dXJl"
    with pytest.raises(ApiError) as caught:
        raise_for_answer(answer(500, {"message": f"bad {token}"}), Call.OTHER, HOST)
    assert token not in str(caught.value)
    assert "eyJzdWIiOiIyIn0" not in str(caught.value)
    long = server_message(answer(400, {"message": "x" * 1000}))
    assert long is not None
    assert len(long) == 300


@pytest.mark.parametrize(
    ("status", "body", "call", "error"),
    [
        (401, {"message": "Token expirado"}, Call.DEVICE, TokenRejected),
        (401, None, Call.REFRESH, TokenRejected),
        (400, {"message": "refreshToken must be a string"}, Call.REFRESH, TokenRejected),
        (403, {"message": "otro proveedor"}, Call.DEVICE, NotYourMeter),
        (403, {"message": "otro proveedor"}, Call.MEASUREMENTS, NotYourMeter),
        (404, {"message": "no existe"}, Call.DEVICE, MeterNotFound),
        (404, {"message": "no registrado"}, Call.MEASUREMENTS, MeterNotFound),
        (404, {"message": "Ruta no encontrada"}, Call.OTHER, UnexpectedAnswer),
        (404, None, Call.DEVICE, MeterNotFound),
        (400, {"message": "máximo 100"}, Call.MEASUREMENTS, RejectedMeasurement),
        (422, {"detail": "inválido"}, Call.MEASUREMENTS, RejectedMeasurement),
        (500, {"message": "boom"}, Call.OTHER, ServerError),
        (503, None, Call.REFRESH, ServerError),
        (418, {"message": "teapot"}, Call.OTHER, UnexpectedAnswer),
        (200, None, Call.OTHER, None),
    ],
)
def test_status_mapping(
    status: int, body: object, call: Call, error: type[ApiError] | None
) -> None:
    reply = answer(status, body)
    if error is None:
        raise_for_answer(reply, call, HOST)
        return
    with pytest.raises(error) as caught:
        raise_for_answer(reply, call, HOST)
    assert caught.value.status == status
    said = server_message(reply)
    if said:
        assert said in str(caught.value)


@pytest.mark.parametrize(
    "reply",
    [
        answer(200, text="<html><title>Bienvenido a WiFi Obra</title></html>"),
        answer(200, text="OK, logged"),
        answer(511, text="<html>Network Authentication Required</html>"),
        answer(302, location="http://login.hotel.example/portal?next=x"),
    ],
)
def test_web_pages_instead_of_the_api_are_captive_portals(reply: Reply) -> None:
    with pytest.raises(CaptivePortal, match="Open a web browser, log in to the network"):
        raise_for_answer(reply, Call.DEVICE, HOST)


@pytest.mark.parametrize("call", [Call.REFRESH, Call.DEVICE, Call.MEASUREMENTS])
@pytest.mark.parametrize("status", [400, 403, 404])
def test_a_blocking_proxy_page_is_not_taken_for_the_api(call: Call, status: int) -> None:
    """A firewall's HTML "403 blocked" must not end the session or blame the meter."""
    reply = answer(status, text="<html><title>Access denied by FortiGuard</title></html>")
    with pytest.raises(UnexpectedAnswer, match="proxy or firewall") as caught:
        raise_for_answer(reply, call, HOST)
    assert caught.value.server_message == "Access denied by FortiGuard"


def test_redirect_to_https_on_the_same_host_says_use_https() -> None:
    reply = answer(301, location=f"https://{HOST}/api/v1/devices/29")
    with pytest.raises(UnexpectedAnswer, match="https://"):
        raise_for_answer(reply, Call.DEVICE, HOST)


@pytest.mark.parametrize("call", [Call.REFRESH, Call.DEVICE, Call.OTHER])
@pytest.mark.parametrize("status", [200, 201, 400, 403, 404])
@pytest.mark.parametrize(
    ("text", "content_type"),
    [
        ('{"timestamp": 15839', "application/json"),
        ('[{"name": "Corriente', "text/plain"),
        ("not json at all", "application/json; charset=utf-8"),
    ],
)
def test_json_cut_short_is_a_broken_answer(
    call: Call, status: int, text: str, content_type: str
) -> None:
    """Neither a captive portal, nor a refused token, nor a missing meter: the answer broke."""
    reply = answer(status, text=text, **{"Content-Type": content_type})
    assert reply.broken
    with pytest.raises(BrokenAnswer, match="cut short or garbled") as caught:
        raise_for_answer(reply, call, HOST)
    assert caught.value.code == "answer_broken"
    assert caught.value.status == status


def test_a_broken_answer_keeps_the_meaning_of_401_and_5xx() -> None:
    broken = {"Content-Type": "application/json"}
    with pytest.raises(TokenRejected):
        raise_for_answer(answer(401, text='{"message": "Unauth', **broken), Call.REFRESH, HOST)
    with pytest.raises(ServerError):
        raise_for_answer(answer(502, text='{"message": "Bad Gat', **broken), Call.OTHER, HOST)
