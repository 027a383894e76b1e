"""``KEEP``: what an edit leaves out stays as it is.

Edits take every detail as optional; ``KEEP`` (the default) leaves a detail
unchanged, while ``None`` clears one that may be empty (a moment's style, a
season's end).
"""

from __future__ import annotations

from enum import Enum


class Keep(Enum):
    KEEP = "keep"


KEEP = Keep.KEEP
