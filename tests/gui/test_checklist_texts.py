"""Every finding of the commissioning check has its text in the installer's language."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.check.outcome import Finding, Status
from app.core.check.wiring import Snapshot, judge_wiring
from app.gui.checklist_texts import CHECKLIST_TEXTS, describe_finding
from app.gui.i18n import Language, Translations

CHECK_SOURCES = Path(__file__).resolve().parents[2] / "app" / "core" / "check"
_CODE = re.compile(r'"((?:api|token|device|coverage|meter|wiring|clock|upload|check)\.[a-z_]+)"')


def test_every_finding_code_of_the_core_has_a_text_and_no_text_is_stale() -> None:
    in_core = {c for p in CHECK_SOURCES.glob("*.py") for c in _CODE.findall(p.read_text())}
    assert in_core - set(CHECKLIST_TEXTS) == set()
    assert set(CHECKLIST_TEXTS) - in_core == set()


def _faulty_site() -> list[Finding]:
    start = datetime(2026, 12, 7, 12, tzinfo=UTC)
    values = {
        "Voltaje A-N": 221.0,
        "Voltaje B-N": 3.0,  # a missing phase
        "Voltaje C-N": 250.0,
        "Potencia activa A instantánea": -2.0,  # a reversed CT
        "Potencia activa B instantánea": 3.0,
        "Potencia activa C instantánea": 3.0,
        "Potencia activa total instantánea": 9.0,  # phases add up to 4
        "Factor de potencia total": 1.5,
        "Energía activa acumulada": 100.0,
        "frequency": 52.0,
    }
    later = {**values, "Energía activa acumulada": 99.0}
    snapshots = [Snapshot(start, values), Snapshot(start + timedelta(seconds=1), later)]
    return list(judge_wiring(snapshots))


def test_findings_read_in_spanish_with_every_placeholder_filled(
    translations: Translations,
) -> None:
    findings = _faulty_site()
    assert Status.FAIL in {f.status for f in findings}
    translations.apply(Language.SPANISH)
    for finding in findings:
        what, todo = describe_finding(finding)
        assert what != finding.message, finding.code  # translated
        assert "?" not in what.replace("¿", "")  # every {param} was there
        assert "{" not in what + todo
        assert bool(todo) == bool(finding.fix)
    texts = " ".join(describe_finding(f)[0] for f in findings)
    assert "La fase B no tiene voltaje" in texts
    assert "su TC está montado al revés" in texts


def test_a_silent_meter_on_tcp_gets_tcp_advice_not_rs485(translations: Translations) -> None:
    from app.core.meter.bus_time import LinkKind

    translations.apply(Language.SPANISH)
    for kind, says in ((LinkKind.TCP, "IP"), (LinkKind.RTU, "RS-485")):
        finding = Finding(Status.FAIL, "meter.timeout", "did not answer", "fix", {"link": kind})
        _, todo = describe_finding(finding)
        assert says in todo, (kind, todo)
    tcp = Finding(Status.FAIL, "meter.timeout", "x", "fix", {"link": LinkKind.TCP.value})
    assert "RS-485" not in describe_finding(tcp)[1]
