"""Where the save dialogs start: the user's documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_file(name: str) -> str:
    """`name` in the user's documents folder, where the save dialogs start (the home folder
    when there is no documents folder: a dialog never starts in the program's folder)."""
    for where in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(where)
        if folder and Path(folder).is_dir():
            return str(Path(folder) / name)
    return name
