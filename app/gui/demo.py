"""`medido --demo`: the app wired to the built-in API emulator and a simulated meter.

Edge code (docs/design.md §3): the core never knows it is talking to an emulator. The emulator
serves on its own thread; the simulated meter (Eastron SDM630, unit 1) serves Modbus TCP on the core
loop. The demo writes its addresses into the demo's own settings file (never the installer's),
logs in with a refresh token the emulator issues, looks up meter "29", connects to the simulated
meter and polls it, so a new user sees a working meter within seconds. The emulator rotates
refresh tokens strictly (each works once), so the demo goes the way an installer must on such a
platform: the token it logged in with is spent, and the newest one is what the gateway needs back
(Connection page: Copy / Save newest token).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace

from app.core.api import ChileMedidoClient, Device, Environment
from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import default_library
from app.core.meter.session import MeterSession
from app.emulator.server import EmulatorServer
from app.emulator.world import World, default_world
from app.gui.job import Job
from app.gui.session import Session
from app.gui.settings import (
    API_URL,
    DEVICE_NUMBER,
    ENVIRONMENT,
    METER_PROFILE,
    METER_URI,
    Settings,
)
from app.simulator import MeterSimulator, SimulatedMeter

log = logging.getLogger(__name__)

DEMO_PROFILE = "eastron-sdm630"
DEMO_DEVICE = "29"
DEMO_GATEWAY = "2"
DEMO_UNIT = 1


def demo_world() -> World:
    """The emulator's default world with strict rotation: the hand-back path is the one used."""
    return replace(default_world(), strict_refresh_rotation=True, name="demo")


@dataclass
class DemoWorld:
    emulator: EmulatorServer
    simulator: MeterSimulator
    meter_port: int
    refresh_token: str
    unit: int = DEMO_UNIT
    device_number: str = DEMO_DEVICE
    profile: MeterProfile | None = None  # None: the shipped DEMO_PROFILE

    @property
    def meter_uri(self) -> str:
        return f"tcp://127.0.0.1:{self.meter_port}?unit={self.unit}"

    def meter_profile(self) -> MeterProfile:
        return self.profile or default_library().get(DEMO_PROFILE)

    def stop(self) -> None:
        """Stop the emulator; the simulator stops with the core loop (a bridge closer)."""
        self.emulator.stop()

    async def aclose(self) -> None:
        """Stop both, on the core loop (a world replaced while the app runs)."""
        await self.simulator.stop()
        await asyncio.to_thread(self.emulator.stop)


async def serve(
    world: World,
    simulator: MeterSimulator,
    *,
    gateway: str,
    unit: int,
    device_number: str,
    profile: MeterProfile,
) -> DemoWorld:
    """Start an emulator of `world` and `simulator` (on the core loop, the GUI thread free);
    File → Open bundle uses it with a bundle's world and replayed meter."""
    emulator = await asyncio.to_thread(EmulatorServer(world).start)
    try:
        port = await simulator.start_tcp("127.0.0.1", 0)
    except BaseException:
        await asyncio.to_thread(emulator.stop)
        raise
    token = emulator.issue_refresh_token(gateway)
    return DemoWorld(emulator, simulator, port, token, unit, device_number, profile)


def start_world(session: Session, timeout: float = 10.0) -> DemoWorld:
    """Start the emulator and the simulated meter, before the pages are built.

    The GUI thread waits here (bounded) for two loopback servers to bind, usually a few
    milliseconds: it is start-up (only the window's shell is on screen), and the pages must
    find the addresses in the settings when built.
    """
    emulator = EmulatorServer(demo_world()).start()
    try:
        profile = default_library().get(DEMO_PROFILE)
        simulator = MeterSimulator({DEMO_UNIT: SimulatedMeter(profile)})
        starting = asyncio.run_coroutine_threadsafe(
            simulator.start_tcp("127.0.0.1", 0), session.bridge.loop
        )
        port = starting.result(timeout)
    except BaseException:
        emulator.stop()
        raise
    session.bridge.add_closer(simulator.stop)
    world = DemoWorld(emulator, simulator, port, emulator.issue_refresh_token(DEMO_GATEWAY))
    write_settings(session.settings, world)
    log.info("demo: API emulator at %s, simulated meter at %s", emulator.base_url, world.meter_uri)
    return world


def write_settings(settings: Settings, world: DemoWorld) -> None:
    settings.set(ENVIRONMENT, "emulator")
    settings.set(API_URL, world.emulator.base_url)
    settings.set(DEVICE_NUMBER, DEMO_DEVICE)
    settings.set(METER_URI, world.meter_uri)
    settings.set(METER_PROFILE, DEMO_PROFILE)
    settings.sync()


def connect(session: Session, world: DemoWorld) -> Job[Device]:
    """Log in, look the meter up, connect to the simulated meter and poll it."""
    client = ChileMedidoClient(
        Environment.emulator(world.emulator.base_url),
        remember_tokens=False,  # a demo token must not replace a real one in the OS store
        traffic=session.traffic,
    )
    session.set_api(client)
    profile = world.meter_profile()
    uri = parse_meter_uri(world.meter_uri)
    session.set_meter(MeterSession(uri, profile, traffic=session.traffic))
    session.start_polling()

    async def log_in_and_find_meter() -> Device:
        await client.login(world.refresh_token)
        return await client.device_by_number(world.device_number)

    job = session.bridge.submit(log_in_and_find_meter())
    job.succeeded.connect(session.set_device)
    job.failed.connect(lambda error: log.warning("demo: could not log in: %s", error))
    return job
