"""The local web app: ``create_app(settings)`` and its settings; ``locked_app(settings)``
for an encrypted database, until its passphrase is typed on the unlock page;
``create_lan_app(settings, lan, app)`` for the phones' listener beside it (``LanState``).

Run it with ``reciprocity serve``. Importing this package imports FastAPI; the
command line imports it only inside ``serve``.
"""

from reciprocity.web.app import create_app
from reciprocity.web.lan import LanState, create_lan_app
from reciprocity.web.settings import WebSettings
from reciprocity.web.unlock import locked_app

__all__ = ["LanState", "WebSettings", "create_app", "create_lan_app", "locked_app"]
