"""A minimal observer for service state changes.

Services (the API client, each Modbus link) report what happens to them as events. Listeners are
called synchronously on the thread that emits, which is the core's asyncio loop; the GUI bridge
forwards them to the Qt thread with queued signals, so a listener must never touch a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


class EventStream[T]:
    """Listeners subscribe; the owner emits. A failing listener is logged, never propagated."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[T], None]] = []

    def subscribe(self, listener: Callable[[T], None]) -> Callable[[], None]:
        """Add a listener; returns the function that removes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: T) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("event listener %r failed", listener)
