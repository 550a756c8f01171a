"""No token, whole or in part, in any exception, log record or traffic entry."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator

import pytest

from app.core.api import ApiError, ChileMedidoClient, DeviceMeasurements, Measure
from app.core.traffic import TrafficLog
from app.emulator.server import EmulatorServer
from tests.conftest import MemoryKeyring
from tests.core.api.conftest import Admin, ClientMaker, tampered
from tests.core.api.seed import SEED_REFRESH, SEED_REFRESH_PASTE


def fragments(token: str) -> Iterator[str]:
    """The pieces that would give a token away: claims, signature, and their ends."""
    _, claims, signature = token.split(".")
    yield token
    yield claims
    yield signature
    yield signature[:16]
    yield signature[-16:]
    yield claims[-16:]


def every_text(error: BaseException) -> Iterator[str]:
    seen: BaseException | None = error
    while seen is not None:
        yield str(seen)
        yield repr(seen)
        yield from (str(arg) for arg in seen.args)
        seen = seen.__cause__ or seen.__context__
    yield "".join(traceback.format_exception(error))


async def test_no_token_text_in_errors_logs_or_traffic(
    emulator: EmulatorServer,
    make_client: ClientMaker,
    admin: Admin,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    traffic = TrafficLog()
    tokens = [SEED_REFRESH]
    errors: list[BaseException] = []
    client = make_client(emulator.base_url, traffic=traffic)

    async def expect_error(call: object) -> None:
        try:
            await call  # type: ignore[misc]
        except (ApiError, ValueError) as error:
            errors.append(error)
        else:
            raise AssertionError("expected an error")

    def remember_session(c: ChileMedidoClient) -> None:
        session = c._session  # the live tokens never leave the client otherwise
        tokens.extend(t.value for t in (session.access, session.refresh_token) if t is not None)

    first = emulator.issue_refresh_token("2")
    tokens.append(first)
    await client.login(first)
    remember_session(client)
    await admin.revoke_access_tokens()
    await client.device(29)  # 401, refresh, retry
    remember_session(client)
    await client.post_measurements([DeviceMeasurements("29", [Measure(1566226133, {"X": 1})])])
    await expect_error(client.device(4129))
    await expect_error(client.device_by_number("nope"))
    await admin.fail(endpoint="*", kind="html", times=1)
    await expect_error(client.server_time())
    await expect_error(client.login(SEED_REFRESH_PASTE))  # expired
    await expect_error(client.login(first[:-40]))  # cut short
    await expect_error(client.login(f"{first}.{first}"))  # not three parts
    forged = tampered(emulator.issue_refresh_token("2"), sub="8")
    access = emulator.issue_access_token("2")
    tokens += [forged, access]
    other = make_client(emulator.base_url, traffic=traffic)
    await expect_error(other.login(forged))
    other.use_tokens(emulator.issue_refresh_token("2"), tampered(access, aud="7"))
    remember_session(other)
    await admin.revoke_access_tokens()
    await other.device(29)
    remember_session(other)
    tokens += memory_keyring.secrets.values()

    assert len(errors) == 7
    assert len(set(tokens)) >= 8
    texts = [t for error in errors for t in every_text(error)]
    texts += [record.getMessage() for record in caplog.records]
    texts += [caplog.text]
    texts += [f"{e.summary}\n{e.detail}" for e in traffic.entries()]
    texts += [repr(client.status), repr(other.status)]
    for text in texts:
        assert "eyJ" not in text, text
        for token in tokens:
            for piece in fragments(token):
                assert piece not in text
