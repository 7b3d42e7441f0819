"""Every string the app shows a person, in one place (labels, messages, the disclaimer).

Views and the wording module take their text from here so it can be reviewed, kept
consistent and translated later. Plain Python: no Qt.
"""

from __future__ import annotations

from desktop import APP_NAME

# Constants whose values are (singular, plural) pairs: they go through ngettext with a count
# (desktop.i18n.ngettext), never one by one.
PLURALS = {"UNIT_COUNTED", "SCREEN_COUNT", "HANDOUT_MORE_LOCAL_NOTES", "SCREEN_CASES_COUNT"}

DISCLAIMER = ("This is legal information, not legal advice. Laws change and every record is "
              "different: check with a legal-aid lawyer or the court before relying on it.")
UNKNOWN = "Unknown — not in our sources"
UNKNOWN_SHORT = "unknown"

WINDOW_TITLE = "{app} — data as of {as_of}"
STATUS_DATA = "Data as of {as_of} · {count} jurisdictions · {origin}"
ORIGIN_BUNDLED = "bundled data"
ORIGIN_OTHER = "data file {path}"
SEARCH_PLACEHOLDER = "Search states, laws and notes  (Ctrl+K)"
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
# The legal status as whole phrases (never "legalized" + " in 2020" glued).
LEGALIZED_IN = "Adult use legalized in {year}"
LEGALIZED_HOW_IN = {"ballot": "Adult use legalized by voters in {year}",
                    "legislature": "Adult use legalized by the legislature in {year}"}
LEGALIZED_HOW = {"ballot": "Adult use legalized by voters",
                 "legislature": "Adult use legalized by the legislature"}
DECRIMINALIZED_SINCE = "Decriminalized (not legalized) since {year}"
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
COUNT_ACTION = {
    "pardon": "pardoned", "expungement": "expunged", "sealing": "sealed",
    "vacatur": "vacated", "other": "relieved",
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
# A count as a whole phrase: the number in its unit (plural by count, through ngettext), then
# the qualifier around it. "more than 15,000" is never "15,000".
UNIT_COUNTED = {
    "people": ("{count} person", "{count} people"), "cases": ("{count} case", "{count} cases"),
    "convictions": ("{count} conviction", "{count} convictions"),
    "records": ("{count} record", "{count} records"),
    "charges": ("{count} charge", "{count} charges"),
    "petitions": ("{count} petition", "{count} petitions"),
    "eligible_people": ("{count} eligible person", "{count} eligible people"),
    "eligible_cases": ("{count} eligible case", "{count} eligible cases"),
    "eligible_convictions": ("{count} eligible conviction", "{count} eligible convictions"),
    "eligible_records": ("{count} eligible record", "{count} eligible records"),
    "arrests": ("{count} arrest", "{count} arrests"),
    "states": ("{count} state", "{count} states"),
    "jurisdictions": ("{count} jurisdiction", "{count} jurisdictions"),
}
RANGE_COUNTED = "{low}–{high} {unit}"
QUALIFIED = {
    "exact": "{counted}", "more_than": "more than {counted}", "at_least": "at least {counted}",
    "up_to": "up to {counted}", "about": "about {counted}", "nearly": "nearly {counted}",
    "range": "{counted}",
}
# What was done, around the counted phrase ("more than 44,000 cases" -> "... expunged").
COUNT_DONE = {
    "pardon": "{counted} pardoned", "expungement": "{counted} expunged",
    "sealing": "{counted} sealed", "vacatur": "{counted} vacated", "other": "{counted} relieved",
}
# When the unit is people, the action happens to their records, not to them.
COUNT_DONE_PEOPLE = {
    "pardon": "{counted} pardoned", "expungement": "{counted} who had records expunged",
    "sealing": "{counted} who had records sealed",
    "vacatur": "{counted} who had convictions or sentences vacated", "other": "{counted} helped",
}
# Dates and numbers in the reader's language (US Spanish groups digits as English does).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DATE_DAY = "{month} {day}, {year}"
DATE_MONTH = "{month} {year}"
THOUSANDS_SEPARATOR = ","
LIST_AND = "{items} and {last}"
LIST_SEPARATOR = ", "
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
    "conditions": "Other conditions", "form": "Where to apply",
}
# A place's own as-of date: the newest of its own sources (multi-state charts left out).
PLACE_AS_OF = "Facts for {place} checked as of {date}."
PLACE_AS_OF_NONE = ("Facts for {place} rest only on multi-state overviews; we found no source "
                    "about {place} alone. Check current law with a local legal-aid office.")
HANDOUT_PLACE_AS_OF = "Facts checked as of {date}"
HANDOUT_PLACE_AS_OF_NONE = "Facts from multi-state overviews only"
H_OFFICIAL_HELP = "Official help"
# A page read in another language (the data's Spanish is ours until a lawyer reviews it).
TRANSLATION_UNREVIEWED = ("This translation has not been reviewed by a lawyer; the English "
                          "text is the reference.")
TRANSLATION_PARTLY_ENGLISH = ("Parts of this page are shown in English because their "
                              "translation is not ready yet.")
LINK_SELF_HELP = "The courts' self-help page for clearing a record: {url}"
LINK_LEGAL_AID = "Find free legal help: {url}"
SOURCE_LINE = "{title}. {publisher}, {date}."
PUBLISHER_UNKNOWN = "publisher unknown"
SOURCE_NO_DATE = "no date shown"
SOURCE_NO_DATE_ABOUT = "no date shown (about {date})"
SPECIFIC_RELIEF_LINE = "Marijuana-specific record relief:"
PARDON_PROGRAM_LINE = "Marijuana pardon program:"
ERROR_TITLE = "Something needs attention"
DB_ERROR_TITLE = "The reference data cannot be opened"
FILE_ERROR_TITLE = "The file was not saved"
CHART_ERROR_TITLE = "The chart was not saved"
FILE_DISK_FULL = ("The disk is full, so {name} was not saved. Free some space or choose "
                  "another drive.")
FILE_READ_ONLY = "This folder cannot be written to: {folder}. Choose another folder."
FILE_NO_FOLDER = "The folder does not exist: {folder}."
FILE_IS_FOLDER = "{path} is a folder, not a file name."
FILE_OTHER = "{path} could not be written: {reason}."
SCREEN_CLI_BAD_CONVICTION = ("--conviction {text!r}: write KEY=VALUE pairs separated by "
                             "commas, with "
                             "state= given; keys: {keys}")
SCREEN_NEED_STATE = ("relief-atlas screen: --state is required (e.g. --state AZ, or US for a "
                     "federal case)")
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
DB_MISSING_HINT = (f"Reinstall {APP_NAME}, or in a checkout run `python db/build.py`.")
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
MENU_LANGUAGE = "&Language"
MENU_HELP = "&Help"
ACTION_SHORTCUTS = "Keyboard shortcuts"
ACTION_ABOUT = "About Relief Atlas"
ACTION_NEXT_PANE = "Next pane (search, list, page)"
HELP_SHORTCUTS_TITLE = "Keyboard shortcuts"
# (keys, what they do): the keys stay as written, the words are translated.
HELP_EXTRA_KEYS = (("F6", "Move between the search box, the list and the page"),
                   ("Enter", "Open the top search result"),
                   ("Esc", "Clear the search"),
                   ("Tab", "Next link or field"))
