"""Build the standalone Relief Atlas folder and its archive, and prove it runs.

    python build/build.py

1. builds the database (db/build.py),
2. runs PyInstaller on build/relief-atlas.spec (work files in build/work/, ignored by git),
3. runs the frozen `relief-atlas --smoke-test` offscreen in a clean environment and fails if it
   fails or prints anything unexpected,
4. writes dist/relief-atlas-<version>-<platform>.tar.gz (.zip on Windows) holding the folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "work"
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT))

from desktop import __version__  # noqa: E402

# Lines the frozen smoke test may print besides its result: Qt's offscreen plugin says this.
HARMLESS = ("This plugin does not support propagateSizeHints()",)


def platform_tag() -> str:
    system = {"Darwin": "macos", "Windows": "windows"}.get(platform.system(), platform.system().lower())
    return f"{system}-{platform.machine().lower()}"


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def build_folder() -> Path:
    run([sys.executable, str(ROOT / "db" / "build.py")])
    run([sys.executable, "-m", "PyInstaller", str(ROOT / "build" / "relief-atlas.spec"),
         "--noconfirm", "--clean", "--log-level", "WARN",
         "--workpath", str(WORK / "pyinstaller"), "--distpath", str(WORK / "dist")])
    return WORK / "dist" / "relief-atlas"


def executable(folder: Path) -> Path:
    return folder / ("relief-atlas.exe" if os.name == "nt" else "relief-atlas")


def clean_env(home: Path) -> dict[str, str]:
    """What a fresh clinic laptop has: no Python paths, no settings, offscreen for CI."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "USERPROFILE": str(home),
           "APPDATA": str(home / "AppData"), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "SYSTEMROOT": os.environ.get("SYSTEMROOT", ""), "TMP": str(home), "TEMP": str(home)}
    return {k: v for k, v in env.items() if v}


def smoke_test(folder: Path, args: tuple[str, ...] = ("--smoke-test",)) -> str:
    """Run the frozen program; return its output, or raise with the reason."""
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        result = subprocess.run([str(executable(folder)), *args], env=clean_env(Path(home)),
                                capture_output=True, text=True, timeout=180)
        elapsed = time.perf_counter() - start
    unexpected = [line for line in (result.stdout + result.stderr).splitlines()
                  if line.strip() and not line.startswith(("smoke test passed", *HARMLESS))]
    if result.returncode != 0 or unexpected:
        raise SystemExit(f"frozen smoke test failed (exit {result.returncode}):\n"
                         + "\n".join(unexpected or [result.stdout, result.stderr]))
    print(f"frozen smoke test passed in {elapsed:.2f} s: {result.stdout.strip()}")
    return result.stdout


def archive(folder: Path) -> Path:
    DIST.mkdir(exist_ok=True)
    name = f"relief-atlas-{__version__}-{platform_tag()}"
    if os.name == "nt":
        out = DIST / f"{name}.zip"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, Path("relief-atlas") / path.relative_to(folder))
    else:
        out = DIST / f"{name}.tar.gz"
        with tarfile.open(out, "w:gz") as tf:
            tf.add(folder, arcname="relief-atlas")
    return out


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="stop after the smoke test")
    args = parser.parse_args(argv)
    folder = build_folder()
    shutil.copy(ROOT / "resources" / "relief-atlas.desktop", folder / "relief-atlas.desktop")
    shutil.copy(ROOT / "resources" / "icons" / "relief-atlas.png", folder / "relief-atlas.png")
    smoke_test(folder)
    print(f"folder: {folder} ({folder_size(folder) / 1e6:.1f} MB)")
    if not args.no_archive:
        out = archive(folder)
        print(f"archive: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
