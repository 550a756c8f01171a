"""What to do about a typed ChileMedido address: name the fix, with the address fixed.

The core's address check (Environment.custom, read-only here) says which rule an address breaks
(InvalidEnvironment.params["reason"]); this turns that and the typed text into the one change
to make: "add https://", "remove what follows ?", "the address ends in /api/v1", each with the
corrected address to copy. Texts in context "AddressAdvice", rendered when called (so a banner
that keeps the function follows a language switch).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from app.core.api import PRODUCTION_URL, InvalidEnvironment, is_loopback_host
from app.gui.error_text import ErrorText, describe
from app.gui.i18n import fill

API_PATH = "/api/v1"


def address_problem(text: str, error: InvalidEnvironment) -> ErrorText:
    """An address the core refused: what is wrong, and the fix."""
    what = QCoreApplication.translate("AddressAdvice", "The API address cannot be used.")
    todo = _fix(text.strip(), str(error.params.get("reason", "")))
    if todo is None:
        return describe(error)
    return ErrorText(what, todo, str(error))


def path_warning(base_url: str) -> str | None:
    """An accepted address that is probably not ChileMedido's API: it ends elsewhere."""
    parts = urlsplit(base_url)
    path = parts.path.rstrip("/")
    if path.endswith(API_PATH):
        return None
    if not path or path.endswith("/api"):
        fixed = f"{parts.scheme}://{parts.netloc}{path or '/api'}/v1"
        advice = QCoreApplication.translate(
            "AddressAdvice", "ChileMedido's API address ends in /api/v1: use %1"
        )
        return fill(advice, fixed)
    advice = QCoreApplication.translate(
        "AddressAdvice", "ChileMedido's API address ends in /api/v1 (e.g. %1): check the path."
    )
    return fill(advice, PRODUCTION_URL)


def _fix(typed: str, reason: str) -> str | None:
    if not typed:
        advice = QCoreApplication.translate(
            "AddressAdvice", "Write the server's API address, e.g. %1"
        )
        return fill(advice, PRODUCTION_URL)
    if reason == "scheme":
        return _scheme_fix(typed)
    if reason == "port":
        return QCoreApplication.translate(
            "AddressAdvice",
            "Write the port after the server's name as a number from 1 to 65535 (e.g. "
            "https://example.cl:8443/api/v1), or leave it out.",
        )
    if reason == "userinfo":
        parts = urlsplit(typed)
        host = parts.netloc.rpartition("@")[2]
        advice = QCoreApplication.translate(
            "AddressAdvice", "Remove the user name and password (up to the @): use %1"
        )
        return fill(advice, f"{parts.scheme}://{host}{parts.path}")
    if reason == "query":
        advice = QCoreApplication.translate(
            "AddressAdvice", "Remove the part from the ? or # on: use %1"
        )
        return fill(advice, typed.split("?", 1)[0].split("#", 1)[0])
    return None


def _scheme_fix(text: str) -> str:
    scheme, separator, rest = text.partition("://")
    if not separator:  # "in.chilemedido.cl/api/v1": the scheme was left out
        host = urlsplit(f"//{text}").hostname or ""
        local = is_loopback_host(host)
        fixed = ("http://" if local else "https://") + text
        advice = (
            QCoreApplication.translate("AddressAdvice", "Add http:// at the start: use %1")
            if local
            else QCoreApplication.translate("AddressAdvice", "Add https:// at the start: use %1")
        )
        return fill(advice, fixed)
    if scheme.lower() not in ("http", "https"):
        advice = QCoreApplication.translate(
            "AddressAdvice", "Start the address with https:// instead of %1://: use %2"
        )
        return fill(advice, scheme, f"https://{rest}")
    advice = QCoreApplication.translate(
        "AddressAdvice", "Write the server's name after %1://, e.g. %2"
    )
    return fill(advice, scheme, PRODUCTION_URL)
