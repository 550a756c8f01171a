"""The report an installer leaves the site with: the check's run plus the facts around it.

One CheckReport is written as JSON (for support's tools), HTML and PDF (report_html.py,
report_pdf.py) from the same data. Every text in it passes `redact` (no token, whole or in part,
whatever a server or a meter sent) and the HTML escapes it; the evidence never holds a token to
begin with (the steps keep only the provider, gateway and expiry).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.core.check.context import CheckContext, MeterUnderCheck
from app.core.check.outcome import CheckRun, Finding
from app.core.sensors.dictionary import unit_of
from app.core.traffic import redact
from app.core.version import app_version

PLOT_MINUTES = 5
PLOT_SENSORS = (
    "Potencia activa total instantánea",
    "Potencia activa A instantánea",
    "Potencia activa B instantánea",
    "Potencia activa C instantánea",
    "Voltaje A-N",
    "Voltaje B-N",
    "Voltaje C-N",
)
PLOT_POINTS = 300  # per series: more than a printed page shows

# A finding's (message, fix) in the report's language; default: the English ones.
type Describe = Callable[[Finding], tuple[str, str]]


@dataclass(frozen=True, slots=True)
class PlotSeries:
    sensor: str
    unit: str
    points: tuple[tuple[float, float], ...]  # (epoch seconds, value), oldest first


@dataclass(frozen=True, slots=True)
class MeterFacts:
    label: str
    number: str | None
    device_id: int | None
    profile: str | None  # "eastron-sdm630 (Eastron SDM630)"
    link: str | None  # "TCP 127.0.0.1:1502 unit 1"
    plot: tuple[PlotSeries, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportFacts:
    site: str
    installer: str
    server: str
    meters: tuple[MeterFacts, ...]
    app_version: str = field(default_factory=app_version)


@dataclass(frozen=True, slots=True)
class CheckReport:
    facts: ReportFacts
    run: CheckRun

    def to_dict(self) -> dict[str, Any]:
        facts, run = self.facts, self.run.to_dict()
        meters = [
            {
                **shown,
                "number": m.number,
                "device_id": m.device_id,
                "profile": m.profile,
                "link": m.link,
                "plot": {s.sensor: [list(p) for p in s.points] for s in m.plot},
            }
            for m, shown in zip(facts.meters, run.pop("meters"), strict=False)
        ]
        body = {
            "site": facts.site,
            "installer": facts.installer,
            "app_version": facts.app_version,
            "server": facts.server,
            **run,
            "meters": meters,
        }
        clean: dict[str, Any] = scrubbed(body)
        return clean

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def scrubbed(value: Any) -> Any:
    """`value` with every text redacted and every non-finite number made null (JSON's)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {redact(str(k)): scrubbed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrubbed(v) for v in value]
    return value


def plot_of(meter: MeterUnderCheck, minutes: float = PLOT_MINUTES) -> tuple[PlotSeries, ...]:
    """The last minutes of the meter's history, for the report's plot (thinned to PLOT_POINTS)."""
    session = meter.meter
    if session is None:
        return ()
    history = session.history
    with history.lock:
        newest = history.newest
        if newest is None:
            return ()
        window = history.window(newest - minutes * 60, None, PLOT_SENSORS).copy()
    step = max(1, len(window) // PLOT_POINTS)
    found = []
    for sensor in PLOT_SENSORS:
        column = window.values[sensor]
        points = tuple(
            (float(t), float(v))
            for t, v in zip(window.times[::step], column[::step], strict=True)
            if math.isfinite(v)
        )
        if points:
            found.append(PlotSeries(sensor, unit_of(sensor), points))
    return tuple(found)


def facts_for(ctx: CheckContext, site: str, installer: str) -> ReportFacts:
    meters = []
    for m in ctx.meters:
        profile = m.meter.profile if m.meter is not None else None
        device = m.device
        meters.append(
            MeterFacts(
                label=m.label,
                number=device.number if device else m.device_number,
                device_id=device.id if device else m.device_id,
                profile=f"{profile.id} ({profile.manufacturer} {profile.model})"
                if profile
                else None,
                link=m.meter.description if m.meter is not None else None,
                plot=plot_of(m),
            )
        )
    return ReportFacts(site, installer, ctx.client.environment.base_url, tuple(meters))


def report_name(report: CheckReport) -> str:
    """medido-check-29-2026-12-07-1405: the meter's number (when one) and the local time."""
    numbers = [m.number for m in report.facts.meters if m.number]
    number = "".join(c if c.isalnum() or c in "-_" else "_" for c in numbers[0]) if numbers else ""
    when = report.run.finished_at.astimezone().strftime("%Y-%m-%d-%H%M")
    return "-".join(p for p in ("medido-check", number[:40], when) if p)


def write_report(
    report: CheckReport,
    folder: Path,
    *,
    describe: Describe | None = None,
    language: str = "en",
    formats: tuple[str, ...] = ("json", "html", "pdf"),
) -> list[Path]:
    """Write the report in each format into `folder` (created); the files written."""
    from app.core.check.report_html import report_html  # imported late: only when writing
    from app.core.check.report_pdf import write_pdf

    folder.mkdir(parents=True, exist_ok=True)
    base = folder / report_name(report)
    written: list[Path] = []
    for kind in formats:
        path = base.with_suffix(f".{kind}")
        if kind == "json":
            path.write_text(report.to_json() + "\n", encoding="utf-8")
        elif kind == "html":
            path.write_text(report_html(report, describe, language), encoding="utf-8")
        elif kind == "pdf":
            write_pdf(report, path, describe, language)
        else:
            raise ValueError(f"unknown report format {kind!r}")
        written.append(path)
    return written


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
