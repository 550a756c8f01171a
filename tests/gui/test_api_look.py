"""The API's verdict looks the same in the status bar, the sidebar and the account box."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.api import ApiState, ApiStatus, ApiVerdict
from app.gui.api_look import API_LOOKS, api_look
from app.gui.main_window import MainWindow
from app.gui.steps.connection.page import ConnectionPage
from app.gui.steps.step import StepState
from app.gui.widgets.tone_label import Tone


def status(state: ApiState, refresh_left: timedelta = timedelta(days=60)) -> ApiStatus:
    now = datetime.now(UTC)
    return ApiStatus(
        state,
        provider="1",
        gateway="2",
        access_expires_at=now + timedelta(hours=1),
        refresh_expires_at=now + refresh_left,
    )


def test_every_verdict_has_a_look() -> None:
    assert set(API_LOOKS) == set(ApiVerdict)


@pytest.mark.parametrize(
    ("shown", "icon", "tone"),
    [
        (status(ApiState.READY), StepState.OK, Tone.OK),
        (status(ApiState.READY, timedelta(days=2)), StepState.WARNING, Tone.WARNING),
        (status(ApiState.OFFLINE), StepState.WARNING, Tone.WARNING),
        (status(ApiState.TOKEN_EXPIRED), StepState.ERROR, Tone.ERROR),
        (status(ApiState.LOGGING_IN), StepState.BUSY, Tone.PLAIN),
        (ApiStatus(ApiState.LOGGED_OUT), StepState.NOT_STARTED, Tone.PLAIN),
    ],
)
def test_status_bar_sidebar_and_account_box_agree(
    window: MainWindow, shown: ApiStatus, icon: StepState, tone: Tone
) -> None:
    assert api_look(shown).icon is icon
    window.session.api_state_changed.emit(shown)
    assert window.status.api.state is icon
    assert window.sidebar.states["connection"] is icon
    page = window.pages["connection"]
    assert isinstance(page, ConnectionPage)
    assert page.account.state.tone is tone
