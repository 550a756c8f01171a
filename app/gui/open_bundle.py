"""File → Open bundle…: a diagnostics bundle's site reproduced in the app, as `--demo` wires one.

The bundle is read and turned into an emulator World and a replayed meter on the core loop
(app/reproduce.py); only then is a running demo or bundle world stopped and the new one started
(app/gui/demo.py `serve`), and the session connected to it: a fresh refresh token, the bundle's
device looked up, the replayed meter connected with the bundle's profile and polled. A file that
is not a usable bundle leaves everything as it was and says why in the page's banner.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject

from app.core.meter.profile import MeterProfile
from app.core.support.bundle import BundleError, read_bundle
from app.core.support.reproduce import bundle_profile
from app.emulator.world import World
from app.gui import demo
from app.gui.job import Job
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.steps.page import Page
from app.reproduce import device_number, meter_from_bundle, world_from_bundle
from app.simulator import MeterSimulator
from app.simulator.replay import ReplayMeter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reproduced:
    path: Path
    world: World
    unit: int
    meter: ReplayMeter
    profile: MeterProfile
    device_number: str


def prepare(path: Path) -> Reproduced:
    """Read the bundle and build what reproduces it (BundleError when it cannot be)."""
    contents = read_bundle(path)
    unit, meter = meter_from_bundle(contents)
    return Reproduced(
        path,
        world_from_bundle(contents),
        unit,
        meter,
        bundle_profile(contents),
        device_number(contents),
    )


async def replace_world(old: demo.DemoWorld | None, new: Reproduced) -> demo.DemoWorld:
    if old is not None:
        await old.aclose()
    return await demo.serve(
        new.world,
        MeterSimulator({new.unit: new.meter}),
        gateway=new.world.gateways()[0][1],
        unit=new.unit,
        device_number=new.device_number,
        profile=new.profile,
    )


class BundleOpener(QObject):
    """Owns the world a bundle (or `--demo`, handed over at start-up) runs in."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.world: demo.DemoWorld | None = None  # the running demo or bundle world

    def open(self, path: Path, page: Page) -> Job[Reproduced]:
        """Reproduce the bundle at `path`; messages go to `page`'s banner."""
        return page.run(
            asyncio.to_thread(prepare, path),
            partial(self._start, page),
            partial(self._refused, page),
        )

    def _refused(self, page: Page, error: BaseException) -> None:
        if not isinstance(error, BundleError):
            page.show_error(error)
            return
        message = error.message
        page.show_message(
            Level.ERROR,
            lambda: self.tr("This file cannot be opened as a diagnostics bundle."),
            lambda: message,
        )

    def _start(self, page: Page, reproduced: Reproduced) -> None:
        old, self.world = self.world, None
        self.session.set_meter(None)  # stops polling the old meter before its server goes
        page.run(replace_world(old, reproduced), partial(self._started, page, reproduced.path))

    def _started(self, page: Page, path: Path, world: demo.DemoWorld) -> None:
        self.world = world
        self.session.bridge.add_closer(world.aclose)
        log.info(
            "bundle %s: API emulator at %s, meter at %s",
            path,
            world.emulator.base_url,
            world.meter_uri,
        )
        demo.connect(self.session, world).failed.connect(page.show_error)
        page.show_message(
            Level.SUCCESS,
            lambda: self.tr("Bundle opened: its site runs here, reproduced."),
            lambda: self.tr(
                "The meter answers with the captured registers; its values do not move."
            ),
            str(path),
        )
