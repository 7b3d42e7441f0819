"""`--db` is declared once (`desktop.commands.db_option`) and resolved once
(`desktop.data.data_in_use.reference_data`), for `relief-atlas` and every command that reads
the reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.__main__ import parse_args
from desktop.data.data_in_use import reference_data
from tests.helpers.snippets import run_snippet

COMMANDS = [["screen", "--state", "AZ"], ["export-chart", "map", "--out", "m.png"],
            ["export-handout", "AZ", "--out", "a.pdf"], ["notes", "export", "n.json"],
            ["notes", "import", "n.json"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_db_before_or_after_the_command_name(command):
    before = parse_args(["--db", "x.db", *command])
    after = parse_args([*command, "--db", "y.db"])
    neither = parse_args(command)
    assert (before.db, after.db, neither.db) == (Path("x.db"), Path("y.db"), None)


def test_commands_without_reference_data_take_no_db(capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["tally", "show", "--db", "x.db"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1  # one line


def test_a_given_file_is_used_as_it_is(tmp_path):
    data = reference_data(tmp_path / "mine.db", tmp_path / "user")
    assert (data.path, data.origin, data.trust_dir(tmp_path)) == (tmp_path / "mine.db",
                                                                    "given", None)


def test_without_db_the_data_in_use(tmp_path):
    data = reference_data(None, tmp_path / "user")
    assert data.origin == "bundled"
    assert data.trust_dir(tmp_path / "user") == tmp_path / "user"


def test_opening_the_window_imports_no_command_and_a_typo_lists_them_all():
    import subprocess
    import sys

    code = ("import sys; from desktop.__main__ import parse_args; "
            "parse_args(['--lang', 'es', '--open', 'AZ']); "
            "print([m for m in sys.modules if m.startswith('desktop.commands.')])")
    assert run_snippet(code).stdout.strip() == "[]"
    typo = subprocess.run([sys.executable, "-m", "desktop", "scren"], capture_output=True,
                          text=True)
    assert typo.returncode == 2 and "'screen'" in typo.stderr and "'tally'" in typo.stderr


def test_no_arguments_skip_the_parser_and_mean_what_the_parser_says():
    """`relief-atlas` alone opens the window without building the parser; what it gets is
    exactly what the parser gives for no arguments."""
    from desktop.__main__ import parser_for

    assert vars(parse_args([])) == vars(parser_for([]).parse_args([]))
