"""TokenAuthority on its own: claims that only someone holding the server's key could forge."""

from __future__ import annotations

import time
import uuid
from typing import Any

import jwt
import pytest

from app.emulator.tokens import (
    ISSUER,
    Principal,
    TokenAuthority,
    TokenRejected,
    process_signing_key,
)

KEY = process_signing_key()


@pytest.fixture
def authority() -> TokenAuthority:
    return TokenAuthority(clock=time.time, access_lifetime_s=60, refresh_lifetime_s=600, key=KEY)


def signed(authority: TokenAuthority, **changes: Any) -> str:
    """A token signed with the authority's own key, from a genuine access token's claims."""
    claims = jwt.decode(authority.issue("access", "1", "2"), options={"verify_signature": False})
    claims.update(changes)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, KEY, algorithm="RS256")


def test_a_genuine_token_authenticates(authority: TokenAuthority) -> None:
    assert authority.authenticate(authority.issue("access", "1", "2")) == Principal("1", "2")


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"iss": "Someone Else"}, "InvalidIssuer"),
        ({"sub": None}, "MissingRequiredClaim"),
        ({"jti": str(uuid.uuid4())}, "desconocido"),  # well signed, never issued
        ({"exp": "tomorrow"}, "inválido"),
        ({"exp": int(time.time()) - 1}, "expirado"),
    ],
)
def test_forged_claims_are_rejected(
    authority: TokenAuthority, changes: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(TokenRejected, match=fragment) as info:
        authority.authenticate(signed(authority, **changes))
    assert "eyJ" not in str(info.value)  # messages never echo a token


def test_issuer_matches_the_seed() -> None:
    assert ISSUER == "Provider Auth Server"
