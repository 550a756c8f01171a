"""Which collected shared libraries does the bundle still need once some Qt plugins are left out?

PyInstaller's Qt hooks collect every plugin of a kind (all the platform plugins, all the platform
themes), and its dependency analysis then copies in whatever those plugins link to. On Linux
that is a good part of the host's desktop stack: the GTK3 platform theme alone brings GLib's
GIO, Cairo, Pango, HarfBuzz and Pixman; the VNC platform and the TUIO touch plugin bring
QtNetwork and, through it, Kerberos. Leaving a plugin out of the folder (`UNWANTED_BINARIES` in
bundle_contents.py) does not take those libraries with it; `unreachable` finds them.

The rule: a collected library stays when something that stays loads it. The starting points are
every Python extension module and every library that no other collected file links to (kept Qt
plugins, libpython, anything loaded with dlopen or ctypes); from there, the libraries each one
names in its ELF dynamic section (DT_NEEDED), and theirs in turn. A library reachable only from
left-out plugins goes. Plain Python, no PyInstaller import (the fast tests run it), ELF only:
Windows DLLs are not looked at (the spec trims on Linux only).
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1
PT_DYNAMIC = 2
DT_NULL = 0
DT_NEEDED = 1
DT_STRTAB = 5

# A TOC entry as PyInstaller keeps it: (path inside the bundle, source path, typecode).
Entry = tuple[str, str, str]


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED names of an ELF shared object or executable; [] for anything else."""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or len(data) < 64:
        return []
    is_64 = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if is_64:
        phoff, phentsize, phnum = (
            struct.unpack_from(order + "Q", data, 0x20)[0],
            *struct.unpack_from(order + "HH", data, 0x36),
        )
        phdr, dyn = order + "IIQQQQQQ", order + "qQ"
    else:
        phoff, phentsize, phnum = (
            struct.unpack_from(order + "I", data, 0x1C)[0],
            *struct.unpack_from(order + "HH", data, 0x2A),
        )
        phdr, dyn = order + "IIIIIIII", order + "iI"
    loads: list[tuple[int, int, int]] = []  # (virtual address, file offset, size in the file)
    dynamic: tuple[int, int] | None = None  # (file offset, size)
    for index in range(phnum):
        fields = struct.unpack_from(phdr, data, phoff + index * phentsize)
        if is_64:
            p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = fields[:6]
        else:
            p_type, p_offset, p_vaddr, _paddr, p_filesz = fields[:5]
        if p_type == PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return []
    needed: list[int] = []
    strtab: int | None = None
    step = struct.calcsize(dyn)
    for offset in range(dynamic[0], dynamic[0] + dynamic[1] - step + 1, step):
        tag, value = struct.unpack_from(dyn, data, offset)
        if tag == DT_NULL:
            break
        if tag == DT_NEEDED:
            needed.append(value)
        elif tag == DT_STRTAB:
            strtab = value
    if strtab is None:
        return []
    base = next((off + strtab - va for va, off, size in loads if va <= strtab < va + size), None)
    if base is None:
        return []
    return [data[base + n : data.index(b"\0", base + n)].decode() for n in needed]


def unreachable(
    binaries: Iterable[Entry],
    symlinks: Iterable[Entry],
    left_out: Callable[[str], bool],
    needed: Callable[[Path], list[str]] = needed_libraries,
) -> set[str]:
    """Bundle paths of the collected libraries that only left-out files load.

    `binaries` are PyInstaller's binary entries (BINARY and EXTENSION), `symlinks` its SYMLINK
    data entries (another name for a moved library, as PyInstaller makes for PySide6's Qt
    libraries: (link, target, "SYMLINK")); `left_out(bundle path)` names the files that go.
    """
    entries = [entry for entry in binaries if entry[2] in {"BINARY", "EXTENSION"}]
    by_name: dict[str, str] = {PurePosixPath(dest).name: dest for dest, _, _ in entries}
    for link, target, _ in symlinks:
        if target in {dest for dest, _, _ in entries}:
            by_name.setdefault(PurePosixPath(link).name, target)
    links: dict[str, set[str]] = {}
    for dest, source, _ in entries:
        names = needed(Path(source))
        links[dest] = {by_name[name] for name in names if name in by_name} - {dest}
    loaded_by_another = set().union(*links.values()) if links else set()
    roots = [
        dest
        for dest, _, typecode in entries
        if not left_out(dest) and (typecode == "EXTENSION" or dest not in loaded_by_another)
    ]
    kept: set[str] = set()
    todo = list(roots)
    while todo:
        dest = todo.pop()
        if dest not in kept:
            kept.add(dest)
            todo.extend(links[dest] - kept)
    return {dest for dest, _, _ in entries} - kept


def trim(analysis: Any, left_out: Callable[[str], bool]) -> tuple[int, int]:
    """Leave `left_out` files out of a PyInstaller Analysis, and on Linux the libraries only
    they load (`unreachable`). Returns how many such libraries went and their bytes.

    Both specs call it (medido.spec, baseline/bare_window.spec), so the start-up baseline is
    frozen the way Medido is. On Windows the Qt wheel brings no host libraries, and only the
    left-out files themselves go.
    """
    gone: set[str] = set()
    if sys.platform.startswith("linux"):
        symlinks = [entry for entry in analysis.datas if entry[2] == "SYMLINK"]
        gone = unreachable(analysis.binaries, symlinks, left_out)
    orphans = {dest for dest in gone if not left_out(dest)}
    weight = sum(Path(src).stat().st_size for dest, src, _ in analysis.binaries if dest in orphans)
    analysis.binaries = [
        entry for entry in analysis.binaries if not left_out(entry[0]) and entry[0] not in gone
    ]
    analysis.datas = [
        entry
        for entry in analysis.datas
        if not left_out(entry[0]) and not (entry[2] == "SYMLINK" and entry[1] in gone)
    ]
    return len(orphans), weight
