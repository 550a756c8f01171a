# Build Medido for Windows: dist\Medido\ (Medido.exe + medido-cli.exe), smoke-test it, and zip
# it as dist\Medido-<version>-win64.zip. See docs/packaging.md.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-OneFile]
#
# Needs 64-bit Python 3.12 from python.org (the `py` launcher finds it). Installs uv for that
# Python if it is missing; everything else comes from uv.lock.
param([switch]$OneFile)

$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)  # the repository root

function Assert-Success([string]$what) {
    # A native command's failure does not stop a PowerShell script by itself.
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" }
}

# uv through `py -3.12 -m uv`: works whether or not pip's Scripts folder is on PATH. The probe
# runs with errors allowed: Windows PowerShell turns a native command's stderr into an error.
$ErrorActionPreference = "Continue"
py -3.12 -m uv --version *> $null
$haveUv = ($LASTEXITCODE -eq 0)
$ErrorActionPreference = "Stop"
if (-not $haveUv) {
    py -3.12 -m pip install uv
    Assert-Success "installing uv"
}

py -3.12 -m uv sync --locked --group packaging
Assert-Success "uv sync"

# PyInstaller, then the bundle checks and the smoke tests (packaging/build.py).
if ($OneFile) {
    py -3.12 -m uv run --group packaging python packaging/build.py --onefile
} else {
    py -3.12 -m uv run --group packaging python packaging/build.py
}
Assert-Success "the build or its smoke tests"

$version = (py -3.12 packaging/version_info.py --print-version | Out-String).Trim()
Assert-Success "reading the version from pyproject.toml"

if ($OneFile) {
    $source = "dist\Medido-onefile.exe"
    $zip = "dist\Medido-$version-win64-onefile.zip"
} else {
    $source = "dist\Medido"
    $zip = "dist\Medido-$version-win64.zip"
}
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path $source -DestinationPath $zip -CompressionLevel Optimal
$megabytes = [math]::Round((Get-Item $zip).Length / 1MB)
Write-Host "Wrote $zip ($megabytes MB)"
