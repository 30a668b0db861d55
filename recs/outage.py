"""When the database is down or does not answer: 503 and a page that needs no database.

Every page needs the database, so while it is unreachable the honest answer is
"come back shortly", not a server error. The connection has a short connect timeout
and a statement timeout (settings), so the visitor learns it within seconds, and the
worker is free again at once; persistent connections are health-checked, so the
site recovers by itself when the database is back.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def service_unavailable(request, error):
    logger.warning("Database unavailable for %s %s: %s", request.method, request.path, error)
    # Rendered without a request: the context processors would query the database.
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Answers 503 when a view or its template cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            return service_unavailable(request, exception)
        return None


def server_error(request):
    """handler500: a database outage met outside a view (a middleware) is still a 503."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE_ERRORS):
        return service_unavailable(request, error)
    return HttpResponseServerError(loader.render_to_string("500.html"))
