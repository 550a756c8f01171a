"""Where the save dialogs start: the user's documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.core.resources import user_reports_dir


def documents_folder() -> Path | None:
    """Where saved files go by default: a portable install's reports folder beside the
    executable, else the user's documents folder, else their home folder (never the program's
    folder); None when the system names neither."""
    portable = user_reports_dir()
    if portable is not None:
        return portable
    for where in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(where)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return None


def documents_file(name: str) -> str:
    """`name` in documents_folder(), where the save dialogs start."""
    folder = documents_folder()
    return str(folder / name) if folder is not None else name
