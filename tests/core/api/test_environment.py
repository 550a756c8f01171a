from __future__ import annotations

import pytest

from app.core.api import (
    PRODUCTION_URL,
    Environment,
    EnvironmentKind,
    InvalidEnvironment,
    is_loopback_host,
)


def test_production_is_the_default_address() -> None:
    env = Environment.production()
    assert (env.kind, env.base_url) == (EnvironmentKind.PRODUCTION, PRODUCTION_URL)
    assert env.base_url == "https://in.chilemedido.cl/api/v1"
    assert env.warning is None
    assert not env.is_loopback


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  https://test.example.cl/api/v1/  ", "https://test.example.cl/api/v1"),
        ("HTTPS://Test.example.cl:8443/api/v1", "https://Test.example.cl:8443/api/v1"),
        ("http://127.0.0.1:8000/api/v1", "http://127.0.0.1:8000/api/v1"),
    ],
)
def test_custom_address_is_normalised(typed: str, expected: str) -> None:
    assert Environment.custom(typed).base_url == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("in.chilemedido.cl/api/v1", "scheme"),
        ("ftp://in.chilemedido.cl/api/v1", "scheme"),
        ("https:///api/v1", "scheme"),
        ("", "scheme"),
        ("https://in.chilemedido.cl:99999/api/v1", "port"),
        ("https://user:secret@in.chilemedido.cl/api/v1", "userinfo"),
        ("https://in.chilemedido.cl/api/v1?x=1", "query"),
    ],
)
def test_bad_addresses_are_refused_with_what_to_fix(typed: str, reason: str) -> None:
    with pytest.raises(InvalidEnvironment) as caught:
        Environment.custom(typed)
    assert caught.value.params["reason"] == reason
    assert caught.value.code == "bad_url"
    assert "secret" not in str(caught.value)


def test_plain_http_warns_only_off_loopback() -> None:
    remote = Environment.custom("http://test.example.cl/api/v1")
    assert remote.warning is not None
    assert "unencrypted" in remote.warning
    for host in ("127.0.0.1", "localhost", "[::1]"):
        local = Environment.emulator(f"http://{host}:8000/api/v1")
        assert local.is_loopback
        assert local.warning is None
    assert Environment.custom("http://test.example.cl:8080/api/v1").address == (
        "test.example.cl:8080"
    )


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("example.org", False),
    ],
)
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback
