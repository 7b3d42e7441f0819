"""Run a piece of Python in a fresh interpreter, offscreen, from the repository root: for
checks of what a process imports or does at start-up, which the test process has long done."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_snippet(code: str, *args: object, timeout: float = 60) -> subprocess.CompletedProcess:
    """`code` run with `args` as its sys.argv[1:]; it must exit 0 (else its stderr is shown)."""
    result = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                            text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                            cwd=ROOT, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result
