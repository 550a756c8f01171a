"""A profile's TOML tables -> `MeterProfile`, checking every field (see docs/profiles.md).

Cross-entry rules (a variable mapped twice, overlapping registers, unknown source ids) live in
`profile_checks`; this module checks each table on its own.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.core.meter.profile import (
    ClockFormat,
    ClockSpec,
    Confidence,
    DataType,
    DeviceLimits,
    Function,
    MeterProfile,
    Parity,
    RegisterSource,
    SensorMapping,
    SerialDefaults,
    SpecialDecoding,
    WordOrder,
)
from app.core.meter.profile_errors import ProfileErrorCode, entry_label
from app.core.meter.profile_fields import FieldReader
from app.core.sensors.dictionary import AUXILIARY_QUANTITIES, sensor_by_name
from app.core.sensors.names import fold, suggest

TOP_KEYS = {
    "manufacturer", "model", "description", "default_unit", "notes", "limits", "serial",
    "defaults", "sources", "sensor", "auxiliary", "clock", "not_available",
}  # fmt: skip
LOCATION_KEYS = {"function", "address", "type", "word_order", "scale", "not_available", "decoding"}
DEFAULT_KEYS = {"function", "type", "word_order"}
ENTRY_KEYS = LOCATION_KEYS | {"name", "parts", "confidence", "sources", "note"}
PART_KEYS = LOCATION_KEYS | {"optional"}
LIMIT_KEYS = {
    "max_registers_per_request", "turnaround_s", "pause_s", "timeout_s", "reads_through_gaps",
}  # fmt: skip
OLD_TURNAROUND_KEY = "pause_s"  # the old name of turnaround_s, still read
SERIAL_KEYS = {"baud", "parity", "stop_bits", "data_bits"}
CLOCK_KEYS = {
    "function", "address", "count", "format", "local_time", "settable", "command_address",
    "set_command", "result_address", "confidence", "sources",
}  # fmt: skip
BAUD_RATES = (1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200)

TYPE_HINTS = {
    "uint16": "u16", "int16": "i16", "uint32": "u32", "int32": "i32", "uint64": "u64",
    "int64": "i64", "float": "f32", "float32": "f32", "real": "f32", "double": "f64",
    "float64": "f64", "word": "u16", "dword": "u32",
}  # fmt: skip
WORD_ORDER_HINTS = {w.value.lower(): w.value for w in WordOrder} | {
    "big": "ABCD", "big-endian": "ABCD", "little": "DCBA", "little-endian": "DCBA",
    "swapped": "CDAB", "word-swap": "CDAB", "lsw": "CDAB", "msw": "ABCD",
}  # fmt: skip
PARITY_HINTS = {"none": "N", "even": "E", "odd": "O", "n": "N", "e": "E", "o": "O"}


def parse_profile(data: Mapping[str, Any], profile_id: str, file: str, path: Path) -> MeterProfile:
    top = FieldReader(file, data)
    top.check_keys(TOP_KEYS, required=("manufacturer", "model", "sensor"))
    defaults = FieldReader(file, data.get("defaults", {}), "[defaults]")
    defaults.check_keys(DEFAULT_KEYS, top_level=TOP_KEYS)
    patterns = _type_patterns(FieldReader(file, data.get("not_available", {}), "[not_available]"))
    sensors = _with_patterns(_entries(file, data["sensor"], "sensor", defaults.table), patterns)
    if not sensors:
        raise top.error(ProfileErrorCode.MISSING_KEY, "no [[sensor]] entries")
    auxiliary = _entries(file, data.get("auxiliary", []), "auxiliary", defaults.table)
    return MeterProfile(
        id=profile_id,
        manufacturer=top.string("manufacturer"),
        model=top.string("model"),
        sensors=sensors,
        auxiliary=_with_patterns(auxiliary, patterns),
        description=top.string("description") if top.has("description") else "",
        default_unit=top.integer("default_unit", 1, 247) if top.has("default_unit") else None,
        limits=_limits(FieldReader(file, data.get("limits", {}), "[limits]")),
        serial=_serial(FieldReader(file, data.get("serial", {}), "[serial]")),
        clock=_clock(FieldReader(file, data["clock"], "[clock]")) if "clock" in data else None,
        sources=_sources(FieldReader(file, data.get("sources", {}), "[sources]")),
        notes=top.strings("notes"),
        path=path,
    )


def _entries(
    file: str, raw: object, kind: str, defaults: Mapping[str, Any]
) -> tuple[SensorMapping, ...]:
    if not isinstance(raw, list):
        raise FieldReader(file, {}, f"[[{kind}]]").error(
            ProfileErrorCode.BAD_VALUE, f"write each entry as a [[{kind}]] table"
        )
    return tuple(_mapping(file, item, kind, i, defaults) for i, item in enumerate(raw, 1))


def _mapping(
    file: str, raw: object, kind: str, index: int, defaults: Mapping[str, Any]
) -> SensorMapping:
    name = raw.get("name") if isinstance(raw, Mapping) else None
    entry = FieldReader(file, raw, entry_label(kind, index, name))
    entry.check_keys(ENTRY_KEYS, required=("name",))
    sensor = _sensor_name(entry, kind)
    inherited = {**defaults, **{k: v for k, v in entry.table.items() if k in LOCATION_KEYS}}
    if entry.has("parts"):
        if entry.has("address"):
            raise entry.error(
                ProfileErrorCode.BAD_VALUE, "give either 'address' or 'parts', not both"
            )
        raw_parts = entry.table["parts"]
        if not isinstance(raw_parts, list) or not raw_parts:
            raise entry.error(ProfileErrorCode.BAD_VALUE, "'parts' must be a non-empty list")
        parts = tuple(
            _part(file, p, inherited, f"{entry.entry}, part {i}")
            for i, p in enumerate(raw_parts, 1)
        )
    else:
        parts = (_source(FieldReader(file, inherited, entry.entry)),)
    return SensorMapping(
        sensor=sensor,
        parts=parts,
        confidence=entry.choice("confidence", Confidence, Confidence.HIGH),
        sources=entry.strings("sources"),
        note=entry.string("note") if entry.has("note") else "",
    )


def _part(file: str, raw: object, inherited: Mapping[str, Any], label: str) -> RegisterSource:
    part = FieldReader(file, raw, label)
    part.check_keys(PART_KEYS)
    source = _source(FieldReader(file, {**inherited, **part.table}, label))
    return replace(source, optional=part.boolean("optional", False))


def _type_patterns(f: FieldReader) -> dict[DataType, tuple[int, ...]]:
    """[not_available]: the manufacturer's "no value" patterns per type, for every register."""
    f.check_keys({t.value for t in DataType})
    return {
        data_type: _sentinels(
            FieldReader(f.file, f.table, f"[not_available] {data_type.value}"),
            data_type,
            data_type.value,
        )
        for data_type in DataType
        if f.has(data_type.value)
    }


