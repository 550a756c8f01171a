"""The Connection page never acts on half of something: a token pasted in pieces waits for the
rest (and keeps every piece), Log out waits for a login, and a server address that cannot be
used names the fix with the address fixed."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.api import EnvironmentKind, InvalidToken, parse_token
from app.emulator.server import EmulatorServer
from app.gui.i18n import Language, Translations
from app.gui.steps.connection.page import ConnectionPage
from app.gui.steps.connection.token_check import signature_complete
from app.gui.steps.connection.token_input import TokenInput
from app.gui.widgets.tone_label import Tone
from tests.core.api.seed import SEED_REFRESH, SEED_REFRESH_PASTE
from tests.gui.steps.connection.test_page import (
    WAIT_MS,
    closed_port,
    page,
    paste,
    use_emulator,
    wait_for_banner,
)

__all__ = ["page"]  # the fixture, used by name


def test_every_piece_of_a_token_is_kept_and_the_rest_completes_it(
    qtbot: QtBot, emulator: EmulatorServer
) -> None:
    token = emulator.issue_refresh_token("2")  # RS256, a 2048-bit key: 342 signature characters
    signature_at = token.rindex(".") + 1
    box = TokenInput()
    qtbot.addWidget(box)
    for length in range(1, len(token) - signature_at):
        piece, rest = token[: signature_at + length], token[signature_at + length :]
        box.clear()
        box.editor.setPlainText(piece + "\n")
        if box.token_text() is None:
            assert box.editor.toPlainText() == piece + "\n"  # kept, waiting for the rest
            box.editor.moveCursor(QTextCursor.MoveOperation.End)
            box.editor.insertPlainText(rest)
        else:  # 171 characters are a whole 1024-bit signature: 1 in 4 pieces reads as one
            assert length == 171
            box.paste_more(rest)  # pasted while masked: it completes the token
        assert box.token_text() == token, length
    box.clear()
    box.editor.setPlainText(SEED_REFRESH_PASTE)  # the seed document's token: a 1024-bit key
    assert box.token_text() == SEED_REFRESH


def looks_whole_half_way(token: str) -> bool:
    """Whether the token's first 171 signature characters read as a whole 1024-bit signature
    (their last character's two spare bits happen to be zero: 1 token in 4)."""
    piece = token[: token.rindex(".") + 172]
    try:
        return signature_complete(piece, parse_token(piece))
    except InvalidToken:
        return False


def test_a_token_typed_key_by_key_loses_no_key(qtbot: QtBot, emulator: EmulatorServer) -> None:
    tokens = (emulator.issue_refresh_token(("2", "8")[i % 2]) for i in range(200))
    token = next(t for t in tokens if looks_whole_half_way(t))  # the hard case: masked early
    box = TokenInput()
    qtbot.addWidget(box)
    masked_on_the_way = False
    for key in token:
        masked = box.stack.currentIndex() == 1
        masked_on_the_way |= masked
        QTest.keyClicks(box.replace if masked else box.editor, key)  # where the focus is
    assert masked_on_the_way  # its first 171 signature characters read as a 1024-bit token
    assert box.token_text() == token
    assert box.stack.currentIndex() == 1


def test_a_token_pasted_in_two_pieces_logs_in_only_when_whole(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer, translations: Translations
) -> None:
    use_emulator(page, emulator.base_url)
    token = emulator.issue_refresh_token("2")
    first, rest = token[:-100], token[-100:]  # a PDF page break inside the signature
    paste(page, first + "\n")
    tokens = page.tokens
    assert tokens.token.token_text() is None
    assert not tokens.login.isEnabled()
    assert tokens.claims.validity.text().startswith("Not a whole token yet: part of it is missing.")
    assert tokens.claims.validity.tone is Tone.WARNING
    paste(page, rest)
    assert tokens.token.token_text() == token
    assert tokens.login.isEnabled()
    assert tokens.token.stack.currentIndex() == 1  # masked now

    other = emulator.issue_refresh_token("8")
    QApplication.clipboard().setText(other)  # a paste while masked: another whole token
    tokens.token.paste_more()
    assert tokens.token.token_text() == other
    QApplication.clipboard().setText(" and more")  # anything else: shown, nothing dropped
    tokens.token.paste_more()
    assert tokens.token.editor.toPlainText() == other + " and more"
    assert tokens.token.token_text() is None
    assert not tokens.login.isEnabled()


def test_log_out_is_offered_only_when_logged_in(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer
) -> None:
    assert not page.account.logout.isEnabled()
    use_emulator(page, f"http://127.0.0.1:{closed_port()}/api/v1")
    paste(page, emulator.issue_refresh_token("2"))
    page.tokens.login.click()
    assert not page.account.logout.isEnabled()
    wait_for_banner(qtbot, page)  # refused: still not logged in
    assert not page.account.logout.isEnabled()
    assert not page.account.forget.isEnabled()

    page.environment.emulator_url.setText(emulator.base_url)
    page.tokens.login.click()
    qtbot.waitUntil(page.account.logout.isEnabled, timeout=WAIT_MS)


def test_a_server_address_names_its_fix(
    qtbot: QtBot, page: ConnectionPage, translations: Translations
) -> None:
    box = page.environment
    box.set_kind(EnvironmentKind.CUSTOM)
    fixes = {
        "in.chilemedido.cl/api/v1": "Add https:// at the start: use https://in.chilemedido.cl/api/v1",
        "localhost:8000/api/v1": "Add http:// at the start: use http://localhost:8000/api/v1",
        "https://user:secreto@medidor.example.cl/api/v1": (
            "Remove the user name and password (up to the @): use https://medidor.example.cl/api/v1"
        ),
        "https://medidor.example.cl/api/v1?x=1": (
            "Remove the part from the ? or # on: use https://medidor.example.cl/api/v1"
        ),
        "https://medidor.example.cl:99999/api/v1": "as a number from 1 to 65535",
        "https://": "Write the server's name after https://",
    }
    for typed, fix in fixes.items():
        box.custom_url.setText(typed)
        assert box.check.tone is Tone.ERROR, typed
        assert fix in box.check.text(), typed
    for typed, fixed in (
        ("https://medidor.example.cl", "https://medidor.example.cl/api/v1"),
        ("https://medidor.example.cl/api/", "https://medidor.example.cl/api/v1"),
    ):
        box.custom_url.setText(typed)
        assert box.check.text() == f"ChileMedido's API address ends in /api/v1: use {fixed}"
        assert box.check.tone is Tone.WARNING
    box.custom_url.setText("https://medidor.example.cl/api/v1")
    assert box.check.isHidden()

    box.custom_url.setText("in.chilemedido.cl/api/v1")
    page.tokens.token.set_token(SEED_REFRESH)
    page.tokens.login.click()
    assert page.banner.todo.text().startswith("Add https:// at the start")
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert page.banner.what.text() != "The API address cannot be used."  # rendered again
    assert page.banner.todo.text().endswith("https://in.chilemedido.cl/api/v1")
