"""A package's names that load their submodule on first use (PEP 562), for start-up time.

app.core.api (the client) and app.core.meter.links (the link classes) keep their heavy modules
out of the first window this way. Each package lists the names and their submodules, imports
them under TYPE_CHECKING for mypy, and installs the pair this returns under `if not
TYPE_CHECKING:` — a module `__getattr__` mypy could see would make it accept any name imported
from the package, typos included. The frozen build bundles every submodule of `app` anyway.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from importlib import import_module
from typing import Any

type GetAttr = Callable[[str], object]
type Dir = Callable[[], list[str]]


def lazy_exports(
    package: str, homes: dict[str, str], namespace: MutableMapping[str, Any]
) -> tuple[GetAttr, Dir]:
    """`__getattr__` and `__dir__` for `package`: `homes` maps each lazy name to the submodule
    that defines it; a name is imported once, then kept in the package's `namespace`."""

    def getattr_(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{home}"), name)
        namespace[name] = value  # later look-ups find it without coming here
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *homes})

    return getattr_, dir_
