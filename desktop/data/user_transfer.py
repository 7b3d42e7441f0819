"""The export file that carries the clinic's bookmarks, notes and profile from one laptop to
another: its format, writing it, and reading and checking all of it before an import writes
anything (`UserStore.import_file` merges what `read_export` returns).

The format (JSON, UTF-8):
    {"format": "relief-atlas-user-data", "version": 1, "exported": "<UTC time>",
     "bookmarks": ["AZ", ...],
     "notes": [{"id", "jurisdiction", "text", "created", "updated"}, ...],
     "clinic": {"name", "phone", "address", "hours", "web"}}     (optional)

A file is read only if it is an ordinary file, with a bounded read; every note is checked
(id, place known to the reference data, times, at most MAX_NOTE_CHARS, text SQLite can
store), and the first problem refuses the whole file in one plain sentence that names it.
Plain Python: no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from desktop import strings
from desktop.data import user_schema as schema
from desktop.data.files import write_atomic
from desktop.data.records import ClinicProfile, LocalNote
from desktop.errors import UserDataError

EXPORT_FORMAT = "relief-atlas-user-data"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 50 * 1024 * 1024
NOTE_FIELDS = ("id", "jurisdiction", "text", "created", "updated")
ImportProgress = Callable[[int, int], bool]

_NOTE_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class ImportResult:
    notes_added: int
    notes_unchanged: int      # same id, same text: skipped
    notes_kept_both: int      # same id, different text: imported as a NEW note (new id)
    bookmarks_added: int
    # The file's clinic profile: "" none in the file, "added" (this computer had none),
    # "same" (identical), "kept" (this computer keeps its own; the file's was not used).
    clinic: str = ""
    clinic_name: str = ""     # the name of the profile in the file

    def summary(self) -> str:
        """What the import did, in sentences (the window and `notes import` say the same)."""
        text = strings.fmt(strings.USERDATA_IMPORT_DONE, added=self.notes_added,
                           bookmarks=self.bookmarks_added, unchanged=self.notes_unchanged,
                           both=self.notes_kept_both)
        if self.clinic == "added":
            text += " " + strings.fmt(strings.CLINIC_IMPORT_ADDED, name=self.clinic_name)
        elif self.clinic == "kept":
            text += " " + strings.fmt(strings.CLINIC_IMPORT_KEPT, name=self.clinic_name)
        return text


class ImportCancelled(UserDataError):
    """The person cancelled an import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(strings.IMPORT_CANCELLED, title=strings.USERDATA_IMPORT_TITLE)


