"""Reading refresh tokens from files: the emulator's --tokens-out, login answers, plain text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.commands.emulator import gateway_tokens, write_tokens
from app.core.account.token_file import (
    MAX_FILE_BYTES,
    TokenFileError,
    read_token_file,
    tokens_in_text,
)
from app.core.api import clean_token_text
from app.emulator.server import EmulatorServer
from tests.core.api.seed import SEED_ACCESS_PASTE, SEED_REFRESH, SEED_REFRESH_PASTE


def test_emulator_tokens_out_file_gives_every_gateway(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    path = tmp_path / "tokens.json"
    written = gateway_tokens(emulator)
    write_tokens(path, written)
    entries = read_token_file(path)
    assert [(e.provider, e.gateway) for e in entries] == [("1", "2"), ("7", "8")]
    assert [e.text for e in entries] == [w["refreshToken"] for w in written]
    assert all(not e.info.expired() for e in entries)


def test_a_saved_login_answer_offers_the_refresh_token_not_the_access_token(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    path = tmp_path / "answer.json"
    refresh = emulator.issue_refresh_token("2")
    access = emulator.issue_access_token("2")
    path.write_text(json.dumps({"accessToken": access, "refreshToken": refresh}))
    assert [e.text for e in read_token_file(path)] == [refresh]


def test_plain_text_with_the_seed_wrapped_over_lines(tmp_path: Path) -> None:
    path = tmp_path / "token.txt"
    path.write_text(SEED_REFRESH_PASTE, encoding="utf-8")
    (entry,) = read_token_file(path)
    assert entry.text == SEED_REFRESH
    assert entry.info.expired()  # the seed's token expired in 2020: still offered, claims tell


def test_plain_text_with_a_heading_and_one_token_per_line(emulator: EmulatorServer) -> None:
    first, second = emulator.issue_refresh_token("2"), emulator.issue_refresh_token("8")
    one_per_line = f"{first}\n{second}\n{first}\n"
    assert [e.text for e in tokens_in_text(one_per_line)] == [first, second]
    wrapped = "Token gateway 2:\n" + "\n".join(first[i : i + 60] for i in range(0, len(first), 60))
    assert [e.text for e in tokens_in_text(wrapped)] == [first]


def test_access_tokens_alone_are_not_offered() -> None:
    assert tokens_in_text(SEED_ACCESS_PASTE) == ()


def test_entries_never_show_the_token(tmp_path: Path) -> None:
    (entry,) = tokens_in_text(SEED_REFRESH)
    assert clean_token_text(SEED_REFRESH) not in repr(entry)
    assert SEED_REFRESH[-20:] not in repr(entry)


@pytest.mark.parametrize(
    "content", ["", "hola", '{"refreshToken": "abc.def.ghi"}', "[1, 2, 3]", "eyJ.nope"]
)
def test_a_file_without_tokens_says_so(tmp_path: Path, content: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TokenFileError) as caught:
        read_token_file(path)
    assert caught.value.code == "token_file_empty"
    assert "notes.txt" in str(caught.value)


def test_missing_and_huge_files_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(TokenFileError) as missing:
        read_token_file(tmp_path / "nowhere.json")
    assert missing.value.code == "token_file_unreadable"
    huge = tmp_path / "video.mp4"
    huge.write_bytes(b"\0" * (MAX_FILE_BYTES + 1))
    with pytest.raises(TokenFileError) as big:
        read_token_file(huge)
    assert big.value.code == "token_file_unreadable"
    assert "too big" in str(big.value)


def test_json_nested_too_deep_is_no_token_not_a_crash(emulator: EmulatorServer) -> None:
    assert tokens_in_text("[" * 100_000 + "]" * 100_000) == ()  # deeper than JSON reads
    refresh = emulator.issue_refresh_token("2")
    buried = "[" * 900 + json.dumps({"refreshToken": refresh}) + "]" * 900  # JSON reads it
    assert tokens_in_text(buried) == ()  # no token file is built like that: not searched
    assert [e.text for e in tokens_in_text(json.dumps([[{"refreshToken": refresh}]]))] == [refresh]
