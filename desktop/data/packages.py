"""Data packages: one signed file (`.rapkg`) that brings new reference data to a laptop.

A package is a zip archive written in one exact form (`pack`), with four members in this
order, all stored uncompressed:

    manifest.json   what the package holds: package id, data version, data_as_of,
                    schema_version, minimum app version, languages, row counts, the signer's
                    key id, and the sha256 and size of every other member
    manifest.sig    the Ed25519 signature of manifest.json (64 bytes)
    CHANGES.txt     what changed, per place, computed from two databases (never typed)
    relief.db       the database, as `db/build.py` wrote it

`verify` reads nothing by a member's own name and nothing compressed: it checks that every
byte of the archive is where the one exact form puts it (so a changed byte anywhere, a cut
file, an extra, linked, compressed or `../` member is refused), the signature with a key this
laptop trusts, the manifest, every member's size and hash, the database with the full
validator (`desktop.data.database.open_database`) and a few real queries. Refusals are a
`PackageError`: one plain line that says which check failed.

`install` does all of that into a new version folder inside the user-data folder, then
switches by atomically replacing a small pointer file (`data/current.json`); the previous
version is kept for `revert`; at most two are kept. A database file is never written over
(Windows refuses to replace an open one): every version has its own folder. A kill at any
moment leaves the pointer naming a complete folder, or the old one. Which data is in use is
`desktop.data.data_in_use` (light: the window's start-up reads it). Plain Python: no Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import struct
import sys
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop import __version__, strings
from desktop.data import keys as keys_module
from desktop.data.data_in_use import (  # the data in use: read at start-up, kept light
    DATABASE,
    INSTALLED,
    MANIFEST,
    MAX_MANIFEST,
    POINTER,
    ActiveData,
    PackageError,
    _bundled_active,
    _folder_info,
    _is_folder_name,
    _package_data,
    _refuse,
    active_database,
    data_dir,
    read_pointer,
)
from desktop.data.files import fsync_dir
from desktop.data.keys import PublicKey
from desktop.errors import KnownError

FORMAT = 1
SUFFIX = ".rapkg"
SIGNATURE, CHANGES = "manifest.sig", "CHANGES.txt"
MEMBERS = (MANIFEST, SIGNATURE, CHANGES, DATABASE)
LOCK = "install.lock"
STAGING_PREFIX = ".staging-"
# Bounds: nothing is read past them, whatever a header says.
MAX_CHANGES = 8 * 1024 * 1024
MAX_DATABASE = 2 * 1024 * 1024 * 1024 - 64 * 1024 * 1024   # no zip64: under 2 GiB in all
SIGNATURE_SIZE = 64
FREE_MARGIN = 32 * 1024 * 1024  # left free on the disk after an install
CHUNK = 1024 * 1024
# The one exact form of every member's zip entry.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
_EXTERNAL_ATTR = (0o100644 << 16)
_ZIP_VERSION = 20
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sBBBBHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")

Progress = Callable[[str, int, int], None]   # (stage, done, total); may raise Cancelled


class OlderData(PackageError):
    """The package holds older data than the data in use: ask before going back."""


class Cancelled(PackageError):
    pass


@dataclass(frozen=True)
class Manifest:
    raw: dict
    key: PublicKey

    @property
    def data_version(self) -> str:
        return str(self.raw["data_version"])

    @property
    def data_as_of(self) -> str:
        return str(self.raw["data_as_of"])

    @property
    def content_hash(self) -> str:
        return str(self.raw["content_hash"])

    @property
    def schema_version(self) -> int:
        return int(self.raw["schema_version"])

    @property
    def package_id(self) -> str:
        return str(self.raw["package_id"])

    def size(self, member: str) -> int:
        return int(self.raw["members"][member]["size"])

    def sha256(self, member: str) -> str:
        return str(self.raw["members"][member]["sha256"])


@dataclass
class Layout:
    """Where a package is, member by member, once the archive's form is checked."""

    offsets: dict[str, int] = field(default_factory=dict)   # member -> first data byte
    sizes: dict[str, int] = field(default_factory=dict)
    crcs: dict[str, int] = field(default_factory=dict)


