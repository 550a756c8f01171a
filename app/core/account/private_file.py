"""Files that hold a secret (a refresh token, the emulator's token list): owner-only, whole or not.

Written beside the target first and renamed over it, so a failure (a full disk, a folder that
cannot be written) leaves an earlier file whole and no half-written secret behind.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

OWNER_ONLY = 0o600


def write_private(path: Path, text: str) -> None:
    """`text` to `path`, readable by its owner only where the file system can say so. Raises
    OSError (or ValueError for a NUL in the name)."""
    aside = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as file:
            with contextlib.suppress(OSError, NotImplementedError):  # e.g. FAT, Windows
                os.chmod(aside, OWNER_ONLY)  # an existing aside file keeps its old mode
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(aside, path)
    except BaseException:
        with contextlib.suppress(OSError, ValueError):  # ValueError: a NUL in the name
            aside.unlink(missing_ok=True)
        raise
