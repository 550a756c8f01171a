"""One verdict per connection state: the GUI's status bar, sidebar and account box all show it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.api import EXPIRY_WARNING, ApiState, ApiStatus, ApiVerdict

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def status(state: ApiState, refresh_left: timedelta | None = timedelta(days=60)) -> ApiStatus:
    expires = NOW + refresh_left if refresh_left is not None else None
    return ApiStatus(state, access_expires_at=NOW + timedelta(hours=1), refresh_expires_at=expires)


@pytest.mark.parametrize(
    ("state", "verdict"),
    [
        (ApiState.LOGGED_OUT, ApiVerdict.IDLE),
        (ApiState.LOGGING_IN, ApiVerdict.BUSY),
        (ApiState.READY, ApiVerdict.OK),
        (ApiState.REFRESHING, ApiVerdict.OK),  # routine: the access token renews itself
        (ApiState.OFFLINE, ApiVerdict.WARNING),  # may pass by itself
        (ApiState.TOKEN_EXPIRED, ApiVerdict.ERROR),
        (ApiState.ERROR, ApiVerdict.ERROR),
    ],
)
def test_each_state_has_one_verdict(state: ApiState, verdict: ApiVerdict) -> None:
    assert status(state).verdict(NOW) is verdict


@pytest.mark.parametrize("state", [ApiState.READY, ApiState.REFRESHING])
def test_a_refresh_token_near_its_end_is_a_warning_while_logged_in(state: ApiState) -> None:
    assert status(state, EXPIRY_WARNING - timedelta(seconds=1)).verdict(NOW) is (
        ApiVerdict.EXPIRES_SOON
    )
    assert status(state, EXPIRY_WARNING).verdict(NOW) is ApiVerdict.OK
    assert status(state, -timedelta(minutes=1)).verdict(NOW) is ApiVerdict.EXPIRES_SOON


def test_the_verdict_follows_the_clock() -> None:
    ready = status(ApiState.READY, timedelta(days=10))
    assert ready.verdict(NOW) is ApiVerdict.OK
    assert ready.verdict(NOW + timedelta(days=3, seconds=1)) is ApiVerdict.EXPIRES_SOON


def test_an_unknown_refresh_expiry_is_not_a_warning() -> None:
    assert status(ApiState.READY, None).verdict(NOW) is ApiVerdict.OK
    assert not status(ApiState.READY, None).refresh_expires_soon(NOW)


def test_states_that_need_attention_keep_their_verdict_near_the_end() -> None:
    """Expiring soon adds nothing to a state that is already worse, or not logged in."""
    soon = timedelta(days=1)
    assert status(ApiState.OFFLINE, soon).verdict(NOW) is ApiVerdict.WARNING
    assert status(ApiState.ERROR, soon).verdict(NOW) is ApiVerdict.ERROR
    assert status(ApiState.LOGGING_IN, soon).verdict(NOW) is ApiVerdict.BUSY
    assert status(ApiState.LOGGED_OUT, soon).verdict(NOW) is ApiVerdict.IDLE
