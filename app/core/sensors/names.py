"""Sensor names as the platform spells them, and the near misses that lose data silently.

The platform matches names exactly: "Energia activa acumulada" (no accent) is another, unknown
variable, and its values are ignored with a warning. A name that equals a real one once accents,
case, spacing and Unicode composition are set aside is almost surely a typo of it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from app.core.sensors.dictionary import sensor_dictionary


def fold(name: str) -> str:
    """The name without accents, case or repeated spaces: 'Energía  Activa' → 'energia activa'."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def dictionary_names() -> tuple[str, ...]:
    """The platform's names as Medido ships them (GET /sensor-name-list gives the live list)."""
    return tuple(s.name for s in sensor_dictionary())


def suggest(name: str, known: Iterable[str]) -> str | None:
    """The known name that `name` matches only after folding, or None (exact matches included:
    a name that is already right needs no suggestion)."""
    known = tuple(known)
    if name in known:
        return None
    folded = fold(name)
    return next((k for k in known if fold(k) == folded), None)
