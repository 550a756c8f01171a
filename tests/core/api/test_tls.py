"""Certificates, with a real TLS server on loopback signed by a CA nobody trusts yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.api import ApiState, CaFileError, TlsError, TlsOptions
from app.emulator.server import EmulatorServer
from tests.core.api.conftest import ClientMaker
from tests.core.api.tls_proxy import CertificateFiles, TlsProxy, make_certificates


@pytest.fixture
def certificates(tmp_path: Path) -> CertificateFiles:
    return make_certificates(tmp_path)


async def test_unknown_ca_is_a_tls_error_pointing_to_the_ca_file_option(
    emulator: EmulatorServer, make_client: ClientMaker, certificates: CertificateFiles
) -> None:
    async with TlsProxy(certificates, emulator.port) as proxy:
        client = make_client(proxy.base_url())
        with pytest.raises(TlsError) as caught:
            await client.login(emulator.issue_refresh_token("2"))
    error = caught.value
    assert error.code == "tls"
    message = str(error)
    assert "certificate of 127.0.0.1" in message
    assert "proxy" in message
    assert "CA certificate file" in message
    assert error.params["reason"]  # OpenSSL's own words, e.g. "unable to get local issuer..."
    assert client.status.state is ApiState.ERROR


@pytest.mark.parametrize("which", ["pem", "der"])
async def test_the_ca_file_option_makes_the_same_server_work(
    emulator: EmulatorServer,
    make_client: ClientMaker,
    certificates: CertificateFiles,
    which: str,
) -> None:
    ca_file = certificates.ca_pem if which == "pem" else certificates.ca_der
    async with TlsProxy(certificates, emulator.port) as proxy:
        client = make_client(proxy.base_url(), tls=TlsOptions(ca_file=ca_file))
        await client.login(emulator.issue_refresh_token("2"))
        assert (await client.device(29)).id == 29
        await client.aclose()


async def test_the_ca_file_also_works_without_the_os_store(
    emulator: EmulatorServer, make_client: ClientMaker, certificates: CertificateFiles
) -> None:
    options = TlsOptions(ca_file=certificates.ca_pem, use_os_store=False)
    async with TlsProxy(certificates, emulator.port) as proxy:
        client = make_client(proxy.base_url(), tls=options)
        assert (await client.login(emulator.issue_refresh_token("2"))).refresh.gateway == "2"
        await client.aclose()


def test_a_ca_file_that_cannot_be_used_is_named(tmp_path: Path) -> None:
    with pytest.raises(CaFileError, match="cannot be read"):
        TlsOptions(ca_file=tmp_path / "missing.pem").ssl_context()
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(CaFileError, match="holds no certificate") as caught:
        TlsOptions(ca_file=junk).ssl_context()
    assert caught.value.code == "tls_ca_file"


def test_verification_is_on_unless_turned_off() -> None:
    assert TlsOptions().ssl_context() is not False
    assert TlsOptions(verify=False).ssl_context() is False