def write_export(path: Path, bookmarks: Sequence[str], notes: Sequence[LocalNote],
                 clinic: ClinicProfile | None = None) -> None:
    """Write an export file (whole or not at all) of these bookmarks and notes, and the
    clinic's profile if there is one (an optional "clinic" object: version 1 files without
    it are still read)."""
    payload: dict[str, object] = {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported": schema.utc_now(),
        "bookmarks": list(bookmarks),
        "notes": [{f: getattr(note, f) for f in NOTE_FIELDS} for note in notes],
    }
    if clinic is not None:
        payload["clinic"] = {f: getattr(clinic, f) for f in schema.CLINIC_FIELDS}
    import json

    write_atomic(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


Refuse = Callable[..., UserDataError]  # refuse(template, **values)


def read_export(path: Path, known_codes: Collection[str] | None = None
                ) -> tuple[list[str], list[LocalNote], ClinicProfile | None]:
    """Parse and check a whole export file before anything is written: its bookmarks (each
    once), its notes, and its clinic profile (None when it has none)."""
    name = path.name

    def refuse(template: str, **values: object) -> UserDataError:
        return UserDataError(strings.fmt(template, name=name, **values),
                             title=strings.USERDATA_IMPORT_TITLE)

    def problem(template: str, **values: object) -> UserDataError:
        return refuse(strings.IMPORT_PROBLEM, problem=strings.fmt(template, **values))

    raw = _read_bounded(path, refuse)
    try:
        import json

        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise refuse(strings.IMPORT_NOT_JSON) from exc
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise refuse(strings.IMPORT_WRONG_FORMAT)
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise refuse(strings.IMPORT_WRONG_FORMAT)
    if version > EXPORT_VERSION:
        raise refuse(strings.IMPORT_NEWER, found=version, supported=EXPORT_VERSION)
    for field in ("bookmarks", "notes"):
        if field not in data:
            raise problem(strings.IMPORT_MISSING, field=field)
        if not isinstance(data[field], list):
            raise problem(strings.IMPORT_NOT_LIST, field=field)

    for n, code in enumerate(data["bookmarks"], 1):
        if not isinstance(code, str) or not schema.CODE.fullmatch(code):
            raise problem(strings.IMPORT_BAD_BOOKMARK, n=n)
        if known_codes is not None and code not in known_codes:
            raise problem(strings.IMPORT_BOOKMARK_UNKNOWN_PLACE, n=n, code=code)
    notes = _read_notes(data["notes"], known_codes, problem)
    clinic = None
    if data.get("clinic") is not None:
        item = data["clinic"]
        if not isinstance(item, dict):
            raise problem(strings.IMPORT_CLINIC_NOT_OBJECT)
        clinic = schema.clean_clinic(
            {f: item.get(f) for f in schema.CLINIC_FIELDS},
            lambda kind, **kw: problem(strings.IMPORT_CLINIC_PROBLEMS[kind], **kw))
    return list(dict.fromkeys(data["bookmarks"])), notes, clinic


def _read_notes(items: list, known_codes: Collection[str] | None,
                problem: Refuse) -> list[LocalNote]:
    """Every note checked, in order; the first problem refuses the file. One pass: the
    checks that depend only on a value (a place code, a time) are remembered per value,
    since an export repeats a few places and times many thousands of times."""
    notes: list[LocalNote] = []
    first_seen: dict[str, int] = {}
    good_codes: set[str] = set()   # passed the code checks (form, and known here)
    good_times: set[str] = set()   # passed schema.is_time
    id_ok = _NOTE_ID.fullmatch
    max_chars = schema.MAX_NOTE_CHARS
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise problem(strings.IMPORT_NOTE_NOT_OBJECT, n=n)
        note_id = item.get("id")
        code = item.get("jurisdiction")
        text = item.get("text")
        created = item.get("created")
        updated = item.get("updated")
        if not (isinstance(note_id, str) and isinstance(code, str) and isinstance(text, str)
                and isinstance(created, str) and isinstance(updated, str)):
            _field_problem(item, n, problem)  # raises: which field, in NOTE_FIELDS order
        if not id_ok(note_id):
            raise problem(strings.IMPORT_NOTE_BAD_ID, n=n)
        if note_id in first_seen:
            raise problem(strings.IMPORT_NOTE_DUPLICATE, n=n, first=first_seen[note_id])
        first_seen[note_id] = n
        if code not in good_codes:
            if not schema.CODE.fullmatch(code):
                raise problem(strings.IMPORT_NOTE_BAD_CODE, n=n, code=_printable(code))
            if known_codes is not None and code not in known_codes:
                raise problem(strings.IMPORT_NOTE_UNKNOWN_PLACE, n=n, id=note_id, code=code)
            good_codes.add(code)
        text = text.rstrip()
        if not text:
            raise problem(strings.IMPORT_NOTE_EMPTY, n=n)
        if len(text) > max_chars:
            raise problem(strings.IMPORT_NOTE_TOO_LONG, n=n, id=note_id, limit=max_chars)
        if not schema.storable(text):
            raise problem(strings.IMPORT_NOTE_BAD_TEXT, n=n, id=note_id)
        for field, value in (("created", created), ("updated", updated)):
            if value not in good_times:
                if not schema.is_time(value):
                    raise problem(strings.IMPORT_NOTE_BAD_TIME, n=n, field=field)
                good_times.add(value)
        notes.append(LocalNote(id=note_id, jurisdiction=code, text=text, created=created,
                               updated=updated))
    return notes


def _field_problem(item: dict, n: int, problem: Refuse) -> NoReturn:
    """Raise the problem of the first field (in NOTE_FIELDS order) missing or not text."""
    for field in NOTE_FIELDS:
        if field not in item:
            raise problem(strings.IMPORT_NOTE_MISSING, n=n, field=field)
        if not isinstance(item[field], str):
            raise problem(strings.IMPORT_NOTE_NOT_TEXT, n=n, field=field)
    raise AssertionError("a note with every field as text has no field problem")


def _read_bounded(path: Path, refuse: Refuse) -> bytes:
    """The file's bytes, if it is an ordinary file no larger than MAX_IMPORT_BYTES. A device
    (/dev/zero, /dev/urandom), a pipe or a folder is refused before a byte is read, and no
    read is ever unbounded."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a FIFO would wait for a writer
            raise refuse(strings.IMPORT_NOT_A_FILE)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise refuse(strings.IMPORT_UNREADABLE, reason=exc.strerror or exc) from exc
    try:
        with open(fd, "rb", closefd=True) as handle:
            found = os.fstat(handle.fileno())
            if not stat.S_ISREG(found.st_mode):  # swapped for something else meanwhile
                raise refuse(strings.IMPORT_NOT_A_FILE)
            if found.st_size > MAX_IMPORT_BYTES:
                raise refuse(strings.IMPORT_TOO_BIG)
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise refuse(strings.IMPORT_UNREADABLE, reason=exc.strerror or exc) from exc
    if len(raw) > MAX_IMPORT_BYTES:
        raise refuse(strings.IMPORT_TOO_BIG)
    return raw


def _printable(value: str, limit: int = 20) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in value[:limit])
