"""Every string the app shows a person, in one place (labels, messages, the disclaimer).

Views and the wording module take their text from here so it can be reviewed, kept
consistent and translated later. Plain Python: no Qt.
"""

from __future__ import annotations

from desktop import APP_NAME

DISCLAIMER = ("This is legal information, not legal advice. Laws change and every record is "
              "different: check with a legal-aid lawyer or the court before relying on it.")
UNKNOWN = "Unknown — not in our sources"
UNKNOWN_SHORT = "unknown"

WINDOW_TITLE = "{app} — data as of {as_of}"
STATUS_DATA = "Data as of {as_of} · {count} jurisdictions · {origin}"
ORIGIN_BUNDLED = "bundled data"
ORIGIN_OTHER = "data file {path}"
SEARCH_PLACEHOLDER = "Search states, laws and notes  (Ctrl+K)"
NO_SELECTION = "Choose a state, DC, a territory or federal from the list."
NO_RESULTS = "No matches for “{text}”."

JURISDICTION_KIND = {
    "state": "State", "district": "District", "territory": "Territory", "federal": "Federal",
}
ADULT_USE = {
    "legalized": "Adult use legalized",
    "decriminalized": "Decriminalized (not legalized)",
    "neither": "Neither legalized nor decriminalized",
    "unknown": "Legal status unknown",
}
ADULT_USE_HOW = {"ballot": "by voters", "legislature": "by the legislature", "unknown": ""}
YES_NO = {"yes": "Yes", "no": "No", "unknown": "Unknown"}
RELIEF_KIND = {
    "expungement": "Expungement", "sealing": "Sealing", "vacatur": "Vacatur",
    "set_aside": "Set-aside", "annulment": "Annulment", "dismissal": "Dismissal",
    "resentencing": "Resentencing", "pardon": "Pardon",
}
MECHANISM = {
    "automatic": "Automatic — nothing to file",
    "petition": "By petition to a court",
    "application": "By application",
}
MECHANISM_SHORT = {"automatic": "automatic", "petition": "petition", "application": "application"}
OFFENSE_KIND = {
    "possession": "possession", "sale_distribution": "sale or distribution",
    "cultivation": "cultivation", "paraphernalia": "paraphernalia", "other": "other offenses",
}
OFFENSE_LEVEL = {"misdemeanor": "misdemeanors", "felony": "felonies",
                 "both": "misdemeanors and felonies"}
COUNT_ACTION = {
    "pardon": "pardoned", "expungement": "expunged", "sealing": "sealed",
    "vacatur": "vacated", "other": "relieved",
}
# When the unit is people, the action happens to their records, not to them.
COUNT_ACTION_PEOPLE = {
    "pardon": "pardoned", "expungement": "who had records expunged",
    "sealing": "who had records sealed", "vacatur": "who had convictions or sentences vacated",
    "other": "helped",
}
UNIT = {
    "people": ("person", "people"), "cases": ("case", "cases"),
    "convictions": ("conviction", "convictions"), "records": ("record", "records"),
    "charges": ("charge", "charges"), "petitions": ("petition", "petitions"),
    "eligible_people": ("eligible person", "eligible people"),
    "eligible_cases": ("eligible case", "eligible cases"),
    "eligible_convictions": ("eligible conviction", "eligible convictions"),
    "eligible_records": ("eligible record", "eligible records"),
    "arrests": ("arrest", "arrests"),
    "states": ("state", "states"),
    "jurisdictions": ("jurisdiction", "jurisdictions"),
}
QUALIFIER = {
    "exact": "", "more_than": "more than ", "at_least": "at least ", "up_to": "up to ",
    "about": "about ", "nearly": "nearly ", "range": "",
}
CAVEAT_KIND = {
    "uncertain": "Uncertain", "conflict": "Sources differ", "single_source": "One source only",
    "background": "Not confirmed in a source", "thin": "Little information",
}