ABOUT_VERSION = "{app} {version}"
ABOUT_DATA = ("Data in use: {origin}, as of {as_of}, {count} jurisdictions "
              "(content hash {hash}).")
ABOUT_LICENSE = "Free software under the MIT licence. The data cites its sources on every page."
ABOUT_OFFLINE = ("Relief Atlas never connects to the internet. Printing talks only to this "
                 "computer's print service.")
# Accessible names and descriptions (read by screen readers)
A11Y_SEARCH = "Search"
A11Y_SEARCH_DESC = "Type a place, a law or a word; results appear below as you type."
A11Y_RESULTS = "Search results"
A11Y_LIST = "Jurisdictions"
A11Y_LIST_DESC = "States, DC, territories and federal; choose one to read its page."
A11Y_PAGE = "Jurisdiction page"
A11Y_PAGE_DESC = "What relief exists, how to apply, reported numbers and sources."
A11Y_TABS = "Page, charts and screener"
A11Y_DATA_STATUS = "Data in use"
A11Y_SCREENER_QUESTIONS = "Screener questions"
A11Y_SCREENER_RESULT = "Screening result"
A11Y_SCREENER_RESULT_DESC = ("What may apply to this person, why, and what to do next; "
                             "updated as each answer changes.")
A11Y_FIND = "Find in page"
A11Y_CHART_TABS = "Charts"
A11Y_COMPARE_STATUS = "Comparison status"
A11Y_CASE_TABS = "Convictions of this person"
ACTION_BACK = "Back"
ACTION_FORWARD = "Forward"
ACTION_HOME = "Overview"
ACTION_FIND = "Find in page…"
ACTION_SEARCH = "Search"
ACTION_ZOOM_IN = "Larger text"
ACTION_ZOOM_OUT = "Smaller text"
ACTION_ZOOM_RESET = "Normal text size"
ACTION_QUIT = "Quit"
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
ACTION_EDIT_NOTE = "Edit clinic note “{start}”…"
ACTION_DELETE_NOTE = "Delete clinic note “{start}”…"
NOTES_FILE_FILTER = "Relief Atlas notes (*.json)"
NOTES_EXPORTED = "Exported {count} clinic notes to {path}."
NOTES_IMPORTED_TITLE = "Notes imported"
NOTES_NOTICE_TITLE = "About your clinic notes"
TAB_JURISDICTION = "Jurisdiction"
TAB_CHARTS = "Charts"
TAB_SCREENER = "Screener"
ACTION_SHOW_JURISDICTION = "Jurisdiction page"
ACTION_SHOW_CHARTS = "Charts"
ACTION_SHOW_SCREENER = "Screener"
MENU_PAPER = "Paper size"
MENU_HANDOUT_LANGUAGE = "Handout language"
ACTION_NEW_PERSON = "New person (screener)"
ACTION_REOPEN_LAST = "Reopen the last page at start"
SCREENING_PDF_NAME = "screening-{code}-{date}.pdf"


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

