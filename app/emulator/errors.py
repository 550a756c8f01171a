"""Every error the emulator returns is JSON {"statusCode", "message", "error"} (NestJS style).

That includes FastAPI's own validation errors and unknown routes, so a client sees one shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException


class ApiError(Exception):
    """Raised by routes; becomes the JSON error shape. The message must hold no token."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# Pinned where Python's phrases changed between versions (3.13 says "Unprocessable Content").
_PHRASES = {422: "Unprocessable Entity", 413: "Payload Too Large"}


def error_body(status: int, message: str) -> dict[str, Any]:
    try:
        phrase = _PHRASES.get(status) or HTTPStatus(status).phrase
    except ValueError:  # a status Python does not name (e.g. an injected 520)
        phrase = "Error"
    return {"statusCode": status, "message": message, "error": phrase}


def error_response(
    status: int, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    extra = dict(headers or {})
    if status == 401:
        extra.setdefault("WWW-Authenticate", "Bearer")
    return JSONResponse(error_body(status, message), status_code=status, headers=extra or None)


def shorten(text: str, limit: int = 60) -> str:
    """Caller-supplied text for a message, cut at `limit` characters (an id can be 60 KB long)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_validation(errors: Sequence[Any]) -> str:
    """'[0].measures[1].sensorValues[2].sensorValue: Input should be a finite number; ...'"""
    parts = []
    for err in list(errors)[:5]:
        where = ""
        for item in err.get("loc", ()):
            if item in ("body", "path", "query"):
                continue
            where += f"[{item}]" if isinstance(item, int) else f".{item}"
        parts.append(f"{where.lstrip('.') or 'cuerpo'}: {err.get('msg', 'inválido')}")
    more = len(errors) - len(parts)
    return "; ".join(parts) + (f" (y {more} errores más)" if more > 0 else "")


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        message = "Ruta no encontrada"
    elif exc.status_code == 405:
        message = "Método no permitido en esta ruta"
    else:
        message = str(exc.detail)
    # Keep the framework's headers: a 405 must say which methods the route allows (Allow).
    return error_response(exc.status_code, message, exc.headers)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "El cuerpo no es JSON válido")
    return error_response(422, "Cuerpo inválido: " + describe_validation(errors))


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    return error_response(500, f"Error interno del emulador ({type(exc).__name__})")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