# -- reading a package -----------------------------------------------------------------------
def read_layout(handle, name: str, size: int) -> Layout:
    """Check that the archive has exactly the one form `pack` writes; where each member is."""
    if size < _END.size:
        raise _refuse(strings.PKG_TRUNCATED, name=name)
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            struct.error, NotImplementedError, RuntimeError) as exc:
        raise _refuse(strings.PKG_TRUNCATED, name=name) from exc
    infos = archive.infolist()
    names = [i.orig_filename for i in infos]
    for member in names:
        pure = member.replace("\\", "/")
        if (pure.startswith("/") or ":" in pure or ".." in pure.split("/") or "/" in pure
                or "\x00" in pure):
            raise _refuse(strings.PKG_UNSAFE_MEMBER, name=name, member=member)
    for info in infos:
        kind = (info.external_attr >> 16) & 0o170000
        if kind and kind != 0o100000:
            raise _refuse(strings.PKG_UNSAFE_MEMBER, name=name, member=info.orig_filename)
        if info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size:
            raise _refuse(strings.PKG_COMPRESSED, name=name)
    if names != list(MEMBERS):
        extra = next((n for n in names if n not in MEMBERS), None)
        if extra is not None:
            raise _refuse(strings.PKG_UNEXPECTED, name=name, member=extra)
        raise _refuse(strings.PKG_TAMPERED, name=name, what=strings.PKG_WHAT_LAYOUT)
    layout = Layout()
    offset = 0
    for info in infos:
        member = info.orig_filename
        raw_name = member.encode("ascii")
        canonical = (info.flag_bits == 0 and info.extra == b"" and info.comment == b""
                     and info.date_time == ZIP_DATE and info.external_attr == _EXTERNAL_ATTR
                     and info.internal_attr == 0 and info.create_system == 3
                     and info.create_version == _ZIP_VERSION and info.volume == 0
                     and info.extract_version == _ZIP_VERSION and info.reserved == 0
                     and info.header_offset == offset)
        if not canonical:
            raise _refuse(strings.PKG_TAMPERED, name=name, what=strings.PKG_WHAT_LAYOUT)
        handle.seek(offset)
        header = handle.read(_LOCAL.size + len(raw_name))
        if len(header) < _LOCAL.size + len(raw_name):
            raise _refuse(strings.PKG_TRUNCATED, name=name)
        expected = _LOCAL.pack(b"PK\x03\x04", _ZIP_VERSION, 0, 0, _DOS_TIME, _DOS_DATE,
                               info.CRC, info.file_size, info.file_size, len(raw_name), 0)
        if header != expected + raw_name:
            raise _refuse(strings.PKG_TAMPERED, name=name, what=strings.PKG_WHAT_LAYOUT)
        layout.offsets[member] = offset + len(header)
        layout.sizes[member] = info.file_size
        layout.crcs[member] = info.CRC
        offset += len(header) + info.file_size
    # The central directory and its end record, byte for byte as `pack` writes them.
    expected = b"".join(
        _CENTRAL.pack(b"PK\x01\x02", _ZIP_VERSION, 3, _ZIP_VERSION, 0, 0, 0, _DOS_TIME,
                      _DOS_DATE, info.CRC, info.file_size, info.file_size,
                      len(info.orig_filename), 0, 0, 0, 0, _EXTERNAL_ATTR, info.header_offset)
        + info.orig_filename.encode("ascii") for info in infos)
    expected += _END.pack(b"PK\x05\x06", 0, 0, len(names), len(names),
                          len(expected), offset, 0)
    handle.seek(offset)
    if size != offset + len(expected) or handle.read(len(expected) + 1) != expected:
        raise _refuse(strings.PKG_TAMPERED, name=name, what=strings.PKG_WHAT_LAYOUT)
    return layout


def _read_member(handle, layout: Layout, member: str, limit: int, name: str) -> bytes:
    size = layout.sizes[member]
    if size > limit:
        raise _refuse(strings.PKG_COMPRESSED, name=name)
    handle.seek(layout.offsets[member])
    data = handle.read(size)
    if len(data) != size:
        raise _refuse(strings.PKG_TRUNCATED, name=name)
    return data


def read_manifest(handle, layout: Layout, name: str, trusted: list[PublicKey]) -> Manifest:
    """The manifest, once its signature checks out with a trusted key; then its fields."""
    data = _read_member(handle, layout, MANIFEST, MAX_MANIFEST, name)
    signature = _read_member(handle, layout, SIGNATURE, SIGNATURE_SIZE, name)
    signer = next((k for k in trusted if len(signature) == SIGNATURE_SIZE
                   and k.verify(signature, data)), None)
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raw = None
    if signer is None:
        claimed = raw.get("key_id") if isinstance(raw, dict) else None
        if claimed is not None and any(k.key_id == claimed for k in trusted):
            raise _refuse(strings.PKG_TAMPERED, name=name, what=strings.PKG_WHAT_MANIFEST)
        shown = raw.get("signer_fingerprint") if isinstance(raw, dict) else None
        raise _refuse(strings.PKG_UNTRUSTED, name=name,
                      fingerprint=shown if isinstance(shown, str) else strings.PKG_UNKNOWN_KEY)
    if not _manifest_ok(raw):
        raise _refuse(strings.PKG_BAD_MANIFEST, name=name)
    return Manifest(raw, signer)


