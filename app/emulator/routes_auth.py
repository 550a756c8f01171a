"""POST /auth/token/refresh: a refresh token in, a new access and refresh token out."""

from __future__ import annotations

from fastapi import APIRouter

from app.emulator.deps import StateDep
from app.emulator.errors import ApiError
from app.emulator.schemas import (
    BODY_ERROR_RESPONSES,
    ERROR_RESPONSES,
    RefreshRequest,
    TokenPair,
)
from app.emulator.tokens import TokenRejected
from app.emulator.world import API_PREFIX

router = APIRouter(prefix=API_PREFIX, tags=["Autenticación"])


@router.post("/auth/token/refresh", responses=ERROR_RESPONSES | BODY_ERROR_RESPONSES)
async def refresh_token(body: RefreshRequest, state: StateDep) -> TokenPair:
    """Exchange a refresh token for a new access token and a new refresh token."""
    try:
        pair = state.tokens.refresh(body.refreshToken)
    except TokenRejected as exc:
        state.stats.count_refresh(ok=False)
        raise ApiError(401, str(exc)) from None
    state.stats.count_refresh(ok=True)
    return TokenPair(accessToken=pair.access_token, refreshToken=pair.refresh_token)
