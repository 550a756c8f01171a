"""The last commissioning check, kept for `medido bundle`: user_data_dir()/last-check/.

`medido check` and the app's Check page call `remember_check` when a run ends; the folder then
holds the bundle's site files (site.json, registers.json, check.json, profile.toml; see
app/core/support/site.py), replacing the previous run's. Keeping them never fails a check: a
folder that cannot be written is logged and the check goes on.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Mapping
from pathlib import Path

from app.core.check.checklist import Checklist
from app.core.check.context import CheckContext
from app.core.check.outcome import CheckRun
from app.core.resources import user_data_dir
from app.core.support.site import SNAPSHOT_FILES, check_files

log = logging.getLogger(__name__)

LAST_CHECK = "last-check"


def last_check_dir() -> Path:
    return user_data_dir() / LAST_CHECK


def remember_check(
    ctx: CheckContext,
    run: CheckRun,
    *,
    site: str = "",
    installer: str = "",
    folder: Path | None = None,
) -> Path | None:
    """Keep the run's site files in `folder` (default: last_check_dir()); None if it failed."""
    return keep_files(check_files(ctx, run, site, installer), folder)


def keep_files(files: Mapping[str, str], folder: Path | None = None) -> Path | None:
    """Replace the folder's files with `files` (names from SNAPSHOT_FILES); None if it failed."""
    target = folder if folder is not None else last_check_dir()
    staging = target.with_name(target.name + ".new")
    try:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for name, text in files.items():
            if name in SNAPSHOT_FILES:
                (staging / name).write_text(text, encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    except OSError as error:
        log.warning("the last check could not be kept in %s: %s", target, error)
        return None
    return target


def load_files(folder: Path | None = None) -> dict[str, str]:
    """The kept site files ({} when no check has been kept, or the folder is unreadable)."""
    source = folder if folder is not None else last_check_dir()
    found: dict[str, str] = {}
    for name in SNAPSHOT_FILES:
        try:
            found[name] = (source / name).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as error:
            log.warning("%s could not be read: %s", source / name, error)
    return found


async def run_and_remember(checklist: Checklist, folder: Path | None = None) -> CheckRun:
    """Run the checklist, then keep its site files (the Check page's run)."""
    run = await checklist.run()
    files = check_files(checklist.ctx, run)  # on the loop: the report reads the history
    await asyncio.to_thread(keep_files, files, folder)
    return run
