"""Hooks into a pymodbus client so that what goes wrong inside it reaches the link as a value.

pymodbus (3.16) lets two kinds of failure escape where Medido cannot catch them:

* a reply it cannot frame or decode (e.g. a Modbus TCP header whose length is wrong) raises
  inside asyncio's `data_received`; asyncio then logs "Fatal error" with a traceback, drops the
  connection and the request waits for its timeout;
* a port that cannot be opened is reported as `connect() -> False`, the reason only logged.

`guard_frames` catches the first in the client's data callback, drops the bytes and ends the
waiting request at once; `record_open_errors` keeps the reason for the second. Both wrap
attributes of the client's transaction manager (`ctx`), covered by tests against a raw server.
`end_request` ends the waiting request with any exception (the link's, when the connection goes).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pymodbus loads with the first link opened, not at start-up
    from pymodbus.client.base import ModbusBaseClient

MAX_MBAP_LENGTH = 254  # unit id + function code + at most 252 data bytes (Modbus TCP spec)


def mbap_problem(data: bytes) -> str | None:
    """Why the Modbus TCP header at the start of `data` cannot be a reply's, or None."""
    if len(data) < 6:
        return None  # not all of the header yet
    protocol = int.from_bytes(data[2:4], "big")
    length = int.from_bytes(data[4:6], "big")
    if protocol != 0:
        return f"the header's protocol id is {protocol}, not 0"
    if not 3 <= length <= MAX_MBAP_LENGTH:
        return f"the header announces {length} bytes, which no reply has"
    return None


def guard_frames(
    client: ModbusBaseClient,
    on_bad_frame: Callable[[str], None],
    check: Callable[[bytes], str | None] | None = None,
) -> None:
    """Turn a reply pymodbus cannot frame into `on_bad_frame(why)` and an ended request."""
    from pymodbus.exceptions import ModbusIOException  # loaded: `client` is pymodbus's

    ctx: Any = client.ctx
    original: Callable[..., int] = ctx.callback_data

    def callback_data(data: bytes, addr: tuple[str, int] | None = None) -> int:
        why = check(data) if check is not None else None
        if why is None:
            try:
                return original(data, addr=addr)
            except Exception as exc:  # pymodbus's decoder raising on garbage
                why = str(exc) or type(exc).__name__
        on_bad_frame(why)
        end_request(client, ModbusIOException(why))  # the request ends now, not at timeout
        return len(data)  # drop what was received: the stream's framing is lost

    ctx.callback_data = callback_data


def end_request(client: ModbusBaseClient, exc: Exception) -> None:
    """Make the request waiting for its reply on `client`, if any, raise `exc` now."""
    future: asyncio.Future[Any] | None = getattr(client.ctx, "response_future", None)
    if future is not None and not future.done():
        future.set_exception(exc)


def record_open_errors(client: ModbusBaseClient, record: Callable[[Exception], None]) -> None:
    """Pass the exception that made opening the port or socket fail to `record`."""
    ctx: Any = client.ctx
    create: Callable[[], Awaitable[Any]] = ctx.call_create

    async def call_create() -> Any:
        try:
            return await create()
        except Exception as exc:
            record(exc)
            raise

    ctx.call_create = call_create
