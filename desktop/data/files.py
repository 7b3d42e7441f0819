"""Writing files safely: whole or not at all, with a plain message when the disk says no.

Every file the app writes for a person (exported notes, CSV, PDFs, charts) goes through
`write_atomic` or `atomic_path`: data goes to a temporary file in the same folder, which is
renamed over the target only once complete. A cancelled or failed write leaves no partial
file and the old file, if any, untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
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


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path next to `path`; on success rename it over `path`.

    On any exception (including cancellation) the temporary file is removed. OSErrors become
    FileWriteError with a plain message.
    """
    import tempfile  # here, not at start-up: only a save needs it

    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise FileWriteError(explain_os_error(exc, path)) from exc
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); give it the permissions a normal new file
        # gets, so a handout or chart copied to a USB stick opens on the next laptop.
        os.chmod(tmp, 0o666 & ~_current_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileWriteError(explain_os_error(exc, path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write `data` to `path` whole or not at all."""
    with atomic_path(path) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding=encoding, newline="")
        else:
            tmp.write_bytes(data)
