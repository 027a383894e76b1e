"""Your data: the export, restoring it, copies of the database, and the demo."""

from __future__ import annotations

# -- the command line and the services ----------------------------------------

EXPORTED = "Wrote {people}, {moments}, {seasons}, {audits} and {chats} to {path}."
IMPORTED = "Restored {people}, {moments}, {seasons}, {audits} and {chats} from {path}."
FILE_MISSING = "{path}: no such file."
FILE_UNREADABLE = "{path}: cannot be read ({reason})."
CANNOT_WRITE = "Could not write {path}: {reason}."
EXPORT_NEEDS_JSON = "{path}: exports are JSON files; please use a name ending in .json."
JSON_INVALID = "not valid JSON ({reason}) at column {column}"
TRANSFER_NOT_RECIPROCITY = 'this JSON file is not a reciprocity export (no "format": "reciprocity")'
TRANSFER_VERSION = (
    "this export has version {found}; this reciprocity reads up to version {supported}"
)
TRANSFER_FIELD = "{where}: {problem}"
TRANSFER_MISSING = "'{key}' is missing"
TRANSFER_TYPE = "'{key}' should be {expected}"
TRANSFER_INTO_NON_EMPTY = (
    "This database already holds {people}; restoring would mix two histories. "
    "Use --replace to replace everything (a copy is kept first), or --db to restore elsewhere."
)
TRANSFER_CHAT_TWICE = "the chat {key!r} appears twice in this file"
TRANSFER_CHAT_NO_ME = "{me!r} is not among this chat's members"
TRANSFER_CHAT_LENGTHS = "the message columns (and texts) should all be the same length"
TRANSFER_CHAT_COLUMN = "'{key}' holds a value out of its range"
REPLACED_BACKUP = "Kept a copy of what was there at {path}."
BACKUP_NOT_SQLITE = (
    "This database is not a SQLite file, so it cannot be copied from here. Export your data "
    "instead, or use your database's own backup tools."
)

DEMO_NOT_EMPTY = (
    "This database already holds your own data ({people}). "
    "Use --force to replace it with the demo, or --db to load the demo elsewhere."
)
DEMO_LOADED = "Loaded the demo: {people}, {moments} over a year, {seasons} and {audits}."
DEMO_NEXT = "Try: reciprocity people list · reciprocity audit list · reciprocity people show {name}"

# -- the web pages ------------------------------------------------------------

DATA_TITLE = "Your data"
DATA_INTRO = (
    "Everything is kept in one database on this computer. An export is one JSON file with "
    "everyone, every moment, season and audit: your own copy, readable by any tool."
)
DATA_EXPORT = "Download an export"
DATA_IMPORT_TITLE = "Restore an export"
DATA_IMPORT_INTRO = (
    "Brings back a reciprocity export. Into an empty database it simply goes; to restore it "
    "over what is here, tick the box below, and a copy of what is here is kept first."
)
DATA_IMPORT_FIELD = "Export file (.json, or .age when locked)"
DATA_IMPORT_SUBMIT = "Restore"
DATA_IMPORTED = "Restored {people}, {moments}, {seasons} and {audits}."
DATA_NOT_EMPTY = (
    "This database already holds {people}; restoring would mix two histories. "
    'Tick "Replace everything here" to restore over them (a copy is kept first), '
    "or restore into an empty database."
)
DATA_REPLACE = "Replace everything here with the file (a copy of what is here is kept first)"
DATA_REPLACED_COPY = "A copy of what was here before is kept; the Backups page can bring it back."
DATA_LIMIT = "Files up to {limit}."
DATA_NO_FILE = "Please choose an export file to restore."


# -- copies kept beside the data, and bringing one back
COPY_REASONS = {
    "backup": "a backup you made",
    "before-remove": "kept just before something was removed",
    "before-import": "kept just before a restore replaced everything",
    "before-demo": "kept just before the demo replaced everything",
    "before-bring-back": "kept just before an earlier copy was brought back",
}
COPY_BEFORE_UPDATE = "kept just before reciprocity updated how it stores your data"


def copy_reason(reason: str) -> str:
    """Why a copy was kept, in words."""
    return COPY_REASONS.get(reason, COPY_BEFORE_UPDATE)


