"""Old home of the clinic's user data, kept only so modules not yet switched keep importing.

The code now lives in rooms named for what they hold:
- `desktop.data.user_store`: the store itself (`UserStore`, `default_path`, `USER_DB_NAME`,
  `tally_csv`);
- `desktop.data.user_schema`: the file's tables and the rules of its values
  (`CLINIC_FIELDS`, `MAX_CLINIC_CHARS`, `TALLY_KINDS`, `MAX_NOTE_CHARS`, `clean_clinic`...);
- `desktop.data.user_transfer`: the export file (`EXPORT_FORMAT`, `ImportResult`,
  `ImportCancelled`, `write_export`);
- `desktop.data.user_recovery`: a damaged, busy or read-only user.db;
- `desktop.data.records`: `LocalNote`, `TallyRow`; `desktop.errors`: `UserDataError`.

Import from those. Nothing new goes here; this file goes once the views, models, app.py,
the benchmarks and the window tests import from the modules above.
"""

from desktop.data.records import LocalNote, TallyRow
from desktop.data.user_schema import (
    APPLICATION_ID,
    CLINIC_FIELDS,
    MAX_CLINIC_CHARS,
    MAX_NOTE_CHARS,
    SCHEMA_VERSION,
    TALLY_KINDS,
    clean_clinic,
    today,
    utc_now,
)
from desktop.data.user_store import USER_DB_NAME, UserStore, default_path, tally_csv
from desktop.data.user_transfer import EXPORT_FORMAT, ImportCancelled, ImportResult
from desktop.errors import UserDataError

__all__ = [
    "APPLICATION_ID", "CLINIC_FIELDS", "EXPORT_FORMAT", "MAX_CLINIC_CHARS", "MAX_NOTE_CHARS",
    "SCHEMA_VERSION", "TALLY_KINDS", "USER_DB_NAME", "ImportCancelled", "ImportResult",
    "LocalNote", "TallyRow", "UserDataError", "UserStore", "clean_clinic", "default_path",
    "tally_csv", "today", "utc_now",
]
