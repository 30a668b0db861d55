"""Health checks for load balancers and the service manager, outside the language prefixes.

- ``/healthz``: the process answers (touches nothing else), for liveness.
- ``/readyz``: the database and the cache answer, for readiness; 503 when either does not.
"""

import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_answers():
    key, token = "recs:readyz", secrets.token_hex(8)
    try:
        cache.set(key, token, 10)
        return cache.get(key) == token
    except Exception:  # each cache backend raises its own connection errors
        return False


@never_cache
@require_GET
def readyz(request):
    checks = {"database": database_answers(), "cache": cache_answers()}
    ready = all(checks.values())
    response = JsonResponse(
        {
            "status": "ready" if ready else "unavailable",
            "checks": {k: "ok" if v else "failing" for k, v in checks.items()},
        },
        status=200 if ready else 503,
    )
    if not ready:
        response["Retry-After"] = "10"
    return response
