"""The Upload page's preview: the JSON body exactly as it will be sent, what was left out and why,
and the checks (errors block sending; warnings do not)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.measurements import Omission, Problem, Severity
from app.core.upload.attempt import PreparedUpload
from app.gui.error_text import describe_code
from app.gui.i18n import Retranslating, fill
from app.gui.theme import ThemeWatcher
from app.gui.widgets.tone_label import Tone, tagged_line, tone_colour


class UploadPreview(Retranslating, QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.prepared: PreparedUpload | None = None
        self.json_title = QLabel()
        self.json = QPlainTextEdit()
        self.json.setReadOnly(True)
        self.json.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.json.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.json.setMinimumHeight(40)  # small screens: the page may shrink, the views scroll
        self.omitted_title = QLabel()
        self.omitted = QTreeWidget()
        self.omitted.setColumnCount(2)
        self.omitted.setRootIsDecorated(False)
        self.omitted.setMinimumHeight(40)
        self.omitted.setWordWrap(True)
        header = self.omitted.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.include_unconfigured = QCheckBox()  # the page reacts to it
        # Its long text must not widen the window's minimum: it is clipped when narrow.
        self.include_unconfigured.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed
        )
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addWidget(_column(self.json_title, self.json))
        self.addWidget(
            _column(self.omitted_title, self.omitted, self.include_unconfigured, self.checks)
        )
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([3000, 2000])  # the JSON wider, whatever the texts' lengths
        self.setChildrenCollapsible(False)
        self._theme = ThemeWatcher(self)
        self._theme.changed.connect(self._show_checks)
        self.retranslate()

    def show_upload(self, prepared: PreparedUpload | None) -> None:
        self.prepared = prepared
        body = prepared.batch.to_json() if prepared is not None else ""
        if self.json.toPlainText() != body:  # keep the installer's scroll position otherwise
            self.json.setPlainText(body)
        self.omitted.clear()
        omitted = prepared.batch.omitted if prepared is not None else ()
        for omission in omitted:
            self.omitted.addTopLevelItem(_omission_item(omission))
        self.omitted_title.setText(fill(self.tr("Left out (%1), and why"), len(omitted)))
        self._show_checks()

    def retranslate(self) -> None:
        self.json_title.setText(self.tr("What will be sent (JSON, exactly as sent)"))
        self.omitted.setHeaderLabels([self.tr("Variable"), self.tr("Why")])
        self.include_unconfigured.setText(
            self.tr("&Send the unconfigured ones too (to see ChileMedido's warning)")
        )
        self.include_unconfigured.setToolTip(self.include_unconfigured.text().replace("&", ""))
        self.show_upload(self.prepared)

    def _show_checks(self, *_: object) -> None:
        prepared = self.prepared
        if prepared is None:
            self.checks.setText("")
            return
        problems = prepared.validation.problems
        if not problems:
            ok = tone_colour(Tone.OK).name()
            text = html.escape(self.tr("Checks: nothing ChileMedido would refuse."))
            self.checks.setText(f'<span style="color:{ok}">✓ {text}</span>')
            return
        self.checks.setText("".join(self._problem_row(p) for p in problems))

    def _problem_row(self, problem: Problem) -> str:
        error = problem.severity is Severity.ERROR
        label = self.tr("Cannot send") if error else self.tr("Warning")
        params = {"sensor": problem.sensor or "", "suggestion": problem.suggestion or ""}
        text = describe_code(problem.code, problem.message, params)
        words = " ".join(t for t in (text.what, text.todo) if t)
        return tagged_line(Tone.ERROR if error else Tone.WARNING, label, words)


def _omission_item(omission: Omission) -> QTreeWidgetItem:
    text = describe_code(omission.code, omission.message, {"sensor": omission.sensor})
    item = QTreeWidgetItem([omission.sensor, text.what])
    item.setToolTip(0, omission.sensor)
    advice = f"{text.what} {text.todo}".strip()
    item.setToolTip(1, f"{advice}\n\n{omission.message}")  # with the core's own words
    return item


def _column(*widgets: QWidget) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        stretch = 0 if isinstance(widget, QLabel | QCheckBox) else 1
        layout.addWidget(widget, stretch)
    return column
