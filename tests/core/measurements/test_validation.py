from __future__ import annotations

import pytest

from app.core.api import Measure
from app.core.measurements import (
    MeasurementBatch,
    Severity,
    ValidationLimits,
    split,
    validate,
)
from app.core.sensors.dictionary import sensor_dictionary

ALL = tuple(s.name for s in sensor_dictionary())
NOW = 1_780_000_000  # 2026-05-28, on the server's clock
DAY = 86_400


def batch_of(
    stamps: list[int], device: str = "29", values: dict[str, float] | None = None
) -> MeasurementBatch:
    chosen = values or {"Corriente A": 1.0}
    return MeasurementBatch(device, tuple(Measure(t, chosen) for t in stamps))


def codes(
    batch: MeasurementBatch | list[MeasurementBatch],
    known_names: list[str] | None = None,
    limits: ValidationLimits | None = None,
) -> list[str]:
    result = validate(batch, now=NOW, known_names=known_names, limits=limits)
    return [p.code for p in result.problems]


def test_the_seed_example_is_valid() -> None:
    batch = MeasurementBatch.build("29", ALL, dict.fromkeys(ALL, 1.0), NOW)
    result = validate(batch, now=NOW)
    assert result.problems == ()
    assert result.ok


def test_a_hundred_measures_pass_and_a_hundred_and_one_do_not() -> None:
    assert codes(batch_of([NOW - i * 60 for i in range(100)])) == []
    result = validate(batch_of([NOW - i * 60 for i in range(101)]), now=NOW)
    assert [p.code for p in result.errors] == ["measurement.too_many"]
    assert "101 measures" in result.errors[0].message
    assert not result.ok


def test_the_hundred_count_is_across_the_whole_request() -> None:
    two = [
        batch_of([NOW - i for i in range(60)], "29"),
        batch_of([NOW - i for i in range(41)], "30"),
    ]
    assert codes(two) == ["measurement.too_many"]


def test_span_of_one_day_passes_and_a_second_more_does_not() -> None:
    assert codes(batch_of([NOW - DAY, NOW])) == []
    assert codes(batch_of([NOW - DAY - 1, NOW])) == ["measurement.span_too_long"]


def test_values_must_be_finite_numbers() -> None:
    nan = batch_of([NOW], values={"Corriente A": float("nan")})
    inf = batch_of([NOW], values={"Corriente B": float("-inf")})
    text = MeasurementBatch("29", (Measure(NOW, {"Corriente A": "12"}),))  # type: ignore[dict-item]
    flag = MeasurementBatch("29", (Measure(NOW, {"Corriente A": True}),))
    assert codes(nan) == ["measurement.not_finite"]
    assert codes(inf) == ["measurement.not_finite"]
    assert codes(text) == ["measurement.not_a_number"]
    assert codes(flag) == ["measurement.not_a_number"]
    problem = validate(nan, now=NOW).errors[0]
    assert (problem.sensor, problem.timestamp, problem.device) == ("Corriente A", NOW, "29")


def test_empty_request_and_empty_measure() -> None:
    assert codes(MeasurementBatch("29", ())) == ["measurement.empty"]
    assert codes(MeasurementBatch("29", (Measure(NOW, {}),))) == ["measurement.no_values"]


def test_device_number_must_not_be_blank() -> None:
    assert codes(batch_of([NOW], device="  ")) == ["measurement.device_number_empty"]
    assert codes(batch_of([NOW], device="A-29")) == []  # text, not necessarily a number


def test_names_must_match_the_platforms_spelling_exactly() -> None:
    batch = MeasurementBatch(
        "29",
        (
            Measure(
                NOW,
                {
                    "Energia activa acumulada": 1.0,  # accent missing
                    "potencia activa total INSTANTÁNEA": 1.0,  # case
                    "Frecuencia": 50.0,  # not a ChileMedido variable at all
                    "Corriente A": 1.0,
                },
            ),
        ),
    )
    result = validate(batch, now=NOW)
    spelling = [p for p in result.errors if p.code == "measurement.sensor_name_spelling"]
    assert [(p.sensor, p.suggestion) for p in spelling] == [
        ("Energia activa acumulada", "Energía activa acumulada"),
        ("potencia activa total INSTANTÁNEA", "Potencia activa total instantánea"),
    ]
    assert [(p.code, p.severity) for p in result.warnings] == [
        ("measurement.unknown_sensor", Severity.WARNING)
    ]
    assert result.warnings[0].sensor == "Frecuencia"


def test_names_can_be_checked_against_the_live_dictionary() -> None:
    batch = batch_of([NOW], values={"Corriente A": 1.0})
    assert codes(batch, known_names=["Corriente B"]) == ["measurement.unknown_sensor"]


