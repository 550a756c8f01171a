"""`medido registers`: read or write any Modbus register, as Modbus Poll does, without the app.

    medido registers read --meter tcp://10.0.0.5?unit=1 --function input 0 --count 6 --type f32
    medido registers read --meter tcp://10.0.0.5 41845 --count 4          (Modicon: holding 1844)
    medido registers write --meter tcp://10.0.0.5 45250 1003 0 2025 3 10 11 0 0 --yes

Addresses: plain numbers in --base 0 (as on the wire, the default) or 1 (as in manuals), 0x0BF2
(always the wire address), or Modicon 4xxxx/3xxxx/1xxxx/0xxxx (which name the table themselves).
A write without --yes only says what it would write (exit 2). Exit code: 0 answered (also with
a Modbus exception, shown as such: 1), 1 no answer or the meter refused, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from app.commands.arguments import number, whole
from app.commands.meter_output import quiet_pymodbus
from app.commands.terminal import say
from app.core.logs import command_traffic
from app.core.meter.links import LinkError, ModbusLink
from app.core.meter.meter_uri import EXAMPLES, MeterURI, MeterURIError, open_link, parse_meter_uri
from app.core.meter.profile import DataType, WordOrder
from app.core.meter.registers import (
    ReadResult,
    RegisterAddress,
    RegisterError,
    RegisterQuery,
    Table,
    WriteFunction,
    describe_write,
    parse_values,
    read_registers,
    write_registers,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_TABLES = {t.label: t for t in Table}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "registers",
        help="read or write any Modbus register (coils, inputs, holding)",
        description="A register console: read any table and address, shown in hex and decoded; "
        f"write holding registers or coils. Meter addresses: {', '.join(EXAMPLES)}",
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    read = sub.add_parser("read", help="read registers or bits, raw and decoded")
    _common(read)
    read.add_argument("--function", choices=list(_TABLES), help="table (holding, or Modicon's)")
    read.add_argument(
        "--count", type=whole(1, 2000, "registers"), metavar="N", help="registers (one value)"
    )
    read.add_argument("--type", choices=[t.value for t in DataType], default="u16")
    read.add_argument("--word-order", choices=[w.value for w in WordOrder], default="ABCD")
    read.add_argument("--json", action="store_true", help="one JSON object")
    read.set_defaults(func=run_read)
    write = sub.add_parser("write", help="write holding registers or coils (needs --yes)")
    _common(write)
    write.add_argument("values", nargs="+", metavar="VALUE", help="0..65535, -32768..-1, 0x…, 0/1")
    write.add_argument("--function", choices=["holding", "coils"], help="table (holding)")
    write.add_argument("--single", action="store_true", help="function 6 or 5 (one value)")
    write.add_argument("--yes", action="store_true", help="really write")
    write.set_defaults(func=run_write)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meter", required=True, metavar="URI", help="where the meter is")
    parser.add_argument("address", metavar="ADDRESS", help="3059, 0x0BF3, 43060 or 300001")
    parser.add_argument("--base", type=int, choices=[0, 1], default=0, help="for plain numbers")
    parser.add_argument(
        "--timeout", type=number(0.01, 60, "seconds"), default=1.0, metavar="S", help="(1 s)"
    )


def _where(args: argparse.Namespace, default: Table) -> tuple[MeterURI, Table, int]:
    """The meter, the table and the 0-based address; RegisterError/MeterURIError when wrong."""
    uri = parse_meter_uri(args.meter)
    parsed = RegisterAddress.parse(args.address, args.base)
    chosen = _TABLES[args.function] if args.function else None
    if parsed.table is not None and chosen is not None and parsed.table is not chosen:
        raise RegisterError(
            f"{args.address} names the {parsed.table.label} table, not {chosen.label}"
        )
    return uri, parsed.table or chosen or default, parsed.address


def run_read(args: argparse.Namespace) -> int:
    quiet_pymodbus()
    try:
        uri, table, address = _where(args, Table.HOLDING)
        kind = DataType(args.type)
        count = args.count or (1 if table.bits else kind.words)
        query = RegisterQuery(table, address, count, kind, WordOrder(args.word_order))
    except (RegisterError, MeterURIError) as e:
        say(e.message, err=True)
        return EXIT_USAGE
    try:
        result = asyncio.run(
            _session(uri, args.timeout, lambda link, unit: read_registers(link, unit, query))
        )
    except LinkError as e:
        say(f"No answer: {e.message}", err=True)
        return EXIT_FAILED
    say(json.dumps(_as_dict(result)) if args.json else _table(result, args.base))
    if result.exception is not None:
        say(f"error: unit {result.unit} answered {result.explanation}", err=True)
        return EXIT_FAILED
    return EXIT_OK


def run_write(args: argparse.Namespace) -> int:
    quiet_pymodbus()
    try:
        uri, table, address = _where(args, Table.HOLDING)
        if table not in (Table.HOLDING, Table.COILS):
            raise RegisterError(
                f"only holding registers and coils can be written, not {table.label}"
            )
        function = {
            (Table.HOLDING, False): WriteFunction.MULTIPLE_REGISTERS,
            (Table.HOLDING, True): WriteFunction.SINGLE_REGISTER,
            (Table.COILS, False): WriteFunction.MULTIPLE_COILS,
            (Table.COILS, True): WriteFunction.SINGLE_COIL,
        }[(table, args.single)]
        values = parse_values(args.values, function)
    except (RegisterError, MeterURIError) as e:
        say(e.message, err=True)
        return EXIT_USAGE
    what = describe_write(uri.unit_for(None), function, address, values)
    if not args.yes:
        say(f"Would write {what} (function {int(function)}). Add --yes to write.", err=True)
        return EXIT_USAGE
    try:
        result = asyncio.run(
            _session(
                uri,
                args.timeout,
                lambda link, unit: write_registers(link, unit, function, address, values),
            )
        )
    except LinkError as e:
        say(f"No answer: {e.message}", err=True)
        return EXIT_FAILED
    if result.exception is not None:
        say(f"error: unit {result.unit} refused the write: {result.explanation}", err=True)
        return EXIT_FAILED
    say(f"Wrote {what}.")
    return EXIT_OK


async def _session[T](
    uri: MeterURI, timeout_s: float, act: Callable[[ModbusLink, int], Awaitable[T]]
) -> T:
    """Open the link, run `act(link, unit)`, close the link."""
    link: ModbusLink = open_link(uri, timeout_s=timeout_s, traffic=command_traffic())
    try:
        await link.connect()
        return await act(link, uri.unit_for(None))
    finally:
        await link.close()


def _shown(value: int | float | None) -> str:
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _table(result: ReadResult, base: int) -> str:
    query = result.query
    head = f"unit {result.unit} {query.table.label} {query.address}+{query.count}"
    if result.exception is not None:
        return f"{head}: {result.explanation}"
    lines = [f"{head} ({query.type.value} {query.word_order.value}, {result.rtt_ms:.0f} ms)"]
    for row in result.rows:
        modicon = RegisterAddress(row.address).modicon(query.table)
        lines.append(f"{row.address + base:>6}  {modicon:>6}  {row.hex:<20}  {_shown(row.value)}")
    return "\n".join(lines)


def _as_dict(result: ReadResult) -> dict[str, Any]:
    query = result.query
    return {
        "unit": result.unit,
        "function": query.table.label,
        "address": query.address,
        "count": query.count,
        "type": query.type.value,
        "word_order": query.word_order.value,
        "words": list(result.words),
        "exception": result.exception,
        "explanation": result.explanation or None,
        "rows": [{"address": r.address, "hex": r.hex, "value": r.value} for r in result.rows],
    }
