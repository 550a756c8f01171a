"""Medido's log files, in the user's log folder (app.core.resources.user_log_dir):

    medido.log       what the app and the commands log (Python logging, INFO and up)
    traffic.jsonl    every traffic entry, one JSON object a line: time (UTC), channel,
                     direction, host, summary, detail

Both rotate at MAX_BYTES and keep BACKUPS old files (medido.log.1, …), so a week of polling
cannot fill the disk. Everything written is redacted (app.core.traffic.redact): traffic entries
are redacted when recorded, and every log line again as it is written. The app (app.gui.app) and
the commands (app.cli) call `install_file_logs()` once at start; the app then `follow`s its
session's TrafficLog, and the commands record into `command_traffic()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.core.resources import user_log_dir
from app.core.traffic import TrafficEntry, TrafficLog, redact

LOG_FILE = "medido.log"
TRAFFIC_FILE = "traffic.jsonl"
MAX_BYTES = 2_000_000
BACKUPS = 4
_TRAFFIC_LOGGER = "medido.traffic"  # outside "app": its lines go to traffic.jsonl only


class RedactingFormatter(logging.Formatter):
    """A formatter whose every line (exception text included) goes through `redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


@dataclass
class FileLogs:
    """The installed handlers; `follow` a TrafficLog to write its entries to traffic.jsonl."""

    folder: Path
    log_handler: RotatingFileHandler
    traffic_handler: RotatingFileHandler
    _unfollow: list[Callable[[], None]] = field(default_factory=list)
    traffic: TrafficLog = field(default_factory=TrafficLog)  # the commands' own

    def write(self, entry: TrafficEntry) -> None:
        """Append one entry to traffic.jsonl (a listener of TrafficLog.added, on the core loop)."""
        logging.getLogger(_TRAFFIC_LOGGER).info(entry.to_json())

    def follow(self, traffic: TrafficLog) -> None:
        self._unfollow.append(traffic.added.subscribe(self.write))

    def close(self) -> None:
        """Stop writing: the handlers come off their loggers and their files are closed."""
        for unfollow in self._unfollow:
            unfollow()
        self._unfollow.clear()
        logging.getLogger().removeHandler(self.log_handler)
        logging.getLogger(_TRAFFIC_LOGGER).removeHandler(self.traffic_handler)
        self.log_handler.close()
        self.traffic_handler.close()


_installed: FileLogs | None = None


def install_file_logs(
    folder: Path | None = None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> FileLogs | None:
    """Write medido.log and traffic.jsonl in `folder` (default: the user's log folder).

    Called again, it replaces what the previous call installed (tests change the folder).
    None when the folder cannot be made (a read-only home): Medido works on without files.
    """
    global _installed
    if _installed is not None:
        _installed.close()
        _installed = None
    where = folder if folder is not None else user_log_dir()
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        logging.getLogger(__name__).warning("no log files: %s cannot be made (%s)", where, exc)
        return None
    log_handler = _rotating(where / LOG_FILE, max_bytes, backups)
    log_handler.setLevel(logging.INFO)
    log_handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(log_handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    traffic_handler = _rotating(where / TRAFFIC_FILE, max_bytes, backups)
    # Entries arrive as JSON lines whose texts were redacted field by field (TrafficEntry.to_json);
    # redacting the whole line again could break its quoting.
    traffic_handler.setFormatter(logging.Formatter("%(message)s"))
    traffic_logger = logging.getLogger(_TRAFFIC_LOGGER)
    traffic_logger.setLevel(logging.INFO)
    traffic_logger.propagate = False  # JSON lines only, not also in medido.log
    traffic_logger.addHandler(traffic_handler)
    _installed = FileLogs(where, log_handler, traffic_handler)
    _installed.follow(_installed.traffic)
    return _installed


def command_traffic() -> TrafficLog | None:
    """The TrafficLog a command records into (written to traffic.jsonl), once installed."""
    return _installed.traffic if _installed is not None else None


def _rotating(path: Path, max_bytes: int, backups: int) -> RotatingFileHandler:
    # delay: no empty file until something is written; utf-8: sensor names have accents.
    return RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
    )
