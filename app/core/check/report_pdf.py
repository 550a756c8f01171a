"""The report as a PDF, with ReportLab (pure Python: the same on Windows, no system libraries).

The standard PDF fonts carry Windows-1252 only, which holds Spanish; the few other characters
the texts use (−, ↳, ×) are written as their nearest ASCII. Paragraph text is markup for
ReportLab, so everything is escaped (and redacted) before it goes in.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, PropertySet, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Preformatted,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.core.check.chart import Panel, panels, time_span
from app.core.check.outcome import Status, StepOutcome, english
from app.core.check.report import CheckReport, Describe, local_time, scrubbed
from app.core.check.report_texts import status_word, step_title, words
from app.core.traffic import redact

_COLOR = {
    Status.PASS: colors.HexColor("#1b7a3a"),
    Status.WARN: colors.HexColor("#a86400"),
    Status.FAIL: colors.HexColor("#b3261e"),
    Status.SKIP: colors.HexColor("#666666"),
}
_NEAREST = str.maketrans({"−": "-", "↳": "->", "×": "x", "≤": "<=", "≥": ">=", "→": "->"})
_JSON_LINES = 120  # of the uploaded body: the JSON file has it whole


def _plain(text: object) -> str:
    shown = redact(str(text)).translate(_NEAREST)
    return shown.encode("cp1252", "replace").decode("cp1252")


def _p(text: object, style: PropertySet) -> Paragraph:
    return Paragraph(escape(_plain(text)).replace("\n", "<br/>"), style)


def _grid(rows: list[list[Flowable | str]], widths: list[float], header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#bbbbbb")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    else:
        style.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")))
    table.setStyle(TableStyle(style))
    return table


def _chart(panel: Panel, width: float, height: float = 45 * mm) -> Drawing:
    left, pad = 16 * mm, 4
    inner_w, inner_h = width - left - pad, height - 14
    drawing = Drawing(width, height + 12)
    base = 12
    frame = Rect(left, base, inner_w, inner_h)
    frame.fillColor, frame.strokeColor = colors.white, colors.grey
    drawing.add(frame)
    for frac in (0.0, 0.5, 1.0):
        value = panel.low + frac * (panel.high - panel.low)
        drawing.add(
            String(
                left - 3, base + inner_h * frac - 3, f"{value:.1f}", fontSize=7, textAnchor="end"
            )
        )
    drawing.add(String(2, base + inner_h + 2, _plain(panel.unit), fontSize=7))
    for index, (name, colour, points) in enumerate(panel.lines):
        flat = [c for x, y in points for c in (left + x * inner_w, base + y * inner_h)]
        drawing.add(PolyLine(flat, strokeColor=colors.HexColor(colour), strokeWidth=1))
        drawing.add(
            String(
                left + index * 42 * mm,
                1,
                _plain(name)[:34],
                fontSize=6.5,
                fillColor=colors.HexColor(colour),
            )
        )
    return drawing


def _steps(
    steps: tuple[StepOutcome, ...],
    describe: Describe,
    language: str,
    w: dict[str, str],
    small: ParagraphStyle,
    width: float,
) -> Table:
    rows: list[list[Flowable | str]] = [
        [_p(w["step"], small), _p(w["result"], small), _p(w["detail"], small), _p(w["fix"], small)]
    ]
    for s in steps:
        status = s.status
        texts = [describe(f) for f in s.deciding]
        result = ParagraphStyle(
            "result", parent=small, textColor=_COLOR[status], fontName="Helvetica-Bold"
        )
        fixes = "\n".join(dict.fromkeys(x for _, x in texts if x and status.rank > 1))
        rows.append(
            [
                _p(step_title(s.step, s.title, language), small),
                _p(status_word(status, language), result),
                _p("\n".join(m for m, _ in texts), small),
                _p(fixes, small),
            ]
        )
    return _grid(rows, [width * 0.18, width * 0.1, width * 0.42, width * 0.3], header=True)


def write_pdf(
    report: CheckReport, path: Path, describe: Describe | None = None, language: str = "en"
) -> None:
    w = words(language)
    tell = describe or english
    styles = getSampleStyleSheet()
    body, small = (
        styles["BodyText"],
        ParagraphStyle("small", parent=styles["BodyText"], fontSize=8.5, leading=10.5),
    )
    mono = ParagraphStyle("mono", parent=styles["Code"], fontSize=7, leading=8.5)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=_plain(w["title"]),
        author="Medido",
    )
    width = doc.width
    run, facts = report.run, report.facts
    story: list[Flowable] = [_p(w["title"], styles["Title"])]
    rows = [
        (w["site"], facts.site),
        (w["installer"], facts.installer),
        (w["date"], local_time(run.finished_at)),
        (w["app"], facts.app_version),
        (w["server"], facts.server),
    ]
    story.append(
        _grid([[_p(k, small), _p(v, small)] for k, v in rows], [width * 0.25, width * 0.75])
    )
    story.append(Spacer(1, 4 * mm))
    verdict = ParagraphStyle(
        "verdict",
        parent=body,
        textColor=colors.white,
        backColor=_COLOR[Status.PASS if run.passed else Status.FAIL],
        fontName="Helvetica-Bold",
        fontSize=12,
        leading=16,
        borderPadding=5,
    )
    story += [
        _p(w["verdict_pass"] if run.passed else w["verdict_fail"], verdict),
        Spacer(1, 5 * mm),
    ]
    story += [
        _p(w["shared"], styles["Heading2"]),
        _steps(run.shared, tell, language, w, small, width),
    ]
    for meter_facts, meter in zip(facts.meters, run.meters, strict=False):
        story.append(_p(f"{w['meter']}: {meter_facts.label}", styles["Heading2"]))
        details = [
            (w["number"], meter_facts.number),
            (w["device_id"], meter_facts.device_id),
            (w["profile"], meter_facts.profile),
            (w["link"], meter_facts.link),
        ]
        story.append(
            _grid(
                [[_p(k, small), _p(v if v is not None else "-", small)] for k, v in details],
                [width * 0.25, width * 0.75],
            )
        )
        story += [Spacer(1, 3 * mm), _steps(meter.steps, tell, language, w, small, width)]
        heading = ParagraphStyle("keep", parent=styles["Heading3"], keepWithNext=1)
        story.append(_p(w["plot"] + time_span(meter_facts.plot), heading))
        charts = panels(meter_facts.plot)
        story += [_chart(p, width) for p in charts] if charts else [_p(w["no_plot"], small)]
        evidence = {s.step.value: s.evidence for s in meter.steps}
        if evidence.get("clock"):
            story += [
                _p(w["clock"], styles["Heading3"]),
                Preformatted(_json(evidence["clock"]), mono),
            ]
        upload = evidence.get("upload") or {}
        story.append(_p(w["uploaded"], styles["Heading3"]))
        if "sent" in upload:
            lines = _json(upload["sent"]).splitlines()
            shown = "\n".join(lines[:_JSON_LINES] + (["..."] if len(lines) > _JSON_LINES else []))
            story += [
                Preformatted(shown, mono),
                _p(w["answer"], styles["Heading3"]),
                Preformatted(_json(upload.get("answer")), mono),
            ]
        else:
            story.append(_p(w["nothing_uploaded"], small))
    doc.build(story)


def _json(value: object) -> str:
    return _plain(json.dumps(scrubbed(value), ensure_ascii=False, indent=2))
