"""Text from outside (a token, a server, a meter, a profile or scenario file) made safe to print.

A terminal obeys control characters: ESC starts a sequence that can recolour, move the cursor,
retitle the window or hide text; a carriage return overwrites the line; bidi overrides make
"exe.txt" read as "txt.exe". Every command prints outside text through `say` (or `clean`), which
shows such characters as `\\uXXXX` instead. In JSON output that escape is the JSON escape for the
same character, so the data a program reads is unchanged.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import TextIO

# Bidi embeddings, overrides and isolates, plus the implicit marks.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KEPT = frozenset("\n\t")
# Cc: C0/C1 controls and DEL; Cs: lone surrogates (undecodable argv bytes); Zl/Zp: line breaks.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _unsafe(char: str) -> bool:
    if char in _KEPT:
        return False
    return char in _BIDI or unicodedata.category(char) in _UNSAFE_CATEGORIES


def clean(text: object) -> str:
    """`text` as a string with every control, bidi or undecodable character shown as \\uXXXX."""
    s = str(text)
    if s.isprintable() and s.isascii():
        return s  # the common case, fast
    return "".join(f"\\u{ord(c):04x}" if _unsafe(c) else c for c in s)


def say(*parts: object, err: bool = False, end: str = "\n", flush: bool = False) -> None:
    """`print` for text that may come from outside: every part goes through `clean`."""
    stream: TextIO = sys.stderr if err else sys.stdout
    print(*(clean(p) for p in parts), file=stream, end=end, flush=flush)
