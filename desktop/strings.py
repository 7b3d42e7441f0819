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


def fmt(template: str, **values: object) -> str:
    """Fill a template; the app name is always available as {app}."""
    return template.format(app=APP_NAME, **values)
