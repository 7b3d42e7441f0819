"""Writing files safely: whole or not at all, with a plain message when the disk says no.

Every file the app writes for a person (exported notes, CSV, PDFs, charts) goes through
`write_atomic` or `atomic_path`: data goes to a temporary file in the same folder, which is
renamed over the target only once complete. A cancelled or failed write leaves no partial
file and the old file, if any, untouched. The data is flushed to the disk (`fsync`) before the
rename and the folder after it (where the platform allows), so a USB stick pulled out after
"saved" holds the new file or the old one, never an empty one.

Only an ordinary file is ever replaced: a target that is a symbolic link, a device (as root,
saving to /dev/full once replaced the device), a pipe or a folder is refused. Temporary files
are named `.<name>.<pid>.<random>.part`; one left behind by a process that was killed
outright (SIGKILL, power loss) is swept the next time this app writes into that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from desktop import strings
from desktop.errors import KnownError


class FileWriteError(KnownError):
    title = strings.FILE_ERROR_TITLE


def explain_os_error(exc: OSError, path: Path) -> str:
    """A sentence a volunteer understands for why `path` could not be written."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return strings.FILE_DISK_FULL.format(name=path.name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return strings.FILE_READ_ONLY.format(folder=path.parent)
    if exc.errno == errno.ENOENT:
        return strings.FILE_NO_FOLDER.format(folder=path.parent)
    if exc.errno == errno.EISDIR:
        return strings.FILE_IS_FOLDER.format(path=path)
    return strings.FILE_OTHER.format(path=path, reason=exc.strerror or exc)


def _read_umask() -> int:
    """The process's umask, without changing it where the platform can tell (Linux: the
    `Umask:` line of /proc/self/status); elsewhere by setting and restoring it."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# os.umask can only read the mask by changing it for the whole process, and a file another
# thread (the search thread, a notes import) creates meanwhile would get the wrong mode. So
# the mask is read once, here: this module is imported at start-up (desktop.data.user_store
# imports it), before any thread starts. On Linux /proc gives the current mask at each write
# without changing it (a test or a caller may set another umask later).
_UMASK_AT_IMPORT = _read_umask()


def _current_umask() -> int:
    if sys.platform.startswith("linux"):
        return _read_umask()
    return _UMASK_AT_IMPORT


def check_target(path: Path) -> None:
    """Refuse to replace anything but an ordinary file (a missing one is fine)."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileWriteError(explain_os_error(exc, path)) from exc
    mode = found.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise FileWriteError(strings.FILE_IS_FOLDER.format(path=path))
    kind = ("link" if stat.S_ISLNK(mode) else
            "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "other")
    raise FileWriteError(strings.FILE_NOT_REGULAR.format(path=path, what=strings.FILE_KIND[kind]))


_PART = re.compile(r"\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}\.part")
_ORPHAN_AGE = 3600.0  # seconds: a part file without a live owner we can ask about
_swept: set[str] = set()


def sweep_stale_parts(folder: Path) -> int:
    """Remove the temporary files that a killed export left in `folder` (once per process
    and folder). A file whose writer is still running is left alone. Returns how many."""
    key = os.path.abspath(folder)
    if key in _swept:
        return 0
    _swept.add(key)
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    import time

    for entry in entries:
        match = _PART.fullmatch(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or not _abandoned(match["pid"], entry,
                                                                          time.time()):
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue  # not ours to remove, or gone already
    return removed


def _abandoned(pid: str | None, entry: os.DirEntry, now: float) -> bool:
    if pid is None or sys.platform.startswith("win"):  # no owner to ask: go by age
        return now - entry.stat(follow_symlinks=False).st_mtime > _ORPHAN_AGE
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM, SIGINT and SIGHUP (main thread, POSIX) for the few lines that create a
    temporary file, so the file is always known to the code that removes it."""
    import signal
    import threading

    held = {getattr(signal, n) for n in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, n)}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not \
            threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path next to `path`; on success rename it over `path`.

    On any exception (including cancellation, SIGTERM) the temporary file is removed.
    OSErrors become FileWriteError with a plain message; a `path` that is not an ordinary
    file (a link, a device, a pipe, a folder) is refused before anything is written.
    """
    import tempfile  # here, not at start-up: only a save needs it

    path = Path(path)
    check_target(path)
    sweep_stale_parts(path.parent)
    made: list[Path] = []  # the temporary file, once it exists
    try:
        with _signals_held():  # a signal arriving now is handled on leaving this block
            try:
                fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.",
                                                suffix=".part", dir=path.parent)
                os.close(fd)
            except OSError as exc:
                raise FileWriteError(explain_os_error(exc, path)) from exc
            made.append(Path(tmp_name))
        tmp = made[0]
        yield tmp
        _fsync_file(tmp)  # the data on the disk before the name points at it
        # mkstemp makes the file private (0600); give it the permissions a normal new file
        # gets, so a handout or chart copied to a USB stick opens on the next laptop.
        os.chmod(tmp, 0o666 & ~_current_umask())
        check_target(path)  # again: the slow part may have given something time to appear
        os.replace(tmp, path)
        fsync_dir(path.parent)  # and the rename itself
    except OSError as exc:
        for tmp in made:
            tmp.unlink(missing_ok=True)
        raise FileWriteError(explain_os_error(exc, path)) from exc
    except BaseException:
        for tmp in made:
            tmp.unlink(missing_ok=True)
        raise


def _fsync_file(path: Path) -> None:
    """Flush a written file's data to the disk (an OSError is the write's failure). Windows
    flushes only a handle open for writing; POSIX any descriptor."""
    fd = os.open(path, (os.O_RDWR | getattr(os, "O_BINARY", 0)) if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it, a new file) to the disk, where the platform
    allows it (POSIX); elsewhere, or when the folder cannot be opened, nothing (the files'
    own data is flushed by their writers)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write `data` to `path` whole or not at all."""
    with atomic_path(path) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding=encoding, newline="")
        else:
            tmp.write_bytes(data)
