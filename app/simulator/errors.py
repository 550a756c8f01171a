"""Errors the simulator reports to a person: a stable code plus an English message."""

from __future__ import annotations


class SimulatorError(Exception):
    """`code` is stable (the GUI translates by it); the message says what happened, what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
