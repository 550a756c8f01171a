"""The frozen executables' entry point: Medido.exe (GUI) and medido-cli.exe run the same `medido`
(on Linux one `Medido` is both).

It sits in its own folder because PyInstaller adds the entry script's folder to the module
search path; here that folder holds nothing else that could shadow a real module.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
