"""httpx is imported when the first client is made, not with the app (see _httpx_cli).

Each check runs in a fresh interpreter: this test process has imported httpx long ago.
"""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.fresh_python import ROOT, run_python

CLI_EXTRAS = ("httpx._main", "click", "rich", "pygments")


def _run(code: str, tmp_path: Path) -> str:
    return run_python(code, tmp_path).strip()


def test_importing_the_api_package_does_not_import_httpx(tmp_path: Path) -> None:
    code = "import app.core.api, app.core.account.login, sys; print('httpx' in sys.modules)"
    assert _run(code, tmp_path) == "False"


def test_every_module_of_the_api_package_imports_without_httpx(tmp_path: Path) -> None:
    names = sorted(p.stem for p in (ROOT / "app" / "core" / "api").glob("*.py"))
    imports = "; ".join(f"import app.core.api.{n}" for n in names if n != "__init__")
    assert _run(f"{imports}; import sys; print('httpx' in sys.modules)", tmp_path) == "False"


def test_the_first_client_imports_httpx_without_its_command_line_tool(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from app.core.api import ChileMedidoClient\n"
        "client = ChileMedidoClient()\n"
        "print('httpx' in sys.modules)\n"
        f"print(' '.join(m for m in {CLI_EXTRAS!r} if m in sys.modules) or '-')\n"
    )
    # "httpx._main" absent also means the import's temporary mark was taken away again.
    assert _run(code, tmp_path).splitlines() == ["True", "-"]