# Detail page headings
H_STATUS = "Legal status"
H_RELIEF = "Ways to clear or seal a record"
H_PARDONS = "Pardons"
H_COUNTS = "How many people have been helped"
H_NOTES = "Notes"
H_SOURCES = "Sources"
NO_RELIEF_PATHS = "No marijuana-specific record relief in our sources."
NO_COUNTS = "No reported numbers in our sources."
COUNT_HISTORY = "Older and other reports"
SOURCES_DIFFER = "Sources differ"
SOURCES_DIFFER_EXPLAINED = "these reports are about the same thing but do not agree."
OFFICIAL = "official figure"
FIELD_LABELS = {
    "mechanism": "How", "offenses": "What it covers", "limits": "Limits",
    "waiting_period": "Waiting period", "fee": "Fee", "handled_by": "Who handles it",
    "enacted_year": "Enacted", "citation": "Law", "how_to_apply": "What to do",
    "conditions": "Other conditions",
}
SOURCE_LINE = "{title}. {publisher}, {date}."
AS_OF = "as of {date}"
DATA_AS_OF = "Data as of {date}."
OVERVIEW_TITLE = "Cannabis record relief across the United States"
OVERVIEW_INTRO = ("Choose a state, DC, a territory or federal from the list, or search for a "
                  "place, a law or a word such as “expungement”. Each page says whether old "
                  "marijuana records can be cleared there, whether it happens automatically or "
                  "needs a petition, what to do first, and where every fact comes from.")
H_NATIONAL = "National figures"
NATIONAL_NOTE = ("Totals across states, as reported by advocates and researchers. They mix "
                 "cases, records and convictions, so read each with its unit and date.")

# Errors
DB_MISSING = "The reference data file was not found: {path}"
DB_MISSING_HINT = ("Reinstall {app}, or in a checkout run `python db/build.py`.").format(app=APP_NAME)
DB_NOT_A_FILE = "The reference data path is not a file: {path}"
DB_EMPTY = "The reference data file is empty: {path}"
DB_CORRUPT = "The reference data file is damaged or is not a {app} database: {path}"
DB_NOT_OURS = "This file is not a {app} database (it has no version information): {path}"
DB_NEWER = ("This data file needs a newer version of {app} (data version {found}, this "
            "version reads up to {supported}): {path}")
DB_BAD_VERSION = "The data file's version information is unreadable: {path}"
CRASH_TITLE = "{app} hit a bug"
CRASH_TEXT = ("Something went wrong inside {app}. Nothing you entered was lost from the "
              "reference data. Please copy this report and send it to whoever maintains "
              "{app} for your clinic.")
COPY_REPORT = "Copy report"
COPIED = "Copied"
STARTUP_FAILED = "{app} cannot start: {message}"
SMOKE_OK = "smoke test passed: {detail}"
SMOKE_FAILED = "smoke test failed: {reason}"

# Browsing: filters, history, find in page, zoom, menus
FILTERS_TITLE = "Show only"
FILTER_LABELS = {
    "automatic": "Automatic relief", "petition": "Relief by petition or application",
    "pardon": "Pardon program", "no_relief": "No specific relief",
}
FACET = "{label} ({count})"
ADULT_USE_FILTER_ANY = "Any legal status"
SORT_LABELS = {"name": "Sort by name", "relieved": "Sort by most relief reported"}
SHOWN_COUNT = "{shown} of {total} shown"
FIND_LABEL = "Find in page:"
FIND_PLACEHOLDER = "Word on this page"
FIND_PREVIOUS = "Previous"
FIND_NEXT = "Next"
FIND_CLOSE = "Close (Esc)"
FIND_NONE = "Not on this page"
FIND_COUNT = "{n} of {total}"
MENU_FILE = "&File"
MENU_EDIT = "&Edit"
MENU_VIEW = "&View"
MENU_GO = "&Go"
MENU_HELP = "&Help"
ACTION_BACK = "Back"
ACTION_FORWARD = "Forward"
ACTION_HOME = "Overview"
ACTION_FIND = "Find in page…"
ACTION_SEARCH = "Search"
ACTION_ZOOM_IN = "Larger text"
ACTION_ZOOM_OUT = "Smaller text"
ACTION_ZOOM_RESET = "Normal text size"
ACTION_QUIT = "Quit"
ACTION_ABOUT = "About Relief Atlas"
OPEN_UNKNOWN = "No jurisdiction with code {code}."

