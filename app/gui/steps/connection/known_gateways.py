"""The gateways whose newest refresh token this computer remembers, for one-click log in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.api import Account
from app.gui.i18n import Retranslating, fill


class KnownGateways(Retranslating, QGroupBox):
    resume_requested = Signal(object)  # Account

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts: list[Account] = []
        self._busy = False
        self.list = QListWidget()
        self.list.setObjectName("knownGateways")
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _item: self._resume())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)  # the palette's muted colour
        self.resume = QPushButton()
        self.resume.clicked.connect(self._resume)
        column = QVBoxLayout(self)
        column.addWidget(self.list)
        column.addWidget(self.empty)
        column.addWidget(self.resume, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()
        self.show_accounts([])

    def show_accounts(self, accounts: list[Account]) -> None:
        chosen = self.selected()
        self.accounts = accounts
        self.list.clear()
        for account in accounts:
            item = QListWidgetItem(self._label(account))
            item.setData(Qt.ItemDataRole.UserRole, account)
            self.list.addItem(item)
            if account == chosen or len(accounts) == 1:
                item.setSelected(True)
        self.list.setVisible(bool(accounts))
        self.empty.setVisible(not accounts)
        self._update()

    def selected(self) -> Account | None:
        items = self.list.selectedItems()
        data = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return data if isinstance(data, Account) else None

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Remembered gateways"))
        self.empty.setText(self.tr("No token is remembered for this server on this computer."))
        self.resume.setText(self.tr("Log in with &this one"))
        for row, account in enumerate(self.accounts):
            self.list.item(row).setText(self._label(account))

    def _label(self, account: Account) -> str:
        return fill(self.tr("Provider %1 · gateway %2"), account.provider, account.gateway)

    def _update(self) -> None:
        self.resume.setEnabled(self.selected() is not None and not self._busy)
        self.resume.setVisible(bool(self.accounts))

    def _resume(self) -> None:
        account = self.selected()
        if account is not None and self.resume.isEnabled():
            self.resume_requested.emit(account)
