"""The schema of the upload files (history, outbox): migrated in one transaction when opened.

`PRAGMA user_version` holds how many migrations a file has had. A file from a newer Medido is left
untouched: its owner raises the error that says so (`newer`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Sequence[str]],
    newer: Callable[[int], Exception],
    also: Callable[[], None] | None = None,
) -> None:
    """Bring `conn`'s file up to `len(migrations)`; `also` runs in the same transaction."""
    conn.execute("BEGIN IMMEDIATE")  # one writer migrates; others wait, then find it done
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > len(migrations):
            raise newer(version)
        for step in range(version, len(migrations)):
            for statement in migrations[step]:
                conn.execute(statement)
        if version < len(migrations):
            conn.execute(f"PRAGMA user_version = {len(migrations)}")
        if also is not None:
            also()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