BRING_BACK_NOT_SQLITE = (
    "A database in memory keeps no copies, so there is nothing to bring back; an export "
    "made earlier can be restored instead."
)
COPY_UNKNOWN = "There is no kept copy named {name!r}; the list of copies shows the ones kept."
COPY_UNREADABLE = "The copy {name} cannot be read as reciprocity data, so nothing was changed."
BROUGHT_BACK = "Everything is as it was in {copy} again."
BROUGHT_BACK_BEFORE = "What was there just before is kept too, as {before}."
BRING_BACK_ASK = "Put {copy} back in place of your data? What is there now is kept as a copy first."
BROUGHT_BACK_NOTICE = (
    "Brought back: everything is as it was in that copy. What was there a moment ago is kept "
    "as a copy too, on the Backups page."
)
BRING_BACK_THIS = "Bring this copy back"
NO_COPIES = "No copies are kept yet; one is made before anything is removed or replaced."

# -- restoring a damaged or hostile export
TRANSFER_TOO_DEEP = "is JSON nested too deeply to be a reciprocity export"
TRANSFER_HALF_CHARACTER = (
    "{where} holds half of a character (a lone surrogate such as \\ud83d), which no text can hold"
)
TRANSFER_SAME_AS = "{what} is already given at {other}; it can be there only once"
TRANSFER_CONFLICT = (
    "holds the same thing twice where it can be there only once ({detail}); nothing was restored"
)
TRANSFER_NUMBER_TOO_LARGE = "holds a number too large to keep; nothing was restored"

# -- exports locked with a passphrase or for age keys (age files) ---------------
EXPORT_LOCKED_NEEDS_AGE = (
    "{path}: a locked export is an age file; please use a name ending in .age, "
    "such as backup.json.age."
)
EXPORTED_LOCKED = (
    "It is locked with your passphrase. Nobody can open it without the passphrase, you "
    "included, so keep the passphrase somewhere safe."
)
EXPORTED_FOR_KEYS = "It is locked for {count} age key(s): only their secret keys open it."
PASSPHRASE_EMPTY = "A passphrase cannot be empty."
PASSPHRASE_ASK_NEW = "A passphrase to lock {name}: "
PASSPHRASE_ASK_AGAIN = "The same passphrase again: "
PASSPHRASE_ASK = "The passphrase of {name}: "
PASSPHRASE_DIFFER = "The two passphrases differ; nothing was written."
PASSPHRASE_NEEDED_TO_LOCK = (
    "Locking an export needs a passphrase: type it at a terminal, or set "
    "RECIPROCITY_EXPORT_PASSPHRASE for a script."
)
PASSPHRASE_NEEDED_TO_OPEN = (
    "{name} is locked with a passphrase: type it at a terminal, or set "
    "RECIPROCITY_EXPORT_PASSPHRASE for a script. Nothing was changed."
)
EXPORT_PASSPHRASE_WRONG = "That passphrase does not open {name}; nothing was changed."
LOCKED_FOR_KEYS = (
    "{name} is locked for an age key, not a passphrase; give its key file with --identity FILE."
)
KEY_WRONG = "None of the keys given opens {name}; nothing was changed."
KEY_INVALID = "{key!r} is not an age public key (one starts with age1)."
IDENTITY_NONE = "{path}: holds no usable age secret key (a line starting AGE-SECRET-KEY-1)."
LOCKED_DAMAGED = "{name}: this locked file is damaged or cut short ({reason}); nothing was changed."

DATA_LOCKED_TITLE = "A locked export"
DATA_LOCKED_INTRO = (
    "The same export, encrypted with a passphrase (as an age file): it can travel on a USB "
    "stick or a shared folder, and only the passphrase opens it. Nobody can open it without "
    "the passphrase, you included, so keep it somewhere safe."
)
FIELD_PASSPHRASE = "Passphrase"
FIELD_PASSPHRASE_AGAIN = "The same passphrase again"
DATA_LOCKED_SUBMIT = "Download a locked export"
DATA_UNLOCK_TITLE = "This export is locked"
DATA_UNLOCK_INTRO = "{name} is locked with a passphrase. Type it to restore what the file holds."
DATA_UNLOCK_SUBMIT = "Unlock and restore"
DATA_UNLOCK_OTHER = "Choose another file"
DATA_LOCKED_FOR_KEYS = (
    "{name} is locked for an age key, not a passphrase. Restore it from the command line, "
    "which can take the key file."
)
HELD_GONE = "That file is no longer waiting here; please choose it again."

