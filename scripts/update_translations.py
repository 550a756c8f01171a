"""Regenerate the app's translations with Qt's tools (pyside6-lupdate, pyside6-lrelease).

    uv run python scripts/update_translations.py           # update .ts from the sources, build .qm
    uv run python scripts/update_translations.py --check   # change nothing; fail if out of date

Source strings are English. resources/translations/medido_es.ts holds every string with its
Spanish translation; medido_en.ts holds only the plural forms ("%n day(s)"), which English needs
too. After updating, translate the entries lupdate marked unfinished (Qt Linguist:
`uv run pyside6-linguist resources/translations/medido_es.ts`, or edit the XML), then run the
script again to compile the .qm files. tests/gui/test_translations.py runs --check.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "app" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
# N_ (app/gui/i18n.py) marks strings in tables, like QT_TRANSLATE_NOOP.
ALIASES = ["-tr-function-alias", "QT_TRANSLATE_NOOP+=N_"]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this with `uv run` (PySide6 installs it)")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path, language: str, *extra: str) -> None:
    command = [
        tool("pyside6-lupdate"),
        *source_files(),
        *ALIASES,
        "-no-obsolete",
        "-locations",
        "relative",
        "-source-language",
        "en",
        "-target-language",
        language,
        *extra,
        "-ts",
        str(ts),
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)  # noqa: S603


def lrelease(ts: Path, qm: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)  # noqa: S603


def messages(ts: Path) -> dict[tuple[str, str, str], bool]:
    """(context, source, comment) -> whether it is translated."""
    found: dict[tuple[str, str, str], bool] = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            if done and translation is not None:
                forms = translation.findall("numerusform")
                texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
                done = all(text.strip() for text in texts)
            found[key] = done
    return found


TARGETS: tuple[tuple[str, tuple[str, ...]], ...] = (("es", ()), ("en", ("-pluralonly",)))


def check() -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for language, extra in TARGETS:
            committed = TRANSLATIONS / f"medido_{language}.ts"
            if not committed.exists():
                problems.append(f"{committed.name} is missing")
                continue
            fresh = Path(tmp) / committed.name
            shutil.copy(committed, fresh)
            lupdate(fresh, language, *extra)
            now, before = messages(fresh), messages(committed)
            if set(now) != set(before):
                new = sorted(set(now) - set(before))
                gone = sorted(set(before) - set(now))
                problems.append(
                    f"{committed.name} is out of date with the sources "
                    f"({len(new)} new, {len(gone)} gone), e.g. {(new or gone)[:3]}"
                )
            for (context, source, _), done in sorted(now.items()):
                if not done:
                    problems.append(f"{committed.name}: untranslated [{context}] {source!r}")
            qm = TRANSLATIONS / f"medido_{language}.qm"
            rebuilt = Path(tmp) / qm.name
            lrelease(committed, rebuilt)
            if not qm.exists() or qm.read_bytes() != rebuilt.read_bytes():
                problems.append(f"{qm.name} is not compiled from the current {committed.name}")
    return problems


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language, extra in TARGETS:
        ts = TRANSLATIONS / f"medido_{language}.ts"
        lupdate(ts, language, *extra)
        lrelease(ts, TRANSLATIONS / f"medido_{language}.qm")
        pending = [key for key, done in messages(ts).items() if not done]
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {len(pending)} to translate")
        for context, source, _ in pending:
            print(f"  [{context}] {source}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
