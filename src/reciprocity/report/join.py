"""One PDF from parts laid out apart: their pages in order, each page's furniture on top.

A long report is laid out part by part (``report.pdf``): each part's pages come
without their page furniture (the "3 / 840" at the foot), since no part knows
the page it starts on or how many pages there are in all; those are laid out
afterwards, page for page, as PDFs of their own. Joining (with pypdf) copies
every part's pages in order and draws its furniture page over each one, as a
form of its own so neither's resources can clash. It then gives the whole what
one document would have had: the named places of every part (a part's name
wins over an earlier one, so the summary's links, which point at placeholders
on the cover, reach the relationships' pages), the bookmarks nested by heading
level across parts, the cover's title and language.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    Destination,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from reciprocity.report.pdf import Part

FORM = "/Furniture"
"""The name a page's furniture is drawn by, unless the page already uses it."""


@dataclass(frozen=True, slots=True)
class _Place:
    page: IndirectObject
    left: float | None
    top: float | None


def join(parts: Sequence[Part], furniture: Sequence[str], target: BinaryIO) -> None:
    """Write the parts' pages in order to ``target``, page ``n`` under furniture page ``n``.

    ``furniture`` are PDFs whose pages, in order, number as many as the parts' pages.
    """
    writer = PdfWriter()
    stamps = _pages(furniture)
    places: dict[str, _Place] = {}
    outline: list[tuple[int, IndirectObject]] = []
    wrap = writer._add_object(
        DecodedStreamObject.initialize_from_dictionary({"__streamdata__": b"q\n"})
    )
    for number, part in enumerate(parts):
        reader = PdfReader(part.path)
        if number == 0:
            _take_document(writer, reader)
        added = [writer.add_page(page) for page in reader.pages]
        for page in added:
            stamp = next(stamps, None)
            if stamp is None:
                raise ValueError("fewer furniture pages than pages")
            _draw_over(writer, page, stamp, wrap)
        for name, destination in reader.named_destinations.items():
            found = _place(reader, destination, added)
            if found is not None:
                places[str(name)] = found
        for level, destination in _bookmarks(reader.outline, part.level):
            found = _place(reader, destination, added)
            if found is None:
                continue
            while outline and outline[-1][0] >= level:
                outline.pop()
            item = writer.add_outline_item(
                title=str(destination.title),
                page_number=found.page,
                parent=outline[-1][1] if outline else None,
                fit=Fit.xyz(found.left, found.top, 0),
            )
            outline.append((level, item))
        writer.reset_translation(reader)  # all copied: the part's file can be let go
    if next(stamps, None) is not None:
        raise ValueError("more furniture pages than pages")
    _name_places(writer, places)
    writer.write(target)


def _pages(files: Sequence[str]) -> Iterator[PageObject]:
    for path in files:
        yield from PdfReader(path).pages


def _take_document(writer: PdfWriter, reader: PdfReader) -> None:
    """The first part's title, author, creator, language and PDF version stand for the whole."""
    writer.pdf_header = reader.pdf_header
    if reader.metadata:
        writer.add_metadata({str(k): v for k, v in reader.metadata.items()})
    language = reader.root_object.get("/Lang")
    if language is not None:
        writer.root_object[NameObject("/Lang")] = TextStringObject(str(language))


def _draw_over(
    writer: PdfWriter, page: PageObject, stamp: PageObject, wrap: IndirectObject
) -> None:
    """Draw ``stamp`` over ``page``: the page's own drawing kept apart (q … Q), then the stamp
    as a form XObject with its own resources, so no name in one can mean something in the other."""
    form = _form(writer, stamp)
    resources = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
    forms = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    name = FORM
    while name in forms:
        name += "x"
    forms[NameObject(name)] = form
    resources[NameObject("/XObject")] = forms
    page[NameObject("/Resources")] = resources
    contents = page.get("/Contents")
    drawn = contents.get_object() if contents is not None else ArrayObject()
    own = list(drawn) if isinstance(drawn, ArrayObject) else [contents]
    after = DecodedStreamObject()
    after.set_data(f"\nQ\nq {name} Do Q\n".encode("ascii"))
    page[NameObject("/Contents")] = ArrayObject([wrap, *own, writer._add_object(after)])


def _form(writer: PdfWriter, stamp: PageObject) -> IndirectObject:
    """The stamp page as a form XObject in ``writer``: its content stream as it is (still
    compressed), with the page's box and resources."""
    contents = stamp.get("/Contents")
    stream = contents.get_object() if contents is not None else None
    if isinstance(stream, StreamObject):
        form = stream.clone(writer)
    else:  # no drawing, or several streams: one stream of them all
        form = DecodedStreamObject()
        form.set_data(stamp.get_contents().get_data() if stream is not None else b"")  # type: ignore[union-attr]
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in stamp.mediabox),
            NameObject("/Resources"): stamp["/Resources"].clone(writer)
            if "/Resources" in stamp
            else DictionaryObject(),
        }
    )
    if form.indirect_reference is None:
        return writer._add_object(form)
    return form.indirect_reference


def _bookmarks(items: Sequence[object], level: int) -> Iterator[tuple[int, Destination]]:
    """Every bookmark in order with its level: a part's top ones at ``level``, children below."""
    for item in items:
        if isinstance(item, list):
            yield from _bookmarks(item, level + 1)
        elif isinstance(item, Destination):
            yield level, item


def _place(
    reader: PdfReader, destination: Destination, added: Sequence[PageObject]
) -> _Place | None:
    number = reader.get_destination_page_number(destination)
    page = (
        added[number].indirect_reference
        if number is not None and 0 <= number < len(added)
        else None
    )
    if page is None:
        return None
    return _Place(page, destination.left, destination.top)


def _name_places(writer: PdfWriter, places: dict[str, _Place]) -> None:
    """Every named place of every part, in one name tree sorted by name as PDF asks."""
    if not places:
        return
    names = ArrayObject()
    for name in sorted(places):
        place = places[name]
        names.append(TextStringObject(name))
        names.append(
            ArrayObject(
                [
                    place.page,
                    NameObject("/XYZ"),
                    FloatObject(place.left or 0),
                    FloatObject(place.top or 0),
                    NumberObject(0),
                ]
            )
        )
    writer.root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/Dests"): DictionaryObject({NameObject("/Names"): names})}
    )
