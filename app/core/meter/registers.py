"""The register console's core: any table, any address, shown raw and decoded; raw writes.

Addresses and values as people type them are in `register_address.py`. Every access goes
through the link (its lock, its retries, its traffic records); a Modbus exception is a result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.meter.decoding import decode_value, ordered_bytes
from app.core.meter.links import ModbusLink
from app.core.meter.profile import DataType, Function, RegisterSource, WordOrder
from app.core.meter.register_address import (
    MAX_ADDRESS,
    MAX_BITS,
    MAX_WORDS,
    RegisterAddress,
    RegisterError,
    Table,
    WriteFunction,
    parse_values,
)

__all__ = [
    "ReadResult",
    "RegisterAddress",
    "RegisterError",
    "RegisterQuery",
    "RegisterRow",
    "Table",
    "WriteFunction",
    "WriteResult",
    "describe_write",
    "parse_values",
    "read_registers",
    "write_registers",
]


@dataclass(frozen=True, slots=True)
class RegisterQuery:
    table: Table
    address: int  # 0-based
    count: int  # registers (or bits) to read
    type: DataType = DataType.U16
    word_order: WordOrder = WordOrder.ABCD

    def __post_init__(self) -> None:
        most = MAX_BITS if self.table.bits else MAX_WORDS
        if not 1 <= self.count <= most:
            raise RegisterError(f"a {self.table.label} read takes 1..{most}, not {self.count}")
        if self.address < 0 or self.address + self.count - 1 > MAX_ADDRESS:
            raise RegisterError(f"{self.address}+{self.count} goes past address {MAX_ADDRESS}")


@dataclass(frozen=True, slots=True)
class RegisterRow:
    address: int  # 0-based, of the value's first register
    words: tuple[int, ...]
    value: int | float | None  # None: a float that is NaN/infinite, or too few words left

    @property
    def hex(self) -> str:
        return " ".join(f"{w:04X}" for w in self.words)


@dataclass(frozen=True, slots=True)
class ReadResult:
    query: RegisterQuery
    unit: int
    words: tuple[int, ...] = ()  # or bits (0/1)
    exception: int | None = None  # the meter's Modbus exception: an answer, not a crash
    explanation: str = ""
    rtt_ms: float = 0.0

    @property
    def rows(self) -> list[RegisterRow]:
        return decode_rows(self.query, self.words)


@dataclass(frozen=True, slots=True)
class WriteResult:
    unit: int
    function: WriteFunction
    address: int
    values: tuple[int, ...]
    exception: int | None = None
    explanation: str = ""


def decode_rows(query: RegisterQuery, words: Sequence[int]) -> list[RegisterRow]:
    """One row per value of `query.type` (per bit for coils and inputs), from the first word."""
    if query.table.bits:
        return [RegisterRow(query.address + i, (b,), b) for i, b in enumerate(words)]
    size, rows = query.type.words, []
    for i in range(0, len(words), size):
        chunk = tuple(words[i : i + size])
        rows.append(RegisterRow(query.address + i, chunk, _decoded(query, chunk)))
    return rows


def _decoded(query: RegisterQuery, words: tuple[int, ...]) -> int | float | None:
    if len(words) != query.type.words:
        return None
    if query.type in (DataType.F32, DataType.F64):
        source = RegisterSource(Function.HOLDING, query.address, query.type, query.word_order)
        return decode_value(source, words)  # the reader's own decoding, so values agree
    raw = ordered_bytes(words, query.word_order)
    return int.from_bytes(raw, "big", signed=query.type.signed)


async def read_registers(link: ModbusLink, unit: int, query: RegisterQuery) -> ReadResult:
    """Read through the link (its lock, retries and traffic); LinkError when nobody answers."""
    if query.table.bits:
        reply = await link.read_bits(unit, int(query.table), query.address, query.count)
    else:
        reply = await link.read(unit, int(query.table), query.address, query.count)
    return ReadResult(
        query, unit, reply.registers, reply.exception, reply.explanation, reply.rtt_ms
    )


async def write_registers(
    link: ModbusLink, unit: int, function: WriteFunction, address: int, values: Sequence[int]
) -> WriteResult:
    """Write once (never retried); a refusal is the result's exception, not an error."""
    reply = await link.write_with(unit, int(function), address, values)
    return WriteResult(unit, function, address, tuple(values), reply.exception, reply.explanation)


def describe_write(unit: int, function: WriteFunction, address: int, values: Sequence[int]) -> str:
    """ "3 registers at holding 40001–40003 (wire 0–2) of unit 1: 1, 2, 3" """
    n, table = len(values), function.table
    first, last = RegisterAddress(address), RegisterAddress(address + n - 1)
    span = first.modicon(table) + ("" if n == 1 else f"–{last.modicon(table)}")
    wire = f"{address}" + ("" if n == 1 else f"–{address + n - 1}")
    what = "coil" if table is Table.COILS else "register"
    shown = ", ".join(str(v) for v in values)
    return (
        f"{n} {what}{'s' * (n != 1)} at {table.label} {span} (wire {wire}) of unit {unit}: {shown}"
    )
