"""FastAPI dependencies: the emulator's state and the caller behind the bearer token."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.emulator.errors import ApiError
from app.emulator.state import EmulatorState
from app.emulator.tokens import Principal, TokenRejected

# auto_error=False: a missing or non-Bearer header must give our 401 JSON, not FastAPI's.
_bearer = HTTPBearer(auto_error=False, description="accessToken de /auth/token/refresh")


async def get_state(request: Request) -> EmulatorState:
    state: EmulatorState = request.app.state.emulator
    return state


StateDep = Annotated[EmulatorState, Depends(get_state)]


async def current_principal(
    state: StateDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "Falta el encabezado Authorization: Bearer <accessToken>")
    try:
        return state.tokens.authenticate(credentials.credentials)
    except TokenRejected as exc:
        raise ApiError(401, str(exc)) from None


PrincipalDep = Annotated[Principal, Depends(current_principal)]
