"""Build the standalone Relief Atlas folder and its archive, and prove it runs.

    python build/build.py

1. builds the database (db/build.py),
2. runs PyInstaller on build/relief-atlas.spec (work files in build/work/, ignored by git;
   what it leaves out is listed in build/bundle.py), then on Linux strips the symbols from
   every library (not from the auditwheel-repaired ones in <package>.libs/, which strip breaks),
3. runs the frozen `relief-atlas --smoke-test` offscreen in a clean environment and fails if it
   fails or prints anything unexpected,
4. writes dist/relief-atlas-<version>-<platform>.tar.xz (.zip on Windows) holding the folder.
   xz, not gzip: the same folder packs about a quarter smaller (benchmarks/run.py packs it
   every way, and the hello-world floor the same way); zip with deflate on Windows, which
   Explorer opens without other tools.
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
sys.path.insert(0, str(ROOT / "build"))

import bundle  # noqa: E402
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
    folder = WORK / "dist" / "relief-atlas"
    if sys.platform.startswith("linux"):
        saved = strip_binaries(folder)
        print(f"stripped symbols: {saved / 1e6:.1f} MB")
    return folder


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def strip_binaries(folder: Path) -> int:
    """`strip --strip-unneeded` every ELF file in `folder` but the auditwheel-repaired ones;
    returns the bytes saved. Debug symbols are of no use on a clinic laptop."""
    saved = 0
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink() or not path.is_file() or bundle.NO_STRIP.search(rel):
            continue
        if not is_elf(path):
            continue
        before = path.stat().st_size
        subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved


def executable(folder: Path) -> Path:
    return folder / ("relief-atlas.exe" if os.name == "nt" else "relief-atlas")


def clean_env(home: Path) -> dict[str, str]:
    """What a fresh clinic laptop has: no Python paths, no settings, offscreen for CI."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "USERPROFILE": str(home),
           "APPDATA": str(home / "AppData"), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "SYSTEMROOT": os.environ.get("SYSTEMROOT", ""), "TMP": str(home), "TEMP": str(home)}
    return {k: v for k, v in env.items() if v}


def smoke_passed() -> tuple[str, ...]:
    """The smoke test's own line, in each language (desktop.strings.SMOKE_OK)."""
    from desktop import i18n, strings

    found = []
    for lang in i18n.LANGUAGES:
        with i18n.speaking(lang):
            found.append(strings.SMOKE_OK.split("{")[0].rstrip(": "))
    return tuple(found)


def smoke_test(folder: Path, args: tuple[str, ...] = ("--smoke-test",)) -> str:
    """Run the frozen program; return its output, or raise with the reason."""
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        result = subprocess.run([str(executable(folder)), *args], env=clean_env(Path(home)),
                                capture_output=True, text=True, timeout=180)
        elapsed = time.perf_counter() - start
    unexpected = [line for line in (result.stdout + result.stderr).splitlines()
                  if line.strip() and not line.startswith((*smoke_passed(), *HARMLESS))]
    if result.returncode != 0 or unexpected:
        raise SystemExit(f"frozen smoke test failed (exit {result.returncode}):\n"
                         + "\n".join(unexpected or [result.stdout, result.stderr]))
    print(f"frozen smoke test passed in {elapsed:.2f} s: {result.stdout.strip()}")
    return result.stdout


ARCHIVE_FORMATS = ("tar.xz", "tar.gz", "zip")


def default_format() -> str:
    return "zip" if os.name == "nt" else "tar.xz"


def pack(folder: Path, out_dir: Path, name: str, fmt: str) -> Path:
    """`folder` packed as `<name>.<fmt>` in `out_dir` (the top folder inside is folder.name)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{name}.{fmt}"
    if fmt == "zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, Path(folder.name) / path.relative_to(folder))
    else:
        mode = {"tar.xz": "w:xz", "tar.gz": "w:gz"}[fmt]
        with tarfile.open(out, mode) as tf:
            tf.add(folder, arcname=folder.name)
    return out


def smoke_export(folder: Path) -> None:
    """The windowless commands are bundled too: `export-chart map` writes a PNG."""
    with tempfile.TemporaryDirectory() as home:
        out = Path(home) / "map.png"
        result = subprocess.run([str(executable(folder)), "export-chart", "map", "--out",
                                 str(out)], env=clean_env(Path(home)), capture_output=True,
                                text=True, timeout=180)
        if result.returncode != 0 or not out.is_file() or out.stat().st_size < 1000:
            raise SystemExit(f"frozen export-chart failed (exit {result.returncode}):\n"
                             + result.stderr)
    print("frozen export-chart passed")


def archive(folder: Path, fmt: str | None = None) -> Path:
    return pack(folder, DIST, f"relief-atlas-{__version__}-{platform_tag()}",
                fmt or default_format())


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="stop after the smoke test")
    parser.add_argument("--format", choices=ARCHIVE_FORMATS, help="archive format "
                        "(default: tar.xz, or zip on Windows)")
    args = parser.parse_args(argv)
    folder = build_folder()
    shutil.copy(ROOT / "resources" / "relief-atlas.desktop", folder / "relief-atlas.desktop")
    shutil.copy(ROOT / "resources" / "icons" / "relief-atlas.png", folder / "relief-atlas.png")
    smoke_test(folder)
    # Once in Spanish: the catalogs and Qt's qtbase_es.qm are in the folder and load.
    smoke_test(folder, ("--smoke-test", "--lang", "es"))
    smoke_export(folder)
    print(f"folder: {folder} ({folder_size(folder) / 1e6:.1f} MB)")
    if not args.no_archive:
        out = archive(folder, args.format)
        print(f"archive: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
