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


def test_the_file_is_flushed_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    target = tmp_path / "notes.json"
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        calls.append("dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync")
        return real_fsync(fd)

    def replace(src, dst):
        calls.append("replace")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(target, "{}")
    assert calls[:2] == ["fsync", "replace"]
    if os.name == "posix" and os.path.isdir("/proc/self/fd"):
        assert calls == ["fsync", "replace", "dir"]


def test_a_failed_flush_is_a_plain_error_and_leaves_nothing(tmp_path, monkeypatch):
    def fsync(_fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(FileWriteError):
        write_atomic(tmp_path / "out.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux /proc")
def test_the_umask_is_read_without_changing_it(tmp_path, monkeypatch):
    """os.umask changes the mask for every thread; a write must never call it."""
    from desktop.data import files

    def no_umask(_mask):
        raise AssertionError("os.umask called while threads may run")

    old = os.umask(0o027)
    try:
        monkeypatch.setattr(os, "umask", no_umask)
        write_atomic(tmp_path / "chart.png", b"png")
        assert files._current_umask() == 0o027
    finally:
        monkeypatch.undo()
        os.umask(old)
    assert (tmp_path / "chart.png").stat().st_mode & 0o777 == 0o640
