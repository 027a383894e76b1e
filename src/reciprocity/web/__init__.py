"""The local web app: ``create_app(settings)`` and its settings.

Run it with ``reciprocity serve``. Importing this package imports FastAPI; the
command line imports it only inside ``serve``.
"""

from reciprocity.web.app import create_app
from reciprocity.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