def _with_patterns(
    mappings: tuple[SensorMapping, ...], patterns: Mapping[DataType, tuple[int, ...]]
) -> tuple[SensorMapping, ...]:
    if not patterns:
        return mappings
    return tuple(
        replace(
            m,
            parts=tuple(
                replace(
                    p,
                    not_available=tuple(dict.fromkeys(p.not_available + patterns.get(p.type, ()))),
                )
                for p in m.parts
            ),
        )
        for m in mappings
    )


def _source(f: FieldReader) -> RegisterSource:
    function = f.integer("function", 3, 4) if f.has("function") else None
    if function is None:
        raise f.error(
            ProfileErrorCode.MISSING_KEY,
            "missing 'function' (3 = holding, 4 = input registers); set it here or in [defaults]",
        )
    address = f.integer("address", 0, 65535)
    data_type = f.choice("type", DataType, hints=TYPE_HINTS) if f.has("type") else None
    if data_type is None:
        raise f.error(ProfileErrorCode.MISSING_KEY, "missing 'type'; set it here or in [defaults]")
    if address + data_type.words > 65536:
        raise f.error(
            ProfileErrorCode.BAD_VALUE,
            f"a {data_type.value} at address {address} runs past the last register (65535)",
        )
    scale = f.number("scale", -1e12, 1e12, 1.0)
    if scale == 0:
        raise f.error(ProfileErrorCode.BAD_VALUE, "'scale' must not be 0")
    return RegisterSource(
        function=Function(function),
        address=address,
        type=data_type,
        word_order=f.choice("word_order", WordOrder, WordOrder.ABCD, WORD_ORDER_HINTS),
        scale=scale,
        not_available=_sentinels(f, data_type),
        decoding=f.choice("decoding", SpecialDecoding) if f.has("decoding") else None,
    )


def _sentinels(f: FieldReader, data_type: DataType, key: str = "not_available") -> tuple[int, ...]:
    raw = f.table.get(key, [])
    if not isinstance(raw, list):
        raw = [raw]
    limit = 1 << (16 * data_type.words)
    values = []
    for item in raw:
        try:
            value = int(item, 0) if isinstance(item, str) else item
        except ValueError:
            value = None
        if isinstance(value, bool) or not isinstance(value, int):
            raise f.error(
                ProfileErrorCode.BAD_VALUE,
                f'not_available entries are hex texts like "0xFFFFFFFF", got {item!r}',
            )
        if not 0 <= value < limit:
            raise f.error(
                ProfileErrorCode.BAD_VALUE,
                f"not_available {item!r} does not fit a {data_type.value} "
                f"({data_type.words} registers: 0x0 .. 0x{limit - 1:X})",
            )
        values.append(value)
    return tuple(values)


