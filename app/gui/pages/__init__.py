"""The pages of the installer's steps: one module per step, named by the step's key.

`create_page` imports app/gui/pages/<key>.py and builds the class STEPS names, or a placeholder
while that module does not exist yet (any other import error is a bug and is raised).
"""

from __future__ import annotations

import importlib

from app.gui.pages.base import Page
from app.gui.pages.placeholder import PlaceholderPage
from app.gui.session import Session
from app.gui.steps import Step


def create_page(step: Step, session: Session) -> Page:
    try:
        module = importlib.import_module(step.module)
    except ModuleNotFoundError as exc:
        if exc.name != step.module:
            raise
        page: Page = PlaceholderPage(session, step)
        page.retranslate_all()
        page.restore_settings()
        return page
    page_class: type[Page] = getattr(module, step.class_name)
    return page_class.build(session)


__all__ = ["Page", "create_page"]
