"""Fixing what was written, the same way on every page: an edit form, and removing after asking once.

``edit_page`` renders a form from a list of ``Field`` (text, a long text, a
date, a choice, checkboxes), filled with what is stored or what was just
typed. ``confirm_page`` asks once before something is removed and says what
goes with it; the form it shows posts again with ``confirm=yes``. After a
removal the page lands where it came from with ``?removed=<copy>``, and every
page says where the copy of everything is (``render.removed_notice``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import FormData

from reciprocity.web import forms
from reciprocity.web.render import pages


@dataclass(frozen=True)
class Field:
    """One field of an edit form."""

    name: str
    label: str
    value: object = ""
    kind: str = "text"
    """``text``, ``long`` (a text area), ``date``, ``time``, ``number``, ``choice``,
    ``choices`` (checkboxes), ``check`` (one checkbox), ``dimensions`` (a moment's
    dimensions as chips, each with its meaning: ``_macros.dimension_chips``) or
    ``cadence`` (a ritual's how often, from a mapping of its choices: ``_cadence.html``)."""
    options: Sequence[tuple[str, str]] = field(default_factory=tuple)
    hint: str = ""
    required: bool = False


def edit_page(
    request: Request,
    *,
    title: str,
    fields: Sequence[Field],
    action: str,
    back: str,
    intro: str = "",
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return pages(request).render(
        request,
        "edit.html",
        status=status,
        title=title,
        heading=title,
        intro=intro,
        fields=fields,
        action=action,
        back=back,
        error=error,
    )


def confirm_page(
    request: Request,
    *,
    question: str,
    goes: Sequence[str] = (),
    said: Sequence[str] = (),
    action: str,
    back: str,
    button: str,
    keeps_copy: bool = True,
    hidden: dict[str, str] | None = None,
    removes: bool = True,
    stay: str = "",
) -> HTMLResponse:
    """Asks once: what would go, that a copy is kept first, and one button to go ahead.

    ``said`` are a few plain sentences shown before the buttons (what the step means);
    a step that ``removes`` nothing gets a plain button, and ``stay`` names the way back.
    ``hidden`` fields are posted again with the answer (what was chosen before asking)."""
    return pages(request).render(
        request,
        "confirm.html",
        title=question,
        question=question,
        goes=goes,
        said=said,
        action=action,
        back=back,
        button=button,
        keeps_copy=keeps_copy,
        hidden=hidden or {},
        removes=removes,
        stay=stay,
    )


def confirmed(form: FormData) -> bool:
    return forms.text(form, "confirm") == "yes"


def after_removal(back: str, copy: Path | None) -> RedirectResponse:
    """Back where the person came from, with the notice of where the copy is kept."""
    name = "" if copy is None else copy.name
    path, _, anchor = back.partition("#")
    joiner = "&" if "?" in path else "?"
    target = f"{path}{joiner}removed={quote(name) or 'yes'}"
    return RedirectResponse(f"{target}#{anchor}" if anchor else target, status_code=303)
