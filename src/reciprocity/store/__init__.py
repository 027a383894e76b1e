"""The store: opening the database, migrations, backups, export and import."""

from reciprocity.store.database import Database, open_database

__all__ = ["Database", "open_database"]
