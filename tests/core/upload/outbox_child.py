"""The sending process of test_outbox_kill: open the outbox, log in, flush it, exit.

python -m tests.core.upload.outbox_child OUTBOX HISTORY BASE_URL TOKEN_FILE

Prints "flushing" once logged in (the test starts its kill timer then) and "empty" when the
outbox holds nothing more for BASE_URL. It is the product's own code (Outbox, OutboxFlusher,
ChileMedidoClient) over real HTTP; only the loop around it is the test's.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from app.core.api import ChileMedidoClient, Environment
from app.core.upload.flusher import Backoff, OutboxFlusher
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox


async def flush_all(outbox_file: str, history_file: str, base_url: str, token_file: str) -> None:
    outbox = Outbox(Path(outbox_file))
    history = UploadHistory(Path(history_file))
    token = Path(token_file).read_text(encoding="utf-8").strip()
    environment = Environment.emulator(base_url)
    async with ChileMedidoClient(environment, remember_tokens=False, trust_env=False) as api:
        await api.login(token)
        flusher = OutboxFlusher(api, outbox, history, backoff=Backoff(first_s=0.05, cap_s=0.5))
        print("flushing", flush=True)
        while await outbox.waiting(environment.base_url):
            await outbox.make_due(environment.base_url)
            await flusher.flush()
    print("empty", flush=True)


if __name__ == "__main__":
    asyncio.run(flush_all(*sys.argv[1:5]))
