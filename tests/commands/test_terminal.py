"""Outside text reaches the terminal with its control and bidi characters escaped."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.commands.terminal import clean, say

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def obeyed_by_a_terminal(char: str) -> bool:
    if char in "\n\t":
        return False
    return char in BIDI or unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"}


@given(st.text())
def test_nothing_a_terminal_obeys_survives(text: str) -> None:
    assert not any(obeyed_by_a_terminal(c) for c in clean(text))


@given(st.text())
def test_json_stays_the_same_data(text: str) -> None:
    encoded = json.dumps({"name": text}, ensure_ascii=False)
    assert json.loads(clean(encoded)) == {"name": text}


def test_examples() -> None:
    assert clean("Medidor\x1b[31m rojo") == "Medidor\\u001b[31m rojo"
    assert clean("txt.\u202eexe") == "txt.\\u202eexe"
    assert clean("ok\rEVIL") == "ok\\u000dEVIL"
    assert clean("línea 1\nlínea 2\tfin") == "línea 1\nlínea 2\tfin"
    assert clean("Señal 220 V") == "Señal 220 V"


def test_say_cleans_every_part(capsys: pytest.CaptureFixture[str]) -> None:
    say("a\x07", 3, "\u2066b", err=True)
    assert capsys.readouterr().err == "a\\u0007 3 \\u2066b\n"