def test_decomposed_unicode_is_not_the_platforms_spelling() -> None:
    decomposed = "Energi\u0301a activa acumulada"  # looks the same, another byte sequence
    result = validate(batch_of([NOW], values={decomposed: 1.0}), now=NOW)
    assert result.errors[0].suggestion == "Energía activa acumulada"


def test_timestamps_future_old_and_milliseconds() -> None:
    assert codes(batch_of([NOW + 299])) == []
    assert codes(batch_of([NOW + 301])) == ["measurement.timestamp_in_future"]
    old = validate(batch_of([NOW - 31 * DAY]), now=NOW)
    assert old.ok  # a warning only
    assert [p.code for p in old.warnings] == ["measurement.timestamp_old"]
    assert "31 days old" in old.warnings[0].message
    assert codes(batch_of([NOW * 1000])) == ["measurement.timestamp_in_ms"]
    relaxed = ValidationLimits(future_tolerance_s=3600)
    assert codes(batch_of([NOW + 1800]), limits=relaxed) == []


def test_fractional_timestamp_is_refused() -> None:
    batch = MeasurementBatch("29", (Measure(NOW + 0.5, {"Corriente A": 1.0}),))  # type: ignore[arg-type]
    assert codes(batch) == ["measurement.timestamp_not_whole"]


def test_split_makes_valid_requests() -> None:
    # 250 measures a minute apart (~4 h) then 30 more two days later.
    stamps = [NOW - 3 * DAY + i * 60 for i in range(250)] + [NOW - DAY + i * 600 for i in range(30)]
    big = batch_of(list(reversed(stamps)))
    assert not validate(big, now=NOW).ok
    parts = split(big)
    assert [len(p.measures) for p in parts] == [100, 100, 50, 30]
    for part in parts:
        assert validate(part, now=NOW).ok
        assert part.device_number == "29"
    flattened = [m.timestamp for p in parts for m in p.measures]
    assert flattened == sorted(stamps)


@pytest.mark.parametrize("gap", [DAY, DAY + 1])
def test_split_cuts_at_the_day_limit(gap: int) -> None:
    parts = split(batch_of([NOW - gap, NOW - gap + 10, NOW]))
    assert [len(p.measures) for p in parts] == ([3] if gap == DAY else [2, 1])
    assert all(p.span_s <= DAY for p in parts)


def test_split_honours_custom_limits() -> None:
    parts = split(batch_of(list(range(NOW - 9, NOW + 1))), ValidationLimits(max_measures=4))
    assert [len(p.measures) for p in parts] == [4, 4, 2]


def test_a_value_no_meter_can_produce_is_refused() -> None:
    schneider_na = -9.223372036854776e15  # INT64 0x8000… decoded as Wh, in kWh
    batch = batch_of([NOW], values={"Energía activa acumulada": schneider_na, "Corriente A": 3.1})
    result = validate(batch, now=NOW)
    assert [p.code for p in result.errors] == ["measurement.impossible_value"]
    assert result.errors[0].sensor == "Energía activa acumulada"
    assert "-9.22337e+15 kWh" in result.errors[0].message
    assert not result.ok


def test_every_impossible_value_of_a_long_request_is_found_not_only_the_first() -> None:
    # The sensors' ranges are looked up once per request; each value is still judged.
    values = [{"Corriente A": 3.1, "Factor de potencia total": pf} for pf in (0.9, 1.5, 0.8, -2.0)]
    batch = MeasurementBatch("29", tuple(Measure(NOW - i, v) for i, v in enumerate(values)))
    result = validate(batch, now=NOW)
    assert [(p.timestamp, p.sensor) for p in result.errors] == [
        (NOW - 1, "Factor de potencia total"),
        (NOW - 3, "Factor de potencia total"),
    ]
    assert validate(batch_of([NOW], values={"Sin rango conocido": -1e30}), now=NOW).ok


def test_a_value_no_meter_can_produce_is_left_out_of_a_batch() -> None:
    values: dict[str, float | None] = {"Factor de potencia total": 3.0, "Corriente A": 3.1}
    batch = MeasurementBatch.build("29", ("Factor de potencia total", "Corriente A"), values, NOW)
    assert batch.sensor_names == ("Corriente A",)
    (omitted,) = batch.omitted
    assert omitted.code == "measurement.omitted.impossible"
    assert validate(batch, now=NOW).ok


def test_the_one_day_span_is_counted_across_every_device_of_the_body() -> None:
    # Each device's own measures lie within a day; together they span a day and a second.
    early = batch_of([NOW - DAY - 1, NOW - DAY + 60], device="29")
    late = batch_of([NOW - 60, NOW], device="30")
    assert codes(early) == codes(late) == []
    assert codes([early, late]) == ["measurement.span_too_long"]
    assert codes([early, batch_of([NOW - 1], device="30")]) == []  # exactly a day: fine
