"""What the Plot page's exports need besides the data: the CSV's format in the UI's language
and the words written onto an exported image.

A CSV opened in Excel must split into columns and read its numbers: with a Spanish UI that is
";" and "," (Chilean Excel), with an English one "," and "." (app.gui.i18n knows the UI's
language; the OS's may differ). The dialogs start in the documents folder
(app.gui.widgets.documents). An exported PNG travels by e-mail, away from the app: it says
which meter (number, profile, unit id, link), when, and in which units, above and below the plots.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPixmap

from app.core.readings.csv_export import CsvFormat
from app.gui.i18n import number_locale

_PAD = 10  # pixels around the written lines
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def ui_csv_format() -> CsvFormat:
    """The CSV format for the UI's language (its decimal mark decides the separator)."""
    return CsvFormat.for_decimal_mark(number_locale().decimalPoint())


def captioned(
    plots: QPixmap,
    header: list[str],
    footer: list[str],
    *,
    background: QColor,
    foreground: QColor,
) -> QImage:
    """The plots with `header` lines above them (the first in bold) and `footer` lines below."""
    font = QFont()
    bold = QFont(font)
    bold.setBold(True)
    line = max(QFontMetrics(bold).lineSpacing(), QFontMetrics(font).lineSpacing())
    top = _PAD * 2 + line * len(header) if header else 0
    bottom = _PAD * 2 + line * len(footer) if footer else 0
    ratio = plots.devicePixelRatio()
    width, height = round(plots.width() / ratio), round(plots.height() / ratio)
    image = QImage(width, top + height + bottom, QImage.Format.Format_ARGB32)
    image.fill(background)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.drawPixmap(0, top, width, height, plots)
        painter.setPen(foreground)
        room = width - 2 * _PAD
        lines = [(bold if i == 0 else font, _PAD + i * line, t) for i, t in enumerate(header)]
        lines += [(font, top + height + _PAD + i * line, t) for i, t in enumerate(footer)]
        for face, y, text in lines:
            painter.setFont(face)
            shown = QFontMetrics(face).elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(_PAD, y, room, line, _LEFT, shown)
    finally:
        painter.end()
    return image
