"""Atomic writes: whole or nothing, with a plain message on failure."""

from __future__ import annotations

import errno
import os

import pytest

from desktop.data.files import FileWriteError, atomic_path, explain_os_error, write_atomic


def test_write_atomic_writes_the_whole_file(tmp_path):
    target = tmp_path / "out.csv"
    write_atomic(target, "a,b\n1,2\n")
    assert target.read_text() == "a,b\n1,2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_failure_midway_leaves_old_file_and_no_partial(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("cancelled")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_unwritable_folder_gives_a_plain_message(tmp_path):
    with pytest.raises(FileWriteError) as info:
        write_atomic(tmp_path / "missing" / "out.txt", "x")
    assert "does not exist" in info.value.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can write read-only folders; Windows has no such mode bits")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(FileWriteError) as info:
        write_atomic(folder / "out.txt", "x")
    assert "cannot be written" in info.value.message


def test_disk_full_message(tmp_path):
    message = explain_os_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "a.pdf")
    assert message.startswith("The disk is full, so a.pdf was not saved")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_written_files_get_normal_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "handout.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert (tmp_path / "handout.pdf").stat().st_mode & 0o777 == 0o644
