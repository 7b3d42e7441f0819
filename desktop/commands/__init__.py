"""Subcommands of `relief-atlas` that run without a window.

Each module here defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, and
imports anything heavy (Qt, matplotlib) inside `run`, so `relief-atlas --help` stays fast.
A known error prints one line to stderr and returns a non-zero exit code; never a traceback.
"""

COMMAND_MODULES = ("screen", "export_chart", "export_handout")
