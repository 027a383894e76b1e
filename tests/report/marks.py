"""Whether an inline SVG chart of the report draws anything: a reading, not only its frame."""

from __future__ import annotations

import re

CHARTS = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
DATA_MARK = re.compile(
    r'<circle[^>]*\sfill="#(?!ffffff")[0-9a-f]{6}"'  # a known point, a felt or audit rating
    r'|<circle[^>]*\sr="6\.5"'  # the ring of what the notes suggest
    r'|<rect[^>]*\sfill="#(?:d9a066|6f9fc8|8fbf9a)"'  # a month that leaned, or flowed both ways
)


def charts(html: str) -> list[str]:
    return CHARTS.findall(html)


def draws_something(svg: str) -> bool:
    """True when the chart holds at least one mark of data; frames, axes and hollow dots are not."""
    return DATA_MARK.search(svg) is not None
