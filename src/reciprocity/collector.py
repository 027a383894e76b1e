"""Python's cycle collector, paused while a large batch of plain objects is built.

Reading a chat export or every stored moment makes hundreds of thousands of
small objects (tuples, numbers, strings) that never form cycles. The cycle
collector would walk them again and again as they pile up: a quarter to a
half of the time of such a step. Reference counting still frees them; the
collector runs again as soon as the step is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
