"""Render resources/icons/medido.svg into packaging/medido.ico (the executables' icon).

    uv run python packaging/make_icon.py

Qt renders the SVG at each size; the ICO container is written here (a header, a directory,
PNG-compressed images; Windows Vista and later read PNG entries at every size) because Qt's
ICO writer stores a single image. The .ico is committed, so a Windows build needs no extra
step; run this again after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "medido.svg"
ICO = Path(__file__).resolve().parent / "medido.ico"
SIZES: tuple[int, ...] = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent size×size square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"Qt could not encode the {size}px icon as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG image per size (a directory entry stores 256 as 0)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory = b""
    payload = b""
    for size, png in sorted(images.items()):
        if not 1 <= size <= 256:
            raise ValueError(f"ICO images are 1 to 256 px, not {size}")
        dim = size % 256
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        payload += png
    return header + directory + payload


def make_icon(svg: Path = SVG, out: Path = ICO, sizes: tuple[int, ...] = SIZES) -> Path:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out.write_bytes(ico_bytes({size: render_png(svg, size) for size in sizes}))
    del app
    return out


if __name__ == "__main__":
    print(make_icon())
