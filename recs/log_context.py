"""Who and what a log line is about: the request's method, path and user."""

import logging


class RequestContextFilter(logging.Filter):
    """Adds ``request_context`` ("GET /it/citta/ user=rossi ") to every record.

    Only what the request already knows is used: looking up the user could need the
    database, which may be the very thing that failed.
    """

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is None or not hasattr(request, "method"):
            record.request_context = ""
            return True
        user = getattr(request, "_cached_user", None)  # set once the user has been read
        who = user.get_username() if user is not None and user.is_authenticated else "-"
        record.request_context = f"[{request.method} {request.get_full_path()} user={who}] "
        return True
