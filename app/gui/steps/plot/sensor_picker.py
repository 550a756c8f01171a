"""Which sensors to plot: a checkable list grouped by unit (one group per plot)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.core.readings.groups import group_by_unit
from app.gui.i18n import N_, Retranslating

_TITLES = {
    "kW": N_("SensorPicker", "Active power"),
    "V": N_("SensorPicker", "Voltage"),
    "A": N_("SensorPicker", "Current"),
    "kVAR": N_("SensorPicker", "Reactive power"),
    "Sin unidad": N_("SensorPicker", "Power factor"),
    "Hz": N_("SensorPicker", "Frequency"),
    "%": N_("SensorPicker", "Harmonic distortion"),
    "°C": N_("SensorPicker", "Temperature"),
    "kWh": N_("SensorPicker", "Active energy"),
    "kVARh": N_("SensorPicker", "Reactive energy"),
}
_UNITLESS = {"", "Sin unidad"}


def group_title(unit: str) -> str:
    """ "Voltage (V)"; the power factor has no unit to show."""
    name = _TITLES.get(unit)
    if name is None:
        return unit or QCoreApplication.translate("SensorPicker", "Other")
    text = QCoreApplication.translate("SensorPicker", name)
    return text if unit in _UNITLESS else f"{text} ({unit})"


class SensorPicker(Retranslating, QTreeWidget):
    selection_changed = Signal(list)  # the checked sensors, in list order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self._sensors: list[str] = []
        self._updating = False
        self.itemChanged.connect(self._on_item_changed)

    def set_sensors(self, sensors: list[str], selected: list[str]) -> None:
        """Show `sensors` grouped by unit, with `selected` checked."""
        self._updating = True
        self.clear()
        self._sensors = list(dict.fromkeys(sensors))
        chosen = set(selected)
        for group in group_by_unit(self._sensors):
            parent = QTreeWidgetItem(self, [group_title(group.unit)])
            parent.setData(0, Qt.ItemDataRole.UserRole, group.unit)
            parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsAutoTristate)
            for sensor in group.sensors:
                item = QTreeWidgetItem(parent, [sensor])
                item.setData(0, Qt.ItemDataRole.UserRole, sensor)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = Qt.CheckState.Checked if sensor in chosen else Qt.CheckState.Unchecked
                item.setCheckState(0, checked)
            parent.setExpanded(True)
        self._updating = False

    def sensors(self) -> list[str]:
        return list(self._sensors)

    def selected(self) -> list[str]:
        """The checked sensors, grouped as shown."""
        chosen = []
        for i in range(self.topLevelItemCount()):
            parent = self.topLevelItem(i)
            assert parent is not None
            for j in range(parent.childCount()):
                item = parent.child(j)
                if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                    chosen.append(str(item.data(0, Qt.ItemDataRole.UserRole)))
        return chosen

    def set_selected(self, sensors: list[str]) -> None:
        self.set_sensors(self._sensors, sensors)
        self.selection_changed.emit(self.selected())

    def retranslate(self) -> None:
        for i in range(self.topLevelItemCount()):
            parent = self.topLevelItem(i)
            if parent is not None:
                parent.setText(0, group_title(str(parent.data(0, Qt.ItemDataRole.UserRole))))

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if not self._updating and item.childCount() == 0:
            self.selection_changed.emit(self.selected())
