from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.core.api import SERVICE, Account, CredentialStore
from tests.conftest import MemoryKeyring

ACCOUNT = Account("https://in.chilemedido.cl/api/v1", "1", "2")
OTHER = Account("http://127.0.0.1:8000/api/v1", "1", "2")


def test_username_names_environment_provider_and_gateway() -> None:
    assert ACCOUNT.username == "https://in.chilemedido.cl/api/v1#1/2"


def test_save_load_delete_and_known(memory_keyring: MemoryKeyring) -> None:
    assert CredentialStore().available
    store = CredentialStore()
    assert store.known() == []
    assert store.save(ACCOUNT, "token-a")
    assert store.save(OTHER, "token-b")
    assert memory_keyring.secrets[(SERVICE, ACCOUNT.username)] == "token-a"
    assert store.load(ACCOUNT) == "token-a"
    assert store.save(ACCOUNT, "token-a2")  # the newest replaces the old
    assert store.load(ACCOUNT) == "token-a2"
    assert store.known() == [OTHER, ACCOUNT]
    store.delete(ACCOUNT)
    store.delete(ACCOUNT)  # twice is fine
    assert store.load(ACCOUNT) is None
    assert store.known() == [OTHER]
    assert store.notice is None


def test_the_index_holds_no_secret(tmp_path: Path) -> None:
    index = tmp_path / "known.json"
    CredentialStore(index_path=index).save(ACCOUNT, "very-secret-token")
    assert "very-secret-token" not in index.read_text()
    assert CredentialStore(index_path=index).known() == [ACCOUNT]


def test_unreadable_index_is_ignored(tmp_path: Path) -> None:
    index = tmp_path / "known.json"
    index.write_text("{not json")
    assert CredentialStore(index_path=index).known() == []


def test_no_credential_store_is_a_clear_non_fatal_state() -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]  # what headless Linux has; conftest restores it
    store = CredentialStore()
    assert not store.available
    assert store.save(ACCOUNT, "token-a") is False
    assert store.notice is not None
    assert store.notice.code == "credentials_unavailable"
    assert store.notice.message.startswith(
        "Token not remembered: no credential store on this system"
    )
    assert store.load(ACCOUNT) is None
    store.delete(ACCOUNT)
    assert store.known() == []


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")


def test_a_refusing_store_is_reported_without_the_token() -> None:
    keyring.set_keyring(LockedKeyring())
    store = CredentialStore()
    assert not store.save(ACCOUNT, "token-a")
    assert store.notice is not None
    assert store.notice.code == "credentials_failed"
    assert "token-a" not in store.notice.message
    assert "PasswordSetError" in store.notice.message


@pytest.mark.parametrize("account", [ACCOUNT, OTHER])
def test_accounts_are_separate(account: Account) -> None:
    store = CredentialStore()
    store.save(account, account.base_url)
    assert store.load(account) == account.base_url
    assert store.load(ACCOUNT if account is OTHER else OTHER) is None
