"""The report as one self-contained HTML page (inline style, SVG plot): opens anywhere, prints.

Everything from outside (the server, the meter, what the installer typed) is escaped here and
redacted before (report.scrubbed / redact): a meter number such as "<script>" shows as text.
"""

from __future__ import annotations

import json
from html import escape

from app.core.check.chart import Panel, panels, time_span
from app.core.check.outcome import Status, StepOutcome, english
from app.core.check.report import CheckReport, Describe, MeterFacts, local_time, scrubbed
from app.core.check.report_texts import status_word, step_title, words
from app.core.traffic import redact

_COLOR = {
    Status.PASS: "#1b7a3a",
    Status.WARN: "#a86400",
    Status.FAIL: "#b3261e",
    Status.SKIP: "#666",
}
_STYLE = """
body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:2em;color:#222;max-width:60em}
h1{margin-bottom:0} table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f2f2f2} .verdict{font-size:1.2em;font-weight:bold;padding:.5em;color:#fff}
pre{background:#f6f6f6;padding:.5em;overflow-x:auto;font-size:.85em} .status{font-weight:bold}
"""


def _t(text: object) -> str:
    return escape(redact(str(text)))


def _facts(report: CheckReport, w: dict[str, str]) -> str:
    f = report.facts
    rows = [
        (w["site"], f.site),
        (w["installer"], f.installer),
        (w["date"], local_time(report.run.finished_at)),
        (w["app"], f.app_version),
        (w["server"], f.server),
    ]
    return (
        "<table>"
        + "".join(f"<tr><th>{_t(k)}</th><td>{_t(v)}</td></tr>" for k, v in rows)
        + "</table>"
    )


def _meter(m: MeterFacts, w: dict[str, str]) -> str:
    rows = [
        (w["number"], m.number),
        (w["device_id"], m.device_id),
        (w["profile"], m.profile),
        (w["link"], m.link),
    ]
    shown = "".join(
        f"<tr><th>{_t(k)}</th><td>{_t(v if v is not None else '—')}</td></tr>" for k, v in rows
    )
    return f"<table>{shown}</table>"


def _steps(
    steps: tuple[StepOutcome, ...], describe: Describe, language: str, w: dict[str, str]
) -> str:
    head = "<tr>" + "".join(f"<th>{_t(w[k])}</th>" for k in ("step", "result", "detail", "fix"))
    head += "</tr>"
    rows = []
    for s in steps:
        status = s.status
        texts = [describe(f) for f in s.deciding]
        detail = "<br>".join(_t(m) for m, _ in texts)
        fixes = "<br>".join(dict.fromkeys(_t(x) for _, x in texts if x and status.rank > 1))
        rows.append(
            f"<tr><td>{_t(step_title(s.step, s.title, language))}</td>"
            f'<td class="status" style="color:{_COLOR[status]}">'
            f"{_t(status_word(status, language))}</td>"
            f"<td>{detail}</td><td>{fixes}</td></tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _svg(panel: Panel, width: int = 720, height: int = 180) -> str:
    pad_left, pad = 60, 10
    inner_w, inner_h = width - pad_left - pad, height - 2 * pad
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 20}" '
        'role="img">'
    ]
    parts.append(
        f'<rect x="{pad_left}" y="{pad}" width="{inner_w}" height="{inner_h}" fill="none" '
        'stroke="#999"/>'
    )
    for frac in (0.0, 0.5, 1.0):
        value = panel.low + frac * (panel.high - panel.low)
        y = pad + inner_h * (1 - frac)
        parts.append(
            f'<text x="{pad_left - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end">'
            f"{value:.1f}</text>"
        )
    parts.append(f'<text x="4" y="{pad + 12}" font-size="11">{_t(panel.unit)}</text>')
    for index, (name, colour, points) in enumerate(panel.lines):
        xy = " ".join(
            f"{pad_left + x * inner_w:.1f},{pad + (1 - y) * inner_h:.1f}" for x, y in points
        )
        parts.append(f'<polyline points="{xy}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        parts.append(
            f'<text x="{pad_left + 4 + index * 150}" y="{height + 14}" font-size="11" '
            f'fill="{colour}">{_t(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _evidence_block(steps: tuple[StepOutcome, ...], which: str) -> dict[str, object] | None:
    found = next((s for s in steps if s.step.value == which), None)
    return found.evidence if found is not None else None


def report_html(report: CheckReport, describe: Describe | None = None, language: str = "en") -> str:
    w = words(language)
    tell = describe or english
    run = report.run
    verdict = w["verdict_pass"] if run.passed else w["verdict_fail"]
    colour = _COLOR[Status.PASS if run.passed else Status.FAIL]
    body = [
        f"<h1>{_t(w['title'])}</h1>",
        _facts(report, w),
        f'<div class="verdict" style="background:{colour}">{_t(verdict)}</div>',
        f"<h2>{_t(w['shared'])}</h2>",
        _steps(run.shared, tell, language, w),
    ]
    for facts, meter in zip(report.facts.meters, run.meters, strict=False):
        body.append(f"<h2>{_t(w['meter'])}: {_t(facts.label)}</h2>")
        body.append(_meter(facts, w))
        body.append(_steps(meter.steps, tell, language, w))
        body.append(f"<h3>{_t(w['plot'] + time_span(facts.plot))}</h3>")
        charts = panels(facts.plot)
        body.append("".join(_svg(p) for p in charts) if charts else f"<p>{_t(w['no_plot'])}</p>")
        clock = _evidence_block(meter.steps, "clock")
        if clock:
            body.append(f"<h3>{_t(w['clock'])}</h3><pre>{_t(_dump(clock))}</pre>")
        upload = _evidence_block(meter.steps, "upload") or {}
        body.append(f"<h3>{_t(w['uploaded'])}</h3>")
        if "sent" in upload:
            body.append(f"<pre>{_t(_dump(upload['sent']))}</pre>")
            body.append(f"<h3>{_t(w['answer'])}</h3><pre>{_t(_dump(upload.get('answer')))}</pre>")
        else:
            body.append(f"<p>{_t(w['nothing_uploaded'])}</p>")
    lang = "es" if language == "es" else "en"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{_t(w['title'])}</title><style>{_STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def _dump(value: object) -> str:
    return json.dumps(scrubbed(value), ensure_ascii=False, indent=2)
