"""Time the public pages and admin changelists on a realistic amount of data.

    .venv/bin/python bench/pages.py [--rows 2000] [--runs 5]

Runs on a throw-away test database (SQLite by default, PostgreSQL with
DATABASE_URL), fills it with ``--rows`` rows of every model (tests/bulk.py), and prints
for each page the median time of ``--runs`` requests and its number of queries.
A benchmark, not a test: it asserts nothing and is never run by `make test`.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recs.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)

from recs.site.seed.loader import load  # noqa: E402
from tests.bulk import make_rows  # noqa: E402

PUBLIC = [
    "/it/",
    "/it/citta/",
    "/it/citta/?on=2008-01-01",
    "/it/citta/europa/",
    "/it/citta/torino/",
    "/it/citta/osservatorio/",
    "/it/citta/dati-aperti/recs-cities.csv",
    "/it/citta/dati-aperti/recs-cities.json",
    "/it/agenda/",
    "/it/agenda/2005/",
    "/it/agenda/calendario.ics",
    "/it/rassegna-stampa/",
    "/it/rassegna-stampa/rss/",
    "/it/cerca/?q=citta",
    "/sitemap.xml",
]
ADMIN = [
    "/admin/cities/city/",
    "/admin/cities/statuschange/",
    "/admin/events/event/",
    "/admin/pressreview/article/",
]


def fill(rows):
    load()
    make_rows(0, rows)


def measure(client, url, runs):
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings) * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        fill(args.rows)
        public = Client()
        staff = Client()
        staff.force_login(get_user_model().objects.create_superuser("bench", "bench@example.org", "bench"))
        print(f"{connection.vendor}, {args.rows} rows, median of {args.runs} runs")
        print(f"{'page':45} {'ms':>8} {'queries':>8}")
        for client, urls in ((public, PUBLIC), (staff, ADMIN)):
            for url in urls:
                ms, queries = measure(client, url, args.runs)
                print(f"{url:45} {ms:8.1f} {queries:8d}")
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
