"""The Check page's "Save report" box: site and installer (remembered), Save, then where the
report went with buttons to open it.

Writing runs on the core loop (`write_check_report`): the facts are gathered there (the meter's
history is the core's) and the files are written in a worker thread (the PDF takes a moment).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.core.check.context import CheckContext
from app.core.check.outcome import CheckRun, english
from app.core.check.report import CheckReport, Describe, facts_for, write_report
from app.core.resources import user_reports_dir
from app.gui.checklist_texts import describe_finding
from app.gui.i18n import Retranslating, fill
from app.gui.settings import Option, Settings
from app.gui.widgets.documents import documents_folder

REPORT_SITE = Option("check/site", str, "")
REPORT_INSTALLER = Option("check/installer", str, "")


def report_folder() -> Path:
    """Documents/Medido (the home folder when the OS names no documents folder); a portable
    install's reports folder beside the executable."""
    portable = user_reports_dir()
    if portable is not None:
        return portable
    return (documents_folder() or Path.home()) / "Medido"


def translated_findings(run: CheckRun) -> Describe:
    """Every finding of `run` described now, on the GUI thread, for a report written elsewhere."""
    texts = {id(f): describe_finding(f) for step in run.steps for f in step.findings}
    return lambda finding: texts.get(id(finding)) or english(finding)


async def write_check_report(
    ctx: CheckContext,
    run: CheckRun,
    site: str,
    installer: str,
    folder: Path,
    language: str,
    describe: Describe | None = None,
) -> list[Path]:
    """On the core loop: gather the facts, then write JSON, HTML and PDF in a worker thread."""
    report = CheckReport(facts_for(ctx, site, installer), run)
    return await asyncio.to_thread(
        write_report, report, folder, describe=describe, language=language
    )


class ReportBox(Retranslating, QGroupBox):
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: list[Path] = []
        self.site = QLineEdit()
        self.installer = QLineEdit()
        self.save = QPushButton()
        self.save.clicked.connect(self.save_requested)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.open_report = QPushButton()
        self.open_report.clicked.connect(self._open_report)
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(self._open_folder)
        self.site_label, self.installer_label = QLabel(), QLabel()
        self.site_label.setBuddy(self.site)
        self.installer_label.setBuddy(self.installer)
        form = QFormLayout(self)
        form.addRow(self.site_label, self.site)
        form.addRow(self.installer_label, self.installer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.open_report)
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.where)
        self.show_files([])
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Report"))
        self.site_label.setText(self.tr("&Site:"))
        self.installer_label.setText(self.tr("&Installer:"))
        self.site.setPlaceholderText(self.tr("Name or address of the site"))
        self.installer.setPlaceholderText(self.tr("Your name or company"))
        self.save.setText(self.tr("Sa&ve report"))
        self.save.setToolTip(self.tr("Write the report as HTML, PDF and JSON"))
        self.open_report.setText(self.tr("&Open report"))
        self.open_folder.setText(self.tr("Open &folder"))
        self._show_where()

    def restore(self, settings: Settings) -> None:
        self.site.setText(settings.get(REPORT_SITE))
        self.installer.setText(settings.get(REPORT_INSTALLER))

    def remember(self, settings: Settings) -> None:
        settings.set(REPORT_SITE, self.site.text().strip())
        settings.set(REPORT_INSTALLER, self.installer.text().strip())

    def show_files(self, files: list[Path]) -> None:
        self.files = files
        self.open_report.setVisible(bool(files))
        self.open_folder.setVisible(bool(files))
        self._show_where()

    def _show_where(self) -> None:
        if self.files:
            self.where.setText(fill(self.tr("Saved in %1"), str(self.files[0].parent)))
        else:
            folder = str(report_folder())
            self.where.setText(fill(self.tr("The report goes to %1 (HTML, PDF and JSON)."), folder))

    def _html(self) -> Path | None:
        return next((p for p in self.files if p.suffix == ".html"), None)

    def _open_report(self) -> None:
        path = self._html()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _open_folder(self) -> None:
        if self.files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.files[0].parent)))
