"""The local web app: ``create_app(settings)`` and its settings; ``locked_app(settings)``
for an encrypted database, until its passphrase is typed on the unlock page.

Run it with ``reciprocity serve``. Importing this package imports FastAPI; the
command line imports it only inside ``serve``.
"""

from reciprocity.web.app import create_app
from reciprocity.web.settings import WebSettings
from reciprocity.web.unlock import locked_app

__all__ = ["WebSettings", "create_app", "locked_app"]
