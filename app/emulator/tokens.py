"""The emulated auth server: RS256 JWTs with the seed's claims, refresh, rotation, revocation.

Tokens carry exactly the seed's claims (jti, iat, exp, aud, iss, sub). Access and refresh tokens
look alike, so the authority remembers every jti it issued and what kind it was; a token it did
not issue (another emulator's, the seed's own) is unknown and rejected. Times come from the
server's clock, which may be offset from real time.
"""

from __future__ import annotations

import functools
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "Provider Auth Server"
_CLAIMS = ["jti", "iat", "exp", "aud", "iss", "sub"]
TokenKind = Literal["access", "refresh"]


class TokenRejected(Exception):
    """A token the server will not honour; the message is safe to show (it holds no token)."""


@dataclass(frozen=True, slots=True)
class Principal:
    provider: str  # aud
    gateway: str  # sub


@dataclass(slots=True)
class _Issued:
    kind: TokenKind
    family: str  # jti of the refresh token that started the chain
    provider: str
    gateway: str
    spent: bool = False  # refresh tokens under strict rotation
    revoked: bool = False  # access tokens after /_emulator/revoke-access-tokens


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str


def new_signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.cache
def process_signing_key() -> rsa.RSAPrivateKey:
    """One key per process: generating one takes 20-120 ms (more on a busy machine), too slow for
    every test's emulator. Emulators still reject each other's tokens: jtis are per instance."""
    return new_signing_key()


class TokenAuthority:
    def __init__(
        self,
        *,
        clock: Callable[[], float],
        access_lifetime_s: int,
        refresh_lifetime_s: int,
        strict_rotation: bool = False,
        key: rsa.RSAPrivateKey | None = None,
    ) -> None:
        self._clock = clock
        self.access_lifetime_s = access_lifetime_s
        self.refresh_lifetime_s = refresh_lifetime_s
        self.strict_rotation = strict_rotation
        self._key = key if key is not None else process_signing_key()
        self._issued: dict[str, _Issued] = {}
        self._revoked_families: set[str] = set()
        self._lock = threading.Lock()

    @property
    def public_key(self) -> rsa.RSAPublicKey:
        return self._key.public_key()

    def issue(
        self,
        kind: TokenKind,
        provider: str,
        gateway: str,
        *,
        family: str | None = None,
        lifetime_s: int | None = None,
    ) -> str:
        """Sign a new token; a refresh token without a family starts its own."""
        jti = str(uuid.uuid4())
        if lifetime_s is None:
            lifetime_s = self.access_lifetime_s if kind == "access" else self.refresh_lifetime_s
        iat = int(self._clock())
        claims = {
            "jti": jti,
            "iat": iat,
            "exp": iat + lifetime_s,
            "aud": provider,
            "iss": ISSUER,
            "sub": gateway,
        }
        with self._lock:
            self._issued[jti] = _Issued(kind, family or jti, provider, gateway)
        return jwt.encode(claims, self._key, algorithm="RS256")

    def authenticate(self, access_token: str) -> Principal:
        """The provider and gateway behind a valid access token."""
        claims = self._verify(access_token)
        with self._lock:
            record = self._record(claims, "access")
            if record.revoked:
                raise TokenRejected("El token de acceso fue revocado por el servidor")
        return Principal(record.provider, record.gateway)

    def refresh(self, refresh_token: str) -> TokenPair:
        """A new access token and a new refresh token, in the presented token's family."""
        claims = self._verify(refresh_token)
        with self._lock:
            record = self._record(claims, "refresh")
            if record.spent:
                # Reuse of a spent refresh token means it leaked: burn the whole chain.
                self._revoked_families.add(record.family)
                raise TokenRejected(
                    "Token de refresco ya utilizado; se revocaron todos los tokens de su cadena"
                )
            if self.strict_rotation:
                record.spent = True
        return TokenPair(
            access_token=self.issue(
                "access", record.provider, record.gateway, family=record.family
            ),
            refresh_token=self.issue(
                "refresh", record.provider, record.gateway, family=record.family
            ),
        )

    def revoke_access_tokens(self) -> int:
        """Reject every access token issued so far; refresh tokens stay valid."""
        with self._lock:
            live = [r for r in self._issued.values() if r.kind == "access" and not r.revoked]
            for record in live:
                record.revoked = True
        return len(live)

    def _verify(self, token: str) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self.public_key,
                algorithms=["RS256"],  # pinned: no "none", no HS256 with the public key
                issuer=ISSUER,
                options={
                    "require": _CLAIMS,
                    # Times are checked below against the server's (possibly offset) clock.
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                    "verify_aud": False,
                },
            )
        except jwt.InvalidTokenError as exc:
            raise TokenRejected(f"Token inválido ({type(exc).__name__})") from None
        exp = claims.get("exp")
        if isinstance(exp, bool) or not isinstance(exp, int | float):
            raise TokenRejected("Token inválido (exp)")
        if exp <= self._clock():
            raise TokenRejected("Token expirado")
        return claims

    def _record(self, claims: dict[str, Any], kind: TokenKind) -> _Issued:
        record = self._issued.get(str(claims["jti"]))
        if record is None:
            raise TokenRejected("Token desconocido para este servidor")
        if record.kind != kind:
            expected = "de acceso" if kind == "access" else "de refresco"
            raise TokenRejected(f"Se esperaba un token {expected}")
        if record.family in self._revoked_families:
            raise TokenRejected("Token revocado")
        return record
