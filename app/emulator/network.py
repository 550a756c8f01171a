"""Middleware between the socket and the API: counts requests, adds latency, injects failures.

It runs before routing, so it finds the route template itself from the seed's endpoint list
("GET /api/v1/devices/{id}"): stats are keyed by it and failure rules match it (without the
/api/v1 prefix). A test checks that list against the app's real routes.

Stats keys come from a fixed set, whatever callers send: a path the API does not have counts
as "GET /api/v1/*", a method HTTP does not define as "OTHER". Keying by the raw path let every
scanned URL add an entry for good.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse
from starlette.routing import compile_path

from app.emulator.errors import error_response
from app.emulator.faults import CAPTIVE_PORTAL_HTML
from app.emulator.state import EmulatorState
from app.emulator.world import API_ENDPOINTS, API_PREFIX, FailureRule

CallNext = Callable[[Request], Awaitable[Response]]


_TEMPLATES = [
    (compile_path(API_PREFIX + template)[0], API_PREFIX + template)
    for template in dict.fromkeys(e.split(" ", 1)[1] for e in API_ENDPOINTS)
]


OTHER_ROUTE = API_PREFIX + "/*"
OTHER_METHOD = "OTHER"
_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}
)


def route_template(path: str) -> str | None:
    """ "/api/v1/devices/29" → "/api/v1/devices/{id}"; None for a path the API does not have."""
    return next((template for regex, template in _TEMPLATES if regex.match(path)), None)


def stats_key(method: str, path: str) -> str:
    """ "GET /api/v1/devices/{id}", "GET /api/v1/*" (unknown path), "OTHER /api/v1/spec"..."""
    return f"{method if method in _METHODS else OTHER_METHOD} {route_template(path) or OTHER_ROUTE}"


async def emulate_network(request: Request, call_next: CallNext) -> Response:
    path = request.url.path
    if not path.startswith(API_PREFIX + "/"):
        return await call_next(request)
    state: EmulatorState = request.app.state.emulator
    key = stats_key(request.method, path)
    state.stats.count_request(key)
    endpoint = key.replace(API_PREFIX, "", 1)  # "GET /devices/{id}", as failure rules name it
    delay = state.faults.latency_s(endpoint)
    if delay > 0:
        await asyncio.sleep(delay)
    rule = state.faults.take(endpoint)
    if rule is None:
        return await call_next(request)
    return await failure_response(rule, state)


async def failure_response(rule: FailureRule, state: EmulatorState) -> Response:
    if rule.kind == "html":
        return HTMLResponse(rule.message or CAPTIVE_PORTAL_HTML, status_code=rule.effective_status)
    if rule.kind == "timeout":
        # Sit on the request so the client gives up first; end early when the server stops.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(state.halt.wait(), rule.seconds)
        return error_response(rule.effective_status, rule.message or "Tiempo de espera agotado")
    return error_response(
        rule.effective_status, rule.message or "Servicio no disponible (falla inyectada)"
    )


def install_network(app: FastAPI) -> None:
    app.middleware("http")(emulate_network)
