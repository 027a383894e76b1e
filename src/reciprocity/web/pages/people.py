"""A person's page, adding someone, and noting a moment."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from reciprocity.coach import people as people_words
from reciprocity.coach import terms
from reciprocity.dates import PartialDate
from reciprocity.errors import ReciprocityError
from reciprocity.report.charts import energy_chart, leaning_chart
from reciprocity.services import invitations, moments, people
from reciprocity.vocabulary import (
    ENERGY_MAX,
    ENERGY_MIN,
    CareStyle,
    Dimension,
    Giver,
    RelationshipKind,
)
from reciprocity.web import forms
from reciprocity.web.editing import Field, after_removal, confirm_page, confirmed, edit_page
from reciprocity.web.forms import Id
from reciprocity.web.render import database, pages, today_of

router = APIRouter(include_in_schema=False)
PAGE = 20
"""Moments a page shows, newest first; older ones are a link away."""


@router.get("/people/new", response_class=HTMLResponse)
def new_person_form(request: Request) -> HTMLResponse:
    return pages(request).render(request, "person_new.html", title="", values={}, error=None)


@router.post("/people", response_class=HTMLResponse)
def add_person(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    values: dict[str, Any] = {
        "name": forms.text(form, "name"),
        "kind": forms.text(form, "kind"),
        "birthday": forms.text(form, "birthday"),
        "my_care": forms.texts(form, "my_care"),
        "their_care": forms.texts(form, "their_care"),
        "note": forms.text(form, "note"),
    }
    try:
        person = people.add(
            database(request),
            values["name"],
            kind=forms.choice(values["kind"] or "friend", RelationshipKind, "kind of relationship"),
            birthday=forms.birthday(values["birthday"], today=today_of(request)),
            my_care=forms.choices(values["my_care"], CareStyle, "way of caring"),
            their_care=forms.choices(values["their_care"], CareStyle, "way of caring"),
            note=values["note"],
        )
    except ReciprocityError as error:
        return pages(request).render(
            request, "person_new.html", status=400, title="", values=values, error=str(error)
        )
    return RedirectResponse(f"/people/{person.id}?notice=added", status_code=303)


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: Id) -> HTMLResponse:
    store = database(request)
    found = people.page(store, person_id, today=today_of(request))
    name = found.person.name
    number = _page_number(request)
    shown = moments.search(
        store, moments.Search(who=person_id), offset=(number - 1) * PAGE, limit=PAGE
    )
    return pages(request).render(
        request,
        "person.html",
        notice=request.query_params.get("notice", ""),
        title=name,
        person=found.person,
        pattern=found.pattern,
        charts={
            d: leaning_chart(reading, found.seasons, name=name)
            for d, reading in found.pattern.dimensions.items()
        },
        energy_chart=energy_chart(found.pattern.energy, found.seasons, name=name),
        moments=shown.moments,
        paging=_paging(shown, number, f"/people/{person_id}"),
        seasons=found.seasons,
        entries=found.entries,
        today=today_of(request),
        their=invitations.audits_by_both(store, person_id).get(person_id),
    )


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10**6 else 1


def _paging(found: moments.Found, number: int, base: str) -> dict[str, Any]:
    """Where this page of moments stands: its number, and the pages before and after it."""
    pages_in_all = max(1, -(-found.total // found.limit))
    joiner = "&" if "?" in base else "?"
    return {
        "number": number,
        "of": pages_in_all,
        "total": found.total,
        "newer": f"{base}{joiner}page={number - 1}#moments" if number > 1 else None,
        "older": f"{base}{joiner}page={number + 1}#moments" if found.more else None,
    }


@router.get("/moments", response_class=HTMLResponse)
def find_moments(request: Request) -> HTMLResponse:
    """Find moments by person, words, dimension and days; newest first, a page at a time."""
    store = database(request)
    query = request.query_params
    values = {
        key: query.get(key, "") for key in ("person", "search", "dimension", "since", "until")
    }
    error = None
    found = None
    try:
        today = today_of(request)
        wanted = moments.Search(
            who=forms.chosen_id(values["person"], people_words.NEED_PERSON)
            if values["person"]
            else None,
            text=values["search"],
            dimension=forms.optional_choice(values["dimension"], Dimension, "dimension"),
            since=forms.day(values["since"], today=today, default_today=False),
            until=forms.day(values["until"], today=today, default_today=False),
        )
        number = _page_number(request)
        found = moments.search(store, wanted, offset=(number - 1) * PAGE, limit=PAGE)
    except ReciprocityError as error_found:
        error = str(error_found)
    base = "/moments?" + "&".join(f"{k}={quote(v)}" for k, v in values.items() if v)
    return pages(request).render(
        request,
        "moments.html",
        status=400 if error else 200,
        title=people_words.FIND_TITLE,
        people=[(p.id, p.name) for p in people.everyone(store)],
        values=values,
        moments=found.moments if found else [],
        paging=_paging(found, _page_number(request), base) if found else None,
        error=error,
    )


@router.get("/moments/new", response_class=HTMLResponse)
def new_moment_form(request: Request) -> HTMLResponse:
    return _moment_form(
        request, values={"person": request.query_params.get("person", ""), "by": "me", "on": ""}
    )


@router.post("/moments", response_class=HTMLResponse)
def log_moment(request: Request, form: FormData = Depends(forms.read_form)) -> Response:
    """Note a moment. Left with no dimension while its words point to some, the form comes
    back once (nothing saved yet) with those chosen; the next submit saves what is chosen."""
    store = database(request)
    values: dict[str, Any] = {
        "person": forms.text(form, "person"),
        "text": forms.text(form, "text"),
        "by": forms.text(form, "by"),
        "dimensions": forms.texts(form, "dimensions"),
        "style": forms.text(form, "style"),
        "energy": forms.text(form, "energy"),
        "on": forms.text(form, "on"),
        "asked": forms.text(form, "asked"),
    }
    try:
        who = forms.chosen_id(values["person"], people_words.NEED_PERSON)
        on = forms.day(values["on"], today=today_of(request)) or today_of(request)
        by = forms.choice(values["by"] or "me", Giver, "side (me, them or both)")
        dimensions = forms.choices(values["dimensions"], Dimension, "dimension")
        style = forms.optional_choice(values["style"], CareStyle, "way of caring")
        energy = forms.optional_int(
            values["energy"], low=ENERGY_MIN, high=ENERGY_MAX, message=people_words.ENERGY_RANGE
        )
        if values["asked"] != "yes":
            offered = moments.suggestion(store, who, values["text"], dimensions)
            if offered:
                chosen = {**values, "dimensions": [d.value for d in offered], "asked": "yes"}
                return _moment_form(request, values=chosen, suggested=offered)
        noted = moments.note(
            store,
            who,
            values["text"],
            on=on,
            by=by,
            dimensions=dimensions,
            style=style,
            energy=energy,
        )
    except ReciprocityError as error:
        return _moment_form(request, values=values, error=str(error), status=400)
    # The person's page leads with the note pointing to help whenever their words call for it.
    return RedirectResponse(
        f"/people/{noted.moment.person_id}?notice=logged#moments", status_code=303
    )


def _moment_form(
    request: Request,
    *,
    values: dict[str, Any],
    error: str | None = None,
    status: int = 200,
    suggested: list[Dimension] | None = None,
) -> HTMLResponse:
    everyone = [(p.id, p.name) for p in people.everyone(database(request))]
    return pages(request).render(
        request,
        "moment_new.html",
        status=status,
        title="",
        people=everyone,
        values=values,
        error=error,
        suggested=suggested or [],
    )


# -- fixing: a person's details, a moment; removing either ---------------------


def _person_fields(values: dict[str, Any]) -> list[Field]:
    kinds = [(k.value, terms.KIND_WORDS[k]) for k in RelationshipKind]
    styles = [(s.value, terms.style_word(s)) for s in CareStyle]
    return [
        Field("name", people_words.FIELD_NAME, values.get("name", ""), required=True),
        Field("kind", people_words.FIELD_KIND, values.get("kind", "friend"), "choice", kinds),
        Field(
            "birthday",
            people_words.FIELD_BIRTHDAY,
            values.get("birthday", ""),
            hint=people_words.BIRTHDAY_HINT,
        ),
        Field("my_care", people_words.FIELD_MY_CARE, values.get("my_care", []), "choices", styles),
        Field(
            "their_care",
            people_words.FIELD_THEIR_CARE,
            values.get("their_care", []),
            "choices",
            styles,
        ),
        Field("note", people_words.FIELD_NOTE, values.get("note", ""), "long"),
    ]


@router.get("/people/{person_id}/edit", response_class=HTMLResponse)
def edit_person_form(request: Request, person_id: Id) -> HTMLResponse:
    person = people.get(database(request), person_id)
    values = {
        "name": person.name,
        "kind": person.kind.value,
        "birthday": _birthday_text(person.born),
        "my_care": [s.value for s in person.my_care],
        "their_care": [s.value for s in person.their_care],
        "note": person.note,
    }
    return _person_edit(request, person_id, person.name, values)


@router.post("/people/{person_id}/edit", response_class=HTMLResponse)
def edit_person(
    request: Request, person_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    name = people.get(store, person_id).name
    values: dict[str, Any] = {
        "name": forms.text(form, "name"),
        "kind": forms.text(form, "kind"),
        "birthday": forms.text(form, "birthday"),
        "my_care": forms.texts(form, "my_care"),
        "their_care": forms.texts(form, "their_care"),
        "note": forms.text(form, "note"),
    }
    try:
        born = forms.birthday(values["birthday"], today=today_of(request))
        changes = people.Changes(
            name=values["name"],
            kind=forms.choice(values["kind"] or "friend", RelationshipKind, "kind of relationship"),
            birthday=born,
            clear_birthday=born is None,
            my_care=forms.choices(values["my_care"], CareStyle, "way of caring"),
            their_care=forms.choices(values["their_care"], CareStyle, "way of caring"),
            note=values["note"],
        )
        people.edit(store, person_id, changes)
    except ReciprocityError as error:
        return _person_edit(request, person_id, name, values, error=str(error), status=400)
    return RedirectResponse(f"/people/{person_id}?notice=changed", status_code=303)


def _birthday_text(born: PartialDate | None) -> str:
    """A birthday as the form shows it, to be read back the same: ``15 March 1990``."""
    return "" if born is None else people_words.birthday_words(born.month, born.day, born.year)


def _person_edit(
    request: Request,
    person_id: int,
    name: str,
    values: dict[str, Any],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return edit_page(
        request,
        title=people_words.PERSON_EDIT_TITLE.format(name=name),
        fields=_person_fields(values),
        action=f"/people/{person_id}/edit",
        back=f"/people/{person_id}",
        error=error,
        status=status,
    )


@router.api_route(
    "/people/{person_id}/remove", methods=["GET", "POST"], response_class=HTMLResponse
)
async def remove_person(request: Request, person_id: Id) -> Response:
    store = database(request)
    going = people.removal(store, person_id)
    form = await request.form() if request.method == "POST" else None
    if form is None or not confirmed(form):
        counted = terms.counts_words(asdict(going))
        return confirm_page(
            request,
            question=people_words.PERSON_REMOVE_ASK.format(name=going.name),
            goes=[
                str(counted["moments"]),
                str(counted["seasons"]),
                people_words.GOES_RATINGS.format(ratings=counted["ratings"]),
            ],
            action=f"/people/{person_id}/remove",
            back=f"/people/{person_id}",
            button=people_words.PERSON_REMOVE_BUTTON.format(name=going.name),
        )
    _, copy = people.remove(store, person_id)
    return after_removal("/", copy)


def _moment_fields(values: dict[str, Any]) -> list[Field]:
    return [
        Field("text", people_words.FIELD_TEXT, values.get("text", ""), "long", required=True),
        Field(
            "by",
            people_words.FIELD_BY,
            values.get("by", "me"),
            "choice",
            [(g.value, people_words.BY_WORDS[g]) for g in Giver],
        ),
        Field(
            "dimensions",
            people_words.FIELD_DIMS,
            values.get("dimensions", []),
            "dimensions",
            hint=people_words.FIELD_DIMS_HINT,
        ),
        Field(
            "style",
            people_words.FIELD_STYLE,
            values.get("style", ""),
            "choice",
            [("", people_words.NOT_SAID), *((s.value, terms.style_word(s)) for s in CareStyle)],
        ),
        Field(
            "energy",
            people_words.FIELD_ENERGY,
            values.get("energy", ""),
            "choice",
            [
                ("", people_words.NOT_SAID),
                *((str(k), v) for k, v in people_words.ENERGY_CHOICES.items()),
            ],
        ),
        Field("on", people_words.FIELD_ON, values.get("on", ""), hint=people_words.FIELD_ON_HINT),
    ]


@router.get("/moments/{moment_id}/edit", response_class=HTMLResponse)
def edit_moment_form(request: Request, moment_id: Id) -> HTMLResponse:
    moment = moments.get(database(request), moment_id)
    values = {
        "text": moment.text,
        "by": moment.by.value,
        "dimensions": [d.value for d in moment.dimensions],
        "style": moment.style.value if moment.style else "",
        "energy": "" if moment.energy is None else str(moment.energy),
        "on": moment.on.isoformat(),
    }
    return _moment_edit(request, moment_id, moment.person_id, moment.person.name, values)


@router.post("/moments/{moment_id}/edit", response_class=HTMLResponse)
def edit_moment(
    request: Request, moment_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    moment = moments.get(store, moment_id)
    values: dict[str, Any] = {
        key: forms.text(form, key) for key in ("text", "by", "style", "energy", "on")
    }
    values["dimensions"] = forms.texts(form, "dimensions")
    try:
        today = today_of(request)
        changes = moments.MomentChanges(
            text=values["text"],
            on=forms.day(values["on"], today=today) or today,
            by=forms.choice(values["by"] or "me", Giver, "side (me, them or both)"),
            dimensions=forms.choices(values["dimensions"], Dimension, "dimension"),
            style=forms.optional_choice(values["style"], CareStyle, "way of caring"),
            energy=forms.optional_int(
                values["energy"], low=ENERGY_MIN, high=ENERGY_MAX, message=people_words.ENERGY_RANGE
            ),
        )
        moments.edit(store, moment_id, changes)
    except ReciprocityError as error:
        return _moment_edit(
            request,
            moment_id,
            moment.person_id,
            moment.person.name,
            values,
            error=str(error),
            status=400,
        )
    return RedirectResponse(
        f"/people/{moment.person_id}?notice=moment-changed#moment-{moment_id}", status_code=303
    )


def _moment_edit(
    request: Request,
    moment_id: int,
    person_id: int,
    name: str,
    values: dict[str, Any],
    *,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return edit_page(
        request,
        title=people_words.MOMENT_EDIT_TITLE.format(name=name),
        fields=_moment_fields(values),
        action=f"/moments/{moment_id}/edit",
        back=f"/people/{person_id}#moment-{moment_id}",
        error=error,
        status=status,
    )


@router.post("/moments/{moment_id}/remove", response_class=HTMLResponse)
def remove_moment(
    request: Request, moment_id: Id, form: FormData = Depends(forms.read_form)
) -> Response:
    store = database(request)
    moment = moments.get(store, moment_id)
    back = f"/people/{moment.person_id}#moments"
    if not confirmed(form):
        return confirm_page(
            request,
            question=people_words.MOMENT_REMOVE_ASK.format(
                name=moment.person.name, on=terms.day_words(moment.on)
            ),
            goes=[moment.text],
            action=f"/moments/{moment_id}/remove",
            back=back,
            button=people_words.MOMENT_REMOVE_BUTTON,
        )
    _, copy = moments.remove(store, moment_id)
    return after_removal(back, copy)
