"""Remembering each gateway's newest refresh token in the OS credential store (keyring).

Refresh tokens rotate: the server hands out a new one at every login, and with strict rotation
the old one stops working. Losing the newest one locks the installer out until an administrator
issues another, so it is saved the moment it arrives. A system without a credential store (a
bare Linux box) is a normal, non-fatal state: the token then lives only as long as the app.

keyring cannot list what it holds, so a small index of known gateways (no secrets) is kept next
to the settings.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from app.core.resources import user_config_dir

# keyring is imported where a method uses it, not with the app: it and its backends (D-Bus,
# cryptography on Linux) took a tenth of a second of every launch, before any token was at hand.

log = logging.getLogger(__name__)

SERVICE = "Medido"


@dataclass(frozen=True, slots=True)
class Account:
    """Whose token: an API environment and one of its gateways."""

    base_url: str
    provider: str
    gateway: str

    @property
    def username(self) -> str:
        return f"{self.base_url}#{self.provider}/{self.gateway}"


@dataclass(frozen=True, slots=True)
class CredentialNotice:
    """Why a token was not remembered; code for the GUI, message in English."""

    code: str
    message: str


NO_STORE = CredentialNotice(
    "credentials_unavailable",
    "Token not remembered: no credential store on this system. It stays valid while Medido is "
    "open; after closing you will need the newest refresh token again.",
)


class CredentialStore:
    """save/load/delete/known for refresh tokens; never raises for a keyring problem."""

    def __init__(self, service: str = SERVICE, index_path: Path | None = None) -> None:
        self.service = service
        self._index_path = index_path
        self.notice: CredentialNotice | None = None  # the last problem, None after a success

    @property
    def available(self) -> bool:
        """Whether the system has a credential store at all (asks no backend: no prompt)."""
        import keyring
        import keyring.backends.fail

        return not isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)

    def save(self, account: Account, token: str) -> bool:
        """Store the token; False (and `notice` set) when the system cannot keep it."""
        import keyring

        try:
            keyring.set_password(self.service, account.username, token)
        except Exception as exc:  # backends raise all sorts (dbus, Win32, locked, none at all)
            self._note(exc)
            return False
        self.notice = None
        self._write_index({*self.known(), account})
        return True

    def load(self, account: Account) -> str | None:
        import keyring

        try:
            found = keyring.get_password(self.service, account.username)
        except Exception as exc:
            self._note(exc)
            return None
        return found if isinstance(found, str) and found else None

    def delete(self, account: Account) -> None:
        import keyring
        import keyring.errors

        try:
            keyring.delete_password(self.service, account.username)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already gone
        except Exception as exc:  # the store is missing or locked; forget the index entry anyway
            self._note(exc)
        self._write_index(set(self.known()) - {account})

    def known(self) -> list[Account]:
        """Gateways a token was saved for (the token itself may have been removed since)."""
        try:
            entries = json.loads(self._index().read_text(encoding="utf-8"))
            accounts = {Account(e["base_url"], e["provider"], e["gateway"]) for e in entries}
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError):
            log.warning(
                "the list of known gateways at %s is unreadable; ignoring it", self._index()
            )
            return []
        return sorted(accounts, key=lambda a: a.username)

    def _note(self, exc: Exception) -> None:
        import keyring.errors

        if isinstance(exc, keyring.errors.NoKeyringError):
            self.notice = NO_STORE
        else:
            self.notice = CredentialNotice(
                "credentials_failed",
                f"Token not remembered: the system's credential store refused it "
                f"({type(exc).__name__}). It stays valid while Medido is open.",
            )
        log.warning("credential store: %s", self.notice.message)

    def _index(self) -> Path:
        return self._index_path or user_config_dir() / "known-gateways.json"

    def _write_index(self, accounts: set[Account]) -> None:
        path = self._index()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            rows = [asdict(a) for a in sorted(accounts, key=lambda a: a.username)]
            path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
        except OSError as exc:
            log.warning("cannot update the list of known gateways at %s: %s", path, exc)
