"""Tasks that finish on their own: the outbox's bookkeeping after an upload was cancelled, and a
bulk upload's marks written while its next request is in flight."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

# A strong reference to each task until it is done: the loop keeps only weak ones, and a task
# nothing refers to may be collected before it has run.
_TASKS: set[asyncio.Task[Any]] = set()


def spawn[T](work: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
    """Run `work` on the running loop, even when the coroutine that started it is cancelled."""
    task = asyncio.get_running_loop().create_task(work)
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)
    return task
