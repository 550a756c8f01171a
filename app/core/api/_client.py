"""ChileMedidoClient: one connection to the ChileMedido input API.

It owns its HTTP client, its token session and its state, and reports state changes on
`state_changed`. Every call but the login carries the access token; a 401 gets one refresh and
one retry. What is retried on network trouble (see RetryPolicy):
- GETs: always (they change nothing);
- POST /measurements: yes, because the platform stores a (meter, timestamp, sensor) once, so a
  batch delivered twice is stored once, and a blip should not push a batch to the offline queue;
- the login (refresh): only when the connection was never made; after that the server may have
  spent the refresh token, and repeating it would, under strict rotation, revoke them all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import quote

from app.core.api._answers import Call, Reply, raise_for_answer
from app.core.api._credentials import NO_STORE, Account, CredentialStore
from app.core.api._environment import Environment
from app.core.api._errors import ApiError, NotLoggedIn, UnexpectedAnswer
from app.core.api._httpx_cli import load_httpx
from app.core.api._models import Device, DeviceMeasurements, Sensor, ServerTime, UploadResult
from app.core.api._policy import RetryPolicy, Timeouts
from app.core.api._readers import (
    device_from_json,
    sensor_names_from_json,
    server_time_from_json,
    upload_result_from_json,
)
from app.core.api._session import TokenSession
from app.core.api._state import ApiState, ApiStatus, state_after
from app.core.api._tls import TlsOptions
from app.core.api._tokens import Token, TokenInfo
from app.core.api._transport import Transport
from app.core.events import EventStream
from app.core.traffic import TrafficLog
from app.core.version import app_version

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True, slots=True)
class TokenPair:
    """The claims of the tokens a login produced (never the tokens themselves)."""

    access: TokenInfo
    refresh: TokenInfo


def _user_agent() -> str:
    return f"Medido/{app_version()}"


class ChileMedidoClient:
    def __init__(
        self,
        environment: Environment | None = None,
        *,
        tls: TlsOptions | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        credentials: CredentialStore | None = None,
        remember_tokens: bool = True,
        traffic: TrafficLog | None = None,
        trust_env: bool = True,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """`credentials`: where refresh tokens are kept (default: the OS store, unless
        `remember_tokens` is False). `trust_env`: use HTTP(S)_PROXY / NO_PROXY from the
        environment. `clock`: the local clock (tests; aware UTC datetimes)."""
        self.environment = environment or Environment.production()
        self.state_changed: EventStream[ApiStatus] = EventStream()
        self._timeouts = timeouts or Timeouts()
        # The first client imports httpx: start-up, which sends nothing, does not wait for it.
        self._http: httpx.AsyncClient = load_httpx().AsyncClient(
            base_url=self.environment.base_url,
            timeout=self._timeouts.for_httpx(),
            verify=(tls or TlsOptions()).ssl_context(),
            trust_env=trust_env,
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": _user_agent()},
        )
        self._transport = Transport(
            self._http, self.environment.address, retry or RetryPolicy(), traffic
        )
        self.credentials = (credentials or CredentialStore()) if remember_tokens else None
        self._session = TokenSession(
            self._transport,
            self.environment.base_url,
            self.credentials,
            clock or (lambda: datetime.now(UTC)),
            lambda: self._set(ApiState.REFRESHING),
            self._refresh_settled,
            self._timeouts.deadline(),
        )
        self._status = ApiStatus(ApiState.LOGGED_OUT)

    # --- state -----------------------------------------------------------------------------

    @property
    def status(self) -> ApiStatus:
        return self._status

    @property
    def account(self) -> Account | None:
        """Environment, provider and gateway of the current refresh token."""
        return self._session.account()

    def _set(self, state: ApiState, error: ApiError | None = None) -> None:
        access, refresh = self._session.access, self._session.refresh_token
        info = refresh.info if refresh else None
        status = ApiStatus(
            state=state,
            provider=info.audience if info else None,
            gateway=info.subject if info else None,
            access_expires_at=access.info.expires_at if access else None,
            refresh_expires_at=info.expires_at if info else None,
            error_code=error.code if error else None,
            error_message=str(error) if error else None,
            credential_notice=self._session.notice,
        )
        if status != self._status:
            self._status = status
            self.state_changed.emit(status)

    def _refresh_settled(self, error: ApiError | None) -> None:
        """Every refresh ends here, awaited or not: a failed one leaves no usable new token."""
        if error is None:
            self._set(ApiState.READY)
        else:
            self._set(state_after(error) or ApiState.ERROR, error)

    def _failed(self, error: ApiError) -> None:
        if error is self._session.last_error:
            return  # a refresh's failure: _refresh_settled has set the state for it
        state = state_after(error)
        if state is not None:
            self._set(state, error)
        elif self._status.state is not ApiState.READY and self._session.access is not None:
            self._set(ApiState.READY)  # the server answered: the connection works

    # --- login -----------------------------------------------------------------------------

    async def login(self, refresh_token: str) -> TokenPair:
        """POST /auth/token/refresh with a pasted refresh token; remembers the new one."""
        token = Token.parse(refresh_token)  # InvalidToken: nothing changes
        try:
            self._session.adopt(token)
        except ApiError as error:
            self._failed(error)
            raise
        self._set(ApiState.LOGGING_IN)
        return await self.refresh()

    async def resume(self, provider: str, gateway: str) -> TokenPair:
        """Log in with the refresh token remembered for this gateway in this environment."""
        account = Account(self.environment.base_url, provider, gateway)
        # Off the loop: a locked keyring may wait for its unlock dialog.
        stored = (
            await asyncio.to_thread(self.credentials.load, account) if self.credentials else None
        )
        if stored is None:
            notice = self.credentials.notice if self.credentials else None
            why = " (this system has no credential store)" if notice == NO_STORE else ""
            error = NotLoggedIn(
                f"No token is remembered for gateway {gateway} of provider {provider}{why}. "
                "Paste the refresh token the ChileMedido administrator sent.",
                provider=provider,
                gateway=gateway,
            )
            self._failed(error)
            raise error
        return await self.login(stored)

    def use_tokens(self, refresh_token: str, access_token: str | None = None) -> None:
        """Take over tokens without calling the server; the first request refreshes if needed."""
        refresh = Token.parse(refresh_token)
        access = Token.parse(access_token) if access_token is not None else None
        try:
            self._session.adopt(refresh, access)
        except ApiError as error:
            self._failed(error)
            raise
        self._set(ApiState.READY if access else ApiState.LOGGING_IN)

    async def refresh(self) -> TokenPair:
        """Get a new access token (and refresh token) now."""
        access = await self._session.refresh(self._session.access, force=True)  # sets the state
        refresh = self._session.refresh_token
        assert refresh is not None  # a successful refresh always leaves one
        return TokenPair(access.info, refresh.info)

    async def newest_refresh_token(self) -> str | None:
        """SECRET: the refresh token this client holds now, after any refresh under way has
        settled; None when logged out, or once the platform refused it or it expired.

        Every refresh answers with a new refresh token, and a platform with strict rotation
        refuses the older ones, so this is the one to hand back to the gateway. Only for an
        explicit export by the installer: never log, show or store it anywhere else."""
        await self._session.settle()
        token = self._session.refresh_token
        if token is None or self._session.ended is not None:
            return None
        return token.value

    async def logout(self, *, forget: bool = False) -> None:
        """Drop the tokens; `forget` also removes the remembered one for this gateway (off the
        loop: a locked keyring may wait for its unlock dialog)."""
        account = self._session.account()
        self._session.clear()
        self._set(ApiState.LOGGED_OUT)
        if forget and account is not None and self.credentials is not None:
            await asyncio.to_thread(self.credentials.delete, account)

    # --- endpoints -------------------------------------------------------------------------

    async def device(self, id: int) -> Device:
        """GET /devices/{id}: a meter by ChileMedido's id."""
        if isinstance(id, bool) or not isinstance(id, int) or id < 0:
            raise ValueError(f"a ChileMedido device id is a whole number, not {id!r}")
        reply = await self._call("GET", f"/devices/{id}", Call.DEVICE, subject=f"with id {id}")
        return device_from_json(reply.body)

    async def device_by_number(self, number: str) -> Device:
        """GET /devices/number/{number}: a meter by the provider's own number (text)."""
        if not number:
            raise ValueError("a meter number cannot be empty")
        path = f"/devices/number/{quote(number, safe='')}"
        reply = await self._call("GET", path, Call.DEVICE, subject=f'numbered "{number}"')
        return device_from_json(reply.body)

    async def server_time(self) -> ServerTime:
        """GET /server-time, with the local instants around it (offset ± uncertainty)."""
        reply = await self._call("GET", "/server-time", Call.OTHER)
        return server_time_from_json(reply.body, reply.sent_at, reply.received_at)

    async def reachable(self) -> float:
        """GET /server-time without a token: seconds until ChileMedido answered. Any JSON answer
        from the API proves the way there works (its 401 for a missing token included); a web
        page, a TLS or network failure raises the ApiError that says which."""
        seconds = self._timeouts.deadline()
        async with self._transport.deadline(seconds, "GET", "/server-time"):
            reply = await self._transport.send("GET", "/server-time", idempotent=True)
        if not (reply.status == 401 and reply.is_json):
            raise_for_answer(reply, Call.OTHER, self.environment.address)
        return (reply.received_at - reply.sent_at).total_seconds()

    async def post_measurements(self, batches: Sequence[DeviceMeasurements]) -> UploadResult:
        """POST /measurements; the server refuses more than 100 measures or a span over a day."""
        body = [batch.to_json() for batch in batches]  # InvalidMeasurement before sending
        reply = await self._call("POST", "/measurements", Call.MEASUREMENTS, body=body)
        return upload_result_from_json(reply.body, reply.status)

    async def post_measurements_json(self, body: str) -> UploadResult:
        """POST /measurements with a body already serialised (the outbox's row, sent byte for
        byte as it was written down, and not built a second time)."""
        content = body.encode()
        reply = await self._call("POST", "/measurements", Call.MEASUREMENTS, content=content)
        return upload_result_from_json(reply.body, reply.status)

    async def sensor_names(self) -> tuple[Sensor, ...]:
        """GET /sensor-name-list: the platform's dictionary of variables."""
        reply = await self._call("GET", "/sensor-name-list", Call.OTHER)
        return sensor_names_from_json(reply.body)

    async def spec(self) -> dict[str, Any]:
        """GET /spec: the OpenAPI definition, as the server sends it."""
        reply = await self._call("GET", "/spec", Call.OTHER)
        if not isinstance(reply.body, dict):
            raise UnexpectedAnswer(
                "ChileMedido's API definition (/spec) is not a JSON object. Try again later.",
                status=reply.status,
            )
        return reply.body

    # --- plumbing --------------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        path: str,
        call: Call,
        *,
        body: Any = None,
        content: bytes | None = None,
        subject: str = "",
    ) -> Reply:
        seconds = self._timeouts.deadline(upload=call is Call.MEASUREMENTS)
        try:
            async with self._transport.deadline(seconds, method, path):
                reply = await self._send_authorised(method, path, body, content)
            raise_for_answer(reply, call, self.environment.address, subject)
        except ApiError as error:
            self._failed(error)
            raise
        if self._status.state is not ApiState.READY:
            self._set(ApiState.READY)
        return reply

    async def _send_authorised(
        self, method: str, path: str, body: Any, content: bytes | None
    ) -> Reply:
        token = await self._session.access_token()
        reply = await self._transport.send(
            method, path, body=body, content=content, bearer=token.value, idempotent=True
        )
        if reply.status != 401:
            return reply
        # The server refused a token the client thought valid (revoked, clock): one new
        # token, one retry; a second 401 goes up as a token error.
        token = await self._session.refresh(stale=token)
        return await self._transport.send(
            method, path, body=body, content=content, bearer=token.value, idempotent=True
        )

    async def aclose(self) -> None:
        """Close the connection; a refresh under way finishes first (its token must be kept)."""
        await self._session.settle()
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
