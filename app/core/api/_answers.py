"""Turning an HTTP answer into a result or an installer-sized error.

The server's own message is shown whatever shape its body has (JSON with "message", FastAPI's
"detail", plain text, an HTML page), and a body that is not JSON never crashes anything: on site
it usually means a Wi-Fi login page answered instead of ChileMedido.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from app.core.api._errors import (
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

_TITLE = re.compile(r"(?is)<title[^>]*>(.*?)</title>")
_TAG = re.compile(r"(?s)<[^>]+>")
_SPACE = re.compile(r"\s+")
_MESSAGE_MAX = 300
_PAGE_MAX = 64_000  # of a web page, enough to find its title
_PARTS_MAX = 50  # of a list of messages


class Call(StrEnum):
    """What was asked, which decides what a 403 or 404 means."""

    REFRESH = "refresh"
    DEVICE = "device"
    MEASUREMENTS = "measurements"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Reply:
    method: str
    path: str  # relative to the base URL
    status: int
    body: Any  # parsed JSON; None when empty or not JSON
    text: str  # the raw body, for messages
    is_json: bool
    location: str | None  # the Location header of a redirect
    sent_at: datetime  # local clock, around the attempt that produced this answer
    received_at: datetime
    broken: bool = False  # meant as JSON but not whole JSON: cut short or garbled on the way


def read_body(text: str, content_type: str) -> tuple[Any, bool, bool]:
    """(body, is_json, broken) of a raw answer. Broken is JSON that does not parse: declared
    as JSON or starting like it, and not a web page (that one is a captive portal's)."""
    start = text.lstrip()[:1]
    if not start:
        return None, False, False
    try:
        return json.loads(text), True, False
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python goes
        looks_like_json = "json" in content_type.lower() or start in ("{", "[")
        return None, False, looks_like_json and start != "<"


def json_text(value: object) -> str:
    """A JSON value as text for a message, whatever it holds (never raises)."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):  # huge ints, nested too deep
        return "(unreadable)"


def server_message(reply: Reply) -> str | None:
    """The server's own words, shortened; None when it said nothing."""
    if reply.is_json:
        found = _message_in(reply.body)
    else:
        page = reply.text[:_PAGE_MAX]  # the regexes stay quick whatever the body's size
        title = _TITLE.search(page)
        raw = title.group(1) if title else _TAG.sub(" ", page)
        found = html.unescape(raw)
    text = _SPACE.sub(" ", found or "").strip()
    if len(text) > _MESSAGE_MAX:
        text = text[: _MESSAGE_MAX - 1] + "…"
    return text or None


def _message_in(body: object) -> str | None:
    if body is None:
        return None
    if isinstance(body, str):
        return body
    if isinstance(body, Mapping):
        for key in ("message", "detail", "error_description", "errors", "error", "title"):
            if body.get(key):
                return _joined(body[key])
    return json_text(body)


def _joined(value: object, depth: int = 0) -> str:
    if isinstance(value, str):
        return value
    if depth > 2:  # deeper than any real error body: shown as JSON
        return json_text(value)
    if isinstance(value, list):
        return "; ".join(_joined(v, depth + 1) for v in value[:_PARTS_MAX])
    if isinstance(value, Mapping):
        for key in ("msg", "message", "detail"):
            if key in value:
                return _joined(value[key], depth + 1)
    return json_text(value)


def raise_for_answer(reply: Reply, call: Call, host: str, subject: str = "") -> None:
    """Raise the error this answer means; return quietly for a usable 2xx."""
    status = reply.status
    said = server_message(reply)
    if 300 <= status < 400:
        raise _redirect_error(reply, host)
    if reply.broken and status < 500 and status != 401:
        raise BrokenAnswer(
            f"The answer from {host} arrived cut short or garbled (it is not whole JSON): the "
            "connection may have dropped mid-answer, or a proxy on this network altered it. "
            "Try again; if it keeps happening, try another network (e.g. a phone's hotspot).",
            status=status,
            host=host,
        )
    if status == 511 or (status < 300 and not reply.is_json and reply.text.strip()):
        raise CaptivePortal(
            f"A web page answered instead of ChileMedido ({host}): this network probably wants a "
            "login first (hotel, airport or office Wi-Fi). Open a web browser, log in to the "
            "network, then try again.",
            status=status,
            server_message=said,
            host=host,
        )
    if status < 300:
        return
    kw: dict[str, Any] = {"status": status, "server_message": said}
    if status == 401 or (call is Call.REFRESH and status in (400, 403) and reply.is_json):
        raise _token_rejected(call, kw)
    if status < 500 and not reply.is_json and reply.text.strip():
        raise UnexpectedAnswer(
            f"A web page answered HTTP {status} instead of ChileMedido ({host}): a proxy or "
            "firewall on this network may be blocking it. Try another network (e.g. a phone's "
            "hotspot) or ask the network's administrator.",
            **kw,
        )
    if status == 403 and call in (Call.DEVICE, Call.MEASUREMENTS):
        raise NotYourMeter(
            f"The meter {subject or 'in this request'} belongs to another provider: this "
            "gateway's token cannot use it. Check the meter's id or number.",
            **kw,
        )
    if status == 404 and call in (Call.DEVICE, Call.MEASUREMENTS):
        raise MeterNotFound(
            f"ChileMedido has no meter {subject or 'with that number'} for this provider. Check "
            "it against the meter's registration on the platform (a number must match exactly, "
            "spaces and accents included).",
            **kw,
        )
    if status in (400, 422) and call is Call.MEASUREMENTS:
        raise RejectedMeasurement(
            "ChileMedido refused the measurements (nothing from this request was stored).", **kw
        )
    if status >= 500:
        raise ServerError(
            f"ChileMedido ({host}) had a problem (HTTP {status}). Nothing is lost: try again in "
            "a few minutes; if it persists, contact ChileMedido support.",
            **kw,
        )
    if status == 404:
        raise UnexpectedAnswer(
            f"The server at {host} has no {reply.path} (HTTP 404): check the API address in "
            "the connection settings.",
            **kw,
        )
    raise UnexpectedAnswer(
        f"ChileMedido answered {reply.method} {reply.path} with HTTP {status}, which Medido "
        "did not expect. Try again; if it persists, send the traffic log to support.",
        **kw,
    )


def _token_rejected(call: Call, kw: dict[str, Any]) -> ApiError:
    if call is Call.REFRESH:
        return TokenRejected(
            "ChileMedido refused the refresh token. It may have been replaced by a newer one "
            "(every login gives a new one), revoked, or be for another environment. Ask the "
            "ChileMedido administrator for a new refresh token.",
            **kw,
        )
    return TokenRejected(
        "ChileMedido refused the access token even after Medido got a new one. Log in again "
        "with the newest refresh token; if it keeps happening, contact ChileMedido support.",
        **kw,
    )


def _redirect_error(reply: Reply, host: str) -> ApiError:
    target = urlsplit(reply.location or "")
    if target.scheme == "https" and target.hostname == urlsplit(f"//{host}").hostname:
        return UnexpectedAnswer(
            f"The server at {host} only answers over https. Change the API address to start "
            "with https://.",
            status=reply.status,
        )
    return CaptivePortal(
        f"The network sent Medido to another page ({target.hostname or 'unknown'}) instead of "
        "ChileMedido: it probably wants a login first (hotel, airport or office Wi-Fi). Open a "
        "web browser, log in to the network, then try again.",
        status=reply.status,
        host=host,
    )
