"""Which reference data is in use, and where it is: the one resolver every reader uses
(the window at start-up, every command). The data in use is the active installed data
package, else the previous one, else the bundled file; `--db` names a file that is used as it
is. Light on purpose (the window's start-up reads it): installing, verifying and packing
packages is `desktop.data.packages`, which imports this.

An installed version lives in its own folder inside the user-data folder's `data/`, with its
manifest, its database and `installed.json` (who signed it); `data/current.json` names the
active and the previous folder. Plain Python: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop import strings
from desktop.errors import KnownError

MANIFEST, DATABASE = "manifest.json", "relief.db"
DATA_DIR = "data"             # inside the user-data folder
POINTER = "current.json"      # {"active": folder | null, "previous": folder | null}
INSTALLED = "installed.json"  # in a version folder: who signed it, where it was installed from
MAX_MANIFEST = 256 * 1024     # nothing is read past it, whatever a file says


class PackageError(KnownError):
    """A package refused, or an install that could not be done; the message is one line."""

    title = strings.PKG_ERROR_TITLE


@dataclass(frozen=True)
class ActiveData:
    """The reference data in use: where it is and where it came from."""

    path: Path
    origin: str                       # "bundled", "package" or "given" (--db)
    folder: str | None = None         # the version folder (packages)
    manifest: dict | None = None
    signer: str | None = None         # "name (fingerprint)"
    notice: str | None = None         # why the data in use is not the active package

    @property
    def data_version(self) -> str | None:
        return None if self.manifest is None else str(self.manifest.get("data_version"))

    def trust_dir(self, user_dir: Path) -> Path | None:
        """Where a validated file's hash is kept (`database.open_database`): only the bundled
        file is trusted by its hash; any other is validated in full on every open."""
        return user_dir if self.origin == "bundled" else None


def _refuse(template: str, **values) -> PackageError:
    return PackageError(strings.fmt(template, **values))


def data_dir(user_dir: Path) -> Path:
    return Path(user_dir) / DATA_DIR


def read_pointer(user_dir: Path) -> dict:
    """{"active": folder | None, "previous": folder | None}; missing file: both None.
    A damaged pointer raises PackageError (start-up then uses the bundled data)."""
    path = data_dir(user_dir) / POINTER
    try:
        raw = _loads(path.read_bytes()[:64 * 1024].decode("utf-8"))
    except FileNotFoundError:
        return {"active": None, "previous": None}
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _refuse(strings.PKG_POINTER_BAD, path=path) from exc
    if not isinstance(raw, dict):
        raise _refuse(strings.PKG_POINTER_BAD, path=path)
    out = {}
    for key in ("active", "previous"):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and _is_folder_name(value)):
            raise _refuse(strings.PKG_POINTER_BAD, path=path)
        out[key] = value
    return out


def _loads(text: str | bytes):
    """JSON, imported only when a package is installed: starting on the bundled data (no
    pointer file) needs none."""
    import json

    return json.loads(text)


def _is_folder_name(value: str) -> bool:
    return (0 < len(value) < 100 and not value.startswith(".")
            and all(c.isascii() and (c.isalnum() or c in "-_.") for c in value))


def _folder_info(user_dir: Path, folder: str | None) -> dict | None:
    """The manifest of an installed version folder (None for the bundled data)."""
    if folder is None:
        return None
    try:
        raw = _loads((data_dir(user_dir) / folder / MANIFEST).read_bytes()[:MAX_MANIFEST])
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def installed_record(user_dir: Path, folder: str) -> dict:
    """What was written when `folder` was installed (INSTALLED: signer, fingerprint, the
    package's file name); {} when it cannot be read."""
    try:
        raw = _loads((data_dir(user_dir) / folder / INSTALLED).read_bytes()[:4096])
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _signer_of(user_dir: Path, folder: str) -> str | None:
    raw = installed_record(user_dir, folder)
    if "signer" not in raw or "fingerprint" not in raw:
        return None
    return f"{raw['signer']} ({raw['fingerprint']})"


def _package_data(user_dir: Path, folder: str) -> ActiveData:
    """An installed version, checked in full (DatabaseError / PackageError otherwise)."""
    from desktop.data.database import open_database

    path = data_dir(user_dir) / folder / DATABASE
    conn, info = open_database(path)
    conn.close()
    manifest = _folder_info(user_dir, folder) or {}
    if manifest.get("content_hash") != info.content_hash:
        raise _refuse(strings.PKG_TAMPERED, name=folder, what=strings.PKG_WHAT_META)
    return ActiveData(path, "package", folder, manifest, _signer_of(user_dir, folder))


def active_database(user_dir: Path) -> ActiveData:
    """The data every reader uses: the active package, else the previous, else the bundled
    data; `notice` says in one line why when it is not the active package. Never raises for
    a package problem (the bundled data's own problems are the opener's to report)."""
    from desktop import paths

    bundled = ActiveData(paths.bundled_database(), "bundled")
    try:
        pointer = read_pointer(user_dir)
    except PackageError as error:
        return _with_notice(bundled, strings.fmt(strings.PKG_FALLBACK_BUNDLED,
                                                 reason=error.one_line()))
    if pointer["active"] is None:
        return bundled
    try:
        return _package_data(user_dir, pointer["active"])
    except KnownError as error:
        reason = error.one_line()
    if pointer["previous"] is not None:
        try:
            data = _package_data(user_dir, pointer["previous"])
        except KnownError:
            pass
        else:
            return _with_notice(data, strings.fmt(strings.PKG_FALLBACK_PREVIOUS, reason=reason))
    return _with_notice(bundled, strings.fmt(strings.PKG_FALLBACK_BUNDLED, reason=reason))


def reference_data(db: Path | str | None, user_dir: Path) -> ActiveData:
    """The reference data to open, decided here for the window and every command: the file
    given with `--db` when there is one (used as it is, validated in full), else the data in
    use (`active_database`)."""
    if db is not None:
        return ActiveData(Path(db), "given")
    return active_database(user_dir)


def _with_notice(data: ActiveData, notice: str) -> ActiveData:
    from dataclasses import replace

    return replace(data, notice=notice)


def _bundled_active() -> ActiveData:
    from desktop import paths

    return ActiveData(paths.bundled_database(), "bundled")
