"""Certificate checking: the OS trust store, plus a CA file for networks that intercept TLS.

Corporate and some mobile networks re-sign HTTPS with their own CA. Windows usually trusts that CA
already, which is why the OS store (truststore) comes first; a CA file exported from the browser
covers the rest. Verification can be turned off only explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.api._errors import CaFileError

# ssl (OpenSSL) and truststore load with the first client, not with the first window.
if TYPE_CHECKING:
    import ssl


@dataclass(frozen=True, slots=True)
class TlsOptions:
    ca_file: Path | None = None  # PEM or DER; trusted in addition to the system's CAs
    use_os_store: bool = True  # False: OpenSSL's own checking (the OS CA list, no OS policies)
    verify: bool = True  # False is for a support desk's own test servers only

    def ssl_context(self) -> ssl.SSLContext | bool:
        """What httpx takes as `verify`."""
        import ssl

        import truststore

        if not self.verify:
            return False
        if self.use_os_store:
            context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        else:
            context = ssl.create_default_context()
        if self.ca_file is not None:
            _load_ca_file(context, self.ca_file)
        return context


def _load_ca_file(context: ssl.SSLContext, path: Path) -> None:
    import ssl

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CaFileError(
            f"The CA certificate file {path} cannot be read ({exc.strerror or exc}). "
            "Check the path in the connection settings.",
            path=path,
        ) from None
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            context.load_verify_locations(cadata=data.decode("ascii", errors="replace"))
        else:  # a .cer exported from Windows is often DER
            context.load_verify_locations(cadata=data)
    except (ssl.SSLError, ValueError):
        raise CaFileError(
            f"The file {path} holds no certificate Medido can read. Export the network's CA "
            "certificate as .pem or .cer (Base-64 or DER) and choose that file.",
            path=path,
        ) from None
