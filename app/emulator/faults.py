"""Injected trouble on the API: latency, error statuses, hangs and captive-portal pages.

Rules come from the world (scenario) and from POST /_emulator/failures at run time. The first
active rule that covers an endpoint and wins its dice roll fails the call; a rule with `times`
retires after failing that many calls.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.emulator.world import FailureRule, endpoint_matches

CAPTIVE_PORTAL_HTML = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Bienvenido a WiFi Obra</title></head>
<body><h1>Acceso a Internet</h1>
<p>Para navegar, acepte los términos y condiciones del servicio.</p>
<form method="post" action="/login"><button>Aceptar y conectar</button></form>
</body></html>
"""


@dataclass(slots=True)
class _ActiveRule:
    rule: FailureRule
    remaining: int | None
    rng: random.Random = field(default_factory=random.Random)


class FailureInjector:
    def __init__(
        self,
        rules: Iterable[FailureRule] = (),
        latency_ms: int = 0,
        endpoint_latency_ms: Mapping[str, int] | None = None,
    ) -> None:
        self._lock = threading.Lock()
        self._rules: list[_ActiveRule] = []
        self.latency_ms = latency_ms
        self.endpoint_latency_ms = dict(endpoint_latency_ms or {})
        self.injected = 0
        for rule in rules:
            self.add(rule)

    def add(self, rule: FailureRule) -> None:
        with self._lock:
            self._rules.append(_ActiveRule(rule, rule.times, random.Random(rule.seed)))  # noqa: S311

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def active(self) -> list[FailureRule]:
        with self._lock:
            return [a.rule for a in self._rules]

    def latency_s(self, endpoint: str) -> float:
        """Delay for "METHOD /template"; the most specific configured pattern wins."""
        ms = self.latency_ms
        for pattern in sorted(self.endpoint_latency_ms, key=_specificity):
            if endpoint_matches(pattern, endpoint):
                ms = self.endpoint_latency_ms[pattern]
        return ms / 1000

    def take(self, endpoint: str) -> FailureRule | None:
        """The rule that fails this call, if any (and count it)."""
        with self._lock:
            for active in self._rules:
                if not endpoint_matches(active.rule.endpoint, endpoint):
                    continue
                if active.rule.probability < 1.0 and active.rng.random() >= active.rule.probability:
                    continue
                if active.remaining is not None:
                    active.remaining -= 1
                    if active.remaining == 0:
                        self._rules.remove(active)
                self.injected += 1
                return active.rule
        return None


def _specificity(pattern: str) -> int:
    return 0 if pattern == "*" else 1 if " " not in pattern else 2
