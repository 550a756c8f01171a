"""The executables' icon (packaging/make_icon.py and the committed packaging/medido.ico)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.packaging.scripts import PACKAGING, load

make_icon = load("make_icon")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def ico_images(data: bytes) -> dict[int, tuple[int, int]]:
    """size → (width, height) read from each PNG image's own header, checked against the
    directory entry that points at it."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file"
    images: dict[int, tuple[int, int]] = {}
    for index in range(count):
        width, height, _colors, _zero, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert bits == 32
        assert offset + length <= len(data)
        png = data[offset : offset + length]
        assert png.startswith(PNG_SIGNATURE)
        png_width, png_height = struct.unpack_from(">II", png, 16)  # IHDR
        size = width or 256  # the directory stores 256 as 0
        assert (png_width, png_height) == (size, height or 256)
        images[size] = (png_width, png_height)
    return images


def test_the_committed_icon_has_the_sizes_windows_uses() -> None:
    images = ico_images((PACKAGING / "medido.ico").read_bytes())
    assert {16, 32, 48, 256} <= set(images)
    assert all(w == h for w, h in images.values())


def test_make_icon_renders_the_svg_at_each_size(qtbot: QtBot, tmp_path: Path) -> None:
    out = make_icon.make_icon(out=tmp_path / "test.ico", sizes=(16, 48, 256))
    assert ico_images(out.read_bytes()) == {16: (16, 16), 48: (48, 48), 256: (256, 256)}


def test_the_rendered_image_is_the_drawing(qtbot: QtBot) -> None:
    image = QImage.fromData(make_icon.render_png(make_icon.SVG, 64))
    assert image.pixelColor(1, 1).alpha() == 0  # outside the rounded square: transparent
    assert image.pixelColor(4, 32).name() == "#0b5cad"  # the square's blue (medido.svg)


def test_an_image_not_between_1_and_256_px_is_refused() -> None:
    with pytest.raises(ValueError, match="512"):
        make_icon.ico_bytes({512: PNG_SIGNATURE})
