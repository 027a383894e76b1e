"""The app as a whole: its name and menu, starting it, the store, settings and backups, refusals.

What every face says about the product itself rather than one of its subjects:
the web app's frame (menu, footer, the demo banner, the dashboard), ``serve``,
opening and migrating the store, and the one line said when something is
refused or goes wrong.
"""

from __future__ import annotations

# -- the command line and the services ----------------------------------------

DB_URL_INVALID = "{url!r} is not a database address reciprocity understands ({reason})."
DB_CANNOT_OPEN = "Could not open the database at {where}: {reason}."
DB_FOLDER_MISSING = "the folder {folder} does not exist"
DB_NOT_DATABASE = "the file is not a reciprocity database"
DB_DRIVER_MISSING = "the driver for {dialect} is not installed"
DB_NEWER = (
    "The database at {where} was written by a newer version of reciprocity "
    "(schema {found}); please upgrade reciprocity to open it."
)
DB_BACKED_UP = "Copied the database to {path} before updating its layout."
VALUE_HAS_NUL = "The {what} holds a NUL character (\\0), which cannot be kept; please leave it out."
VALUE_TOO_LONG = "The {what} is {length} characters long; it can be at most {limit}."
INTERNAL_ERROR = (
    "Something went wrong inside reciprocity ({kind}: {detail}). Nothing was changed. "
    "Set RECIPROCITY_DEBUG=1 to see the details."
)
INTERRUPTED = "Stopped. Nothing was changed."
INTERRUPTED_KEPT = "Stopped. What was saved before that is kept; nothing is half-written."
USAGE_HINT = " (see 'reciprocity {command} --help')"
ARGUMENT_NOT_TEXT = (
    "'{value}' holds bytes that are not UTF-8 text, so nothing was changed. Please type it "
    "again, or check your terminal's encoding."
)

# -- the web pages ------------------------------------------------------------