def _manifest_ok(raw) -> bool:
    try:
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            return False
        for key in ("package_id", "data_version", "data_as_of", "content_hash",
                    "min_app_version"):
            if not isinstance(raw[key], str):
                return False
        if not isinstance(raw["schema_version"], int) or not isinstance(raw["members"], dict):
            return False
        if set(raw["members"]) != {CHANGES, DATABASE}:
            return False
        for entry in raw["members"].values():
            if not (isinstance(entry["size"], int) and isinstance(entry["sha256"], str)):
                return False
        _version_tuple(raw["min_app_version"])
    except (KeyError, TypeError, ValueError):
        return False
    return True


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


def check_manifest(manifest: Manifest, layout: Layout, name: str) -> None:
    """What the manifest says against what this app reads and what the archive holds."""
    from desktop.data.schema import SCHEMA_VERSION

    if manifest.schema_version > SCHEMA_VERSION:
        raise _refuse(strings.PKG_TOO_NEW, name=name, found=manifest.schema_version,
                      supported=SCHEMA_VERSION)
    needed = manifest.raw["min_app_version"]
    if _version_tuple(needed) > _version_tuple(__version__):
        raise _refuse(strings.PKG_NEEDS_APP, name=name, needed=needed, version=__version__)
    for member in (CHANGES, DATABASE):
        if manifest.size(member) != layout.sizes[member]:
            raise _refuse(strings.PKG_TAMPERED, name=name, what=member)
    if layout.sizes[DATABASE] > MAX_DATABASE or layout.sizes[CHANGES] > MAX_CHANGES:
        raise _refuse(strings.PKG_COMPRESSED, name=name)


def _copy_member(handle, layout: Layout, member: str, target: Path, manifest: Manifest,
                 name: str, progress: Progress, done: int, total: int) -> int:
    """Copy one member to `target`, hashing it; refuse if it is not what was signed."""
    digest = hashlib.sha256()
    left = layout.sizes[member]
    handle.seek(layout.offsets[member])
    with open(target, "xb") as out:
        while left:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                raise _refuse(strings.PKG_TRUNCATED, name=name)
            digest.update(chunk)
            _write_chunk(out, chunk)
            left -= len(chunk)
            done += len(chunk)
            progress("copy", done, total)
    if digest.hexdigest() != manifest.sha256(member):
        raise _refuse(strings.PKG_TAMPERED, name=name, what=member)
    return done


def _write_chunk(out, chunk: bytes) -> None:
    out.write(chunk)


def check_database(path: Path, manifest: Manifest, name: str) -> None:
    """The full validator, the manifest's own claims, and a few real queries."""
    from desktop.data.database import open_database
    from desktop.data.repository import Repository

    try:
        conn, info = open_database(path)
    except KnownError as error:
        raise _refuse(strings.PKG_INVALID_DB, name=name, reason=error.one_line()) from error
    repo = Repository(conn, info)
    try:
        if (info.content_hash != manifest.content_hash
                or info.schema_version != manifest.schema_version
                or info.data_as_of != manifest.data_as_of):
            raise _refuse(strings.PKG_TAMPERED, name=name, what=strings.PKG_WHAT_META)
        counts = manifest.raw.get("row_counts", {})
        for table, expected in counts.items() if isinstance(counts, dict) else ():
            if table in _COUNTED and _count(conn, table) != expected:
                raise _refuse(strings.PKG_TAMPERED, name=name, what=strings.PKG_WHAT_META)
        places = repo.jurisdictions()
        if not places or repo.jurisdiction(places[0].code) is None:
            raise _refuse(strings.PKG_INVALID_DB, name=name, reason=strings.PKG_NO_QUERY)
        repo.search(places[0].name)
        repo.national_figures()
    except sqlite3.Error as exc:
        raise _refuse(strings.PKG_INVALID_DB, name=name, reason=str(exc)) from exc
    finally:
        repo.close()


