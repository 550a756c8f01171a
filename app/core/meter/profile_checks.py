"""Rules that span entries: each variable mapped once, registers read one way, sources cited.

Two entries may read the same register value (same address, type and word order; the scale may
differ). Any other overlap means one of them has a wrong address or type, e.g. an f32 at 52 and a
u16 at 53 both claim register 53.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from app.core.meter.profile import Function, MeterProfile, RegisterSource
from app.core.meter.profile_errors import ProfileError, ProfileErrorCode, entry_label


@dataclass(frozen=True, slots=True)
class _Use:
    source: RegisterSource
    label: str

    def overlaps(self, other: _Use) -> bool:
        a, b = self.source, other.source
        return a.function == b.function and a.address < b.end and b.address < a.end

    def same_value(self, other: _Use) -> bool:
        a, b = self.source, other.source
        return (a.address, a.type, a.word_order) == (b.address, b.type, b.word_order)

    def describe(self) -> str:
        s = self.source
        layout = f"{s.type.value} {s.word_order.value}"
        return f"{self.label} reads {layout} at {where(s.function, s.address)}"


def where(function: Function, address: int) -> str:
    """A register as messages show it: "address 52 (0x0034, input registers)"."""
    kind = "holding" if function is Function.HOLDING else "input"
    return f"address {address} (0x{address:04X}, {kind} registers)"


def check_profile(profile: MeterProfile, file: str) -> None:
    """Raise `ProfileError` for the first cross-entry problem found."""
    _check_unique(profile, file)
    uses = _uses(profile)
    _check_overlaps(uses, file)
    _check_clock(profile, uses, file)
    _check_sources(profile, file)


def _check_unique(profile: MeterProfile, file: str) -> None:
    for kind, mappings in (("sensor", profile.sensors), ("auxiliary", profile.auxiliary)):
        first: dict[str, int] = {}
        for index, mapping in enumerate(mappings, 1):
            if mapping.sensor in first:
                raise ProfileError(
                    ProfileErrorCode.DUPLICATE_SENSOR,
                    file,
                    f"'{mapping.sensor}' is already mapped by {kind} {first[mapping.sensor]}; "
                    "map each variable once (use 'parts' to add registers together)",
                    entry_label(kind, index, mapping.sensor),
                )
            first[mapping.sensor] = index


def _uses(profile: MeterProfile) -> list[_Use]:
    uses = []
    for kind, mappings in (("sensor", profile.sensors), ("auxiliary", profile.auxiliary)):
        for index, mapping in enumerate(mappings, 1):
            label = entry_label(kind, index, mapping.sensor)
            for n, part in enumerate(mapping.parts, 1):
                uses.append(_Use(part, label if len(mapping.parts) == 1 else f"{label}, part {n}"))
    return uses


def _check_overlaps(uses: list[_Use], file: str) -> None:
    for earlier, later in combinations(uses, 2):
        if earlier.overlaps(later) and not earlier.same_value(later):
            raise ProfileError(
                ProfileErrorCode.OVERLAP,
                file,
                f"{later.describe()}, but {earlier.describe()}; the registers overlap, so one "
                "address or type is wrong",
                later.label,
            )


def _check_clock(profile: MeterProfile, uses: list[_Use], file: str) -> None:
    clock = profile.clock
    if clock is None:
        return
    end = clock.address + clock.count
    for use in uses:
        s = use.source
        if s.function == clock.function and s.address < end and clock.address < s.end:
            raise ProfileError(
                ProfileErrorCode.CLOCK,
                file,
                f"the clock registers {clock.address}..{end - 1} overlap {use.describe()}",
                "[clock]",
            )


def _check_sources(profile: MeterProfile, file: str) -> None:
    cited = [
        (entry_label(kind, i, m.sensor), m.sources)
        for kind, mappings in (("sensor", profile.sensors), ("auxiliary", profile.auxiliary))
        for i, m in enumerate(mappings, 1)
    ]
    if profile.clock is not None:
        cited.append(("[clock]", profile.clock.sources))
    for label, sources in cited:
        for source in sources:
            if source not in profile.sources:
                known = ", ".join(profile.sources) or "none"
                raise ProfileError(
                    ProfileErrorCode.UNKNOWN_SOURCE,
                    file,
                    f"source '{source}' is not in the [sources] table (known: {known})",
                    label,
                )