APP_NAME = "reciprocity"
TAGLINE = "Patterns over months, never a tally"
SKIP_LINK = "Skip to the main content"
NAV_LABEL = "Main"
NAV_HOME = "Everyone"
NAV_ADD = "Add someone"
NAV_LOG = "Note a moment"
NAV_AUDIT = "The audit"
NAV_AUDITS = "Past audits"
NAV_SEASONS = "Seasons"
NAV_DATA = "Your data"
FOOTER = (
    "A reflection aid, not therapy. Everything stays on this computer. If you feel afraid, "
    "controlled or harmed by someone, this is not about giving more or less: please talk to "
    "a professional, or call your local emergency number if you are in danger."
)
DEMO_BANNER = (
    "You are looking at demo data in a throwaway database. Nothing you change here is kept "
    "after the app stops."
)
SERVE_RUNNING = "reciprocity is open at {url} (press Ctrl+C to stop)."
SERVE_DEMO = "This is a throwaway copy of the demo data; it is removed when you stop."
SERVE_STOPPED = "Stopped. Everything saved while it was open is kept."
SERVE_DEMO_STOPPED = "Stopped. The throwaway copy of the demo data is removed."
SERVE_NOT_LOOPBACK = (
    "The app listens only on this computer (127.0.0.1, localhost or ::1): on {host}, "
    "anyone on your network could read everything in it, so it will not start there."
)
SERVE_PORT_BUSY = (
    "Port {port} on {host} cannot be used ({reason}); perhaps reciprocity is already open. "
    "Choose another with --port N, or --port 0 for any free port."
)
DASHBOARD_TITLE = "Everyone at a glance"
DASHBOARD_INTRO = (
    "How care has been flowing with each person over the last few months. A reading is a "
    "prompt to reflect, never a verdict."
)
DASHBOARD_EMPTY = "No one is here yet. Start by adding someone close to you."
DASHBOARD_ENERGY = "Energy"
DASHBOARD_SUGGESTION = "Something to consider"
DOWNLOADS = "To read, print or share"
REPORT_HTML = "Report (HTML)"
REPORT_PDF = "Report (PDF)"
WORKSHEET_HTML = "Audit worksheet (HTML)"
WORKSHEET_PDF = "Audit worksheet (PDF)"
NAV_DUE = "Needs attention"
NAV_MORE = "More"
NAV_MORE_PEOPLE = "People and moments"
NAV_MORE_TOGETHER = "Habits together"
NAV_MORE_REFLECT = "Looking back"
NAV_MORE_APP = "Data and backups"
# A PDF is made in the background; its page says so, calmly, and hands it over.
MAKING_TITLE = {
    "report": "Making your report…",
    "worksheet": "Making your audit worksheet…",
}
MAKING_STEPS = {
    "reading": "Reading your notes and readings.",
    "laying-out": "Laying out the pages.",
}
MAKING_HINT = "This takes a few seconds; the download starts by itself when it is ready."
MAKING_READY_TITLE = {
    "report": "Your report is ready",
    "worksheet": "Your audit worksheet is ready",
}
MAKING_READY = "{file} is ready."
MAKING_READY_STARTED = "{file} is ready; its download starts by itself."
MAKING_DOWNLOAD = "Download it"
MAKING_BACK = "Back to where you were"
MAKING_FAILED_TITLE = "The file could not be made"
MAKING_CRASHED = (
    "Something went wrong while making the file ({kind}); nothing was changed. The HTML version "
    "has the same content and prints well from a browser."
)
MAKING_GONE = "That file is no longer kept here; please ask for it again."
MAKING_NOT_READY = "That file is not ready yet; its page says when it is."
MAKING_WHO = "Please choose someone from your list, or leave it for everyone."
NAV_SETTINGS = "Backups"
SETTINGS_TITLE = "Backups"
SETTINGS_INTRO = (
    "Where your data lives, and the copies kept of it: any of them can be brought back."
)
SETTINGS_WHERE = "Where your data lives"
SETTINGS_DATABASE = "Database"
SETTINGS_DEMO_NOTE = "This is the throwaway demo database; it is removed when the app stops."
SETTINGS_CHOOSE_DB = (
    "reciprocity opens this file each time it starts; another one can be chosen when it is "
    "started, as its help on the command line says."
)
SETTINGS_BACKUPS = "Copies kept beside it"
SETTINGS_BACKUPS_INTRO = (
    "A backup is a complete copy of the database file, kept beside it. One is also made by "
    "itself before anything is removed or replaced. Bringing a copy back puts everything as "
    "it was then; what is there now is kept as a copy first."
)
SETTINGS_BACKUPS_INTRO_EXPORT = (
    "This database is not a file, so a backup of it is an export of everything, kept in "
    "{folder}. One is also made by itself before anything is removed or replaced, and any of "
    "them can be brought back here; what is there now is kept as a copy first."
)
SETTINGS_BACKUP_NOW = "Make a backup now"
SETTINGS_BACKUP_MADE = "Made a backup: {path}"
SETTINGS_BACKUPS_NONE = "No backups beside the database yet."
SETTINGS_EXPORTS_NONE = "No backups in that folder yet."
SETTINGS_NOT_SQLITE = (
    "This database is not a SQLite file, so it cannot be copied from here. Download an export "
    "on the Your data page, or use your database's own backup tools."
)
SETTINGS_VERSION = "This is reciprocity {version}."
ERROR_TITLE = "Something needs a look"
NOT_FOUND = "There is nothing at this address."
HOST_REFUSED = "This address is not one reciprocity answers to."
CSRF_REFUSED = (
    "This form could not be accepted: it has expired, or it came from another site. "
    "Please go back, reload the page and try again."
)
ORIGIN_REFUSED = "This request came from another site, so it was not accepted."
TOO_LARGE = (
    "That upload is {size} and the limit is {limit}. Please choose a smaller file, or start "
    "reciprocity with a larger upload limit."
)
BACK_HOME = "Back to everyone"
EDIT_SAVE = "Save the changes"
EDIT_CANCEL = "Leave it as it is"
CONFIRM_GOES = "This goes with it:"
CONFIRM_COPY = (
    "A copy of everything as it is now is kept beside your data first, so nothing is lost "
    "by accident: the Backups page can bring it back."
)
CONFIRM_KEEP = "Keep it"
REMOVED_NOTICE = "Removed."
REMOVED_NOTICE_COPY = "Removed. A copy of everything as it was just before is kept."
BRING_BACK_BUTTON = "Bring it back"
TEXT_BROKEN = "This text holds half of a character (a lone surrogate); please type it again."
API_INVALID = "Some of what was sent could not be read; see the problems listed."


def size_words(size: int) -> str:
    """ "12 MB", "800 KB": a size a person can read."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1024))} KB"