_COUNTED = ("jurisdiction", "relief_path", "relief_count", "national_figure", "note",
            "caveat", "source", "translation")


def _count(conn: sqlite3.Connection, table: str) -> int | None:
    try:
        return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    except sqlite3.Error:
        return None


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[object, int]]:
    path = Path(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except FileNotFoundError as exc:
        raise _refuse(strings.PKG_MISSING, path=path) from exc
    except OSError as exc:
        raise _refuse(strings.PKG_UNREADABLE, path=path, reason=exc.strerror or exc) from exc
    with handle:
        info = os.fstat(handle.fileno())
        import stat

        if not stat.S_ISREG(info.st_mode):
            raise _refuse(strings.PKG_UNREADABLE, path=path, reason=strings.PKG_NOT_A_FILE)
        if info.st_size > MAX_DATABASE + MAX_CHANGES + 2 * MAX_MANIFEST:
            raise _refuse(strings.PKG_COMPRESSED, name=path.name)
        yield handle, info.st_size


def _unpack(path: Path, folder: Path, trusted: list[PublicKey], progress: Progress,
            free_for: Path | None = None) -> Manifest:
    """Check `path` whole and write its members into the empty `folder`; the manifest."""
    path = Path(path)
    name = path.name
    with _opened(path) as (handle, size):
        layout = read_layout(handle, name, size)
        manifest = read_manifest(handle, layout, name, trusted)
        check_manifest(manifest, layout, name)
        total = layout.sizes[DATABASE] + layout.sizes[CHANGES]
        progress("verify", 0, total)
        if free_for is not None:
            _check_space(free_for, total)
        for member in (MANIFEST, SIGNATURE):
            _write_new(folder / member, _read_member(handle, layout, member, MAX_MANIFEST, name))
        done = _copy_member(handle, layout, CHANGES, folder / CHANGES, manifest, name,
                            progress, 0, total)
        _copy_member(handle, layout, DATABASE, folder / DATABASE, manifest, name, progress,
                     done, total)
    progress("check", total, total)
    check_database(folder / DATABASE, manifest, name)
    return manifest


def _write_new(path: Path, data: bytes) -> None:
    with open(path, "xb") as out:
        _write_chunk(out, data)


def _sync_files(folder: Path) -> None:
    """Flush every file of a finished version folder to the disk before it is switched to
    (files are written unsynced first, so a refused package costs no disk flushes)."""
    for path in sorted(folder.iterdir()):
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
    fsync_dir(folder)


def _check_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + FREE_MARGIN:
        raise _refuse(strings.PKG_NO_SPACE, folder=folder,
                      needed=_mb(needed + FREE_MARGIN), free=_mb(free))


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.1f}"