def _sensor_name(entry: FieldReader, kind: str) -> str:
    name = unicodedata.normalize("NFC", entry.string("name").strip())
    variables: list[str] = list(sensor_by_name())
    auxiliary: list[str] = list(AUXILIARY_QUANTITIES)
    wanted, other = (auxiliary, variables) if kind == "auxiliary" else (variables, auxiliary)
    if name in wanted:
        return name
    if name in other:
        table = "[[auxiliary]]" if kind == "sensor" else "[[sensor]]"
        what = "an auxiliary quantity" if kind == "sensor" else "a ChileMedido variable"
        raise entry.error(
            ProfileErrorCode.UNKNOWN_SENSOR, f"'{name}' is {what}; put it under {table}"
        )
    close = _closest(name, wanted)
    hint = f"did you mean '{close}'? " if close else ""
    if kind == "sensor":
        detail = (
            f"unknown ChileMedido variable '{name}'; {hint}"
            "names must match the platform's exactly, accents included"
        )
    else:
        detail = f"unknown auxiliary quantity '{name}'; {hint}use one of {', '.join(wanted)}"
    raise entry.error(ProfileErrorCode.UNKNOWN_SENSOR, detail)


def _closest(name: str, candidates: list[str]) -> str | None:
    """The candidate `name` equals but for accents, case or spacing, else the most alike."""
    near = suggest(name, candidates)
    if near is not None:
        return near
    folded = {fold(c): c for c in candidates}
    close = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def _limits(f: FieldReader) -> DeviceLimits:
    f.check_keys(LIMIT_KEYS, top_level=TOP_KEYS)
    d = DeviceLimits()
    return DeviceLimits(
        max_registers_per_request=f.integer(
            "max_registers_per_request", 1, 125, d.max_registers_per_request
        ),
        turnaround_s=_turnaround(f, d.turnaround_s),
        timeout_s=f.number("timeout_s", 0.01, 60.0, d.timeout_s),
        reads_through_gaps=f.boolean("reads_through_gaps", d.reads_through_gaps),
    )


def _turnaround(f: FieldReader, default: float) -> float:
    """`turnaround_s`, or its old name `pause_s` in profiles written before the rename: kept
    as a turnaround, it gives at least the silence the old pause gave."""
    if f.has("turnaround_s") and f.has(OLD_TURNAROUND_KEY):
        raise f.error(
            ProfileErrorCode.BAD_VALUE,
            "'pause_s' is the old name of 'turnaround_s'; give only 'turnaround_s'",
        )
    key = OLD_TURNAROUND_KEY if f.has(OLD_TURNAROUND_KEY) else "turnaround_s"
    return f.number(key, 0.0, 10.0, default)


def _serial(f: FieldReader) -> SerialDefaults:
    f.check_keys(SERIAL_KEYS, top_level=TOP_KEYS)
    d = SerialDefaults()
    baud = f.integer("baud", 1, 10_000_000, d.baud)
    if baud not in BAUD_RATES:
        raise f.error(
            ProfileErrorCode.BAD_VALUE,
            f"baud {baud} is not a standard rate; use one of {', '.join(map(str, BAUD_RATES))}",
        )
    stop_bits = f.integer("stop_bits", 1, 2, d.stop_bits)
    data_bits = f.integer("data_bits", 7, 8, d.data_bits)
    parity = f.choice("parity", Parity, d.parity, PARITY_HINTS)
    return SerialDefaults(baud=baud, parity=parity, stop_bits=stop_bits, data_bits=data_bits)


def _sources(f: FieldReader) -> dict[str, str]:
    for key in f.table:
        if key in TOP_KEYS:
            raise f.misplaced(key)
    return {key: f.string(key) for key in f.table}


def _clock(f: FieldReader) -> ClockSpec:
    f.check_keys(
        CLOCK_KEYS, required=("function", "address", "count", "format"), top_level=TOP_KEYS
    )
    address = f.integer("address", 0, 65535)
    count = f.integer("count", 1, 125)
    if address + count > 65536:
        raise f.error(ProfileErrorCode.CLOCK, "the clock registers run past register 65535")
    clock_format = f.choice("format", ClockFormat)
    if clock_format is ClockFormat.SCHNEIDER_DATETIME and count != 4:
        raise f.error(ProfileErrorCode.CLOCK, f"schneider-datetime takes 4 registers, not {count}")
    settable = f.boolean("settable", False)
    command = ("command_address", "set_command", "result_address")
    given = [k for k in command if f.has(k)]
    if settable and len(given) < len(command):
        missing = ", ".join(k for k in command if k not in given)
        raise f.error(ProfileErrorCode.CLOCK, f"a settable clock needs {missing}")
    if not settable and given:
        raise f.error(
            ProfileErrorCode.CLOCK,
            f"{', '.join(given)} only apply to a settable clock; add settable = true or remove "
            "them",
        )
    return ClockSpec(
        function=Function(f.integer("function", 3, 4)),
        address=address,
        count=count,
        format=clock_format,
        local_time=f.boolean("local_time", True),
        settable=settable,
        command_address=f.integer("command_address", 0, 65535) if settable else None,
        set_command=f.integer("set_command", 0, 65535) if settable else None,
        result_address=f.integer("result_address", 0, 65535) if settable else None,
        confidence=f.choice("confidence", Confidence, Confidence.MEDIUM),
        sources=f.strings("sources"),
    )
