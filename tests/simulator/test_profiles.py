"""Every profile, served on one bus (a unit id each) and read back with an independent decoder."""

from __future__ import annotations

from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import ProfileLibrary, shipped_profiles_dir
from app.simulator import MeterSimulator
from tests.fixtures.simulator import RunningSimulator, make_meter
from tests.simulator import sample_profiles
from tests.simulator.clients import tcp_client
from tests.simulator.test_transports import check_against_model, read_all


async def serve_and_check(profiles: list[MeterProfile]) -> None:
    meters = {unit: make_meter(p, seed=unit) for unit, p in enumerate(profiles, start=1)}
    async with MeterSimulator(meters) as sim:
        port = await sim.start_tcp("127.0.0.1", 0)
        running = RunningSimulator(sim, meters[1], "127.0.0.1", port, 1)
        async with tcp_client(running) as client:
            for unit, meter in meters.items():
                image = await read_all(client, unit, meter.profile)
                check_against_model(meter, image)


async def test_every_shipped_profile() -> None:
    library = ProfileLibrary([shipped_profiles_dir()])
    assert not library.errors
    profiles = library.all()
    assert len(profiles) >= 10
    await serve_and_check(profiles)


async def test_every_sample_profile() -> None:
    await serve_and_check([make() for make in sample_profiles.ALL])


def test_expected_values_cover_every_mapped_variable() -> None:
    for make in sample_profiles.ALL:
        profile = make()
        expected = make_meter(profile).expected_values()
        assert set(expected) == {m.sensor for m in profile.sensors + profile.auxiliary} | {
            "frequency"
        }
        assert all(v is not None for v in expected.values())
