"""The start-up baseline: a bare PySide6 window of Medido's size, frozen as Medido is.

packaging/startup.py times it against Medido; bench/launch.py runs it from source, with
pyqtgraph imported first, as its baseline. Like Medido (app/gui/first_paint.py), it writes
the wall-clock time of its first paint to the file MEDIDO_PAINTED_FILE names, then quits.
"""

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget


class Window(QWidget):
    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, note_first_paint)  # once this frame is done, as Medido does
            QTimer.singleShot(1, QApplication.quit)


def note_first_paint() -> None:
    target = os.environ.get("MEDIDO_PAINTED_FILE")
    if target:
        with open(target, "w", encoding="ascii") as file:
            file.write(repr(time.time()))


app = QApplication(sys.argv)
window = Window()
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
