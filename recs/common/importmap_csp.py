"""Let the rich-text editor's import map through the Content-Security-Policy.

The editor's modules find each other through an import map, which browsers only read
inline (``<script type="importmap">``), and the site's policy runs no inline script.
This middleware adds the hash of the import maps a response carries to that response's
``script-src``: exactly that text may run, nothing else inline. It sits after django-csp's
middleware in ``MIDDLEWARE`` so that its change is seen when the header is written.
"""

import base64
import hashlib
import re

IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def allow_import_maps(get_response):
    def middleware(request):
        response = get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        hashes = [
            f"'sha256-{base64.b64encode(hashlib.sha256(found).digest()).decode()}'"
            for found in IMPORT_MAP.findall(response.content)
        ]
        if hashes:
            update = getattr(response, "_csp_update", None) or {}
            update["script-src"] = [*update.get("script-src", []), *hashes]
            response._csp_update = update
        return response

    return middleware
