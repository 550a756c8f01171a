"""Whether a pasted token is whole: the core reads any token, this asks for a complete one.

Tokens are pasted in pieces (a PDF line at a time). The core's parse_token accepts an RSA
signature of any size in 64-bit steps, so the first lines of a token can already read as one,
and logging in with them fails at the server. An RSA signature is exactly as long as the key:
the seed document's RS256 example has a 1024-bit key (128 bytes), the emulator signs with 2048
bits (256 bytes), so the usual key sizes are whole and nothing between them is. HMAC and EC
signatures have fixed sizes too, and a whole signature is written the one way base64url writes
those bytes (a cut one usually ends in a character with bits the encoding leaves at zero). A
token whose signature fails either is missing its end: the editor keeps it and waits for the
rest. A piece that happens to end at a whole size is caught by token_input's paste-more rule.
Nothing of the token goes into a message.
"""

from __future__ import annotations

import base64
import binascii

from app.core.api import InvalidToken, TokenInfo

# Signature bytes per algorithm: RSA keys of 1024, 2048, 3072 and 4096 bits, then fixed sizes.
_RSA = frozenset({128, 256, 384, 512})
_SIZES: dict[str, frozenset[int]] = {
    "HS256": frozenset({32}),
    "HS384": frozenset({48}),
    "HS512": frozenset({64}),
    "ES256": frozenset({64}),
    "ES384": frozenset({96}),
    "ES512": frozenset({132}),
    "EdDSA": frozenset({64}),
}


def signature_complete(token: str, info: TokenInfo) -> bool:
    """Whether the cleaned token's signature has its algorithm's whole size."""
    algorithm = info.algorithm or ""
    sizes = _RSA if algorithm[:2] in ("RS", "PS") else _SIZES.get(algorithm)
    if sizes is None:
        return True  # an algorithm ChileMedido does not use: the server decides
    signature = token.rsplit(".", 1)[-1].rstrip("=")
    if len(signature) % 4 == 1:
        return False
    try:
        data = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    except (binascii.Error, ValueError):
        return False
    canonical = base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
    return len(data) in sizes and canonical == signature


def incomplete() -> InvalidToken:
    """The problem to show for a token whose end is still missing."""
    return InvalidToken(
        "This is not a whole ChileMedido token yet: the end of its signature is missing. "
        "Paste the rest of it after what is there.",
        reason="incomplete",
    )
