"""Who and what a log line is about: the request's method, path and user."""

import logging

from django.db import DatabaseError


class RequestContextFilter(logging.Filter):
    """Adds ``request_context`` ("[GET /it/citta/ user=rossi] ") to every record."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is None or not hasattr(request, "method"):
            record.request_context = ""
            return True
        record.request_context = (
            f"[{request.method} {request.get_full_path()} user={self.username(request, record)}] "
        )
        return True

    @staticmethod
    def username(request, record):
        user = getattr(request, "_cached_user", None)  # set once the request has read its user
        if user is None and hasattr(request, "user"):
            error = record.exc_info[1] if record.exc_info else None
            if isinstance(error, DatabaseError):
                return "?"  # reading the user needs the database that just failed
            try:
                user = request.user
            except Exception:
                return "?"
        return user.get_username() if user is not None and user.is_authenticated else "-"
