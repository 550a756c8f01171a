"""Reading ChileMedido tokens: what a JWT says about itself, without verifying its signature.

Only the server can verify a signature; the client reads the claims to know who the token is
for and when it expires. Tokens arrive pasted from PDFs and e-mails, so spaces, line breaks and
surrounding quotes are removed first. Nothing here ever puts token text into a message or repr.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from app.core.api._errors import InvalidToken
from app.core.api._seconds import utc_from_seconds

_WHITESPACE = re.compile(r"\s+")
_BEARER = re.compile(r"(?i)^bearer(?=eyJ)")
_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")
# Characters people copy around a token: JSON and shell quotes, typographic quotes, a JSON comma.
_WRAPPING = "\"'`“”‘’«»\\,;"
# Tokens living longer than this are refresh tokens (seen: access 3 h, refresh 60 days).
_ACCESS_MAX_LIFETIME = timedelta(days=1)
# Signature sizes per algorithm family, to notice a token copied only in part.
_FIXED_SIGNATURE_BYTES = {"ES256": 64, "ES384": 96, "ES512": 132, "EdDSA": 64}
_CUT_SHORT = "its signature is cut short; part of it was not copied"
_WHAT_TO_DO = (
    "Paste the whole refresh token the ChileMedido administrator sent: one long run of letters, "
    "digits, - and _ with two dots in it."
)


class TokenKind(StrEnum):
    ACCESS = "access"
    REFRESH = "refresh"
    UNKNOWN = "unknown"  # no issue date, so no lifetime to judge by


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """The claims of a token. Holds no token text, so it is safe to log and show."""

    expires_at: datetime  # aware, UTC
    issued_at: datetime | None = None
    jti: str | None = None
    audience: str | None = None  # the provider's id
    subject: str | None = None  # the gateway's id
    issuer: str | None = None
    algorithm: str | None = None

    @property
    def provider(self) -> str | None:
        return self.audience

    @property
    def gateway(self) -> str | None:
        return self.subject

    @property
    def lifetime(self) -> timedelta | None:
        return None if self.issued_at is None else self.expires_at - self.issued_at

    @property
    def kind(self) -> TokenKind:
        lifetime = self.lifetime
        if lifetime is None:
            return TokenKind.UNKNOWN
        return TokenKind.ACCESS if lifetime <= _ACCESS_MAX_LIFETIME else TokenKind.REFRESH

    def remaining(self, now: datetime | None = None) -> timedelta:
        """Time left until expiry; negative once expired."""
        return self.expires_at - (now or datetime.now(UTC))

    def expired(self, now: datetime | None = None) -> bool:
        return self.remaining(now) <= timedelta(0)


@dataclass(frozen=True, slots=True)
class Token:
    """A token's text together with its claims. The text never appears in repr or str."""

    value: str = field(repr=False)
    info: TokenInfo

    @classmethod
    def parse(cls, text: str) -> Token:
        value = clean_token_text(text)
        return cls(value, _read_claims(value))

    def __repr__(self) -> str:
        return f"Token(kind={self.info.kind.value}, jti={self.info.jti!r})"

    __str__ = __repr__


def clean_token_text(text: str) -> str:
    """Remove what copying adds: whitespace anywhere, a "Bearer" prefix, wrapping quotes."""
    squeezed = _WHITESPACE.sub("", text).strip(_WRAPPING)
    return _BEARER.sub("", squeezed)


def parse_token(text: str) -> TokenInfo:
    """Read a pasted token's claims; raises InvalidToken saying what is wrong with it."""
    return _read_claims(clean_token_text(text))


def _refuse(reason: str, problem: str) -> InvalidToken:
    return InvalidToken(f"This is not a ChileMedido token: {problem}. {_WHAT_TO_DO}", reason=reason)


def _read_claims(token: str) -> TokenInfo:
    if not token:
        raise _refuse("empty", "nothing was pasted")
    parts = token.split(".")
    if len(parts) != 3:
        raise _refuse(
            "segments", f"a token has three parts separated by dots, this text has {len(parts)}"
        )
    for part, name in zip(
        parts, ("first (header)", "second (claims)", "third (signature)"), strict=True
    ):
        if not _B64URL.match(part.rstrip("=")):
            raise _refuse("base64", f"its {name} part has characters a token never contains")
    if not parts[0] or not parts[1]:
        raise _refuse("segments", "a part before a dot is empty")
    if len(parts[2].rstrip("=")) % 4 == 1:  # no base64 text has this length: a piece is missing
        raise _refuse("truncated", _CUT_SHORT)
    if not _is_json_object(parts[0]):
        raise _refuse("header_json", "its header cannot be read (it is not encoded JSON)")
    if not _is_json_object(parts[1]):
        raise _refuse("claims_json", "its claims cannot be read (they are not encoded JSON)")
    # Imported here, not at start-up: pyjwt loads cryptography (~0.15 s) to offer signature
    # checks the client never makes; only reading a token pays for it.
    import jwt

    try:  # header and claims are fine, so what pyjwt still refuses is the signature's encoding
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.DecodeError:
        raise _refuse("truncated", _CUT_SHORT) from None
    except jwt.InvalidTokenError:  # e.g. a "kid" or "crit" header of the wrong type
        raise _refuse("header_fields", "its header has fields no token has") from None
    algorithm = header.get("alg")
    _check_signature_size(parts[2], algorithm if isinstance(algorithm, str) else None)
    return TokenInfo(
        expires_at=_expiry(claims),
        issued_at=_instant(claims, "iat"),
        jti=_text(claims.get("jti")),
        audience=_text(claims.get("aud")),
        subject=_text(claims.get("sub")),
        issuer=_text(claims.get("iss")),
        algorithm=algorithm if isinstance(algorithm, str) else None,
    )


def _is_json_object(segment: str) -> bool:
    try:
        data = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        return isinstance(json.loads(data), dict)
    except (binascii.Error, ValueError, RecursionError):  # RecursionError: nested too deep
        return False


def _check_signature_size(signature: str, algorithm: str | None) -> None:
    """A signature of the wrong size means the paste lost a piece (a PDF line, say)."""
    if algorithm is None or algorithm == "none":
        return
    try:
        size = len(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)))
    except (binascii.Error, ValueError):
        raise _refuse("truncated", _CUT_SHORT) from None
    if algorithm[:2] in ("RS", "PS"):
        ok = size >= 128 and size % 8 == 0  # RSA keys of 1024 bits and up, in 64-bit steps
    elif algorithm[:2] == "HS":
        ok = size >= 32
    else:
        ok = _FIXED_SIGNATURE_BYTES.get(algorithm, size) == size
    if not ok:
        raise _refuse("truncated", _CUT_SHORT)


def _expiry(claims: dict[str, Any]) -> datetime:
    expires_at = _instant(claims, "exp")
    if expires_at is None:
        raise _refuse("no_exp", "it has no expiry date (no exp claim)")
    return expires_at


def _instant(claims: dict[str, Any], name: str) -> datetime | None:
    value = claims.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _refuse(f"bad_{name}", f"its {name} claim is not a date in seconds")
    instant = utc_from_seconds(value)
    if instant is None:
        raise _refuse(f"bad_{name}", f"its {name} claim is not a possible date")
    return instant


def _text(value: object) -> str | None:
    """Claims are strings in ChileMedido's tokens; accept numbers and lists of them too."""
    if isinstance(value, list):
        return ",".join(t for t in map(_scalar_text, value) if t is not None) or None
    return _scalar_text(value)


def _scalar_text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None  # an object or a nested list says nothing readable
    return str(value)
