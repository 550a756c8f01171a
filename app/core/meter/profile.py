"""What a meter profile says: how one meter model's registers map to ChileMedido variables.

Profiles are TOML files (`resources/profiles/*.toml`, plus the user's own folder); the loader in
`app.core.meter.profile_loader` validates them into these objects. Addresses are always 0-based
protocol addresses, the number that goes in the request PDU.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path

from app.core.meter.bus_time import Parity as Parity  # defined there (light); the profiles use it


class Function(IntEnum):
    """Modbus read function code."""

    HOLDING = 3
    INPUT = 4


class DataType(StrEnum):
    U16 = "u16"
    I16 = "i16"
    U32 = "u32"
    I32 = "i32"
    U64 = "u64"
    I64 = "i64"
    F32 = "f32"
    F64 = "f64"

    @property
    def words(self) -> int:
        """How many 16-bit registers a value of this type takes."""
        return _WORDS[self]  # a look-up: every decoded value asks

    @property
    def signed(self) -> bool:
        return self.value[0] in "if"


_WORDS = {t: int(t.value[1:]) // 16 for t in DataType}


class WordOrder(StrEnum):
    """Byte order of a multi-register value, named by where bytes A (most significant) … go.

    For 64-bit values the same rule extends to four words: ABCD = most significant word first,
    CDAB = least significant word first, BADC/DCBA = the same with the bytes in each word swapped.
    """

    ABCD = "ABCD"  # big-endian words, big-endian bytes (the Modbus default)
    CDAB = "CDAB"  # little-endian words ("word swap"), e.g. Carlo Gavazzi
    BADC = "BADC"  # big-endian words, bytes swapped within each word
    DCBA = "DCBA"  # fully little-endian


class SpecialDecoding(StrEnum):
    """Decodings that scale alone cannot express."""

    SCHNEIDER_PF_4Q = "schneider-pf-4q"  # PowerLogic four-quadrant power factor (-2..2)


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ClockFormat(StrEnum):
    SCHNEIDER_DATETIME = "schneider-datetime"  # 4 x u16: year-2000, month|day, hour|minute, ms


@dataclass(frozen=True, slots=True)
class RegisterSource:
    """One value on the bus: where it is and how to turn its words into a number."""

    function: Function
    address: int  # 0-based protocol address
    type: DataType
    word_order: WordOrder = WordOrder.ABCD
    scale: float = 1.0  # target = decoded * scale (negative to subtract in a sum)
    # Raw patterns that mean "not available", as the unsigned integer of all the value's words in
    # their bus order (e.g. 0xFFFFFFFF for ABB's u32, 0x7FFFFFFF for its i32). NaN floats are always
    # "not available".
    not_available: tuple[int, ...] = ()
    decoding: SpecialDecoding | None = None
    # A part of a sum that some meters lack (a second tariff): when the meter refuses it, the sum
    # is the other parts' and the reading says so in a note, instead of losing the whole value.
    optional: bool = False

    @property
    def count(self) -> int:
        return self.type.words

    @property
    def end(self) -> int:
        """One past the last register this value occupies."""
        return self.address + self.count


@dataclass(frozen=True, slots=True)
class SensorMapping:
    """How one variable is obtained: the sum of one or more register values.

    Most variables are one register value. A sum covers meters that split a counter by tariff
    (Siemens PAC3200: kWh tariff 1 + tariff 2) or by direction (inductive minus capacitive).
    """

    sensor: str  # ChileMedido's exact name, or an auxiliary quantity such as "frequency"
    parts: tuple[RegisterSource, ...]
    confidence: Confidence = Confidence.HIGH
    sources: tuple[str, ...] = ()  # ids into MeterProfile.sources
    note: str = ""


@dataclass(frozen=True, slots=True)
class DeviceLimits:
    """What the device tolerates on the bus."""

    max_registers_per_request: int = 125  # Modbus caps a read at 125 registers
    # How long the device needs after its reply before it hears the next request, beyond Modbus
    # RTU's 3.5-character silence (which every RS-485 link keeps anyway). An RS-485 matter: a
    # link over Modbus TCP ignores it (app.core.meter.bus_time.default_pause_s).
    turnaround_s: float = 0.0
    timeout_s: float = 1.0
    reads_through_gaps: bool = True  # False if reading an unmapped register raises an exception


@dataclass(frozen=True, slots=True)
class SerialDefaults:
    baud: int = 9600
    parity: Parity = Parity.NONE
    stop_bits: int = 1
    data_bits: int = 8


@dataclass(frozen=True, slots=True)
class ClockSpec:
    """Where a meter keeps its clock, and whether Medido can set it."""

    function: Function
    address: int
    count: int
    format: ClockFormat
    local_time: bool = True  # meters usually keep local wall time, not UTC
    settable: bool = False
    # Schneider sets the clock through a command block: write `set_command` and its parameters
    # at `command_address`, read the result at `result_address`.
    command_address: int | None = None
    set_command: int | None = None
    result_address: int | None = None
    confidence: Confidence = Confidence.MEDIUM
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MeterProfile:
    id: str  # e.g. "eastron-sdm630"; the file's stem
    manufacturer: str
    model: str
    sensors: tuple[SensorMapping, ...]  # ChileMedido variables
    auxiliary: tuple[SensorMapping, ...] = ()  # e.g. frequency, used by auto-detect
    description: str = ""
    default_unit: int | None = None
    limits: DeviceLimits = field(default_factory=DeviceLimits)
    serial: SerialDefaults = field(default_factory=SerialDefaults)
    clock: ClockSpec | None = None
    sources: dict[str, str] = field(default_factory=dict)  # source id -> citation
    notes: tuple[str, ...] = ()  # traps worth telling the installer (e.g. EM24 total vs partial)
    path: Path | None = None  # where it was loaded from

    def mapping(self, sensor: str) -> SensorMapping | None:
        for m in self.sensors + self.auxiliary:
            if m.sensor == sensor:
                return m
        return None

    @property
    def sensor_names(self) -> tuple[str, ...]:
        return tuple(m.sensor for m in self.sensors)
