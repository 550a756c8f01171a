"""create_app(world): the emulator as a FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

from app.emulator import admin, routes_auth, routes_devices, routes_info, routes_measurements
from app.emulator.errors import install_error_handlers
from app.emulator.limits import MAX_BODY_BYTES, BodySizeLimit
from app.emulator.network import install_network
from app.emulator.state import EmulatorState
from app.emulator.world import World, default_world

DESCRIPTION = (
    "API de entrada de ChileMedido, emulada por Medido para pruebas. Todas las llamadas salvo "
    "/auth/token/refresh y /spec llevan `Authorization: Bearer <accessToken>`."
)


def create_app(world: World | None = None) -> FastAPI:
    """An emulator app with its own state (app.state.emulator: EmulatorState)."""
    app = FastAPI(
        title="ChileMedido — API de entrada (emulador)",
        version="1",
        description=DESCRIPTION,
        # The real API publishes its spec at /api/v1/spec only; no /docs, no /openapi.json.
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.state.emulator = EmulatorState(world if world is not None else default_world())
    install_error_handlers(app)
    install_network(app)
    # Added last, so it wraps the network middleware: an oversized body is refused at the door.
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    for module in (routes_auth, routes_devices, routes_info, routes_measurements, admin):
        app.include_router(module.router)
    return app
