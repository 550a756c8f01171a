"""`--demo` runs its emulator with strict rotation: the token the demo logs in with is spent by
the login, and only the client's newest refresh token still opens a session (the hand-back path)."""

from __future__ import annotations

import httpx
from pytestqt.qtbot import QtBot

from app.gui.demo import connect, start_world
from app.gui.session import Session
from tests.gui.conftest import on_loop

WAIT_MS = 8000


def refresh(base_url: str, token: str) -> int:
    return httpx.post(f"{base_url}/auth/token/refresh", json={"refreshToken": token}).status_code


def test_the_demo_hands_back_under_strict_rotation(qtbot: QtBot, session: Session) -> None:
    world = start_world(session)
    try:
        assert world.emulator.world.strict_refresh_rotation
        connect(session, world)
        qtbot.waitUntil(lambda: session.device is not None, timeout=WAIT_MS)
        client = session.api
        assert client is not None
        newest = on_loop(session.bridge, client.newest_refresh_token())
        assert newest is not None
        assert newest != world.refresh_token
        assert refresh(world.emulator.base_url, newest) == 200  # the one to hand back works
        assert refresh(world.emulator.base_url, world.refresh_token) == 401  # the pasted: spent
    finally:
        world.stop()
