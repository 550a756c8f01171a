"""Where the save dialogs start: the user's documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.core.resources import user_reports_dir


def documents_file(name: str) -> str:
    """`name` in the user's documents folder, where the save dialogs start (the home folder
    when there is no documents folder: a dialog never starts in the program's folder); in a
    portable install, its reports folder beside the executable."""
    portable = user_reports_dir()
    if portable is not None:
        return str(portable / name)
    for where in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(where)
        if folder and Path(folder).is_dir():
            return str(Path(folder) / name)
    return name
