"""The product's words, kept together by subject so their tone can be read in one sitting.

Every face says the same thing in the same words: the command line, the web
pages, the JSON API's messages and the reports all take their sentences from
here. Grouped by what they are about, not by who says them:

- ``app``: the product as a whole (menu, dashboard, ``serve``, the store, refusals, settings).
- ``people``: people, moments and seasons.
- ``audit``: the Reciprocity Audit: its questions, ratings, visions, the audits kept.
- ``practices``: check-ins, rituals, boundaries, roles, small wins, rhythms, dates, what is due.
- ``chats``: chat exports as evidence.
- ``data``: the export, restoring it, backups and the demo.
- ``report``: the printed report and worksheet.
- ``suggestions``: reflection prompts and pattern readings, drawn from the practices.
- ``terms``: the names of the vocabulary (dimensions, ways of caring, kinds of season).
- ``phrasing``: the one gentle check on blame, score-keeping and contempt, for every face;
  ``rewording`` builds its request-shaped rewrites, ``grammar`` the verb forms they need.
- ``feedback``: honest feedback put together from its parts, grammatical whatever is typed.
- ``safety``: the signals of fear, control or harm that bring the note pointing to help.
- ``dimensions``: ``suggest_dimensions``, the dimensions a moment's own words point to,
  offered when a moment is noted without one (a suggestion the person confirms).
"""

from __future__ import annotations

from types import ModuleType, SimpleNamespace


def words_of(*modules: ModuleType) -> SimpleNamespace:
    """The public words of ``modules`` in one namespace (what templates read as ``w``).

    A name two modules define with different values is a mistake, caught here
    at start-up: one name, one sentence.
    """
    found: dict[str, object] = {}
    for module in modules:
        for name, value in vars(module).items():
            if name.startswith("_") or isinstance(value, ModuleType) or name == "annotations":
                continue
            if name in found and found[name] is not value and found[name] != value:
                raise ValueError(f"coach: {name} means two things ({module.__name__})")
            found.setdefault(name, value)
    return SimpleNamespace(**found)
