"""Core errors in the installer's language, by code, with the core's message as details."""

from __future__ import annotations

from app.core.account.token_file import TokenFileError
from app.core.api import (
    ERROR_CODES,
    ConnectionRefused,
    MeterNotFound,
)
from app.core.api._credentials import NO_STORE
from app.core.meter.links import LinkTimeout
from app.gui.error_text import describe, describe_code, known_codes
from app.gui.i18n import Language, Translations

# Base classes: never raised as such, so they need no text of their own.
_ABSTRACT = {"api_error", "token", "tls"}


def test_every_api_error_code_has_a_text() -> None:
    missing = set(ERROR_CODES) - _ABSTRACT - known_codes()
    assert not missing, f"add these codes to app/gui/error_text.py: {sorted(missing)}"


def test_a_known_code_is_translated_with_its_parameters(translations: Translations) -> None:
    error = ConnectionRefused("127.0.0.1 refused the connection: ...", host="127.0.0.1")
    english = describe(error)
    assert english.what == "The server (127.0.0.1) refused the connection."
    assert english.todo.startswith("Check the API address")
    assert english.details == str(error)

    translations.apply(Language.SPANISH)
    spanish = describe(error)
    assert spanish.what == "El servidor (127.0.0.1) rechazó la conexión."
    assert spanish.todo.startswith("Revise la dirección de la API")
    assert spanish.details == english.details  # the core's own words stay, for support


def test_meter_link_errors_are_known_too(translations: Translations) -> None:
    translations.apply(Language.SPANISH)
    text = describe(LinkTimeout("timeout", "unit 1 did not answer after 2 attempts"))
    assert text.what == "El medidor no respondió."
    assert "RS-485" in text.todo


def test_an_unknown_code_falls_back_to_the_message() -> None:
    class Strange(Exception):
        code = "never-heard-of-it"

    text = describe(Strange("The flux capacitor is empty."))
    assert (text.what, text.todo, text.details) == ("The flux capacitor is empty.", "", "")
    blank = describe(RuntimeError())
    assert blank.what == "Something went wrong. (RuntimeError)"


def test_tokens_never_reach_the_screen() -> None:
    token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0.c2lnbmF0dXJl"
    text = describe(MeterNotFound(f"no meter; token was {token}", number=token))
    assert token not in text.details
    assert "eyJ" not in text.what + text.todo + text.details


def test_coded_notices_and_token_files_have_texts() -> None:
    notice = describe_code(NO_STORE.code, NO_STORE.message)
    assert notice.what == "The token could not be remembered on this computer."
    assert notice.details == NO_STORE.message
    error = TokenFileError("token_file_empty", "notes.txt holds no token.", file="notes.txt")
    assert describe(error).what == "The file notes.txt holds no ChileMedido refresh token."
    assert {"credentials_failed", "credentials_timeout", "token_file_unreadable"} <= known_codes()
