"""What a person can do, one module per area: the only door the faces go through.

The command line (``reciprocity.cli``), the web pages and the JSON API
(``reciprocity.web``) parse what they are given, call a service here, and print
or render what it returns. A service takes typed values, owns its transaction
(one unit of work: all of it is kept, or none), and holds every rule of the
product that is not a rule of one entity (those live in ``reciprocity.model``).
What it returns is typed: the model's own objects, loaded with what a face
reads of them, or small dataclasses. ``shapes`` turns results into the one JSON
shape of each concept, for ``--json`` and ``/api`` alike. The words live in
``reciprocity.coach``.

The areas: ``people``, ``moments``, ``seasons``, ``roles``, ``audits``,
``checkins``, ``rituals``, ``rhythms`` (and dates to remember), ``boundaries``,
``wins``, ``due``, ``patterns``, ``chats``, ``reports``, ``data`` (export,
restore, backups and the demo) and ``encryption`` (encryption at rest).

The faces get the store's handle from here, once, at start-up
(``open_database``), and hand it to every service they call.
"""

from reciprocity.store.database import Database, open_database

__all__ = ["Database", "open_database"]
