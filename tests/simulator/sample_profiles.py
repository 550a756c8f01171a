"""Meter profiles built in code from the public maps (reference/meter-register-maps.yaml).

They exercise every type, word order, scale, sum, sentinel and the 4Q power factor, independently
of the TOML profiles and their loader.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core.meter.profile import (
    ClockFormat,
    ClockSpec,
    DataType,
    DeviceLimits,
    Function,
    MeterProfile,
    RegisterSource,
    SensorMapping,
    SpecialDecoding,
    WordOrder,
)

HR, IR = Function.HOLDING, Function.INPUT
T = DataType
ABCD, CDAB, BADC, DCBA = WordOrder.ABCD, WordOrder.CDAB, WordOrder.BADC, WordOrder.DCBA
Source = Callable[[int], RegisterSource]
PHASES = ("A", "B", "C")
LINES = ("A-B", "B-C", "C-A")


def kind(
    fn: Function,
    type_: DataType,
    scale: float = 1.0,
    order: WordOrder = ABCD,
    na: tuple[int, ...] = (),
    decoding: SpecialDecoding | None = None,
) -> Source:
    """A factory of register sources of one kind, by address."""

    def make(address: int) -> RegisterSource:
        return RegisterSource(fn, address, type_, order, scale, na, decoding)

    return make


def one(sensor: str, source: RegisterSource) -> SensorMapping:
    return SensorMapping(sensor, (source,))


def each(
    template: str, first: int, make: Source, names: tuple[str, ...] = PHASES
) -> list[SensorMapping]:
    """One mapping per name, at consecutive values of this kind from `first`."""
    step = make(0).count
    return [one(template.format(n), make(first + i * step)) for i, n in enumerate(names)]


def eastron_sdm630() -> MeterProfile:
    f, kw = kind(IR, T.F32), kind(IR, T.F32, 0.001)
    sensors = [
        one("Potencia activa total instantánea", kw(0x34)),
        one("Potencia reactiva total instantánea", kw(0x3C)),
        one("Energía activa acumulada", f(0x48)),
        one("Energía reactiva acumulada", f(0x4C)),
        one("Demanda o potencia activa integrada", kw(0x54)),
        one("Factor de potencia total", f(0x3E)),
        one("Voltaje F-N", f(0x2A)),
        one("Corriente N", f(0xE0)),
        *each("Voltaje {}-N", 0x00, f),
        *each("Corriente {}", 0x06, f),
        *each("Potencia activa {} instantánea", 0x0C, kw),
        *each("Voltaje {}", 0xC8, f, LINES),
        *each("Distorsión armónica del Voltaje {}-N", 0xEA, f),
        *each("Distorsión armónica de la corriente {}", 0xF0, f),
        *each("Energía activa {} acumulada", 0x15A, f),
    ]
    return MeterProfile(
        id="test-eastron-sdm630",
        manufacturer="Eastron",
        model="SDM630",
        sensors=tuple(sensors),
        auxiliary=(one("frequency", f(0x46)),),
        limits=DeviceLimits(max_registers_per_request=80),
    )


def carlo_gavazzi_em340() -> MeterProfile:
    volt, amp = kind(IR, T.I32, 0.1, CDAB), kind(IR, T.I32, 0.001, CDAB)
    kw, kwh = kind(IR, T.I32, 0.0001, CDAB), kind(IR, T.I32, 0.1, CDAB)
    sensors = [
        one("Potencia activa total instantánea", kw(40)),
        one("Potencia reactiva total instantánea", kw(44)),
        one("Energía activa acumulada", kwh(52)),
        one("Energía reactiva acumulada", kwh(54)),
        one("Demanda o potencia activa integrada", kw(56)),
        one("Factor de potencia total", kind(IR, T.I16, 0.001)(49)),
        one("Voltaje F-N", volt(36)),
        *each("Voltaje {}-N", 0, volt),
        *each("Voltaje {}", 6, volt, LINES),
        *each("Corriente {}", 12, amp),
        *each("Potencia activa {} instantánea", 18, kw),
        *each("Energía activa {} acumulada", 64, kwh),
    ]
    return MeterProfile(
        id="test-carlo-gavazzi-em340",
        manufacturer="Carlo Gavazzi",
        model="EM340",
        sensors=tuple(sensors),
        auxiliary=(one("frequency", kind(IR, T.I16, 0.1)(51)),),
        limits=DeviceLimits(max_registers_per_request=50),
    )


SCHNEIDER_CLOCK = ClockSpec(
    function=HR,
    address=1844,
    count=4,
    format=ClockFormat.SCHNEIDER_DATETIME,
    settable=True,
    command_address=5249,
    set_command=1003,
    result_address=5374,
)


def schneider_iem3000() -> MeterProfile:
    f, wh = kind(HR, T.F32), kind(HR, T.I64, 0.001)
    pf = kind(HR, T.F32, decoding=SpecialDecoding.SCHNEIDER_PF_4Q)
    sensors = [
        one("Potencia activa total instantánea", f(3059)),
        one("Potencia reactiva total instantánea", f(3067)),
        one("Energía activa acumulada", wh(3203)),
        one("Energía reactiva acumulada", wh(3219)),
        one("Factor de potencia total", pf(3083)),
        one("Voltaje F-N", f(3035)),
        *each("Corriente {}", 2999, f),
        *each("Voltaje {}", 3019, f, LINES),
        *each("Voltaje {}-N", 3027, f),
        *each("Potencia activa {} instantánea", 3053, f),
        *each("Energía activa {} acumulada", 3517, wh),
    ]
    return MeterProfile(
        id="test-schneider-iem3000",
        manufacturer="Schneider Electric",
        model="iEM3000",
        sensors=tuple(sensors),
        auxiliary=(one("frequency", f(3109)),),
        clock=SCHNEIDER_CLOCK,
    )


def abb_b23() -> MeterProfile:
    volt = kind(HR, T.U32, 0.1, na=(0xFFFFFFFF,))
    amp = kind(HR, T.U32, 0.01, na=(0xFFFFFFFF,))
    kw = kind(HR, T.I32, 0.00001, na=(0x7FFFFFFF,))
    kwh = kind(HR, T.U64, 0.01, na=(0xFFFFFFFFFFFFFFFF,))
    sensors = [
        one("Potencia activa total instantánea", kw(0x5B14)),
        one("Potencia reactiva total instantánea", kw(0x5B1C)),
        one("Energía activa acumulada", kwh(0x5000)),
        one("Energía reactiva acumulada", kwh(0x500C)),
        one("Factor de potencia total", kind(HR, T.I16, 0.001, na=(0x7FFF,))(0x5B3A)),
        one("Corriente N", amp(0x5B12)),
        *each("Voltaje {}-N", 0x5B00, volt),
        *each("Voltaje {}", 0x5B06, volt, LINES),
        *each("Corriente {}", 0x5B0C, amp),
        *each("Potencia activa {} instantánea", 0x5B16, kw),
        *each("Energía activa {} acumulada", 0x5460, kwh),
    ]
    return MeterProfile(
        id="test-abb-b23",
        manufacturer="ABB",
        model="B23",
        sensors=tuple(sensors),
        auxiliary=(one("frequency", kind(HR, T.U16, 0.01, na=(0xFFFF,))(0x5B2C)),),
        limits=DeviceLimits(reads_through_gaps=False),
    )


def siemens_pac3200() -> MeterProfile:
    f, kw, wh = kind(HR, T.F32), kind(HR, T.F32, 0.001), kind(HR, T.F64, 0.001)
    sensors = [
        one("Potencia activa total instantánea", kw(65)),
        one("Potencia reactiva total instantánea", kw(67)),
        SensorMapping("Energía activa acumulada", (wh(801), wh(805))),  # tariff 1 + tariff 2
        SensorMapping("Energía reactiva acumulada", (wh(817), wh(821))),
        one("Factor de potencia total", f(69)),
        one("Corriente N", f(223)),
        one("Voltaje F-N", f(57)),
        *each("Voltaje {}-N", 1, f),
        *each("Voltaje {}", 7, f, LINES),
        *each("Corriente {}", 13, f),
        *each("Potencia activa {} instantánea", 25, kw),
        *each("Distorsión armónica del Voltaje {}-N", 43, f),
        *each("Distorsión armónica de la corriente {}", 49, f),
    ]
    return MeterProfile(
        id="test-siemens-pac3200",
        manufacturer="Siemens",
        model="SENTRON PAC3200",
        sensors=tuple(sensors),
        auxiliary=(one("frequency", f(55)),),
    )


def exotic() -> MeterProfile:
    """Not a real meter: every word order, small types, and a subtracted part in a sum."""
    sensors = [
        one("Voltaje A-N", kind(IR, T.U16, 0.1)(0)),
        one("Potencia activa total instantánea", kind(IR, T.I32, 0.001, BADC)(1)),
        one("Potencia reactiva total instantánea", kind(IR, T.I16, 0.01)(3)),
        one("Energía activa acumulada", kind(IR, T.U64, 0.001, DCBA)(4)),
        one("Corriente A", kind(IR, T.F32, 1.0, DCBA)(8)),
        one("Temperatura", kind(IR, T.I16, 0.1, BADC)(10)),
        SensorMapping(  # inductive minus capacitive
            "Energía reactiva acumulada",
            (kind(IR, T.F64, 1.0, CDAB)(20), kind(IR, T.U32, -0.1, CDAB)(24)),
        ),
        one("Demanda o potencia activa integrada", kind(HR, T.F32, 0.001, BADC)(100)),
    ]
    return MeterProfile(
        id="test-exotic", manufacturer="Test", model="Exotic", sensors=tuple(sensors)
    )


ALL: tuple[Callable[[], MeterProfile], ...] = (
    eastron_sdm630,
    carlo_gavazzi_em340,
    schneider_iem3000,
    abb_b23,
    siemens_pac3200,
    exotic,
)
