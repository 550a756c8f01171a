"""`medido profiles`: the meter profiles Medido knows, and what one of them maps.

`medido profiles` lists shipped and user profiles and reports user files that failed to load
(exit code 1 when there are such problems). `medido profiles show ID` prints one profile's
registers with 0-based and 1-based addresses. `--json` prints machine-readable output.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from enum import Enum
from typing import TYPE_CHECKING, Any

from app.commands.terminal import clean, say

if TYPE_CHECKING:
    from app.core.meter.profile import MeterProfile, RegisterSource, SensorMapping
    from app.core.meter.profile_loader import ProfileLibrary


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "profiles",
        help="list meter profiles, or show one",
        description=(
            "List the meter profiles (shipped ones and your own in the profiles folder of "
            "Medido's config folder), or show what one maps."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run_list)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help="show one profile's registers")
    show.add_argument("profile_id", metavar="ID", help="profile id, e.g. eastron-sdm630")
    show.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    show.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    from app.core.meter.profile_loader import ProfileLibrary, user_profiles_dir

    library = ProfileLibrary()
    rows = [summary(library, p) for p in library.all()]
    if args.json:
        say(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        header = {"id": "ID", "manufacturer": "MANUFACTURER", "model": "MODEL",
                  "variables": "VARIABLES", "clock": "CLOCK", "source": "SOURCE"}  # fmt: skip
        table = [header] + [{**r, "variables": f"{r['variables']}/{r['of']}"} for r in rows]
        print_table(table, list(header))
        say(f"\nYour own profiles go in {user_profiles_dir()}")
    for override in library.overrides:
        say(
            f"{override.profile_id}: your file {override.by} replaces {override.replaced}", err=True
        )
    for error in library.errors:
        say(f"problem: {error}", err=True)
    return 1 if library.errors else 0


def run_show(args: argparse.Namespace) -> int:
    from app.core.meter.profile_loader import ProfileLibrary, UnknownProfileError

    library = ProfileLibrary()
    try:
        profile = library.get(args.profile_id)
    except UnknownProfileError as exc:
        say(f"error: {exc}", err=True)
        return 2
    detail = details(library, profile)
    if getattr(args, "json", False):
        say(json.dumps(detail, ensure_ascii=False, indent=2))
    else:
        print_details(detail)
    return 0


def summary(library: ProfileLibrary, profile: MeterProfile) -> dict[str, Any]:
    from app.core.sensors.dictionary import sensor_dictionary

    clock = profile.clock
    return {
        "id": profile.id,
        "manufacturer": profile.manufacturer,
        "model": profile.model,
        "variables": len(profile.sensors),
        "of": len(sensor_dictionary()),
        "clock": "none" if clock is None else "settable" if clock.settable else "readable",
        "source": library.origin(profile.id).value,
        "path": str(profile.path),
    }


def details(library: ProfileLibrary, profile: MeterProfile) -> dict[str, Any]:
    from app.core.sensors.dictionary import sensor_dictionary

    mapped = set(profile.sensor_names)
    clock = profile.clock
    return {
        **summary(library, profile),
        "description": profile.description,
        "default_unit": profile.default_unit,
        "limits": _fields(profile.limits),
        "serial": _fields(profile.serial),
        "clock_registers": None if clock is None else _fields(clock),
        "mappings": [_mapping(m, "sensor") for m in profile.sensors]
        + [_mapping(m, "auxiliary") for m in profile.auxiliary],
        "not_supplied": [s.name for s in sensor_dictionary() if s.name not in mapped],
        "notes": list(profile.notes),
        "sources": profile.sources,
    }


def _mapping(mapping: SensorMapping, kind: str) -> dict[str, Any]:
    return {
        "sensor": mapping.sensor,
        "kind": kind,
        "confidence": mapping.confidence.value,
        "sources": list(mapping.sources),
        "note": mapping.note,
        "parts": [_part(p) for p in mapping.parts],
    }


def _part(part: RegisterSource) -> dict[str, Any]:
    return {
        "function": int(part.function),
        "address": part.address,
        "address_1_based": part.address + 1,
        "type": part.type.value,
        "word_order": part.word_order.value,
        "scale": part.scale,
        "not_available": [f"0x{v:X}" for v in part.not_available],
        "decoding": part.decoding.value if part.decoding else None,
    }


def _fields(obj: Any) -> dict[str, Any]:
    """A profile dataclass as JSON-ready values (enums by value, tuples as lists)."""
    out = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        out[f.name] = value.value if isinstance(value, Enum) else value
        if isinstance(value, tuple):
            out[f.name] = list(value)
    return out


def print_details(d: dict[str, Any]) -> None:
    say(f"{d['id']}: {d['manufacturer']} {d['model']} ({d['source']}: {d['path']})")
    if d["description"]:
        say(d["description"])
    s, lim = d["serial"], d["limits"]
    unit = f"unit {d['default_unit']}, " if d["default_unit"] else ""
    say(
        f"{unit}serial {s['baud']} {s['data_bits']}{s['parity']}{s['stop_bits']}, "
        f"at most {lim['max_registers_per_request']} registers per request, "
        f"turnaround {lim['turnaround_s']} s, timeout {lim['timeout_s']} s"
    )
    c = d["clock_registers"]
    if c:
        settable = (
            f"settable with command {c['set_command']} at {c['command_address']}"
            if c["settable"]
            else "read only"
        )
        say(f"clock: {c['format']} at {c['address']}, {c['count']} registers, {settable}")
    header = ["SENSOR", "FN", "ADDRESS", "HEX", "1-BASED", "TYPE", "ORDER", "SCALE", "CONFIDENCE"]
    rows = [dict(zip(header, header, strict=True))]
    for m in d["mappings"]:
        for i, p in enumerate(m["parts"]):
            label = m["sensor"] if i == 0 else f"  + part {i + 1}"
            values = [label, p["function"], p["address"], f"0x{p['address']:04X}",
                      p["address_1_based"], p["type"], p["word_order"], f"{p['scale']:g}",
                      m["confidence"] if i == 0 else ""]  # fmt: skip
            rows.append(dict(zip(header, map(str, values), strict=True)))
    say()
    print_table(rows, header)
    if d["not_supplied"]:
        say(f"\nNot supplied by this profile: {', '.join(d['not_supplied'])}")
    sources = [f"{k}: {v}" for k, v in d["sources"].items()]
    for title, lines in (("Notes", d["notes"]), ("Sources", sources)):
        if lines:
            say(f"\n{title}:")
            for line in lines:
                say(f"- {line}")


def print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    cells = [{c: clean(r[c]) for c in columns} for r in rows]  # escaped before measuring widths
    widths = {c: max(len(r[c]) for r in cells) for c in columns}
    for r in cells:
        print("  ".join(r[c].ljust(widths[c]) for c in columns).rstrip())