# Bookmarks and clinic notes in the window
H_LOCAL_NOTES = "Clinic notes on this laptop"
LOCAL_NOTES_EMPTY = "No clinic notes yet for {place}."
LOCAL_NOTES_OFF = "Clinic notes are off: {reason}"
LOCAL_NOTE_UPDATED = "last changed {date}"
LINK_ADD_NOTE = "Add a clinic note"
LINK_EDIT = "Edit"
LINK_DELETE = "Delete"
BOOKMARKED = "★ Bookmarked"
NOTE_DIALOG_TITLE = "Clinic note — {place}"
NOTE_DIALOG_HINT = ("Notes stay on this laptop (for example court hours, a partner's phone "
                    "number). Do not write down anything about the people you help.")
CONFIRM_DELETE_NOTE = "Delete this clinic note? This cannot be undone."
LOCAL_NOTE_HIT = "{place}: clinic note"
ACTION_BOOKMARK = "Bookmark"
ACTION_ADD_NOTE = "Add clinic note…"
ACTION_COMPARE = "Compare…"
ACTION_EXPORT_NOTES = "Export clinic notes and bookmarks…"
ACTION_IMPORT_NOTES = "Import clinic notes and bookmarks…"
MENU_BOOKMARKS = "&Bookmarks"
NO_BOOKMARKS = "No bookmarks yet"
NOTES_FILE_FILTER = "Relief Atlas notes (*.json)"
NOTES_EXPORTED = "Exported {count} clinic notes to {path}."
NOTES_IMPORTED_TITLE = "Notes imported"
NOTES_NOTICE_TITLE = "About your clinic notes"


def fmt(template: str, **values: object) -> str:
    """Fill a template; the app name is always available as {app}."""
    return template.format(app=APP_NAME, **values)


# --- Compare: places side by side (desktop/domain/compare.py, desktop/views/compare_dialog.py) ---
COMPARE_TITLE = "Compare places"
COMPARE_INTRO = "Choose two to four places to see them side by side."
COMPARE_CHOICE_LABEL = "&Places:"
COMPARE_CHOICE_PLACEHOLDER = "Choose a place…"
COMPARE_CHOICE_NONE = "— none —"
COMPARE_CHOICE_NAMES = ("First place to compare", "Second place to compare",
                        "Third place to compare (optional)", "Fourth place to compare (optional)")
COMPARE_HINT = "Choose at least two different places above to see them side by side."
COMPARE_FOOTNOTE = ("Each place's own page gives the source of every fact and explains each "
                    "item to double-check.")
COMPARE_EXPORT = "Export CSV…"
COMPARE_EXPORT_TITLE = "Export the comparison as a CSV file"
COMPARE_EXPORT_FILTER = "CSV files (*.csv)"
COMPARE_EXPORT_NAME = "compare-{codes}.csv"
COMPARE_SAVED = "Saved {path}"
COMPARE_ROWS = {
    "status": "Legal status",
    "specific_relief": "Marijuana-specific relief",
    "automatic": "Automatic relief",
    "petition": "Petition / application relief",
    "offenses": "Covers",
    "limits": "Limits",
    "waiting_period": "Waiting period",
    "fee": "Fee",
    "handled_by": "Who handles it",
    "citation": "Law",
    "pardons": "Pardons",
    "count": "Latest reported count",
    "caveats": "Caveats",
}
COMPARE_NONE = "None"
COMPARE_PATH_VALUE = "{name}: {value}"
COMPARE_BY_MECHANISM = "{name} ({mechanism})"
COMPARE_COUNT = "{sentence}, {as_of}"
COMPARE_CAVEATS = ("{n} fact to double-check", "{n} facts to double-check")
COMPARE_NO_CAVEATS = "None flagged"
COMPARE_CELL_TIP = "{name} — {label}"
# --- end of Compare ---