# --- User data: bookmarks and clinic notes (desktop/data/user_store.py) ---
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
USERDATA_DAMAGED_UNCHANGED = ("Your notes file is damaged, so clinic notes were left out; the "
                              "file was not changed: {path}")
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
CHART_BAR_INFO = "{name}: {sentence}, as of {as_of}."
CHART_BAR_SOURCE = "Source: {source} [{id}]."
CHART_SERIES_LABEL = "{action} · {unit}"
CHART_ACTION = {"pardon": "Pardon", "expungement": "Expungement", "sealing": "Sealing",
                "vacatur": "Vacatur", "other": "Other"}
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
    "none": "No relief or pardons", "unknown": "Unknown",
}
CHART_CATEGORY_DETAIL = {
    "automatic": "some old records are cleared with nothing to file",
    "petition": "records can be cleared, but a person must file",
    "pardon": "no way to clear a record; pardons only",
    "none": "no marijuana-specific record relief and no pardon program",
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
# The detail pane's counts chart opens on demand (desktop/views/charts_view.py).
COUNTS_CHART_SHOW = "Show counts chart"
COUNTS_CHART_HIDE = "Hide counts chart"
A11Y_COUNTS_CHART_TOGGLE = ("Opens or closes a small chart of this place's reported counts by "
                            "date. The same numbers are in the page's text.")
CHART_A11Y_COUNTS = "{name}: reported counts from {first} to {last}. The newest: {newest}."
CHART_FOOTER = "{app} · data as of {date} · every figure with its source in the app"
CHART_TABS = {"relief": "Relief by jurisdiction", "map": "Map", "timeline": "Timeline"}
CHART_LOG_SCALE = "Log scale"
# Every chart as text (desktop/charts/chart_table.py): a description and a table.
CHART_SHOW_TABLE = "Show as &table"
CHART_A11Y_NAMES = {"map": "Map of what each place offers", "relief": "Relief by jurisdiction",
                    "timeline": "Timeline of laws and relief"}
CHART_A11Y_MAP = "Map of what each place offers: {parts}."
CHART_A11Y_MAP_PART = "{category}: {n}"
CHART_A11Y_RELIEF = ("Relief by jurisdiction: {pardons} leads pardons; {cleared} leads records "
                     "cleared.")
CHART_A11Y_TIMELINE = ("Timeline {first}–{last}: by {last}, {adult} places had legalized adult "
                       "use and {relief} had a law to clear marijuana records.")
CHART_A11Y_TIMELINE_EMPTY = "Timeline: no dated laws in the data."
CHART_TABLE_HEADERS = {"map": ("Place", "What it offers", "In detail"),
                       "relief": ("Place", "Reported", "As of", "Source"),
                       "timeline": ("Year", "Place", "What happened")}
CHART_TABLE_LEGALIZED = "Adult use legalized"
CHART_TABLE_RELIEF_LAW = "Law to clear marijuana records"
CHART_TABLE_SOURCE = "{publisher}, {date}"
A11Y_CHART_AREA = "Chart"
CHART_SAVE_TITLE = "Save the chart"
CHART_SAVE_PNG = "PNG image, for slides (*.png)"
CHART_SAVE_SVG = "SVG drawing, sharp at any size (*.svg)"
CHART_SAVE_PDF = "PDF document, for printing (*.pdf)"
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

# --- Handouts (issue 7): desktop/printing/handout.py, views/handout_export.py,
#     commands/export_handout ---
HANDOUT_KICKER = "Clearing old marijuana records: a one-page guide"
HANDOUT_AS_OF = "Data as of {date}"
HANDOUT_GLANCE_RELIEF = "Clear or seal a record"
HANDOUT_GLANCE_PARDON = "Pardon program"
HANDOUT_GLANCE_STATUS = "Marijuana today"
HANDOUT_RELIEF_NONE = "None in our sources"
HANDOUT_MECHANISM_JOIN = " and "
HANDOUT_MECHANISM = {"automatic": "automatic", "petition": "by petition",
                     "application": "by application"}
HANDOUT_TAG = {"automatic": "AUTOMATIC: NOTHING TO FILE", "petition": "BY PETITION",
               "application": "BY APPLICATION"}
HANDOUT_PARDON_TAG = "PARDON · {mechanism}"
HANDOUT_H_RELIEF = "Ways to clear or seal a record"
HANDOUT_H_PARDONS = "Pardons"
HANDOUT_H_GOOD_TO_KNOW = "Good to know"
HANDOUT_H_COUNTS = "How many have been helped"
HANDOUT_H_LOCAL_NOTES = "Notes from the clinic"
HANDOUT_H_HANDWRITTEN = "Your notes"
HANDOUT_WHO = "Who qualifies:"
HANDOUT_NEXT = "What to do next:"
HANDOUT_CHECK = "To check it happened:"
HANDOUT_WHERE = {"automatic": "Done by", "petition": "Where to file",
                 "application": "Where to apply"}
HANDOUT_FEE = "Fee"
HANDOUT_WAIT = "Waiting period"
HANDOUT_COUNT_AS_OF = "as of {date}"
HANDOUT_OFFICIAL = "official"
HANDOUT_MORE_LOCAL_NOTES = ("The clinic keeps {n} more note.", "The clinic keeps {n} more notes.")
HANDOUT_SOURCES = "Sources"
HANDOUT_SOURCE = "{publisher}, {title} ({date})"
HANDOUT_SOURCE_SHORT = "{publisher} ({date})"
HANDOUT_SOURCE_ABOUT = "undated, about {date}"
HANDOUT_SOURCE_UNDATED = "undated"
HANDOUT_CAVEAT = "Check:"
HANDOUT_SOURCES_DIFFER = "sources differ"
HANDOUT_SHORTENED = "Some details are shortened to fit one page; the clinic can show the full page."
HANDOUT_H_LINKS = "Where to act"
HANDOUT_LINK_FORM = "{path}"
HANDOUT_LINK_SELF_HELP = "The courts' self-help page"
HANDOUT_LINK_LEGAL_AID = "Free legal help near you"
HANDOUT_FOOTER = "{app} {version} · {as_of}"
HANDOUT_PAGE_SIZES = {"letter": "US Letter", "a4": "A4"}
HANDOUT_FILE_NAME = "{code}-{date}.pdf"
HANDOUT_COMBINED_NAME = "handouts-{date}.pdf"
HANDOUT_UNKNOWN_CODE = "No jurisdiction with code {code}. Codes look like AZ, DC or US."
HANDOUT_UNKNOWN_PAGE = "Unknown page size “{size}”: choose letter or a4."
HANDOUT_SAVED = "Saved {path}"
HANDOUT_EXPORTED = "Saved {count} handouts in {path}"
HANDOUT_CANCELLED = "Export cancelled; no files were written."
HANDOUT_NOT_WRITTEN = "The handout was not saved: {reason}"
HANDOUT_BAD_TARGET = "{path} is a file, not a folder: choose a folder for one PDF per place."
HANDOUT_NEED_CODE = "Name a jurisdiction (such as AZ) or use --all."
HANDOUT_NOTES_OFF = "Clinic notes left out: {reason}"
ACTION_PRINT = "Print…"
ACTION_SAVE_PDF = "Save as PDF…"
ACTION_EXPORT_HANDOUTS = "Export handouts…"
HANDOUT_PDF_FILTER = "PDF files (*.pdf)"
HANDOUT_SAVE_TITLE = "Save the handout as a PDF"
EXPORT_TITLE = "Export handouts"
EXPORT_WHICH = "Which places"
EXPORT_ALL = "All {count} places"
EXPORT_SELECTED = "Only the places ticked below"
EXPORT_HOW = "Files"
EXPORT_FOLDER = "One PDF per place, in a folder"
EXPORT_COMBINED = "One PDF with a page per place"
EXPORT_PAGE = "Paper size:"
EXPORT_INCLUDE_NOTES = "Include the clinic's notes"
EXPORT_NONE_TICKED = "Tick at least one place, or choose all places."
EXPORT_CHOOSE_FOLDER = "Choose a folder for the handouts"
EXPORT_CHOOSE_FILE = "Save all handouts in one PDF"
EXPORT_PROGRESS = "Writing handouts…"
EXPORT_PROGRESS_CANCEL = "Cancel"
EXPORT_OVERWRITE = "Replace the {count} handouts already in {folder}?"
# --- end of Handouts ---

# --- Screener (issue 6): desktop/domain/screener.py, desktop/commands/screen.py,
#     desktop/views/screener_view.py, desktop/pages/screening.py ---
# Answers typed in
SCREEN_DONT_KNOW = "don't know"
SCREEN_AMOUNT_BAD = ("“{text}” is not an amount. Write a number and a unit, such as 28 g, "
                     "1 oz or 0.5 lb.")
SCREEN_AMOUNT_NO_UNIT = "“{text}” needs a unit: g, oz or lb (for example {text} oz)."
SCREEN_AMOUNT_BAD_UNIT = "“{unit}” is not a unit the screener knows. Use g, oz or lb."
SCREEN_YEAR_BAD = ("“{text}” is not a year or a date. Write a year such as 2016, or a date "
                   "such as 3/14/2016.")
SCREEN_YEAR_FUTURE = "“{text}” is in the future."
# How a rule reads (clauses start in lower case: they follow "because", "check" ...)
SCREEN_OFFENSE = {
    "possession": "possession", "sale_distribution": "possession with intent, sale or distribution",
    "cultivation": "cultivation (growing)", "paraphernalia": "paraphernalia",
    "other": "other offenses",
}
SCREEN_LEVEL_PLURAL = {"misdemeanor": "misdemeanors", "felony": "felonies"}
SCREEN_RECORD_ONLY = {"conviction": "convictions only",
                      "arrest": "arrests and charges that did not end in a conviction only"}
SCREEN_RECORD_FITS = {"conviction": "it covers convictions",
                      "arrest": "it covers arrests and charges that did not end in a conviction"}
SCREEN_RECORD_IS = {"conviction": "this record is a conviction",
                    "arrest": "this record is an arrest or charge without a conviction"}
SCREEN_EVENTS = {"offense": "offenses", "conviction": "convictions", "arrest": "arrests",
                 "unstated": "cases"}
SCREEN_EVENT_DATE = {"offense": "the date of the offense",
                     "conviction": "the date of the conviction",
                     "arrest": "the date of the arrest",
                     "unstated": "the dates of the offense and of the conviction"}
SCREEN_WINDOW_BOTH = "{events} from {start} to {end}"
SCREEN_WINDOW_TO = "{events} on or before {end}"
SCREEN_WINDOW_FROM = "{events} on or after {start}"
SCREEN_WINDOW_UNSTATED = (" (our sources do not say whether that is the date of the offense "
                          "or of the conviction)")
SCREEN_ON_DATE = "on {date}"
SCREEN_IN_YEAR = "in {year}"
SCREEN_WHEN_EVENT = "the {event} was {at}"
SCREEN_EVENT_WORD = {"offense": "offense", "arrest": "arrest", "conviction": "conviction"}
# Joins the reasons a path does not apply: "it covers ...; and it is only for ..."
SCREEN_REASONS_AND = "; and "
SCREEN_WHEN_CASE = "the offense or conviction was {at}"
SCREEN_SENTENCE_ONLY = {
    "finished": "people who have finished their sentence, including probation or parole",
    "serving": "people still serving their sentence (in prison, on probation or on parole)",
}
SCREEN_SENTENCE_IS = {"finished": "this sentence is finished",
                      "serving": "this sentence is not finished"}
SCREEN_YEARS = "{n} years"
# What fits
SCREEN_FITS_OFFENSE = "it covers {offense}"
SCREEN_FITS_LEVEL = "it covers {plural}, and this was a {level}"
SCREEN_FITS_AMOUNT = "{amount} is within the limit, {limit}"
SCREEN_FITS_DATE = "it covers {window}, and {when}"
SCREEN_FITS_PARDON_DATE = "the case ({when}) is older than this pardon ({year})"
SCREEN_FITS_SENTENCE = "it is for {only}"
SCREEN_FITS_AGE = "it covers people who were {age} or older, and this person was {was}"
SCREEN_FITS_ONLY_CONVICTION = "it is for people with no other criminal conviction, like this person"
SCREEN_FITS_ONLY_CHARGE = "it covers cases with only marijuana charges, like this one"
SCREEN_FITS_MIXED = "it is for cases that also had other charges, like this one"
# What to check (whole sentences)
SCREEN_CHECK_OFFENSE_UNLISTED = ("Check that it covers this offense: our sources describe what "
                                 "it covers as {offenses}.")
SCREEN_CHECK_OFFENSE = "Check the offense: it covers {kinds}."
SCREEN_CHECK_OFFENSE_OTHER = "Check that this offense is one it covers: {offenses}."
SCREEN_CHECK_LEVEL = "Check whether it was a misdemeanor or a felony: it covers {plural} only."
SCREEN_CHECK_RECORD = ("Check whether the record is a conviction or only an arrest or charge: "
                       "it covers {only}.")
SCREEN_CHECK_AMOUNT = "Check the amount: the limit is {limit}."
SCREEN_CHECK_DATE = "Check {what}: it covers {window}."
SCREEN_CHECK_WHICH_DATE = ("Check {what}: it covers {window}. The {given} may be that of the "
                           "offense or of the conviction, so it is not enough to tell.")
SCREEN_CHECK_OTHER_DATE = ("Check {what}: it covers {window}. The {given} is that of the "
                           "{event}, so it is not enough to tell.")
SCREEN_CHECK_EDGE_DATE = "Check {what} exactly: it covers {window}, and {when}, the year it {edge}."
SCREEN_GIVEN = {"year": "year given ({at})", "date": "date given ({at})"}
SCREEN_EDGE = {"start": "starts", "end": "ends"}
SCREEN_CHECK_PARDON_DATE = ("Check that the conviction came before this pardon was granted "
                            "(the law or order behind it is from {year}).")
SCREEN_CHECK_PARDON_DATE_UNKNOWN = ("Check that the conviction came before this pardon was "
                                    "granted; our sources do not give its date.")
SCREEN_CHECK_SENTENCE = "Check whether the sentence is finished: it is only for {only}."
SCREEN_CHECK_AGE = ("Check the person's age at the time of the offense: it covers people who "
                    "were {age} or older.")
SCREEN_CHECK_ONLY_CONVICTION = ("Check whether this is the person's only criminal conviction: "
                                "it is only for people with no other.")
SCREEN_CHECK_ONLY_CHARGE = ("Check whether the case had other charges: it covers only cases in "
                            "which every charge was about marijuana.")
SCREEN_CHECK_MIXED = ("Check the charges in the case: this is for cases that had more than one "
                      "charge. If the marijuana charge was the only one, look at the other "
                      "paths here.")
SCREEN_CHECK_WAIT = "Check that the waiting period has passed: {wait}."
SCREEN_CHECK_WAIT_NOT_YET = ("Check that the waiting period has passed: {wait}. Counted from "
                             "the year given, it ends in {year} at the earliest.")
# Why not
SCREEN_NO_OFFENSE = "it covers {kinds}, not {offense}"
SCREEN_NO_LEVEL = "it covers {plural} only, and this was a {level}"
SCREEN_NO_RECORD = "it covers {only}, and {record}"
SCREEN_NO_AMOUNT = "the limit is {limit}, and {amount} is more than that"
SCREEN_NO_AMOUNT_UNDER = "the limit is {limit}, and {amount} is not under it"
SCREEN_NO_DATE = "it covers {window}, and {when}"
SCREEN_NO_SENTENCE = "it is only for {only}, and {state}"
SCREEN_NO_AGE = "it covers people who were {age} or older at the time, and this person was {was}"
SCREEN_NO_ONLY_CONVICTION = ("it is only for people with no other criminal conviction, and this "
                             "person has another")
SCREEN_NO_ONLY_CHARGE = ("it covers only cases in which every charge was about marijuana, and "
                         "this case had other charges")
SCREEN_REASON_LIKELY = "It fits what we know: {fits}."
SCREEN_REASON_FITS = "What fits: {fits}."
SCREEN_REASON_NO = "It does not apply because {fails}."
SCREEN_ALSO = "Also make sure: {text}"
# Next steps
SCREEN_STEP_NEXT = "Next step"
SCREEN_STEP_HAPPENS = "What happens"
SCREEN_STEP_WHO = "Who handles it"
SCREEN_STEP_IF_NOT = "If it has not happened"
SCREEN_STEP_WHERE = "Where to file"
SCREEN_STEP_HOW = "How"
SCREEN_STEP_FEE = "Fee"
SCREEN_STEP_WAIT = "Waiting period"
SCREEN_NEXT_NO = ("Nothing to do on this path. Look at the others, or ask a legal-aid office "
                  "about general record-relief laws.")
SCREEN_CONFIRM_UNKNOWN = "Our sources do not say how to confirm it."
SCREEN_IF_NOT = "Ask a legal-aid office to help follow up."
SCREEN_NO_FEE = "No fee"
FEE_DOLLARS = "${amount}"
SCREEN_NO_WAIT = "None"
# Notes beside the results
SCREEN_NO_PATHS = ("Our sources found no marijuana-specific way to clear, seal or pardon a "
                   "record in {place}. General record-relief laws may still help; they are "
                   "not covered here, so ask a legal-aid office.")
SCREEN_FEDERAL_NOTE = ("The presidential marijuana pardons of 2022 and 2023 cover federal "
                       "convictions and D.C. Code possession only, not convictions under "
                       "{place} law. If the case was in a federal court, choose “Federal”.")
SHEET_FEDERAL_NOTE = ("The presidential marijuana pardons of 2022 and 2023 cover federal "
                      "convictions and D.C. Code possession only, not convictions under "
                      "{place} law. If the case was in a federal court, ask a legal-aid "
                      "office about the federal pardon.")
SHEET_VERSION = "{app} {version}"
SHEET_NOTHING_APPLIES = ("None of the ways to clear a record in our sources fits these answers. "
                         "A legal-aid office can check the actual record and other options.")
SHEET_SOURCE = "Source: {publisher}, {date}."
SCREEN_LEGAL_AID = ("A legal-aid office can look at the actual record, confirm what applies "
                    "and help with any filing.")
# The result
SCREEN_VERDICT = {"likely": "Likely applies", "may": "May apply — check first",
                  "no": "Does not apply"}
SCREEN_VERDICT_MARK = {"likely": "✔", "may": "?", "no": "✘"}
SCREEN_COUNT = {"likely": ("{n} path likely applies", "{n} paths likely apply"),
                "may": ("{n} path may apply", "{n} paths may apply"),
                "no": ("{n} path does not apply", "{n} paths do not apply")}
SCREEN_RESULT_TITLE = "What may help: {place}"
SCREEN_RESULT_TITLE_MANY = "What may help: each conviction"
SCREEN_CASE_HEADING = "Conviction {n}: {place}"
SCREEN_CASES_COUNT = ("{n} conviction", "{n} convictions")
SCREEN_CASES_SUMMARY = "{cases} · {counts}"
SCREEN_CASE_TAB = "Conviction {n}"
SCREEN_ADD_CASE = "Add another conviction"
SCREEN_REMOVE_CASE = "Remove this conviction"
SCREEN_ADD_CASE_TIP = ("Screen another old case of the same person (it may be in another "
                       "state); the result and the sheet cover every conviction.")
SCREEN_ANSWERS = "Answers used"
SCREEN_H_WHY = {"likely": "Why", "may": "Check first", "no": "Why not"}
SCREEN_H_FITS = "What fits"
SCREEN_H_NEXT = "Next step"
SCREEN_H_LIMITS = "Limits in our sources"
SCREEN_H_ALSO = "Also make sure"
SCREEN_H_NOTES = "Good to know"
SCREEN_SOURCE = "Source: {title}. {publisher}, {date}. [{id}]"
SCREEN_PATH_KIND = "{kind} · {mechanism}"
SCREEN_EMPTY = ("Choose where the case was to see what may help. Every other answer may be "
                "“don't know”; each one given makes the result more precise.")
SCREEN_FIX = "Fix this answer to see the result: {message}"
SCREEN_ANSWER_LABELS = {
    "place": "Where", "offense": "Offense", "amount": "Amount", "level": "Level",
    "year": "When", "record": "Record", "completed": "Sentence finished",
    "age": "Age at the offense",
    "only_conviction": "Only conviction", "other_charges": "Other charges in the case",
}
SCREEN_YES_NO = {True: "yes", False: "no", None: "don't know"}
SCREEN_LEVEL_WORD = {"misdemeanor": "misdemeanor", "felony": "felony", None: "don't know"}
SCREEN_RECORD_WORD = {"conviction": "a conviction", "arrest": "an arrest or charge, no conviction",
                      None: "don't know"}
SCREEN_YEAR_OF_WORD = {"offense": "year of the offense", "arrest": "year of the arrest",
                       "conviction": "year of the conviction",
                       None: "offense or conviction, not sure which"}
# The form
SCREEN_INTRO = ("Ask the person these questions. “Don't know” is always fine. Nothing typed "
                "here is saved: “New person” clears it all.")
SCREEN_Q_PLACE = "&Where was the case?"
SCREEN_PLACE_PLACEHOLDER = "Choose a state, D.C., a territory or Federal…"
SCREEN_Q_OFFENSE = "&Offense"
SCREEN_OFFENSE_CHOICES = (
    ("", "Don't know"), ("possession", "Possession"),
    ("sale_distribution", "Possession with intent, sale or distribution"),
    ("cultivation", "Cultivation (growing)"), ("paraphernalia", "Paraphernalia"),
    ("other", "Something else"),
)
SCREEN_Q_AMOUNT = "&Amount"
SCREEN_AMOUNT_PLACEHOLDER = "empty = don't know"
SCREEN_AMOUNT_UNIT_NAME = "Unit of the amount"
SCREEN_UNITS = (("oz", "oz"), ("g", "g"), ("lb", "lb"))
SCREEN_UNIT_TIP = "Ounces (oz), grams (g) or pounds (lb)"
SCREEN_AMOUNT_IS = "= {grams}"
SCREEN_Q_LEVEL = "&Misdemeanor or felony"
SCREEN_LEVEL_CHOICES = (("", "Don't know"), ("misdemeanor", "Misdemeanor"), ("felony", "Felony"))
SCREEN_Q_YEAR = "&Year"
SCREEN_YEAR_PLACEHOLDER = "2016 or 3/14/2016; empty = don't know"
SCREEN_Q_YEAR_OF = "&Date of what?"
SCREEN_YEAR_OF_CHOICES = (("", "Not sure: offense or conviction"), ("offense", "Offense"),
                          ("arrest", "Arrest"), ("conviction", "Conviction"))
SCREEN_Q_RECORD = "What is on the &record"
SCREEN_RECORD_CHOICES = (("", "Don't know"), ("conviction", "Conviction"),
                         ("arrest", "Arrest or charge only (not convicted)"))
SCREEN_Q_COMPLETED = "&Sentence finished?"
SCREEN_COMPLETED_CHOICES = (("", "Don't know"), ("yes", "Yes, including probation or parole"),
                            ("no", "No, still serving (prison, probation or parole)"))
SCREEN_Q_AGE = "Age a&t the offense"
SCREEN_Q_ONLY_CONVICTION = "Only criminal &conviction?"
SCREEN_ONLY_CONVICTION_CHOICES = (("", "Don't know"), ("yes", "Yes, no other convictions"),
                                  ("no", "No, there are others"))
SCREEN_Q_OTHER_CHARGES = "Other charges &in that case?"
SCREEN_OTHER_CHARGES_CHOICES = (("", "Don't know"), ("no", "No, only marijuana charges"),
                                ("yes", "Yes, charges about something else too"))
SCREEN_NEW_PERSON = "&New person"
SCREEN_NEW_PERSON_TIP = "Clear every answer and the result"
# The command line
SCREEN_CLI_BAD_PLACE = ("unknown place “{code}”: use a two-letter code such as AZ, DC or PR, "
                        "or US for a federal case")
SCREEN_CLI_BAD_CHOICE = "--{option} must be one of {choices}, not “{value}”"
SCREEN_CLI_AGE_BAD = "--age must be a number of years, not “{value}”"
SCREEN_CLI_VERDICT = {"likely": "LIKELY APPLIES", "may": "MAY APPLY — CHECK FIRST",
                      "no": "DOES NOT APPLY"}
# --- end of Screener ---

# --- Hostile files (issue 12): desktop/data/validate.py, notes import, what the app writes ---
DB_UNREADABLE = "The reference data file cannot be read (permission): {path}"
DB_LINK_LOOP = ("The reference data path is a loop of symbolic links (a link that leads back "
                "to itself): {path}")
DB_READ_FAILED = "The reference data file could not be read ({reason}): {path}"
DB_WRONG_SIZE = ("The reference data file is damaged: it has {size} bytes where its header "
                 "says {expected} (was it copied only in part?): {path}")
DB_INVALID = ("The reference data file is damaged or is not a complete {app} database "
              "({problem}): {path}")
VALID_NO_TABLE = "the table “{table}” is missing"
VALID_NO_COLUMN = "the column “{column}” of the table “{table}” is missing"
VALID_WRONG_TYPE = "{table}.{column} holds “{value}” where {expected} belongs"
VALID_NULL = "{table}.{column} is empty where a value is required"
VALID_ENUM = "{table}.{column} has the unknown value “{value}”"
VALID_BAD_VALUE = "{table}.{column} has the malformed value “{value}”"
VALID_BAD_DATE = "{table}.{column} has “{value}”, which is not a date such as 2024-06-30"
VALID_MISSING_REF = "{table}.{column} refers to “{value}”, which is not in the table “{other}”"
VALID_NO_PLACES = "it lists no places"
VALID_META = "its meta value “{key}” is “{value}”, not {expected}"
VALID_META_DATE = "a date"
VALID_META_HASH = "a content hash"
VALID_META_COUNT = "the number of places it lists"
VALID_SEARCH = "its search index is damaged"
SEARCH_UNAVAILABLE = ("Search is not available: the search index of the reference data could "
                      "not be read ({reason}).")
# Notes import and the `notes` command
IMPORT_NOT_A_FILE = ("{name} is not an ordinary file (it is a device, a pipe or a folder), so "
                     "it was not read.")
IMPORT_NOTE_BAD_TEXT = ("note {n} (id {id}) contains a broken character code that cannot be "
                        "stored")
IMPORT_NOTE_TOO_LONG = "note {n} (id {id}) is longer than {limit} characters"
IMPORT_NOTE_UNKNOWN_PLACE = ("note {n} (id {id}) is for “{code}”, which is not a place in this "
                             "app's data")
IMPORT_BOOKMARK_UNKNOWN_PLACE = ("bookmark {n} is for “{code}”, which is not a place in this "
                                 "app's data")
IMPORT_CANCELLED = "The import was cancelled. Nothing was changed."
IMPORT_PROGRESS = "Importing clinic notes…"
IMPORT_PROGRESS_CANCEL = "Cancel"
USERDATA_NOTE_TOO_LONG = ("A note can be at most {limit} characters long; this one has {length}. "
                          "Shorten it, or split it into several notes.")
USERDATA_NOTE_BAD_TEXT = ("This note contains a broken character code that cannot be stored. "
                          "Retype the characters around it.")
USERDATA_INDEX_REBUILT = ("The search index of your clinic notes was damaged and has been "
                          "rebuilt from the notes; no note was lost.")
NOTES_CLI_IMPORTED = "{path}: {summary}"
# What the app writes
FILE_NOT_REGULAR = ("{path} is {what}, not an ordinary file, so it was not replaced. Choose "
                    "another name.")
FILE_KIND = {"link": "a symbolic link", "device": "a device", "pipe": "a pipe",
             "socket": "a socket", "other": "a special file"}
COMMAND_STOPPED = "Stopped by {signal}; no partly written file was left behind."
# --- end of Hostile files ---

# --- Data packages (issue 14): desktop/data/packages.py, keys.py, changes.py,
#     desktop/domain/changes.py, desktop/commands/data.py, desktop/views/data_update.py ---
PKG_ERROR_TITLE = "The data was not updated"
PKG_KEY_ERROR_TITLE = "The key cannot be used"
PKG_UNCHANGED = "The data in use was not changed."
# Refusals: one line each, naming the check that failed.
PKG_MISSING = "The data package was not found: {path}."
PKG_UNREADABLE = "The data package {path} cannot be read: {reason}."
PKG_NOT_A_FILE = "it is not an ordinary file"
PKG_TRUNCATED = ("{name} is cut short or damaged: it is not a complete data package. Copy it "
                 "again from the original.")
PKG_UNSAFE_MEMBER = ("{name} holds a file named “{member}”, which could be written outside its "
                     "folder or is a link; the package was refused.")
PKG_UNEXPECTED = "{name} is not a {app} data package: it holds “{member}”."
PKG_COMPRESSED = ("{name} holds compressed or oversized parts, which a {app} data package never "
                  "has; it was refused.")
PKG_TAMPERED = "{name} was changed after it was signed ({what} does not match); it was refused."
PKG_WHAT_LAYOUT = "the archive's structure"
PKG_WHAT_MANIFEST = "the signature"
PKG_WHAT_META = "the database's version information"
PKG_UNTRUSTED = ("{name} is signed by a key this computer does not trust (fingerprint "
                 "{fingerprint}). If your clinic made it, trust its key first with "
                 "“relief-atlas data trust KEY.pub”.")
PKG_UNKNOWN_KEY = "unknown"
PKG_BAD_MANIFEST = "{name} has a signed description this version of {app} cannot read."
PKG_TOO_NEW = ("{name} holds data for a newer version of {app} (data format {found}; this "
               "version reads up to {supported}). Update {app} first.")
PKG_NEEDS_APP = "{name} needs {app} {needed} or newer; this is {version}. Update {app} first."
PKG_INVALID_DB = "The data in {name} did not pass the checks: {reason}"
PKG_NO_QUERY = "a place's page could not be read"
PKG_NO_SPACE = ("There is not enough free space in {folder}: installing this data needs "
                "{needed} MB and {free} MB are free.")
PKG_WRITE_FAILED = "The data could not be installed: {reason}"
PKG_BUSY = ("Another data update is running on this computer. Wait for it to finish, then try "
            "again.")
PKG_SAME = "This data (as of {as_of}) is already in use."
PKG_OLDER = ("{name} holds older data (as of {new}) than the data in use (as of {current}). "
             "Install it only if you mean to go back.")
PKG_OLDER_CLI = "To install it anyway, run the command again with --allow-older."
PKG_CANCELLED = "The update was cancelled."
PKG_NO_PREVIOUS = "There is no previous data to go back to."
PKG_PREVIOUS_BAD = "The previous data cannot be used, so nothing was changed: {reason}"
PKG_POINTER_BAD = "The record of which data is in use is damaged: {path}."
PKG_FALLBACK_PREVIOUS = "The installed data could not be used ({reason}); using the previous data."
PKG_FALLBACK_BUNDLED = ("The installed data could not be used ({reason}); using the data that "
                        "came with {app}.")
# Keys
PKG_KEY_EXISTS = "{path} already exists; choose another name so no key is overwritten."
PKG_KEY_PASSPHRASE = ("{path} is protected by a passphrase (or is not): set {env} to its "
                      "passphrase and try again.")
PKG_KEY_NOT_SECRET = "{path} is not a {app} secret signing key."
PKG_KEY_NOT_PUBLIC = "{path} is not a {app} public key file."
PKG_KEY_UNREADABLE = "{path} cannot be read: {reason}."
# Command line
PKG_CLI_KEYGEN = ("Wrote the secret key {secret} (keep it offline; never share it) and the "
                  "public key {public}.\nFingerprint: {fingerprint}")
PKG_CLI_TRUST_ASK = "Trust data signed by “{name}”, fingerprint {fingerprint}? [y/N] "
PKG_CLI_TRUSTED = "This computer now trusts data signed by “{name}” ({fingerprint})."
PKG_CLI_NOT_TRUSTED = "Nothing was changed: the key was not trusted."
PKG_CLI_PACKED = ("Wrote {out}: data as of {as_of}, version {version}, {size} MB, signed by "
                  "“{signer}” ({fingerprint}).")
PKG_CLI_VERIFIED = ("{name} is a good data package: data as of {as_of}, version {version}, "
                    "signed by “{signer}” ({fingerprint}).")
PKG_CLI_INSTALLED = ("Installed {name}: data as of {as_of}, version {version}, signed by "
                     "“{signer}”. The previous data is kept: “relief-atlas data revert” goes "
                     "back to it.")
PKG_CLI_REVERTED = "Now using {what}."
PKG_CLI_STATUS = "In use: {what}"
PKG_CLI_STATUS_PREVIOUS = "Previous: {what}"
PKG_CLI_STATUS_NONE = "Previous: none"
PKG_DESCRIBE_BUNDLED = "the data that came with {app}, as of {as_of}"
PKG_DESCRIBE_PACKAGE = "data package {version}, as of {as_of}, signed by {signer}"
PKG_SIGNER_UNKNOWN = "an unrecorded key"
# The window
DATA_MENU_UPDATE = "&Update data…"
DATA_MENU_REVERT = "&Revert to previous data"
DATA_MENU_CHANGES = "&What changed in the data"
DATA_MENU_TRUST = "Trust a data &key…"
DATA_CHOOSE_TITLE = "Choose a data package"
DATA_CHOOSE_FILTER = "Relief Atlas data packages (*.rapkg)"
DATA_CHOOSE_KEY_FILTER = "Public keys (*.pub)"
DATA_PROGRESS_TITLE = "Updating the data"
DATA_PROGRESS = {"verify": "Checking the signature…", "copy": "Copying and checking the data…",
                 "check": "Checking every table and the search index…",
                 "switch": "Switching to the new data…", "done": "Done."}
DATA_PROGRESS_CANCEL = "Cancel"
DATA_INSTALLED_TITLE = "The data was updated"
DATA_INSTALLED = ("The data is now as of {as_of} (version {version}, signed by {signer}). The "
                  "previous data is kept: File → Revert to previous data goes back to it.")
DATA_OLDER_TITLE = "Go back to older data?"
DATA_OLDER_INSTALL = "Install older data"
DATA_REVERT_TITLE = "Revert to the previous data?"
DATA_REVERT_ASK = "The window will show {what}. You can switch back the same way."
DATA_REVERTED = "Now using {what}."
DATA_TRUST_TITLE = "Trust this data key?"
DATA_TRUST_ASK = ("Data packages signed by “{name}” will be installed on this computer. Trust "
                  "it only if the fingerprint below matches the one your clinic gave you.\n\n"
                  "Fingerprint: {fingerprint}")
DATA_EXPLICIT_FILE = "This window shows the file given with --db; data packages do not apply to it."
DATA_CHANGES_TITLE = "What changed in the data"
DATA_CHANGES_NOTHING = ("No data package has been installed: the window shows the data that "
                        "came with {app}.")
DATA_ORIGIN_PACKAGE = "data package {version}"
ABOUT_SIGNED = "Data package {version}, installed from {file}; signed by {signer}."
ABOUT_NOTICE = "Note: {notice}"
A11Y_DATA_PROGRESS = "Progress of the data update"
A11Y_CHANGES_PAGE = "What changed in the data, place by place"
# What changed (desktop/domain/changes.py)
CHANGES_TITLE = "What changed in the data"
CHANGES_BETWEEN = "From {old} to {new}."
CHANGES_FROM_DATA = "data as of {as_of} ({hash})"
CHANGES_NONE = "No facts changed."
CHANGES_SUMMARY = ("Facts added: {added}; changed: {changed}; removed: {removed}. Places with "
                   "changes: {places}.")
CHANGES_NATIONAL = "National figures"
CHANGES_ACTION = {"added": "Added", "changed": "Changed", "removed": "Removed"}
CHANGES_SOURCES = "Sources"
CHANGES_LINE = "{place}: {change}"
CHANGES_PLACE_ADDED = "new in the data."
CHANGES_PLACE_REMOVED = "no longer in the data."
CHANGES_PLACE_FIELD = "{detail}."
CHANGES_PATH_ADDED = "new relief path {name} ({kind}, {mechanism})."
CHANGES_FACT_ADDED = "new {fact}."
CHANGES_FACT_REMOVED = "{fact} removed."
CHANGES_FACT_FIELD = "{fact} — {detail}."
CHANGES_FROM_TO = "{field} changed from {old} to {new}"
CHANGES_SET = "{field} set to {new}"
CHANGES_CLEARED = "{field} removed (was {old})"
CHANGES_REWRITTEN = "{field} rewritten"
CHANGES_QUOTED = "“{text}”"
CHANGES_PATH_LABEL = "relief path “{text}”"
CHANGES_SOURCE_LABEL = "source “{text}”"
CHANGES_COUNT_LABEL = "count “{count}” ({action}, as of {date})"
CHANGES_NOTE_LABEL = "note “{text}”"
CHANGES_CAVEAT_LABEL = "caution “{text}”"
CHANGES_NOT_STATED = "not stated"
CHANGES_GRAMS = "{grams} g"
CHANGES_FREE = "free"
CHANGES_OFFENSE = {"possession": "possession", "sale_distribution": "sale or distribution",
                   "cultivation": "cultivation", "paraphernalia": "paraphernalia",
                   "other": "other offenses"}
CHANGES_FIELDS = {
    "name": "name", "kind": "kind", "adult_use": "legal status",
    "adult_use_year": "year of legalization", "adult_use_how": "how it was legalized",
    "decriminalized_year": "year of decriminalization", "adult_use_detail": "legal status detail",
    "specific_relief": "marijuana-specific relief", "pardon_program": "pardon program",
    "summary": "summary", "self_help_url": "court self-help page",
    "legal_aid_url": "legal-aid finder", "mechanism": "how it works",
    "offenses": "what it covers", "limits": "limits", "waiting_period": "waiting period",
    "fee": "fee", "handled_by": "who handles it", "enacted_year": "year enacted",
    "citation": "law", "how_to_apply": "what to do", "offense_level": "offense level",
    "records_covered": "records covered", "max_amount_grams": "amount limit",
    "amount_text": "amount limit wording", "date_applies_to": "date the window applies to",
    "date_from": "start of the eligibility window", "date_to": "end of the eligibility window",
    "waiting_period_years": "waiting period in years", "fee_dollars": "fee in dollars",
    "min_age": "minimum age", "only_conviction": "only conviction required",
    "sentence_completed": "sentence completed required", "conditions": "other conditions",
    "max_amount_exclusive": "limit must be under the amount", "only_charge": "only charge required",
    "form_url": "where to apply", "offense_kinds": "offenses covered", "sources": "sources",
    "count": "count", "count_high": "upper count", "qualifier": "qualifier", "unit": "unit",
    "as_of": "as-of date", "official": "official figure", "note": "note",
    "conflict_group": "group of disagreeing counts", "text": "text", "action": "what was done",
    "label": "label", "title": "title", "publisher": "publisher", "url": "address",
    "date_text": "date shown", "published": "date published", "inferred": "date read from it",
    "scope": "scope", "source_id": "main source", "caveat.kind": "kind of caution",
    "form_source_id": "source of the application address",
}
# --- end of Data packages ---

# --- Clinic profile and event tally (issue 17): desktop/data/user_store.py, domain/clinic.py,
#     desktop/views/clinic_dialog.py, desktop/views/clinic_actions.py, desktop/commands/clinic.py,
#     desktop/commands/tally.py; the clinic's line on both sheets ---
CLINIC_FIELD_NAMES = {"name": "name", "phone": "phone number", "address": "address",
                      "hours": "opening hours", "web": "web site"}
CLINIC_SAVE_TITLE = "The clinic's details were not saved"
CLINIC_PROBLEMS = {
    "not_text": "The clinic's {field} holds characters that cannot be printed; type it again.",
    "too_long": "The clinic's {field} is too long to print on a sheet: at most {limit} characters.",
    "required": "The clinic's {field} is needed: it is printed on every sheet.",
}
IMPORT_CLINIC_NOT_OBJECT = "its clinic details are not a set of named fields"
IMPORT_CLINIC_PROBLEMS = {
    "not_text": "the clinic's {field} in it is not printable text",
    "too_long": "the clinic's {field} in it is longer than {limit} characters",
    "required": "its clinic details have no {field}",
}
CLINIC_IMPORT_ADDED = "The clinic's details ({name}) were taken from the file."
CLINIC_IMPORT_KEPT = ("This computer keeps its own clinic details; the ones in the file ({name}) "
                      "were not used.")
# On both sheets, in the disclaimer box: the clinic's contact.
SHEET_CLINIC = "Your clinic: {name} — {details}"
SHEET_CLINIC_PHONE = "phone {phone}"
SHEET_CLINIC_HOURS = "hours: {hours}"
# The window
ACTION_CLINIC = "Clinic &details…"
ACTION_TALLY = "Event &tally…"
CLINIC_DIALOG_TITLE = "Clinic details"
CLINIC_DIALOG_INTRO = ("Printed on every handout and screening sheet, so people know whom to "
                       "call. Kept on this computer with the clinic's notes and carried by "
                       "Export clinic notes. Leave every field empty to print no clinic.")
CLINIC_LABELS = {"name": "&Name:", "phone": "&Phone:", "address": "&Address:",
                 "hours": "&Hours:", "web": "&Web site:"}
A11Y_CLINIC_FIELDS = {"name": "Clinic name", "phone": "Clinic phone number",
                      "address": "Clinic address", "hours": "Clinic opening hours",
                      "web": "Clinic web site"}
CLINIC_PLACEHOLDERS = {"hours": "e.g. Tue–Thu 9 am–5 pm", "web": "e.g. legalaid.example.org"}
CLINIC_SAVED = "The clinic's details were saved; every sheet from now on carries them."
CLINIC_CLEARED = "The clinic's details were removed; sheets no longer name a clinic."
TALLY_DIALOG_TITLE = "Event tally"
TALLY_INTRO = ("For the clinic's reports: per day and place, how many pages were opened, "
               "screenings run and sheets printed or saved on this computer. No answers, no "
               "names and no times are kept. It counts nothing unless it is turned on.")
TALLY_ENABLE = "&Count pages, screenings and sheets on this computer"
TALLY_COLUMNS = {"day": "Day", "place": "Place", "pages": "Pages opened",
                 "screenings": "Screenings run", "sheets": "Sheets printed or saved"}
TALLY_TOTALS = ("Totals — pages opened: {pages}; screenings run: {screenings}; sheets printed "
                "or saved: {sheets}.")
TALLY_EMPTY = "Nothing has been counted yet."
TALLY_RESET = "&Reset…"
TALLY_EXPORT = "&Export CSV…"
TALLY_CONFIRM_RESET = "Forget every count in the event tally? This cannot be undone."
TALLY_CSV_FILTER = "CSV files (*.csv)"
TALLY_CSV_NAME = "event-tally-{date}.csv"
TALLY_EXPORTED = "Wrote {count} rows of the event tally to {path}."
TALLY_WAS_RESET = "The event tally was reset."
A11Y_TALLY_TABLE = "Event tally: one row per day and place"
# Command line
CLINIC_CLI_SAVED = "Saved the clinic's details. Sheets will read: {line}"
CLINIC_CLI_CLEARED = "Removed the clinic's details; sheets no longer name a clinic."
CLINIC_CLI_NONE = ("This computer has no clinic details yet: set them with "
                   "“relief-atlas clinic set --name NAME --phone PHONE”.")
CLINIC_CLI_FIELDS = {"name": "Name: {value}", "phone": "Phone: {value}",
                     "address": "Address: {value}", "hours": "Hours: {value}",
                     "web": "Web site: {value}"}
TALLY_CLI_ON = ("The event tally is on: pages opened, screenings run and sheets printed or "
                "saved in the window are counted per day and place.")
TALLY_CLI_OFF = ("The event tally is off: nothing is counted. What was counted before is kept "
                 "until it is reset.")
TALLY_CLI_ROW = ("{day} {place} — pages opened: {pages}; screenings run: {screenings}; sheets "
                 "printed or saved: {sheets}")
TALLY_CLI_RESET = "Reset the event tally: {count} rows were forgotten."
TALLY_CLI_RESET_ASK = "Reset the event tally? Every count is forgotten. [y/N] "
TALLY_CLI_NOT_RESET = "Nothing was changed: the tally was not reset."
# --- end of Clinic profile and event tally ---
