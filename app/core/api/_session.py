"""The token pair of one API connection: refreshing ahead of expiry, once at a time.

Policy (documented for the GUI and support):
- An access token is renewed when less than min(5 minutes, 10 % of its lifetime) remains, so a
  3-hour token is renewed 5 minutes early and a short test token proportionally.
- Expiry is judged on the server's clock: a fresh token's `iat` tells how far the laptop's clock
  is off, so a laptop that is hours wrong does not refresh in a loop or send stale tokens.
- Many requests that need a new token share one refresh (single flight); a refresh is never
  repeated after it may have reached the server, because with strict rotation reusing a spent
  refresh token revokes them all.
- The new refresh token is saved to the credential store before the new access token is used.
- A refused or expired refresh token ends the session: nothing is sent with it again until the
  installer logs in with another one.
- Every refresh ends by reporting its outcome (`on_settled`), whoever waits for it and even if
  all of them gave up, so the connection's state never stays at "refreshing"; every failure is
  an ApiError.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from app.core.api._answers import Call, raise_for_answer
from app.core.api._credentials import Account, CredentialNotice, CredentialStore
from app.core.api._errors import (
    ApiError,
    InvalidToken,
    NotLoggedIn,
    TokenExpired,
    TokenRejected,
    UnexpectedAnswer,
)
from app.core.api._readers import access_token_from_json, token_field
from app.core.api._tokens import Token
from app.core.api._transport import Transport

log = logging.getLogger(__name__)

REFRESH_PATH = "/auth/token/refresh"
_MARGIN = timedelta(minutes=5)
_SKEW_NOISE = timedelta(seconds=30)  # iat is whole seconds and the answer takes time
_STORE_TIMEOUT_S = 30.0  # a locked keyring may wait for a password dialog
STORE_SLOW = CredentialNotice(
    "credentials_timeout",
    "Token not remembered: the system's credential store did not answer. It stays valid while "
    "Medido is open.",
)


def refresh_margin(token: Token) -> timedelta:
    lifetime = token.info.lifetime
    return _MARGIN if lifetime is None else min(_MARGIN, lifetime / 10)


def expired_error(token: Token, now: datetime) -> TokenExpired:
    expires = token.info.expires_at
    days = (now - expires).days
    ago = "today" if days < 1 else f"{days} day{'s' if days != 1 else ''} ago"
    return TokenExpired(
        f"The refresh token expired on {expires:%Y-%m-%d} ({ago}). Ask the ChileMedido "
        "administrator for a new one.",
        expired_on=f"{expires:%Y-%m-%d}",
        expires_at=expires.isoformat(),
    )


class TokenSession:
    def __init__(
        self,
        transport: Transport,
        base_url: str,
        store: CredentialStore | None,
        clock: Callable[[], datetime],
        on_refreshing: Callable[[], None],
        on_settled: Callable[[ApiError | None], None],
        deadline: float,
    ) -> None:
        """`on_settled`: called once per refresh with its error (None: a new access token);
        `deadline`: seconds a refresh may take in all."""
        self._transport = transport
        self._base_url = base_url
        self._store = store
        self._clock = clock
        self._on_refreshing = on_refreshing
        self._on_settled = on_settled
        self._deadline = deadline
        self.access: Token | None = None
        self.refresh_token: Token | None = None
        self.ended: ApiError | None = None  # why the refresh token must not be used again
        self.last_error: ApiError | None = None  # how the last refresh failed, already reported
        self.notice: CredentialNotice | None = None
        self.skew = timedelta(0)  # server clock minus local clock
        self._inflight: asyncio.Task[Token] | None = None

    def now(self) -> datetime:
        """The server's time, as well as the session knows it."""
        return self._clock() + self.skew

    def adopt(self, refresh: Token, access: Token | None = None) -> None:
        """Start over with these tokens (no server call); refuses an expired refresh token."""
        if refresh.info.expired(self.now()):
            raise expired_error(refresh, self.now())
        self.refresh_token, self.access, self.ended = refresh, access, None

    def clear(self) -> None:
        self.refresh_token = self.access = None
        self.ended = None

    def account(self) -> Account | None:
        info = self.refresh_token.info if self.refresh_token else None
        if info is None or info.audience is None or info.subject is None:
            return None
        return Account(self._base_url, info.audience, info.subject)

    async def access_token(self) -> Token:
        """A usable access token, refreshing first if it is missing or about to expire."""
        access = self.access
        if access is not None and access.info.remaining(self.now()) > refresh_margin(access):
            return access
        return await self.refresh(stale=access)

    async def refresh(self, stale: Token | None, *, force: bool = False) -> Token:
        """A newer access token than `stale`; concurrent callers share one refresh."""
        current = self.access
        if not force and current is not None and current is not stale and self._inflight is None:
            return current
        if self._inflight is None:
            self._inflight = asyncio.create_task(self._refresh_once())
            self._inflight.add_done_callback(self._refresh_done)
        # shield: a caller giving up must not cancel the refresh (or the save) for the others
        return await asyncio.shield(self._inflight)

    async def settle(self) -> None:
        """Let a refresh in flight finish, so its new refresh token gets saved."""
        if self._inflight is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(self._inflight)

    def _refresh_done(self, task: asyncio.Task[Token]) -> None:
        # Runs before any waiter resumes (it was the first callback added to the task).
        self._inflight = None
        if task.cancelled():
            return  # only when the loop itself is shutting down
        error = task.exception()  # retrieved here so an abandoned failure is not reported lost
        if error is None or isinstance(error, ApiError):  # else KeyboardInterrupt and the like
            self.last_error = error
            self._on_settled(error)

    async def _refresh_once(self) -> Token:
        try:
            return await self._refresh_with_server()
        except ApiError:
            raise
        except Exception as exc:  # a bug, not the server: still an ApiError, cause logged
            log.exception("refresh failed unexpectedly")
            raise UnexpectedAnswer(
                f"Medido could not use ChileMedido's login answer ({type(exc).__name__}). Try "
                "again; if it persists, send the log to support.",
            ) from exc

    async def _refresh_with_server(self) -> Token:
        if self.ended is not None:
            raise self.ended
        token = self.refresh_token
        if token is None:
            raise NotLoggedIn(
                "Not logged in: paste the refresh token the ChileMedido administrator sent."
            )
        if token.info.expired(self.now()):
            self.ended = expired_error(token, self.now())
            raise self.ended
        self._on_refreshing()
        async with self._transport.deadline(self._deadline, "POST", REFRESH_PATH):
            reply = await self._transport.send(
                "POST",
                REFRESH_PATH,
                body={"refreshToken": token.value},
                idempotent=False,
                secret_body=True,
            )
        try:
            raise_for_answer(reply, Call.REFRESH, urlsplit(self._base_url).netloc)
        except TokenRejected as error:
            self.ended = error  # never send a refused refresh token again
            raise
        new_refresh = token_field(reply.body, "refreshToken", "refresh_token")
        if new_refresh:
            await self._keep_refresh_token(new_refresh, token)
        access = access_token_from_json(reply.body)
        self._learn_skew(access)
        if access.info.expired(self.now()):  # it would be refreshed again at every call
            raise UnexpectedAnswer(
                "ChileMedido's login answer holds an access token that has already expired. "
                "Try again; if it persists, contact ChileMedido support.",
            )
        self.access = access
        log.info("new access token %s, expires %s", access.info.jti, access.info.expires_at)
        return access

    async def _keep_refresh_token(self, text: str, previous: Token) -> None:
        """Remember first, then use: the newest refresh token is the only way back in."""
        try:
            new = Token.parse(text)
        except InvalidToken:
            new = Token(text.strip(), previous.info)  # unreadable, but still the newest one
        self.refresh_token = new
        account = self.account()
        if self._store is None or account is None:
            return
        try:
            saved = await asyncio.wait_for(
                asyncio.to_thread(self._store.save, account, new.value), _STORE_TIMEOUT_S
            )
            self.notice = None if saved else self._store.notice
        except TimeoutError:
            self.notice = STORE_SLOW

    def _learn_skew(self, access: Token) -> None:
        issued = access.info.issued_at
        if issued is None:
            return
        skew = issued - self._clock()
        self.skew = skew if abs(skew) > _SKEW_NOISE else timedelta(0)
