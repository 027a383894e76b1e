"""The product's names for its own vocabulary, the same on every face.

Kinds of season and ways of caring as a person reads them ("new baby",
"practical help"), where the stored values are words for scripts
(``new-baby``, ``practical``).
"""

from __future__ import annotations

from collections.abc import Iterable

from reciprocity.coach.suggestions import STYLE_WORDS
from reciprocity.vocabulary import CareStyle, SeasonKind

SEASON_KIND_WORDS = {kind: kind.value.replace("-", " ") for kind in SeasonKind}


def style_word(style: CareStyle | str) -> str:
    return STYLE_WORDS.get(str(style), str(style))


def style_list(styles: Iterable[CareStyle | str]) -> str:
    """ "listening, practical help"; empty when none are given."""
    return ", ".join(style_word(s) for s in styles)