def verify(path: Path, user_dir: Path, progress: Progress = _no_progress) -> Manifest:
    """Every check `install` makes, into a temporary folder that is then removed."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="relief-atlas-verify-") as scratch:
        return _unpack(path, Path(scratch), keys_module.trusted_keys(user_dir), progress)


# -- the installed versions ------------------------------------------------------------------
def _write_pointer(user_dir: Path, active: str | None, previous: str | None) -> None:
    folder = data_dir(user_dir)
    tmp = folder / f".{POINTER}.{uuid.uuid4().hex}.part"
    try:
        with open(tmp, "xb") as out:
            out.write(json.dumps({"active": active, "previous": previous}).encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, folder / POINTER)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)


@contextlib.contextmanager
def _install_lock(user_dir: Path) -> Iterator[None]:
    """One install or revert at a time on this laptop (released by the OS if killed)."""
    folder = data_dir(user_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK, "a+b")  # noqa: SIM115 (closed in finally)
    except OSError as exc:
        raise _write_failed(exc, folder) from exc
    try:
        try:
            if sys.platform == "win32":  # (not os.name: type checkers know this test)
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise _refuse(strings.PKG_BUSY) from exc
        yield
    finally:
        handle.close()


def _write_failed(exc: OSError, path: Path) -> PackageError:
    from desktop.data.files import explain_os_error

    return _refuse(strings.PKG_WRITE_FAILED, reason=explain_os_error(exc, path))


def _bundled_meta() -> dict:
    from desktop import paths
    from desktop.data.database import open_database

    conn, info = open_database(paths.bundled_database())
    conn.close()
    return {"data_as_of": info.data_as_of, "content_hash": info.content_hash,
            "schema_version": info.schema_version}


def _as_of_key(as_of: str) -> str:
    return as_of if as_of and as_of[:1].isdigit() else ""


def install(path: Path, user_dir: Path, progress: Progress = _no_progress,
            allow_older: bool = False) -> Manifest:
    """Verify `path` whole and make it the data in use; the previous data is kept.

    Raises PackageError (one line, the data in use untouched), OlderData when the package is
    older than the data in use and `allow_older` is false."""
    user_dir = Path(user_dir)
    trusted = keys_module.trusted_keys(user_dir)
    with _install_lock(user_dir):
        folder = data_dir(user_dir)
        try:
            pointer = read_pointer(user_dir)
        except PackageError:
            pointer = {"active": None, "previous": None}
        _clean(folder, pointer)
        staging = folder / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
        try:
            staging.mkdir()
        except OSError as exc:
            raise _write_failed(exc, staging) from exc
        try:
            try:
                manifest = _unpack(path, staging, trusted, progress, free_for=folder)
            except OSError as exc:
                raise _write_failed(exc, staging) from exc
            current = _folder_info(user_dir, pointer["active"]) or _bundled_meta()
            if current.get("content_hash") == manifest.content_hash:
                raise _refuse(strings.PKG_SAME, as_of=manifest.data_as_of)
            if (not allow_older and _as_of_key(manifest.data_as_of)
                    < _as_of_key(str(current.get("data_as_of", "")))):
                raise OlderData(strings.fmt(strings.PKG_OLDER, name=Path(path).name,
                                            new=manifest.data_as_of,
                                            current=current.get("data_as_of")))
            progress("switch", 1, 1)
            name = f"{manifest.data_as_of}_{manifest.content_hash[:10]}_{uuid.uuid4().hex[:6]}"
            try:
                _write_new(staging / INSTALLED, json.dumps(
                    {"installed_from": Path(path).name, "signer": manifest.key.name,
                     "fingerprint": manifest.key.fingerprint,
                     "signer_origin": manifest.key.origin}).encode("utf-8"))
                _sync_files(staging)
                os.rename(staging, folder / name)
                fsync_dir(folder)
                _write_pointer(user_dir, name, pointer["active"])
            except OSError as exc:
                raise _write_failed(exc, folder) from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _clean(folder, {"active": name, "previous": pointer["active"]})
        progress("done", 1, 1)
        return manifest


def revert(user_dir: Path) -> dict:
    """Make the previous data the data in use (and the data in use the previous)."""
    with _install_lock(user_dir):
        pointer = read_pointer(user_dir)
        if pointer["previous"] is None and pointer["active"] is None:
            raise _refuse(strings.PKG_NO_PREVIOUS)
        if pointer["previous"] is not None:
            from desktop.data.database import open_database

            db = data_dir(user_dir) / pointer["previous"] / DATABASE
            try:
                conn, _info = open_database(db)
                conn.close()
            except KnownError as error:
                raise _refuse(strings.PKG_PREVIOUS_BAD, reason=error.one_line()) from error
        try:
            _write_pointer(user_dir, pointer["previous"], pointer["active"])
        except OSError as exc:
            raise _write_failed(exc, data_dir(user_dir)) from exc
        return {"active": pointer["previous"], "previous": pointer["active"]}


def _clean(folder: Path, pointer: dict) -> None:
    """Remove version folders the pointer no longer names, and dead staging folders (the
    caller holds the lock). A folder that cannot be removed (a file open on Windows) stays
    until next time."""
    keep = {pointer.get("active"), pointer.get("previous")}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name in keep or not entry.is_dir() or entry.is_symlink():
            continue
        if entry.name.startswith(STAGING_PREFIX) or _is_folder_name(entry.name):
            shutil.rmtree(entry, ignore_errors=True)


# -- which data is in use ---------------------------------------------------------------------
def status(user_dir: Path) -> dict:
    """`data status --json`: the data in use and the previous, each with where it came from."""
    active = active_database(user_dir)
    try:
        pointer = read_pointer(user_dir)
    except PackageError:
        pointer = {"active": None, "previous": None}
    out = {"active": _describe(user_dir, active), "previous": None, "notice": active.notice}
    if active.origin == "package" and active.folder == pointer["active"]:
        other = pointer["previous"]
    elif active.origin == "package":       # fell back to the previous one
        other = None
    else:
        other = pointer["previous"] if pointer["active"] is None else None
    if other is not None:
        try:
            out["previous"] = _describe(user_dir, _package_data(user_dir, other))
        except KnownError:
            out["previous"] = None
    elif active.origin == "package":
        out["previous"] = _describe(user_dir, _bundled_active())
    return out


def _describe(user_dir: Path, data: ActiveData) -> dict:
    from desktop.data.database import open_database

    try:
        conn, info = open_database(data.path)
        conn.close()
        meta = {"content_hash": info.content_hash, "data_as_of": info.data_as_of,
                "schema_version": info.schema_version, "jurisdictions": info.jurisdictions}
    except KnownError as error:
        meta = {"error": error.one_line()}
    out = {"origin": data.origin, "path": str(data.path), **meta}
    if data.origin == "package":
        manifest = data.manifest or {}
        out.update({"data_version": manifest.get("data_version"),
                    "package_id": manifest.get("package_id"), "signed_by": data.signer,
                    "folder": data.folder})
    return out


# -- making a package ----------------------------------------------------------------------
def pack(db: Path, secret_key: Path, out: Path, changes: str, since: Path | None = None,
         data_version: str | None = None) -> dict:
    """Write a signed package of `db` to `out`, with `changes` (the CHANGES text, computed
    by the caller from `since` and `db`). Returns the manifest."""
    import datetime

    from desktop.data.database import open_database
    from desktop.data.files import atomic_path

    secret = keys_module.load_secret(secret_key)
    public = keys_module.public_of(secret, Path(secret_key).stem)
    db = Path(db)
    conn, info = open_database(db)  # the full validator: never sign data the app refuses
    try:
        counts = {t: _count(conn, t) for t in _COUNTED}
        languages = ["en"]
        if counts.get("translation"):
            languages += [lang for (lang,) in conn.execute(
                "SELECT DISTINCT language FROM translation ORDER BY language") if lang != "en"]
    finally:
        conn.close()
    changes_bytes = changes.encode("utf-8")
    if len(changes_bytes) > MAX_CHANGES:
        changes_bytes = changes_bytes[:MAX_CHANGES - 200].rsplit(b"\n", 1)[0] + b"\n...\n"
    size = db.stat().st_size
    if size > MAX_DATABASE:
        raise _refuse(strings.PKG_COMPRESSED, name=db.name)
    manifest = {
        "format": FORMAT,
        "package_id": str(uuid.uuid4()),
        "data_version": data_version or f"{info.data_as_of}+{info.content_hash[:8]}",
        "data_as_of": info.data_as_of,
        "schema_version": info.schema_version,
        "content_hash": info.content_hash,
        "min_app_version": __version__,
        "languages": [str(x) for x in languages],
        "row_counts": counts,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "key_id": public.key_id,
        "signer_name": public.name,
        "signer_fingerprint": public.fingerprint,
        "changes_since": _meta_of(since) if since is not None else None,
        "members": {CHANGES: {"size": len(changes_bytes),
                              "sha256": hashlib.sha256(changes_bytes).hexdigest()},
                    DATABASE: {"size": size, "sha256": _file_sha256(db)}},
    }
    body = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
    signature = secret.sign(body)
    with (atomic_path(out) as tmp, open(tmp, "wb") as handle,
          zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as zf):
        for member, data in ((MANIFEST, body), (SIGNATURE, signature), (CHANGES, changes_bytes)):
            zf.writestr(_entry(member, len(data)), data)
        with open(db, "rb") as source, zf.open(_entry(DATABASE, size), "w") as target:
            shutil.copyfileobj(source, target, CHUNK)
    return manifest


def _entry(member: str, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = _EXTERNAL_ATTR
    info.create_system = 3
    info.file_size = size
    return info


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _meta_of(db: Path) -> dict | None:
    from desktop.data.database import open_database

    try:
        conn, info = open_database(db)
        conn.close()
    except KnownError:
        return None
    return {"data_as_of": info.data_as_of, "content_hash": info.content_hash}


def changes_of(path: Path, user_dir: Path) -> str:
    """The CHANGES text of a package, after every check (for `data verify` and the window)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="relief-atlas-verify-") as scratch:
        _unpack(path, Path(scratch), keys_module.trusted_keys(user_dir), _no_progress)
        return (Path(scratch) / CHANGES).read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def unpacked_database(path: Path, user_dir: Path) -> Iterator[Path]:
    """A verified package's database in a temporary folder (for `data diff PKG`)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="relief-atlas-diff-") as scratch:
        _unpack(path, Path(scratch), keys_module.trusted_keys(user_dir), _no_progress)
        yield Path(scratch) / DATABASE

