"""The baseline view of `make bench` and the header with each answer's number of queries."""

from django.db import connection
from django.http import HttpResponse


def bare(request):
    """B: Django's hello world, through the same middleware and server as every page."""
    return HttpResponse("Hello, world", content_type="text/plain")


class CountQueriesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response
