"""Register addresses as people write them, and raw values to write (the register console).

  "40001" / "400001"   Modicon notation, 5 or 6 digits: the first digit names the table
                       (4 holding, 3 input, 1 discrete inputs, 0 coils), the rest is 1-based
  "3059"               a plain number in the chosen base (0: as on the wire, 1: as in manuals)
  "0x0BF2"             hexadecimal: always the wire (0-based) address, as manuals print it
A plain address of 5 or 6 digits that starts with 0, 1, 3 or 4 reads as Modicon; give such an
address in hexadecimal instead. Parsed addresses are always 0-based.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

MAX_ADDRESS = 0xFFFF
MAX_WORDS, MAX_BITS = 125, 2000  # what one Modbus read may ask for
MAX_WRITE_WORDS, MAX_WRITE_BITS = 123, 1968
_MODICON = re.compile(r"([0134])([0-9]{4,5})")
_DECIMAL = re.compile(r"[0-9]{1,6}")
_HEX = re.compile(r"0[xX]([0-9a-fA-F]{1,4})")
_SIGNED = re.compile(r"-?[0-9]{1,5}")


class Table(IntEnum):
    """A Modbus table, by the function code that reads it."""

    COILS = 1
    DISCRETE = 2
    HOLDING = 3
    INPUT = 4

    @property
    def bits(self) -> bool:
        return self in (Table.COILS, Table.DISCRETE)

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def digit(self) -> int:
        return {Table.COILS: 0, Table.DISCRETE: 1, Table.INPUT: 3, Table.HOLDING: 4}[self]


class WriteFunction(IntEnum):
    SINGLE_COIL = 5
    SINGLE_REGISTER = 6
    MULTIPLE_COILS = 15
    MULTIPLE_REGISTERS = 16

    @property
    def table(self) -> Table:
        return Table.COILS if self in (5, 15) else Table.HOLDING

    @property
    def single(self) -> bool:
        return self in (5, 6)


class RegisterError(ValueError):
    """A bad address, count or value; `message` is English for the installer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class RegisterAddress:
    address: int  # 0-based, as on the wire
    table: Table | None = None  # named by Modicon notation; None: the caller chooses

    @classmethod
    def parse(cls, text: str, base: int = 0) -> RegisterAddress:
        t = text.strip()
        if (hexa := _HEX.fullmatch(t)) is not None:
            return cls(int(hexa.group(1), 16))
        if (modicon := _MODICON.fullmatch(t)) is not None:
            digit, number = int(modicon.group(1)), int(modicon.group(2))
            table = next(x for x in Table if x.digit == digit)
            if not 1 <= number <= MAX_ADDRESS + 1:
                top = "9999" if len(t) == 5 else "65536"
                raise RegisterError(f"{t}: Modicon {digit}xxxx addresses count from 1 to {top}")
            return cls(number - 1, table)
        if _DECIMAL.fullmatch(t) is not None:
            if not base <= int(t) <= MAX_ADDRESS + base:
                raise RegisterError(f"{t}: a {base}-based address is {base}..{MAX_ADDRESS + base}")
            return cls(int(t) - base)
        raise RegisterError(
            f"{t[:40]!r} is not an address: use 3059, 0x0BF3 or Modicon 43060 / 300001"
        )

    def modicon(self, table: Table | None = None) -> str:
        """ "40001" for holding 0 (6 digits past 9998: "410000")."""
        tab = table or self.table or Table.HOLDING
        n = self.address + 1
        return f"{tab.digit}{n:04d}" if n <= 9999 else f"{tab.digit}{n:05d}"


def parse_values(texts: Sequence[str], function: WriteFunction) -> tuple[int, ...]:
    """Values to write: coils 0/1 (on/off, true/false), registers 0..65535, -32768..-1 or hex."""
    out: list[int] = []
    for text in texts:
        t = text.strip().lower()
        if function.table is Table.COILS:
            bit = {"0": 0, "1": 1, "off": 0, "on": 1, "false": 0, "true": 1}.get(t)
            if bit is None:
                raise RegisterError(f"{text[:20]!r}: a coil takes 0 or 1 (on/off)")
            out.append(bit)
            continue
        hexa = _HEX.fullmatch(t)
        number = int(hexa.group(1), 16) if hexa else int(t) if _SIGNED.fullmatch(t) else None
        if number is None or not -32768 <= number <= 0xFFFF:
            raise RegisterError(f"{text[:20]!r}: a register takes 0..65535, -32768..-1 or 0x0000")
        out.append(number & 0xFFFF)
    most = 1 if function.single else MAX_WRITE_BITS if function.table.bits else MAX_WRITE_WORDS
    if not 1 <= len(out) <= most:
        raise RegisterError(f"function {int(function)} writes 1..{most} values, not {len(out)}")
    return tuple(out)
