"""The client's modules load on the first use of a client-only name, not with app.core.api.

The first window needs states, errors, tokens and addresses; the client (asyncio, dozens of
classes) can wait for the first login. Each check runs in a fresh interpreter: this test
process has imported the client long ago.
"""

from __future__ import annotations

from pathlib import Path

import app.core.api
from tests.fixtures.fresh_python import run_python

CLIENT_MODULES = tuple(
    f"app.core.api.{name}" for name in ("_client", "_transport", "_session", "_readers")
)
# What the first window (the Connection page) takes from the core.
FIRST_WINDOW = """\
import sys
import app.core.account.login as login
import app.core.account.token_file as token_file
from app.core.api import (
    EXPIRY_WARNING, PRODUCTION_URL, Account, ApiError, ApiState, ApiStatus, ApiVerdict,
    CaFileError, CredentialStore, Environment, EnvironmentKind, InvalidEnvironment, InvalidToken,
    Timeouts, TlsError, TlsOptions, TokenInfo, TokenKind, clean_token_text, is_loopback_host,
    parse_token,
)
login.ClientOptions(Environment.production())
login.LogIn, login.log_out, login.open_client, login.remembered_accounts
token_file.read_token_file, token_file.TokenFileEntry
"""


def _run(code: str, tmp_path: Path) -> list[str]:
    return run_python(code, tmp_path).split()


def _loaded() -> str:
    return f"print(' '.join(m for m in {CLIENT_MODULES!r} if m in sys.modules) or '-')\n"


def test_the_first_window_s_imports_leave_the_client_unloaded(tmp_path: Path) -> None:
    assert _run(FIRST_WINDOW + _loaded(), tmp_path) == ["-"]


def test_the_client_s_name_loads_the_client(tmp_path: Path) -> None:
    code = FIRST_WINDOW + "from app.core.api import ChileMedidoClient\n" + _loaded()
    assert _run(code, tmp_path) == list(CLIENT_MODULES)


def test_every_exported_name_is_there_and_unknown_ones_are_not() -> None:
    for name in app.core.api.__all__:
        assert getattr(app.core.api, name) is not None
    assert set(app.core.api.__all__) <= set(dir(app.core.api))
    assert not hasattr(app.core.api, "NoSuchName")


def test_a_lazy_name_is_the_defining_module_s_object() -> None:
    from app.core.api import _client, _models, _session

    assert app.core.api.ChileMedidoClient is _client.ChileMedidoClient
    assert app.core.api.Measure is _models.Measure
    assert app.core.api.refresh_margin is _session.refresh_margin
