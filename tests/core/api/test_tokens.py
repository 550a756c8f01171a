from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from app.core.api import InvalidToken, Token, TokenKind, clean_token_text, parse_token
from tests.core.api.seed import (
    SEED_ACCESS_PASTE,
    SEED_REFRESH,
    SEED_REFRESH_EXP,
    SEED_REFRESH_FROM_CURL,
    SEED_REFRESH_JTI,
    SEED_REFRESH_PASTE,
)

HMAC_KEY = "k" * 32


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "pasted",
    [
        SEED_REFRESH_PASTE,
        SEED_REFRESH_FROM_CURL,
        f"Bearer {SEED_REFRESH}",
        f"“{SEED_REFRESH}”",
        f"'{SEED_REFRESH}',\r\n",
        "\t".join(SEED_REFRESH[i : i + 50] for i in range(0, len(SEED_REFRESH), 50)),
    ],
)
def test_pasted_token_is_cleaned(pasted: str) -> None:
    assert clean_token_text(pasted) == SEED_REFRESH


def test_seed_refresh_token_claims() -> None:
    info = parse_token(SEED_REFRESH_PASTE)
    assert info.jti == SEED_REFRESH_JTI
    assert (info.provider, info.gateway) == ("1", "2")
    assert info.issuer == "Provider Auth Server"
    assert info.algorithm == "RS256"
    assert info.expires_at == datetime.fromtimestamp(SEED_REFRESH_EXP, UTC)
    assert info.expires_at.tzinfo is UTC
    assert info.lifetime == timedelta(days=60)
    assert info.kind is TokenKind.REFRESH
    assert info.expired()
    assert info.remaining(datetime(2020, 5, 9, tzinfo=UTC)) > timedelta(0)
    assert not info.expired(datetime(2020, 5, 10, 14, 41, 44, tzinfo=UTC))
    assert info.expired(datetime(2020, 5, 10, 14, 41, 45, tzinfo=UTC))


def test_seed_access_token_is_recognised_as_access() -> None:
    info = parse_token(SEED_ACCESS_PASTE)
    assert info.kind is TokenKind.ACCESS
    assert info.lifetime == timedelta(hours=3)


def test_token_text_never_in_repr_or_str() -> None:
    token = Token.parse(SEED_REFRESH_PASTE)
    assert token.value == SEED_REFRESH
    for shown in (repr(token), str(token), repr(token.info), str(token.info)):
        for segment in SEED_REFRESH.split("."):
            assert segment not in shown


def test_numbers_and_lists_in_claims_are_read_as_text() -> None:
    now = int(datetime.now(UTC).timestamp())
    text = jwt.encode({"exp": now + 60, "aud": ["1"], "sub": 2}, HMAC_KEY, algorithm="HS256")
    info = parse_token(text)
    assert (info.audience, info.subject, info.issued_at, info.jti) == ("1", "2", None, None)
    assert info.kind is TokenKind.UNKNOWN


def _garbage_cases() -> list[tuple[str, str]]:
    header = _b64(b'{"alg":"RS256","typ":"JWT"}')
    claims = _b64(b'{"exp":1,"iat":0}')
    no_exp = _b64(b'{"iat":0,"sub":"2"}')
    signature = _b64(bytes(128))
    return [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("my password", "segments"),
        ("a.b", "segments"),
        ("a.b.c.d", "segments"),
        (f"{header}.{claims}.{signature}!", "base64"),
        (f"{header}.cl@ims.{signature}", "base64"),
        (f"{_b64(b'not json')}.{claims}.{signature}", "header_json"),
        (f"{header}.{_b64(b'[1, 2]')}.{signature}", "claims_json"),
        (f"{header}.{no_exp}.{signature}", "no_exp"),
        (f"{header}.{_b64(b'{"exp": "soon"}')}.{signature}", "bad_exp"),
        (f"{header}.{claims}.{signature[:-30]}", "truncated"),
        (f".{claims}.{signature}", "segments"),
    ]


@pytest.mark.parametrize(("text", "reason"), _garbage_cases())
def test_garbage_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(InvalidToken) as caught:
        parse_token(text)
    error = caught.value
    assert error.params["reason"] == reason
    assert error.code == "token_invalid"
    assert "Paste the whole refresh token the ChileMedido administrator sent" in str(error)
    if len(text.strip()) > 3:
        assert text.strip() not in str(error)


def test_a_token_missing_its_last_pdf_line_is_called_cut_short() -> None:
    lines = SEED_REFRESH_PASTE.rstrip().splitlines()
    with pytest.raises(InvalidToken, match="cut short") as caught:
        parse_token("\n".join(lines[:-1]))
    assert caught.value.params["reason"] == "truncated"


def test_unsigned_token_is_readable() -> None:
    """`alg: none` is read like any other; refusing it is the server's job."""
    header = _b64(b'{"alg":"none"}')
    claims = _b64(b'{"exp":4102444800,"iat":4102441200,"sub":"2","aud":"1"}')
    info = parse_token(f"{header}.{claims}.")
    assert info.algorithm == "none"
    assert info.kind is TokenKind.ACCESS
