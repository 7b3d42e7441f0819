"""Entry point for the frozen program (PyInstaller analyses this file)."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
