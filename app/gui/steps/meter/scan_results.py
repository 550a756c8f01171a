"""The meters an auto-detect found: one row per responder with its likeliest profile, the
runners-up under it, and the word-order warning where the meter's order is not the profile's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.core.meter.detect import Responder
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_guess import ProfileGuess
from app.gui.i18n import Retranslating, fill
from app.gui.theme import colors

_ROLE = Qt.ItemDataRole.UserRole


def word_order_advice(order: str) -> str:
    """What to do when a meter's word order is not its profile's (here and in the Meter page)."""
    text = QCoreApplication.translate(
        "ScanResults",
        "The meter sends multi-register values in %1 order, not the profile's. Change "
        "the meter's setting, or use a profile with that order.",
    )
    return fill(text, order)


class ScanResults(Retranslating, QTreeWidget):
    def __init__(self, profiles: list[MeterProfile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = {p.id: f"{p.manufacturer} {p.model}" for p in profiles}
        self._responders: list[Responder] = []
        self.setColumnCount(3)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setColumnWidth(0, 150)
        self.setColumnWidth(1, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Meter"), self.tr("Likely profile"), self.tr("Notes")])
        self.show_responders(self._responders)

    def show_responders(self, responders: list[Responder] | tuple[Responder, ...]) -> None:
        """Replace the rows (progress sends the whole list found so far each time)."""
        selected = self.chosen()
        self._responders = list(responders)
        self.clear()
        for r in self._responders:
            item = QTreeWidgetItem(self, [self._where(r), *self._guess_texts(r.best)])
            item.setData(0, _ROLE, (r, r.best))
            self._paint(item, r.best)
            for other in r.guesses[1:4]:
                if other.score > 0:
                    child = QTreeWidgetItem(item, ["", *self._guess_texts(other, runner_up=True)])
                    child.setData(0, _ROLE, (r, other))
                    self._paint(child, other)
            item.setExpanded(True)
            if selected is not None and selected[0].unit == r.unit:
                self.setCurrentItem(item)
        first = self.topLevelItem(0)
        if self.currentItem() is None and first is not None:
            self.setCurrentItem(first)

    def chosen(self) -> tuple[Responder, ProfileGuess | None] | None:
        item = self.currentItem()
        if item is None:
            return None
        data = item.data(0, _ROLE)
        return data if isinstance(data, tuple) else None

    def _where(self, r: Responder) -> str:
        if r.baud is None:  # a TCP gateway: the address is the dialog's, not the meter's
            return fill(self.tr("Unit %1"), r.unit)
        return fill(self.tr("Unit %1 — %2"), r.unit, r.settings)

    def _guess_texts(self, guess: ProfileGuess | None, runner_up: bool = False) -> list[str]:
        if guess is None:
            return [self.tr("No profile fits"), self.tr("No plausible voltage or frequency.")]
        name = self._names.get(guess.profile_id, guess.profile_id)
        text = f"{name} ({guess.score:.0%})"
        if runner_up:
            text = fill(self.tr("also possible: %1"), text)
        note = ""
        if guess.word_order is not None:
            note = fill(self.tr("Word order %1, not the profile's"), guess.word_order.value)
        return [text, note]

    def _paint(self, item: QTreeWidgetItem, guess: ProfileGuess | None) -> None:
        if guess is not None and guess.word_order is not None:
            item.setForeground(2, colors().warning)
            advice = word_order_advice(guess.word_order.value)
            item.setToolTip(2, f"{advice}\n{guess.message}")
        elif guess is None:
            item.setForeground(1, colors().warning)
