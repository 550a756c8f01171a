"""The register capture: every answer a meter session got, words or exception, against the
simulator over Modbus TCP."""

from __future__ import annotations

from app.core.meter.capture import CapturedRead, RegisterCapture
from app.core.meter.links import Reply
from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile import Function
from app.core.meter.session import MeterSession
from app.simulator import Faults, RegisterFault
from tests.fixtures.simulator import SimTcpFactory

SDM630 = "eastron-sdm630"


async def test_a_session_captures_the_words_and_the_exceptions_the_meter_answered(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    # Corriente B is input register 8 (f32): exception 2, as if this variant lacked it.
    faults = Faults(register_faults=[RegisterFault(Function.INPUT, 8, 2, code=2)])
    sim = await meter_sim_tcp(SDM630, faults=faults)
    uri = parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1")
    meter = MeterSession(uri, sim.meter.profile)
    await meter.connect()
    reading = await meter.poll()
    await meter.close()

    capture = meter.capture
    assert reading.ok
    assert capture.unit == 1
    failed = capture.get(4, 8, 2)
    assert failed == CapturedRead(4, 8, 2, None, 2)
    answered = [r for r in capture.reads() if r.words is not None]
    assert answered
    assert all(r.exception is None for r in answered)
    for read in answered:  # the meter's registers exactly (its clock is frozen)
        assert list(read.words or ()) == sim.meter.read(read.function, read.address, read.count)
        assert len(read.words or ()) == read.count
    keys = [(r.function, r.address, r.count) for r in capture.reads()]
    assert keys == sorted(set(keys))  # one entry per distinct request

    data = capture.to_dict()
    assert data["unit"] == 1
    assert {"function": 4, "address": 8, "count": 2, "words": None, "exception": 2} in (
        data["reads"]
    )
    assert RegisterCapture.from_dict(data).to_dict() == data


async def test_the_clock_read_is_captured_too_and_closing_stops_the_capture(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_tcp(SDM630)
    meter = MeterSession(parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1"), sim.meter.profile)
    await meter.connect()
    await meter.link.read(1, Function.HOLDING, 0, 2)  # any read on the link: a console's, say
    assert meter.capture.get(3, 0, 2) is not None
    await meter.close()
    meter.link.replies.emit(Reply(1, 3, 100, 1, (7,)))
    assert meter.capture.get(3, 100, 1) is None


def test_the_latest_answer_wins_and_other_units_and_writes_are_left_out() -> None:
    capture = RegisterCapture(unit=2)
    capture.record(Reply(2, 3, 10, 2, (1, 2)))
    capture.record(Reply(2, 3, 10, 2, (), exception=4))
    capture.record(Reply(3, 3, 10, 2, (9, 9)))  # another meter on the same bus
    capture.record(Reply(2, 16, 10, 2))  # a write
    capture.record(Reply(2, 1, 0, 3, (1, 0, 1)))  # coils: 0/1 words
    assert capture.reads() == [
        CapturedRead(1, 0, 3, (1, 0, 1), None),
        CapturedRead(3, 10, 2, None, 4),
    ]
