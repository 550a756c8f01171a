"""Every UI string has a Spanish translation, and the compiled .qm files are current.

If this fails after you added or changed a string: run
    uv run python scripts/update_translations.py
translate what it lists in resources/translations/medido_es.ts, and run it again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_translations_are_complete_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