# --- User data: bookmarks and clinic notes (desktop/data/userdata.py) ---
USERDATA_SAVE_TITLE = "Your notes could not be saved"
USERDATA_OPEN_TITLE = "Your notes could not be opened"
USERDATA_READ_TITLE = "Your notes could not be read"
USERDATA_IMPORT_TITLE = "The notes file was not imported"
USERDATA_NOTE_TITLE = "Clinic note"
USERDATA_EMPTY_NOTE = "A note cannot be empty. Type something, or delete the note instead."
USERDATA_NOTE_GONE = ("This note no longer exists; it may have been deleted in another "
                      "{app} window. Copy your text before closing the editor.")
USERDATA_DISK_FULL = ("The disk is full, so your change was not saved. Free some space and "
                      "try again. Your earlier notes are safe.")
USERDATA_READ_ONLY = ("Your notes file cannot be changed because it or its folder is "
                      "read-only: {path}. Your earlier notes are safe.")
USERDATA_BUSY = ("Your notes file is busy in another copy of {app}. Close the other copy and "
                 "try again.")
USERDATA_IO = "Your notes file could not be used: {path}. Check the drive and try again."
USERDATA_DAMAGED = ("Your notes file was damaged while in use: {path}. Restart {app}: it will "
                    "set the damaged file aside (it is never deleted) and start a new one.")
USERDATA_FOLDER = ("{app} cannot create or write its notes folder: {folder}. The reference "
                   "data still works, but bookmarks and notes are off until this is fixed.")
USERDATA_SET_ASIDE_FAILED = ("Your notes file is damaged and could not be set aside: {path}. "
                             "Nothing was deleted. Bookmarks and notes are off for now.")
USERDATA_NEWER = ("Your notes file was made by a newer version of {app} (notes version "
                  "{found}; this version reads up to {supported}). It was not changed. "
                  "Bookmarks and notes are off in this version: {path}")
USERDATA_RECOVERED = ("Your notes file was damaged, so it was set aside (not deleted) as "
                      "{moved} and a new, empty notes file was started.")
USERDATA_IMPORT_DONE = ("Imported {added} new notes and {bookmarks} new bookmarks. {unchanged} "
                        "notes were already here. {both} notes differed from yours, so both "
                        "versions were kept.")
IMPORT_UNREADABLE = "{name} could not be read: {reason}."
IMPORT_TOO_BIG = "{name} is too large to be a {app} notes file."
IMPORT_NOT_JSON = "{name} is not a {app} notes file (its contents are not readable)."
IMPORT_WRONG_FORMAT = "{name} is not a {app} notes file."
IMPORT_NEWER = ("{name} was made by a newer version of {app} (notes file version {found}; "
                "this version reads version {supported}).")
IMPORT_PROBLEM = "{name} was not imported because {problem}. Nothing was changed."
IMPORT_MISSING = "it has no “{field}” part"
IMPORT_NOT_LIST = "its “{field}” part is not a list"
IMPORT_BAD_BOOKMARK = "bookmark {n} is not a two-letter place code such as NY"
IMPORT_NOTE_NOT_OBJECT = "note {n} is not a note"
IMPORT_NOTE_MISSING = "note {n} has no “{field}”"
IMPORT_NOTE_NOT_TEXT = "note {n} has a “{field}” that is not text"
IMPORT_NOTE_BAD_ID = "note {n} has an id that is not a {app} note id"
IMPORT_NOTE_DUPLICATE = "note {n} has the same id as note {first}"
IMPORT_NOTE_BAD_CODE = "note {n} has the place “{code}”, which is not a two-letter code such as NY"
IMPORT_NOTE_EMPTY = "note {n} is empty"
IMPORT_NOTE_BAD_TIME = ("note {n} has a “{field}” that is not a date and time such as "
                        "2026-11-21T14:03:05Z")
# --- end of User data ---

