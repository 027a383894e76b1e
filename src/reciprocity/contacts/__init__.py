"""People from an address book: the contacts a vCard file (``.vcf``) holds, read purely.

Only what the product needs comes out of a card: the name, the birthday (with or
without its year), anniversaries and other dates to remember, and the note. Phone
numbers, addresses, photos and the rest are read past and never kept. Writing
what was read is ``services.contacts``'s work.
"""

from __future__ import annotations

from reciprocity.contacts.vcard import (
    BrokenCard,
    Contact,
    ContactsFile,
    DateToRemember,
    read_file,
    read_vcards,
)

__all__ = [
    "BrokenCard",
    "Contact",
    "ContactsFile",
    "DateToRemember",
    "read_file",
    "read_vcards",
]
