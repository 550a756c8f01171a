"""The server last used and whose login it was, so the next headless command can go on from there.

`medido login` writes it; `medido device`, `clock`, `upload` and `token export` read it to default
`--api` and to find the gateway whose newest refresh token the credential store keeps. The file
(`last-server.json` in the user's config folder) holds an address, a provider and a gateway,
never a token. A missing or damaged file is "nothing remembered", never an error.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.api import Account, Environment, InvalidEnvironment
from app.core.resources import user_config_dir

log = logging.getLogger(__name__)

FILE_NAME = "last-server.json"
_MAX_BYTES = 10_000  # a few lines; anything bigger is not this file


@dataclass(frozen=True, slots=True)
class LastServer:
    base_url: str  # normalised API address
    provider: str | None = None  # of the last login on it, if any
    gateway: str | None = None

    @property
    def account(self) -> Account | None:
        if self.provider is None or self.gateway is None:
            return None
        return Account(self.base_url, self.provider, self.gateway)


def last_server_path() -> Path:
    return user_config_dir() / FILE_NAME


def load_last_server(path: Path | None = None) -> LastServer | None:
    """What was remembered, or None (no file, or one that is unreadable: logged, then ignored)."""
    file = path or last_server_path()
    try:
        if file.stat().st_size > _MAX_BYTES:
            raise ValueError("too big")
        data = json.loads(file.read_text(encoding="utf-8"))
        base_url = Environment.custom(data["base_url"]).base_url
        provider, gateway = data.get("provider"), data.get("gateway")
        if not all(v is None or (isinstance(v, str) and v) for v in (provider, gateway)):
            raise ValueError("provider and gateway must be text")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, InvalidEnvironment):
        log.warning("the last server remembered at %s is unreadable; ignoring it", file)
        return None
    if provider is None or gateway is None:
        provider = gateway = None
    return LastServer(base_url, provider, gateway)


def save_last_server(server: LastServer, path: Path | None = None) -> None:
    """Remember `server` (written whole or not at all); OSError if the folder cannot be written."""
    file = path or last_server_path()
    file.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(
        {"base_url": server.base_url, "provider": server.provider, "gateway": server.gateway},
        indent=1,
    )
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".last-server-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(body)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
