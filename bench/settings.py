"""`make bench` only: the production settings, plus a bare Django view to compare with and
a header that counts each answer's queries (bench/instrument.py)."""

from recs.settings.prod import *  # noqa: F403
from recs.settings.prod import MIDDLEWARE, PAGE_CACHE_SKIPPED_PATHS, RATE_LIMITS

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.instrument.CountQueriesMiddleware", *MIDDLEWARE]
# The baseline answers through every middleware but is never kept in the page cache.
PAGE_CACHE_SKIPPED_PATHS = (*PAGE_CACHE_SKIPPED_PATHS, "/bare/")
# One client makes every request of a benchmark: no limit may answer 429.
RATE_LIMITS = {name: (10**9, seconds) for name, (uses, seconds) in RATE_LIMITS.items()}
