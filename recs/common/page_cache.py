"""Whole public pages kept in the shared cache (Redis in production) for anonymous visitors.

A page is stored under the cache's current *generation*. Saving or deleting any content
(a model of an app in ``settings.PAGE_CACHE_CONTENT_APPS``) moves the generation on, so the
next request on every instance renders the page afresh: changes show at once, not when a
timeout runs out. Pages also carry the day they were drawn on (the agenda's "upcoming",
statuses that come into force at midnight) and expire after ``PAGE_CACHE_SECONDS``.

Only what is the same for every anonymous visitor is kept: a GET or HEAD without a
session cookie, answered 200 with no cookie set and no CSRF token in it, outside the
admin. ``CACHE_PAGES = False`` (environment ``CACHE_PAGES=false``) turns it all off, for
measuring and debugging; a cache that does not answer only makes pages uncached.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
#: When something scheduled next appears or goes (seconds since the epoch; 0: nothing).
NEXT_CHANGE_KEY = "page-cache:next-change"
HEADER = "X-Page-Cache"
CACHED_TYPES = (
    "text/html",
    "application/xml",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "text/calendar",
    "text/csv",
    "text/plain",
)


def current_generation():
    known = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
    generation, next_change = known.get(GENERATION_KEY), known.get(NEXT_CHANGE_KEY)
    if next_change is None:
        remember_next_change()
    elif next_change and time.time() >= next_change:
        # Something scheduled has just appeared or gone: the pages drawn before are stale.
        invalidate()
        remember_next_change()
        generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh start (or an evicted key): never a number an older page may still carry.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate():
    """Every cached page is out of date, on every instance sharing the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: the next request starts one
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.warning("Page cache not invalidated: the cache does not answer.", exc_info=True)


def remember_next_change():
    """Note when scheduled content next appears or goes (``recs.common.publication``)."""
    from .publication import next_change

    moment = next_change()
    try:
        cache.set(NEXT_CHANGE_KEY, moment.timestamp() if moment else 0, timeout=None)
    except Exception:
        logger.warning("Next scheduled change not noted: the cache does not answer.", exc_info=True)


def invalidate_after_change():
    """Now, and again once the change is committed: a page another instance draws from
    the data not yet committed is then stored under a generation nobody asks for. A
    change may schedule something: the next scheduled moment is looked up afresh."""

    def forget():
        invalidate()
        try:
            cache.delete(NEXT_CHANGE_KEY)
        except Exception:
            logger.warning("Next scheduled change not forgotten: the cache does not answer.", exc_info=True)

    forget()
    transaction.on_commit(forget)


def content_changed(sender, **kwargs):
    """Receiver for post_save, post_delete and m2m_changed (see CommonConfig.ready)."""
    if sender._meta.app_label in settings.PAGE_CACHE_CONTENT_APPS:
        if kwargs.get("action", "post_").startswith("post_"):
            invalidate_after_change()


class PageCacheMiddleware:
    """Answer anonymous visitors from the page cache; place it before the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.key(request) if self.request_is_cacheable(request) else None
        if key is None:
            return self.get_response(request)
        try:
            response = cache.get(key)
        except Exception:
            logger.warning("Page cache not read: the cache does not answer.", exc_info=True)
            return self.get_response(request)
        if response is not None:
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if self.response_is_cacheable(request, response):
            response[HEADER] = "miss"
            try:
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Page not cached: the cache does not answer.", exc_info=True)
        return response

    @staticmethod
    def request_is_cacheable(request):
        return (
            settings.CACHE_PAGES
            and request.method in ("GET", "HEAD")
            # A signed-in user, or a visitor with a message waiting, sees a page of their own.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
            and not request.path.startswith(settings.PAGE_CACHE_SKIPPED_PATHS)
        )

    @staticmethod
    def key(request):
        try:
            host = request.get_host()
            generation = current_generation()
        except DisallowedHost:
            return None  # answered 400 by the view's turn
        except Exception:
            logger.warning("Page cache skipped: the cache does not answer.", exc_info=True)
            return None
        address = f"{request.scheme}://{host}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page:{generation}:{timezone.localdate().isoformat()}:{digest}"

    @staticmethod
    def response_is_cacheable(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page holding this visitor's CSRF token is theirs alone.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and response.get("Content-Type", "").split(";")[0] in CACHED_TYPES
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )
