"""The practices as pure logic: cadences (RFC 5545 rules), where a ritual stands, the calendar file.

``recurrence``: rules and friendly cadence words, occurrences across daylight
saving. ``schedule``: what is waiting, what comes next, how well a ritual is
kept, and the rotation of who hosts. ``calendar``: rituals and planned
check-ins as iCalendar with stable UIDs. No database and no clock here; the
stored entities live in ``reciprocity.model`` (which builds on this package,
never the other way round) and the loading in ``reciprocity.services``.
"""
