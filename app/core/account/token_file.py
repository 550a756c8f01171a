"""Refresh tokens from a file: the emulator's --tokens-out list, a saved login answer, or text.

Administrators send tokens in e-mails and text files; support desks keep the emulator's
`--tokens-out` JSON (`[{"provider", "gateway", "refreshToken"}, ...]`). Every readable token in
the file is offered, with its claims, so the installer can pick the gateway. The claims decide
who a token is for, not the file's labels. Nothing here puts token text in a message or repr.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.core.api import InvalidToken, TokenInfo, TokenKind, clean_token_text, parse_token

MAX_FILE_BYTES = 1_000_000  # a token file is a few kB; anything this big is the wrong file
_TOKEN_KEYS = ("refreshToken", "refresh_token", "token")
_MAX_JSON_DEPTH = 20  # a token file is a list of objects, or a login answer, a level or two deep
# A line that may be a piece of a token wrapped over several lines (quotes and commas allowed).
_TOKEN_PIECE = re.compile(r"""^[\s"'`A-Za-z0-9_.,=-]+$""")


class TokenFileError(Exception):
    """The file cannot be used; `code` for the GUI, the message in English."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params: dict[str, object] = dict(params)


@dataclass(frozen=True, slots=True)
class TokenFileEntry:
    text: str = field(repr=False)  # the cleaned token; a secret
    info: TokenInfo

    @property
    def provider(self) -> str | None:
        return self.info.audience

    @property
    def gateway(self) -> str | None:
        return self.info.subject


def read_token_file(path: Path) -> tuple[TokenFileEntry, ...]:
    """Every usable token in the file, in file order; TokenFileError if there is none."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TokenFileError(
                "token_file_unreadable",
                f"{path.name} is {size // 1000} kB, far too big for a token file. Choose the "
                "file the ChileMedido administrator sent.",
                file=path.name,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise TokenFileError(
            "token_file_unreadable",
            f"{path.name} cannot be read ({exc.strerror or type(exc).__name__}).",
            file=path.name,
        ) from None
    entries = tokens_in_text(raw.decode("utf-8-sig", errors="replace"))
    if not entries:
        raise TokenFileError(
            "token_file_empty",
            f"{path.name} holds no ChileMedido refresh token. Choose the file the administrator "
            "sent, or paste the token.",
            file=path.name,
        )
    return entries


def tokens_in_text(text: str) -> tuple[TokenFileEntry, ...]:
    """The readable refresh tokens in a text (JSON or plain), without repeats."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to read as JSON
        candidates = list(_in_plain_text(text))
    else:
        candidates = list(_in_json(data))
    found: dict[str, TokenFileEntry] = {}
    for candidate in candidates:
        value = clean_token_text(candidate)
        if value in found:
            continue
        try:
            info = parse_token(value)
        except InvalidToken:
            continue
        if info.kind is not TokenKind.ACCESS:  # an access token cannot log in
            found[value] = TokenFileEntry(value, info)
    return tuple(found.values())


def _in_json(data: object, depth: int = 0) -> Iterator[str]:
    if depth > _MAX_JSON_DEPTH:  # no token file nests this deep; never recurse without end
        return
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from _in_json(item, depth + 1)
    elif isinstance(data, dict):
        for key in _TOKEN_KEYS:
            value = data.get(key)
            if isinstance(value, str):
                yield value
        for value in data.values():
            if isinstance(value, list | dict):
                yield from _in_json(value, depth + 1)


def _in_plain_text(text: str) -> Iterator[str]:
    """The whole text (one wrapped token), each line (one token per line), then the lines that
    look like token pieces joined (a wrapped token under a heading such as "Gateway 2:")."""
    yield text
    lines = [line for line in text.splitlines() if line.strip()]
    yield from lines
    yield "".join(line for line in lines if _TOKEN_PIECE.match(line))