# -- encryption at rest (reciprocity encrypt, decrypt, passphrase; the unlock page) -----
ENCRYPT_WARNING = (
    "Encrypting means nobody can read your data without its passphrase, and that includes "
    "you: a lost passphrase means lost data, and no one can bring it back. Keep the "
    "passphrase somewhere safe, such as a password manager."
)
ENCRYPT_ASK = "Encrypt {where} now?"
ENCRYPT_NEEDS_YES = (
    "Encrypting asks first, because a lost passphrase means lost data: add --yes to answer "
    "for a script."
)
ENCRYPT_NOT_FILE = (
    "Only a SQLite file can be encrypted here, and {where} is not one (a database server "
    "keeps its own encryption)."
)
ENCRYPTED = (
    "Encrypted {where}. Its key file is {key}: keep it beside the database, and with any "
    "copy of it you keep elsewhere."
)
ENCRYPTED_COPIES = "Copies kept beside it, encrypted too: {count}."
ALREADY_ENCRYPTED = "{where} is already encrypted; reciprocity passphrase changes its passphrase."
NOT_ENCRYPTED = "{where} is not encrypted, so there is nothing to decrypt."
DECRYPTED = (
    "Decrypted {where}: it and the copies beside it are plain files again, readable by "
    "anyone who can read them."
)
PASSPHRASE_CHANGED = (
    "Changed the passphrase of {where}; only its key file was rewritten, not the data."
)
IN_USE = (
    "{where} is open in another program (a running reciprocity serve?); stop it first, so "
    "that nothing written there is lost. Nothing was changed."
)
CONVERT_CHECK_FAILED = (
    "The converted copy of {where} did not check out ({problem}); the database is as it was."
)
LOCKED = (
    "{where} is encrypted: type its passphrase on a terminal, or set RECIPROCITY_PASSPHRASE "
    "for a script."
)
NEW_PASSPHRASE_NEEDED = (
    "A new passphrase is needed: type it on a terminal, or set {variable} for a script."
)
PASSPHRASE_PROMPT = "Passphrase for {where}: "
PASSPHRASE_NEW_PROMPT = "New passphrase: "
PASSPHRASE_AGAIN_PROMPT = "The same passphrase again: "
PASSPHRASE_MISMATCH = "The two passphrases differ; nothing was changed."
PASSPHRASE_TOO_SHORT = (
    "A passphrase needs at least {least} characters (a few words are easiest to remember); "
    "nothing was changed."
)
PASSPHRASE_WRONG = "That passphrase does not open {where}; nothing was changed."
KEY_FILE_MISSING = (
    "The database is encrypted, but its key file {path} is missing, and without it the data "
    "cannot be opened: put it back beside the database."
)
KEY_FILE_BROKEN = "The key file {path} cannot be read ({reason}), so the database cannot be opened."
KEY_FILE_NEWER = (
    "The key file {path} has version {found}; this reciprocity reads up to version {supported}."
)
NOT_DATABASE_OR_NO_KEY = (
    "the file is not a reciprocity database (or it is an encrypted one whose key file, {key}, "
    "is not beside it)"
)
UNLOCK_TITLE = "Unlock your data"
UNLOCK_INTRO = (
    "Your data is encrypted on this computer. Type the passphrase you chose when you encrypted it."
)
UNLOCK_LOST = "Nobody keeps a copy of the passphrase: if it is lost, so is the data."
UNLOCK_LABEL = "Passphrase"
UNLOCK_BUTTON = "Unlock"
UNLOCK_WRONG = "That passphrase does not open your data. Nothing was changed; try again."
UNLOCK_EMPTY = "Type the passphrase first."
UNLOCK_WAIT = "Too many tries in a row: wait {seconds} seconds, then try again."
UNLOCK_API = "Your data is locked: open the app in your browser and unlock it first."
SETTINGS_ENCRYPTED = "Encrypted on disk (SQLCipher); the key file beside it is {key}."
SETTINGS_NOT_ENCRYPTED = "Not encrypted on disk: anyone who can read the file can read it."
SERVE_LOCKED = "Your data is encrypted: type its passphrase at {url}unlock to open it."
