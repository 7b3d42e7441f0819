"""A child process that installs a data package one step at a time, for the kill -9 tests.

    python tests/helpers/install_child.py USER_DIR PACKAGE [--free]

Before and after every write, fsync, rename and progress report of the install it prints
`step N what` and (unless --free) waits for a line on stdin before going on, so the parent can
kill it with SIGKILL at exactly that point; with --free it runs on and the parent kills it
wherever it has got to. Prints `done` at the end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from desktop.data import packages  # noqa: E402

_count = 0
_free = "--free" in sys.argv


def step(what: str) -> None:
    global _count
    _count += 1
    sys.stdout.write(f"step {_count} {what}\n")
    sys.stdout.flush()
    if not _free:
        sys.stdin.readline()


def wrap(owner, name: str) -> None:
    original = getattr(owner, name)

    def wrapped(*args, **kwargs):
        step(f"before {name}")
        result = original(*args, **kwargs)
        step(f"after {name}")
        return result

    setattr(owner, name, wrapped)


def main() -> int:
    user_dir, package = Path(sys.argv[1]), Path(sys.argv[2])
    for name in ("_write_chunk", "_sync_files", "fsync_dir", "_write_pointer", "_clean"):
        wrap(packages, name)
    for name in ("rename", "replace", "fsync"):
        wrap(os, name)
    packages.install(package, user_dir, lambda stage, done, total: step(f"progress {stage}"),
                     allow_older=True)
    sys.stdout.write("done\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
