"""Limits on how often one client (or one mailbox) may use what costs the site something:
counted in the shared cache, so every app instance counts together.

A client over its limit gets ``429 Too Many Requests`` with ``Retry-After`` and a page in
its language. When the cache does not answer, nothing is limited (the site stays up).
"""

import hashlib
import logging

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def allowed(name, subject):
    """Count one use of ``name`` by ``subject``; False once it is over its limit
    (settings.RATE_LIMITS: name → (uses, seconds))."""
    limit, seconds = settings.RATE_LIMITS[name]
    key = f"ratelimit:{name}:{hashlib.sha256(str(subject).encode()).hexdigest()[:32]}"
    try:
        cache.add(key, 0, timeout=seconds)
        return cache.incr(key) <= limit
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return True
    except Exception:  # a cache that does not answer must not take the site down
        logger.warning("Rate limit %s not counted: the cache does not answer.", name, exc_info=True)
        return True


def client_address(request):
    """The visitor's address, as the login lock-out sees it (settings AXES_IPWARE_*)."""
    return get_client_ip_address(request) or "unknown"


def mailbox(address):
    """The mailbox an address reaches: case folded, sub-address removed (a+b@x → a@x)."""
    local, _, domain = address.strip().casefold().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def too_many_requests(request, name):
    retry_after = settings.RATE_LIMITS[name][1]
    context = {"title": _("Too many requests"), "retry_after_minutes": max(1, retry_after // 60)}
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response