# --- Charts (issue 5): desktop/charts and desktop/views/charts_view.py ---
# Short numbers on bars: the qualifier always stays visible.
CHART_QUALIFIER_SHORT = {
    "exact": "{n}", "more_than": "{n}+", "at_least": "≥{n}", "up_to": "≤{n}",
    "about": "≈{n}", "nearly": "nearly {n}", "range": "{n}–{high}",
}
CHART_QUALIFIER_KEY = "+ more than   ≥ at least   ≈ about   ≤ up to"
CHART_ELIGIBLE_LABEL = "{n} eligible"
CHART_BAR_INFO = "{name}: {sentence}, as of {as_of}."
CHART_BAR_SOURCE = "Source: {source} [{id}]."
CHART_SERIES_LABEL = "{action} · {unit}"
CHART_ACTION = {"pardon": "Pardon", "expungement": "Expungement", "sealing": "Sealing",
                "other": "Other"}
CHART_ACTION_LEGEND = {"pardon": "Pardon", "expungement": "Expungement", "sealing": "Sealing",
                       "other": "Other (vacatur, dismissal…)"}
CHART_ELIGIBLE_LEGEND = "Eligible, not yet relieved"
CHART_UNIT_PANEL = {"people": "People", "cases": "Cases", "convictions": "Convictions",
                    "records": "Records", "other": "Other units",
                    "eligible": "Eligible, not yet relieved (estimates)"}
CHART_RELIEF_TITLE = "Marijuana record relief reported, by jurisdiction"
CHART_RELIEF_NOTE = ("Newest report for each action and unit. Each panel counts one unit; "
                     "panels are not comparable or additive.")
CHART_LOG_NOTE = "Log scale: each gridline is ten times the one before."
CHART_MAP_TITLE = "Relief for old marijuana records, by jurisdiction"
CHART_CATEGORY = {
    "automatic": "Automatic", "petition": "By petition only", "pardon": "Pardons only",
    "none": "No specific relief", "unknown": "Unknown",
}
CHART_CATEGORY_DETAIL = {
    "automatic": "some old records are cleared with nothing to file",
    "petition": "records can be cleared, but a person must file",
    "pardon": "no way to clear a record; pardons only",
    "none": "no marijuana-specific record relief",
    "unknown": "not known from our sources",
}
CHART_LEGEND_ENTRY = "{name} ({count})\n{detail}"
CHART_LEGEND_TITLE = "What relief exists"
CHART_CATEGORY_TILE = {"automatic": "auto", "petition": "petition", "pardon": "pardon",
                       "none": "none", "unknown": "?"}
CHART_TILE_INFO = "{name}: {category} — {detail}. Click to open it."
CHART_TERRITORIES = "Territories and federal"
CHART_TIMELINE_TITLE = "Legalization and record relief over time"
CHART_TIMELINE_ADULT = "Legalized adult use"
CHART_TIMELINE_RELIEF = "Enacted marijuana-specific record relief"
CHART_TIMELINE_YLABEL = "Jurisdictions, cumulative"
CHART_TIMELINE_ACTIONS = "Large relief actions reported (log scale)"
CHART_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                      "Nov", "Dec")
CHART_TIMELINE_NOTE = ("Lower panel: each jurisdiction's largest reported relief of {n} or "
                       "more, at the date of the report. Units differ: read each label.")
CHART_TIMELINE_UNDATED = "Relief with no year in our sources, not shown: {codes}."
CHART_COUNTS_TITLE = "{name}: reported counts"
CHART_FOOTER = "{app} · data as of {date} · every figure with its source in the app"
CHART_TABS = {"relief": "Relief by jurisdiction", "map": "Map", "timeline": "Timeline"}
CHART_LOG_SCALE = "Log scale"
CHART_RELIEF_HINT = "Point at a bar to see its figure and source; click a bar to keep it here."
CHART_MAP_HINT = "Point at a tile to see what relief it offers; click it to open that jurisdiction."
CHART_TIMELINE_HINT = "Point at a marked action to see its figure and source."
CHART_NO_DATA = "No data to chart."
CHART_EXPORTED = "Saved the {kind} chart to {path}"
CHART_UNKNOWN_KIND = "Unknown chart “{kind}”: choose one of {kinds}."
CHART_UNKNOWN_FORMAT = ("Cannot tell the file format from “{name}”: end the name with "
                        ".png, .svg or .pdf.")
CHART_EXPORT_FAILED = "The chart was not saved: {reason}"
# --- end of Charts ---
