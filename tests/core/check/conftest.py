"""A check rig: the emulator over loopback HTTP and the meter simulator over Modbus TCP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from app.core.api import ChileMedidoClient, Environment
from app.core.check.checklist import Checklist
from app.core.check.context import CheckContext, MeterUnderCheck
from app.core.check.outcome import CheckRun
from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import default_library
from app.core.meter.session import MeterSession
from app.core.upload.outbox import Outbox
from app.emulator.server import EmulatorServer
from app.simulator import Faults, SimClock
from tests.fixtures.simulator import SimTcpFactory

type RunCheck = Callable[..., Awaitable[CheckRun]]  # .last: the CheckContext of the last run


@pytest.fixture
async def run_check(
    emulator: EmulatorServer, meter_sim_tcp: SimTcpFactory
) -> AsyncIterator[RunCheck]:
    opened: list[object] = []

    async def run(
        faults: Faults | None = None,
        *,
        number: str = "29",
        profile: str | MeterProfile = "eastron-sdm630",
        upload: bool = False,
        token: str | None = None,
        unit: int = 1,
        server: EmulatorServer = emulator,
        model: str = "eastron-sdm630",
        outbox: Outbox | None = None,
    ) -> CheckRun:
        running = await meter_sim_tcp(model, faults=faults, clock=SimClock())
        client = ChileMedidoClient(
            Environment.emulator(server.base_url), remember_tokens=False, trust_env=False
        )
        uri = parse_meter_uri(f"tcp://{running.host}:{running.port}?unit={unit}")
        chosen = default_library().get(profile) if isinstance(profile, str) else profile
        session = MeterSession(uri, chosen, include_auxiliary=True)
        await session.connect()
        opened.extend([client, session])
        pasted = token if token is not None else server.issue_refresh_token()
        ctx = CheckContext(
            client,
            [MeterUnderCheck(device_number=number, meter=session)],
            log_in=lambda c: c.login(pasted),
            upload=upload,
            outbox=outbox,
            polls=2,
            interval_s=0.05,
            clock_samples=2,
        )
        run.last = ctx  # type: ignore[attr-defined]
        return await Checklist(ctx).run()

    yield run
    for thing in opened:
        await thing.aclose() if isinstance(thing, ChileMedidoClient) else await thing.close()  # type: ignore[attr-defined]
