"""Core errors in the installer's language: what happened, and what to do.

Core errors carry a stable `code` and an English message. Here each known code has a translated
pair of texts (context "ErrorText"); an unknown code falls back to the error's own message, so
a new error is never shown blank. Texts may use {placeholders} from the error's `params`
(e.g. {host}); a missing one is left out rather than failing.

To add a code: add an entry to _TEXTS below, run scripts/update_translations.py, translate the
new Spanish entries in resources/translations/medido_es.ts, run the script again.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.core.meter.bus_time import LinkKind
from app.core.traffic import redact
from app.gui.check_texts import CHECK_TEXTS
from app.gui.i18n import N_
from app.gui.meter_texts import LINK_TODO, METER_TEXTS

# code -> (what happened, what to do); English source, translated at display time.
_TEXTS: dict[str, tuple[str, str]] = {
    # -- ChileMedido API (app.core.api) --
    "offline": (
        N_("ErrorText", "ChileMedido cannot be reached."),
        N_("ErrorText", "Check the laptop's internet connection, then retry."),
    ),
    "offline_dns": (
        N_("ErrorText", "The server's name ({host}) could not be found."),
        N_("ErrorText", "Check the internet connection and the API address in Connection."),
    ),
    "offline_refused": (
        N_("ErrorText", "The server ({host}) refused the connection."),
        N_("ErrorText", "Check the API address; a firewall or proxy may be blocking it."),
    ),
    "offline_timeout": (
        N_("ErrorText", "ChileMedido did not answer in time."),
        N_("ErrorText", "The connection is slow or down. Nothing was lost: retry in a moment."),
    ),
    "captive_portal": (
        N_("ErrorText", "A web page answered instead of ChileMedido."),
        N_(
            "ErrorText",
            "This network probably wants a login first (hotel, airport or office Wi-Fi). Open a "
            "web browser, log in to the network, then retry.",
        ),
    ),
    "answer_broken": (
        N_("ErrorText", "ChileMedido's answer arrived cut short or garbled."),
        N_(
            "ErrorText",
            "The connection dropped or a proxy altered it. Retry; if it keeps happening, try "
            "another network.",
        ),
    ),
    "tls": (
        N_("ErrorText", "The server's certificate could not be verified."),
        N_(
            "ErrorText",
            "Check the laptop's date and time. A company proxy may need its CA file set in "
            "Connection.",
        ),
    ),
    "tls_ca_file": (
        N_("ErrorText", "The CA certificate file cannot be used."),
        N_("ErrorText", "Choose a PEM certificate file, or clear the field."),
    ),
    "token_missing": (
        N_("ErrorText", "You are not logged in to ChileMedido."),
        N_("ErrorText", "Paste the gateway's refresh token in Connection and log in."),
    ),
    "token_invalid": (
        N_("ErrorText", "The pasted text is not a ChileMedido token."),
        N_(
            "ErrorText",
            "Paste the whole refresh token the ChileMedido administrator sent (it starts with "
            "eyJ).",
        ),
    ),
    "token_expired": (
        N_("ErrorText", "The refresh token has expired."),
        N_("ErrorText", "Ask the ChileMedido administrator for a new refresh token."),
    ),
    "token_rejected": (
        N_("ErrorText", "ChileMedido refused the token."),
        N_(
            "ErrorText",
            "It may have been replaced by a newer one, revoked, or be for another environment. "
            "Log in with the newest refresh token, or ask the administrator for a new one.",
        ),
    ),
    "meter_not_found": (
        N_("ErrorText", "ChileMedido has no meter with that number."),
        N_(
            "ErrorText",
            "Check the number against the meter's registration on the platform: it must match "
            "exactly, spaces and accents included.",
        ),
    ),
    "not_your_meter": (
        N_("ErrorText", "That meter belongs to another provider."),
        N_("ErrorText", "Check the meter's number, and that the token is for the right gateway."),
    ),
    "measurement_rejected": (
        N_("ErrorText", "ChileMedido refused the measurement."),
        N_("ErrorText", "Nothing was stored. The details below say which value it refused."),
    ),
    "measurement_invalid": (
        N_("ErrorText", "The measurement has a value that cannot be sent."),
        N_("ErrorText", "Check the meter reading for the variable named in the details."),
    ),
    "server_error": (
        N_("ErrorText", "ChileMedido had a problem."),
        N_(
            "ErrorText",
            "Nothing is lost: try again in a few minutes. If it persists, contact ChileMedido "
            "support.",
        ),
    ),
    "unexpected_answer": (
        N_("ErrorText", "ChileMedido gave an answer Medido did not expect."),
        N_("ErrorText", "Check the API address in Connection; the details show the answer."),
    ),
    "bad_url": (
        N_("ErrorText", "The API address cannot be used."),
        N_("ErrorText", "Write it like https://in.chilemedido.cl/api/v1 (no user, no ? or #)."),
    ),
    "credentials_unavailable": (
        N_("ErrorText", "The token could not be remembered on this computer."),
        N_(
            "ErrorText",
            "It works while Medido is open; after closing you will need the newest refresh token "
            "again.",
        ),
    ),
    "credentials_failed": (
        N_("ErrorText", "The computer's credential store refused to keep the token."),
        N_(
            "ErrorText",
            "It works while Medido is open. Unlock the credential store (or sign in to Windows "
            "again) and log in once more to remember it.",
        ),
    ),
    "credentials_timeout": (
        N_("ErrorText", "The computer's credential store did not answer."),
        N_(
            "ErrorText",
            "The token works while Medido is open; it may not be remembered after closing.",
        ),
    ),
    # -- token files (app.core.account.token_file) --
    "token_file_unreadable": (
        N_("ErrorText", "The file {file} cannot be used as a token file."),
        N_("ErrorText", "Choose the file the ChileMedido administrator sent, or paste the token."),
    ),
    "token_file_empty": (
        N_("ErrorText", "The file {file} holds no ChileMedido refresh token."),
        N_("ErrorText", "Choose the file the ChileMedido administrator sent, or paste the token."),
    ),
    # -- Modbus links (app.core.meter.links) --
    "timeout": (
        N_("ErrorText", "The meter did not answer."),
        N_(
            "ErrorText",
            "Check the unit id, the RS-485 wiring (A/B), the baud rate and parity, and that the "
            "meter is powered.",
        ),
    ),
    "connect-refused": (
        N_("ErrorText", "The meter or gateway refused the connection."),
        N_("ErrorText", "Check the IP address and port (usually 502), and that Modbus TCP is on."),
    ),
    "connect-timeout": (
        N_("ErrorText", "The meter or gateway cannot be reached."),
        N_(
            "ErrorText",
            "Check the IP address, the cable, and that the laptop is on the same network.",
        ),
    ),
    "host-unknown": (
        N_("ErrorText", "The meter's host name could not be found."),
        N_("ErrorText", "Use the meter's or gateway's IP address instead."),
    ),
    "connection-lost": (
        N_("ErrorText", "The connection to the meter was lost."),
        N_("ErrorText", "Medido reconnects by itself; check the cable."),
    ),
    "port-missing": (
        N_("ErrorText", "The serial port is not there."),
        N_("ErrorText", "Plug in the USB RS-485 adapter, then choose its port again."),
    ),
    "port-unavailable": (
        N_("ErrorText", "The serial port is in use or cannot be opened."),
        N_(
            "ErrorText",
            "Close other programs that use the port, or unplug and replug the adapter.",
        ),
    ),
    "port-lost": (
        N_("ErrorText", "The serial adapter was unplugged."),
        N_("ErrorText", "Plug it in again; Medido reconnects by itself."),
    ),
    "bad-reply": (
        N_("ErrorText", "The meter sent a reply Medido cannot read."),
        N_(
            "ErrorText",
            "Check the serial settings (baud rate, parity) and that only one device answers at "
            "this unit id.",
        ),
    ),
}
_TEXTS.update(CHECK_TEXTS)  # clock, measurement and history checks (app/gui/check_texts.py)
_TEXTS.update(METER_TEXTS)  # meter addresses and serial port codes (app/gui/meter_texts.py)


@dataclass(frozen=True, slots=True)
class ErrorText:
    what: str  # what happened
    todo: str  # what to do ("" when the error's own message is all there is)
    details: str  # the error's English message (redacted), for support; "" if nothing more


def describe(error: BaseException, *, link: LinkKind | None = None) -> ErrorText:
    """Translated text for a core error, in the language installed now.

    `link`: the kind of meter link the error came from, when known; a link error's advice then
    names what to check on that kind of link (TCP: address, port, unit id; RTU: wiring, baud).
    """
    code = getattr(error, "code", None)
    params = getattr(error, "params", None)
    text = describe_code(
        code if isinstance(code, str) else "",
        str(error),
        params if isinstance(params, Mapping) else None,
        link=link,
    )
    if not text.what:
        fallback = QCoreApplication.translate("ErrorText", "Something went wrong.")
        return ErrorText(f"{fallback} ({type(error).__name__})", "", "")
    return text


def describe_code(
    code: str,
    message: str,
    params: Mapping[str, object] | None = None,
    *,
    link: LinkKind | None = None,
) -> ErrorText:
    """The same for a coded notice that is not an exception (e.g. a CredentialNotice)."""
    message = redact(message).strip()
    pair = _TEXTS.get(code)
    if pair is None:
        return ErrorText(message, "", "")
    if link is not None and (code, link) in LINK_TODO:
        pair = (pair[0], LINK_TODO[code, link])
    values = params or {}
    what, todo = (
        fill_params(QCoreApplication.translate("ErrorText", text), values) for text in pair
    )
    return ErrorText(what, todo, message)


def known_codes() -> frozenset[str]:
    return frozenset(_TEXTS)


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def fill_params(text: str, params: Mapping[str, object]) -> str:
    """`text` with its {name} placeholders filled from `params` (redacted; "?" if missing)."""
    fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    if not fields:
        return text
    try:
        return text.format_map(_Blank({k: redact(str(v)) for k, v in params.items()}))
    except (ValueError, IndexError):  # a translator's typo in a placeholder
        return text
