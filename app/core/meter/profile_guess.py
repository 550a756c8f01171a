"""Which profile fits a meter that answered, judged by whether its readings make physical sense.

Stage 1 reads each candidate's voltage and frequency registers and scores them: phase voltage
90–260 V, line voltage 180–450 V, frequency 45–65 Hz. Multi-register values are also decoded in
the other word orders; when another order is plausible and the profile's is not, the guess says
so — the classic commissioning mistake. Stage 2 polls the best-scoring candidates in full and
prefers the one whose registers all exist and carry non-zero values (meter families share maps).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.core.meter.decoding import decode_words
from app.core.meter.links import LinkError, ModbusLink
from app.core.meter.profile import MeterProfile, SensorMapping, WordOrder
from app.core.meter.reader import MeterReader
from app.core.meter.reading import MeterReading
from app.core.sensors.dictionary import sensor_by_name

PLAUSIBLE: dict[str, tuple[float, float]] = {
    "voltage_ln": (90.0, 260.0),
    "voltage_ll": (180.0, 450.0),
    "frequency": (45.0, 65.0),
}
FINALISTS = 4  # best-scoring candidates polled in full in stage 2


@dataclass(frozen=True, slots=True)
class ProfileGuess:
    profile_id: str
    score: float  # 0..1: the share of voltage/frequency values that are plausible
    evidence: dict[str, float | None]  # probe sensor -> value (in the best word order)
    word_order: WordOrder | None = None  # set when the meter's order differs from the profile's
    available: int | None = None  # stage 2: sensors with a value
    nonzero: int | None = None
    missing: int | None = None  # stage 2: sensors whose registers the meter lacks

    @property
    def word_order_mismatch(self) -> bool:
        return self.word_order is not None

    @property
    def message(self) -> str:
        text = f"{self.profile_id}: {self.score:.0%} of voltage/frequency checks plausible"
        if self.word_order is not None:
            text += (
                f"; the meter sends multi-register values in {self.word_order.value} order, not "
                "the profile's — fix the meter's setting or use a profile with that word order"
            )
        return text

    def rank(self) -> tuple[float, float, int, int]:
        full = self.available is not None
        return (
            round(self.score, 6),
            1.0
            if not full
            else (self.available or 0) / max(1, (self.available or 0) + (self.missing or 0)),
            self.nonzero or 0,
            -((self.available or 0) - (self.nonzero or 0)),
        )


def probe_mappings(profile: MeterProfile) -> tuple[SensorMapping, ...]:
    """The mappings whose values can be judged: voltages and frequency."""
    sensors = sensor_by_name()
    out = []
    for m in profile.sensors + profile.auxiliary:
        quantity = (
            "frequency"
            if m.sensor == "frequency"
            else getattr(sensors.get(m.sensor), "quantity", None)
        )
        if quantity in PLAUSIBLE:
            out.append(m)
    return tuple(out)


def _quantity(sensor: str) -> str:
    if sensor == "frequency":
        return sensor
    return sensor_by_name()[sensor].quantity


def _plausible(sensor: str, value: float | None) -> bool:
    low, high = PLAUSIBLE[_quantity(sensor)]
    return value is not None and low <= value <= high


def _value(
    mapping: SensorMapping, words: tuple[tuple[int, ...] | None, ...], order: WordOrder | None
) -> float | None:
    """The mapping's value with its multi-register parts read in `order` (None: the profile's)."""
    if len(words) != len(mapping.parts):
        return None
    if order is not None:
        parts = tuple(replace(p, word_order=order) if p.count > 1 else p for p in mapping.parts)
        mapping = replace(mapping, parts=parts)
    return decode_words(mapping, words)


def score_reading(profile: MeterProfile, reading: MeterReading) -> ProfileGuess:
    """Score a stage-1 reading in the profile's word order and the alternatives."""
    probes = probe_mappings(profile)
    best: ProfileGuess | None = None
    multi = any(p.count > 1 for m in probes for p in m.parts)
    for order in [None, *(WordOrder if multi else ())]:
        evidence = {m.sensor: _value(m, reading.raw.get(m.sensor, ()), order) for m in probes}
        score = sum(_plausible(s, v) for s, v in evidence.items()) / max(1, len(probes))
        same = order is None or all(
            p.word_order == order for m in probes for p in m.parts if p.count > 1
        )
        guess = ProfileGuess(profile.id, score, evidence, None if same else order)
        if best is None or guess.score > best.score + 1e-9:
            best = guess
    assert best is not None
    return best


async def guess_profiles(
    link: ModbusLink, unit: int, candidates: Sequence[MeterProfile]
) -> list[ProfileGuess]:
    """Rank candidate profiles for the meter at `unit`, best first (score 0: does not fit)."""
    stage1: list[tuple[MeterProfile, ProfileGuess]] = []
    for profile in candidates:
        probes = probe_mappings(profile)
        if not probes:
            continue  # nothing to judge it by (e.g. a map with only power and energy)
        probing = replace(profile, sensors=probes, auxiliary=())
        reading = await MeterReader(link, probing, unit, isolate_failures=False).poll()
        if isinstance(reading.error, LinkError) and reading.available == 0:
            stage1.append((profile, ProfileGuess(profile.id, 0.0, {})))
            continue
        stage1.append((profile, score_reading(profile, reading)))
    top = max((g.score for _, g in stage1), default=0.0)
    ranked: list[ProfileGuess] = []
    polled = 0
    for profile, guess in stage1:
        if top >= 0.5 and guess.score >= top - 1e-9 and polled < FINALISTS:
            polled += 1
            reading = await MeterReader(link, profile, unit).poll()
            available = reading.available
            nonzero = sum(1 for v in reading.values.values() if v)
            missing = sum(p.code == "missing-register" for p in reading.problems.values())
            guess = replace(guess, available=available, nonzero=nonzero, missing=missing)
        ranked.append(guess)
    return sorted(ranked, key=lambda g: g.rank(), reverse=True)
