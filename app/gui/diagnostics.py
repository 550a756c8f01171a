"""Help → Save diagnostics bundle…: the live session as a bundle for support (docs/bundle.md).

The main window asks where (a file dialog in the documents folder) and runs `save_bundle` on the
core loop: the site files are made there (the meter's capture and history are the core's), the
log files are read and the zip written in a worker thread. The bundle holds no token: it is
redacted and scanned (app.core.support.bundle.write_bundle), also for the live client's own.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from app.core.api import ChileMedidoClient
from app.core.check.checklist import Checklist
from app.core.check.outcome import CheckRun
from app.core.check.report import CheckReport, facts_for
from app.core.support.bundle import write_bundle
from app.core.support.collect import collect_bundle
from app.core.support.site import SiteParts, snapshot_files
from app.gui.session import Session
from app.gui.settings import API_URL, DEVICE_NUMBER


def bundle_name(now: datetime | None = None) -> str:
    """medido-bundle-2026-12-07-1405.zip (local time)."""
    moment = (now or datetime.now()).astimezone()
    return f"medido-bundle-{moment:%Y-%m-%d-%H%M}.zip"


def with_zip_suffix(name: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


def live_parts(session: Session) -> SiteParts:
    """What the app's session knows of the site now (GUI thread: references only, no I/O)."""
    client = session.api
    device = session.device
    number = session.settings.get(DEVICE_NUMBER).strip()
    return SiteParts(
        base_url=client.environment.base_url if client else session.settings.get(API_URL) or None,
        status=session.api_status if client else None,
        server_offset=session.server_offset,
        device=device,
        device_number=None if device else number or None,
        meter=session.meter,
    )


async def save_bundle(
    path: Path,
    parts: SiteParts,
    settings: dict[str, object],
    *,
    checklist: Checklist | None = None,
    result: CheckRun | None = None,
    client: ChileMedidoClient | None = None,
) -> Path:
    """On the core loop: the bundle of the live session (and the Check page's last run)."""
    report = None
    if checklist is not None and result is not None:
        report = CheckReport(facts_for(checklist.ctx, "", ""), result)
    files = snapshot_files(parts, report)
    secrets = []
    if client is not None:
        newest = await client.newest_refresh_token()  # only to scan the bundle for it
        if newest is not None:
            secrets.append(newest)

    def write() -> Path:
        contents = collect_bundle(files=files, settings=settings)
        return write_bundle(path, contents, secrets=secrets)

    return await asyncio.to_thread(write)
