"""Tokens over real HTTP: refresh, the seed's claims, and every way a token must be refused."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import replace

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.emulator.server import EmulatorServer
from app.emulator.tokens import new_signing_key
from app.emulator.world import default_world
from tests.emulator.seed import SEED_ACCESS_TOKEN, SEED_REFRESH_TOKEN, assert_error, bearer
from tests.fixtures.emulator import EmulatorFactory


def refresh(emu: EmulatorServer, token: str) -> httpx.Response:
    return httpx.post(f"{emu.base_url}/auth/token/refresh", json={"refreshToken": token})


def device_29(emu: EmulatorServer, access: str) -> httpx.Response:
    return httpx.get(f"{emu.base_url}/devices/number/29", headers=bearer(access))


def b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_refresh_gives_a_new_pair_with_the_seed_claims(emulator: EmulatorServer) -> None:
    before = int(time.time())
    r = refresh(emulator, emulator.issue_refresh_token("2"))
    assert r.status_code == 200
    pair = r.json()
    assert set(pair) == {"accessToken", "refreshToken"}
    for name, lifetime in (("accessToken", 10_800), ("refreshToken", 5_184_000)):
        token = pair[name]
        assert jwt.get_unverified_header(token)["alg"] == "RS256"
        claims = jwt.decode(token, options={"verify_signature": False})
        assert set(claims) == {"jti", "iat", "exp", "aud", "iss", "sub"}
        assert (claims["aud"], claims["sub"], claims["iss"]) == ("1", "2", "Provider Auth Server")
        assert claims["exp"] - claims["iat"] == lifetime
        assert before - 1 <= claims["iat"] <= time.time() + 1
    assert device_29(emulator, pair["accessToken"]).status_code == 200
    # Without strict rotation the new refresh token works, and so does the old one.
    assert refresh(emulator, pair["refreshToken"]).status_code == 200
    stats = httpx.get(f"{emulator.root_url}/_emulator/stats").json()
    assert (stats["refreshes"], stats["refresh_attempts"]) == (2, 2)


def test_the_seed_documents_own_tokens_are_refused(emulator: EmulatorServer) -> None:
    assert_error(refresh(emulator, SEED_REFRESH_TOKEN), 401)
    assert_error(device_29(emulator, SEED_ACCESS_TOKEN), 401)
    stats = httpx.get(f"{emulator.root_url}/_emulator/stats").json()
    assert (stats["refreshes"], stats["refresh_attempts"]) == (0, 1)


def test_expired_access_token_is_401(emulator: EmulatorServer) -> None:
    assert device_29(emulator, emulator.issue_access_token(lifetime_s=30)).status_code == 200
    body = assert_error(device_29(emulator, emulator.issue_access_token(lifetime_s=0)), 401)
    assert "expirado" in body["message"]


def test_tampered_payload_with_the_original_signature_is_401(emulator: EmulatorServer) -> None:
    header, _payload, signature = emulator.issue_access_token("8").split(".")
    claims = jwt.decode(emulator.issue_access_token("8"), options={"verify_signature": False})
    claims.update(aud="1", sub="2")  # try to become provider 1
    assert_error(device_29(emulator, f"{header}.{b64(claims)}.{signature}"), 401)


def test_a_token_signed_by_another_key_is_401(emulator: EmulatorServer) -> None:
    genuine = jwt.decode(emulator.issue_access_token(), options={"verify_signature": False})
    forged = jwt.encode(genuine, new_signing_key(), algorithm="RS256")
    assert_error(device_29(emulator, forged), 401)


def test_alg_none_and_hs256_with_the_public_key_are_401(emulator: EmulatorServer) -> None:
    claims = jwt.decode(emulator.issue_access_token(), options={"verify_signature": False})
    unsigned = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."
    assert_error(device_29(emulator, unsigned), 401)
    # The classic confusion attack: HMAC-sign with the server's public key as the secret.
    public_pem = emulator.state.tokens.public_key.public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo
    )
    header = b64({"alg": "HS256", "typ": "JWT"})
    signing_input = f"{header}.{b64(claims)}".encode()
    mac = hmac.new(public_pem, signing_input, hashlib.sha256).digest()
    sig = base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
    assert_error(device_29(emulator, f"{header}.{b64(claims)}.{sig}"), 401)


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Basic dXNlcjpwYXNz", "Bearer not-a-jwt", "Bearer a.b.c"],
)
def test_missing_or_malformed_authorization_is_401(
    emulator: EmulatorServer, header: str | None
) -> None:
    headers = {"Authorization": header} if header is not None else {}
    r = httpx.get(f"{emulator.base_url}/server-time", headers=headers)
    assert_error(r, 401)


def test_access_and_refresh_tokens_are_not_interchangeable(emulator: EmulatorServer) -> None:
    assert_error(refresh(emulator, emulator.issue_access_token()), 401)
    assert_error(device_29(emulator, emulator.issue_refresh_token()), 401)


@pytest.mark.parametrize("body", [{}, {"refreshToken": 5}, [], {"token": "x"}])
def test_a_bad_refresh_body_is_422(emulator: EmulatorServer, body: object) -> None:
    r = httpx.post(f"{emulator.base_url}/auth/token/refresh", json=body)
    assert_error(r, 422)


def test_revoked_access_tokens_are_401_and_refresh_still_works(emulator: EmulatorServer) -> None:
    old = emulator.issue_access_token()
    refresh_token = emulator.issue_refresh_token()
    r = httpx.post(f"{emulator.root_url}/_emulator/revoke-access-tokens")
    assert r.json() == {"revoked": 1}
    assert "revocado" in assert_error(device_29(emulator, old), 401)["message"]
    fresh = refresh(emulator, refresh_token).json()["accessToken"]
    assert device_29(emulator, fresh).status_code == 200


def test_strict_rotation_reuse_revokes_the_family(emulator_factory: EmulatorFactory) -> None:
    emu = emulator_factory(replace(default_world(), strict_refresh_rotation=True))
    original = emu.issue_refresh_token()
    bystander = emu.issue_refresh_token()  # another chain: must survive
    first = refresh(emu, original).json()
    second = refresh(emu, first["refreshToken"]).json()
    assert device_29(emu, second["accessToken"]).status_code == 200

    reuse = refresh(emu, first["refreshToken"])  # spent: the chain is burnt
    assert "utilizado" in assert_error(reuse, 401)["message"]
    assert_error(refresh(emu, second["refreshToken"]), 401)
    assert_error(device_29(emu, second["accessToken"]), 401)
    assert_error(device_29(emu, first["accessToken"]), 401)
    assert refresh(emu, bystander).status_code == 200


def test_token_lifetimes_come_from_the_world(emulator_factory: EmulatorFactory) -> None:
    emu = emulator_factory(
        replace(default_world(), access_token_lifetime_s=5, refresh_token_lifetime_s=50)
    )
    pair = refresh(emu, emu.issue_refresh_token()).json()
    for name, lifetime in (("accessToken", 5), ("refreshToken", 50)):
        claims = jwt.decode(pair[name], options={"verify_signature": False})
        assert claims["exp"] - claims["iat"] == lifetime


def test_tokens_of_one_emulator_do_not_open_another(emulator_factory: EmulatorFactory) -> None:
    a, b = emulator_factory(), emulator_factory()
    assert_error(refresh(b, a.issue_refresh_token()), 401)
    assert_error(device_29(b, a.issue_access_token()), 401)


def test_a_token_expiring_on_the_server_clock_is_401(emulator_factory: EmulatorFactory) -> None:
    """Expiry is judged by the server's clock, which may run ahead of the laptop's."""
    emu = emulator_factory(replace(default_world(), clock_offset_s=-3600))
    token = emu.issue_access_token(lifetime_s=600)  # exp is 50 min in the laptop's past
    assert device_29(emu, token).status_code == 200
    emu.state.clock.offset_s = 0
    assert_error(device_29(emu, token), 401)
