"""`make bench`: every page's throughput against a bare Django view, on the production stack.

    .venv/bin/python bench/stack.py [--articles 100000] [--events 5000] [--cities 2000]
                                    [--seconds 4] [--growth 1000000] [--only PART]

Fills a PostgreSQL database of its own (recs_bench_<articles>, made once and kept; its
comment says what it holds) with `generate_data`, starts gunicorn with production settings
(2 sync workers, bench/settings.py) and measures with wrk, in the same run:

- B, Django's hello world through the same middleware and server (bench/instrument.py),
  measured just before each page (the machine's speed drifts from minute to minute);
- each page with the page cache off (CACHE_PAGES=false), then on (Redis), as many
  requests a second as wrk can get, and the share of B;
- p50 and p99 at half that rate (bench/half_rate.lua), queries (X-Queries), bytes, and
  the largest worker's memory afterwards.

With --growth N it measures the uncached pages again on a database with N clippings and
ten times the events, and compares each page's share of B with the first one.
It prints Markdown tables and the targets missed, and writes them to var/bench/.
A benchmark, not a test: `make test` never runs it.
"""

import argparse
import datetime
import math
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench.settings, for the process that reads the pages' addresses
BIN = Path(sys.executable).parent
WRK = os.environ.get("WRK", "/usr/bin/wrk")
SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
PORT = int(os.environ.get("BENCH_PORT", "8790"))
CONNECTIONS = 4
# One key for the whole run: the staff session made beforehand must stay valid.
# (set in the environment, so that the process reading the pages' addresses shares it)
SECRET_KEY = os.environ.setdefault("BENCH_SECRET_KEY", secrets.token_urlsafe(50))

# Targets (issue "Speed at scale"): shares of B.
UNCACHED_TARGET = {"page": 0.04, "admin": 0.02, "feed": 0.02}
CACHED_TARGET = 0.3
MAX_QUERIES = 10
MAX_WORKER_MB = 250
MAX_P99_OVER_P50 = 4
GROWTH_LIMIT = 1.5


@dataclass
class Page:
    name: str
    url: str
    kind: str  # page (public HTML), feed (feeds, calendars, sitemap, exports) or admin


@dataclass
class Result:
    page: Page
    rps: float
    share: float
    p50: float
    p99: float
    queries: int
    size: int
    worker_mb: float
    errors: int
    baseline: float = 0.0  # B measured just before the page
    cache: str = ""
    streamed: bool = False
    misses: list = field(default_factory=list)


# --- the database -------------------------------------------------------------------------


def bench_environment(database, cache_pages):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"{SERVER}/{database}",
        REDIS_URL=REDIS_URL,
        CACHE_PAGES="true" if cache_pages else "false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        HTTPS="false",
        LOG_LEVEL="ERROR",
        MEDIA_ROOT=str(ROOT / "var" / "bench" / "media"),
        STATIC_ROOT=str(ROOT / "var" / "bench" / "static"),
        SECRET_KEY=SECRET_KEY,
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(cities, articles, events):
    """recs_bench_<articles>, filled once; its comment says with what."""
    import psycopg

    database = f"recs_bench_{articles}"
    label = f"recs bench: {cities} cities, {articles} articles, {events} events"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [database],
        ).fetchone()
        if row and row[0] == label:
            manage(bench_environment(database, cache_pages=False), "migrate", "--noinput", "--verbosity", "0")
            return database
        if row:
            connection.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')
    print(f"Filling {database}: {label} (once; it is kept for the next runs)", flush=True)
    env = bench_environment(database, cache_pages=False)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_seed")
    manage(
        env, "generate_data", "--cities", str(cities), "--articles", str(articles), "--events", str(events)
    )
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
        connection.execute(f"COMMENT ON DATABASE \"{database}\" IS '{label}'")
    return database


# --- the pages --------------------------------------------------------------------------


def pages_and_staff_cookie(database):
    """In a process of its own (Django is set up there for one database)."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(describe, [database])


def describe(database):
    """Every page the issue names, with real addresses from the database, and a staff
    session for the admin's."""
    os.environ.update(bench_environment(database, cache_pages=False))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.urls import reverse
    from django.utils import translation

    from cities.models import City
    from events.models import Event, WorkingGroup
    from pressreview.models import Article, Outlet
    from recs.pages.models import Page as ContentPage

    translation.activate("it")
    torino = City.objects.get(slug_it="torino")
    peer = City.objects.filter(role=City.Role.PEER).order_by("pk").first()
    region = (
        City.objects.filter(role=City.Role.MEMBER).exclude(region="").values_list("region", flat=True).first()
    )
    event = Event.objects.published().order_by("-start_date").first()
    group = WorkingGroup.objects.order_by("-year").first()
    article = Article.objects.published().order_by("-published_on").first()
    outlet = Outlet.objects.order_by("pk").first()
    content_page = ContentPage.objects.order_by("pk").first()
    year = event.start_date.year
    month = event.start_date.month

    def it(name, *args, **kwargs):
        return reverse(name, args=args, kwargs=kwargs)

    def en(name, *args, **kwargs):
        with translation.override("en"):
            return reverse(name, args=args, kwargs=kwargs)

    directory = it("cities:city-list")
    press = it("pressreview:article-list")
    pages = [
        Page("home", it("site:home"), "page"),
        Page("home (en)", en("site:home"), "page"),
        Page("directory", directory, "page"),
        Page("directory, status", f"{directory}?status=member", "page"),
        Page("directory, region", f"{directory}?region={region}", "page"),
        Page("directory, name", f"{directory}?q=san", "page"),
        Page("directory, 2008-01-01", f"{directory}?on=2008-01-01", "page"),
        Page("city page (Torino)", it("cities:city-detail", slug=torino.slug), "page"),
        Page("peer cities", it("cities:peer-list"), "page"),
        Page("peer city page", it("cities:city-detail", slug=peer.slug), "page"),
        Page("observatory", it("cities:observatory"), "page"),
        Page("open data", it("cities:open-data"), "page"),
        Page("working groups", it("events:workinggroup-list"), "page"),
        Page("working group", group.get_absolute_url(), "page"),
        Page("agenda", it("events:event-list"), "page"),
        Page("agenda, year", it("events:event-year", year=year), "page"),
        Page("agenda, month", it("events:event-month", year=year, month=month), "page"),
        Page("event page", event.get_absolute_url(), "page"),
        Page("press review, first page", press, "page"),
        Page("press review, oldest page", f"{press}?oldest=1", "page"),
        Page(
            "press review, older page",
            f"{press}?before={article.published_on.isoformat()}.{article.pk}",
            "page",
        ),
        Page("press review, outlet", f"{press}?outlet={outlet.slug}", "page"),
        Page("press review, city", f"{press}?city={torino.slug_it}", "page"),
        Page("press review (en)", en("pressreview:article-list"), "page"),
        Page("clipping page", article.get_absolute_url(), "page"),
        Page("search ?q=torino", f"{it('site:search')}?q=torino", "page"),
        Page("search (en) ?q=plan", f"{en('site:search')}?q=plan", "page"),
        Page("association page", content_page.get_absolute_url(), "page"),
        Page("contacts", it("pages:contacts"), "page"),
        Page("press review RSS", it("pressreview:press-rss"), "feed"),
        Page("agenda RSS", it("events:agenda-rss"), "feed"),
        Page("agenda iCalendar", it("events:agenda-ics"), "feed"),
        Page("sitemap index", reverse("sitemap"), "feed"),
        Page("sitemap, clippings page 1", f"{reverse('sitemap-section', args=['press'])}?p=1", "feed"),
        Page("cities CSV", it("cities:cities-csv"), "feed"),
        Page("status history CSV", it("cities:history-csv"), "feed"),
        Page("cities JSON", it("cities:cities-json"), "feed"),
        Page("admin: cities", reverse("admin:cities_city_changelist"), "admin"),
        Page("admin: status changes", reverse("admin:cities_statuschange_changelist"), "admin"),
        Page("admin: events", reverse("admin:events_event_changelist"), "admin"),
        Page("admin: clippings", reverse("admin:pressreview_article_changelist"), "admin"),
        Page(
            "admin: clippings search", reverse("admin:pressreview_article_changelist") + "?q=torino", "admin"
        ),
        Page("admin: city form", reverse("admin:cities_city_change", args=[torino.pk]), "admin"),
        Page("admin: clipping form", reverse("admin:pressreview_article_change", args=[article.pk]), "admin"),
    ]
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True, "email": "bench@example.org"}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return pages, f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


# --- the server and the load ------------------------------------------------------------


def start_gunicorn(env):
    process = subprocess.Popen(
        [
            BIN / "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--access-logfile",
            "/dev/null",
            # No recycling during a benchmark: the memory measured is what a worker grew to.
            "--max-requests",
            "0",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    sys.exit("gunicorn did not start; see the messages above.")


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def worker_memory_mb(master):
    """The largest resident size among the master's workers."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master.pid}$", text, re.M):
            rss = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            sizes.append(int(rss.group(1)) / 1024 if rss else 0)
    return max(sizes, default=0)


def fetch(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


UNITS = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}


def wrk(url, seconds, cookie="", rate=None, latency_ms=0):
    command = [WRK, "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    env = dict(os.environ)
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if rate:
        command += ["-s", str(ROOT / "bench" / "half_rate.lua")]
        env.update(RATE=str(rate), CONNECTIONS=str(CONNECTIONS), LATENCY_MS=str(latency_ms))
    output = subprocess.run([*command, url], capture_output=True, text=True, env=env, check=True).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(
        int(n) for n in re.findall(r"(?:Non-2xx or 3xx responses|connect|read|write|timeout):? (\d+)", output)
    )
    return rps, latency(50), latency(99), errors


def measure_baseline(seconds):
    return wrk(f"http://127.0.0.1:{PORT}/bare/", seconds)[0]


def measure(pages, cookie, master, seconds):
    """Each page's results, its share of a B measured just before it: the machine's speed
    drifts over minutes (other machines share its cores), so a B measured once for the
    whole run made the shares of the pages measured in a slow minute look worse."""
    results = []
    for page in pages:
        url = f"http://127.0.0.1:{PORT}{page.url}"
        page_cookie = cookie if page.kind == "admin" else ""
        status, body, headers = fetch(url, page_cookie)  # warms the worker (and the page cache)
        if status != 200:
            print(f"  {page.name}: {url} answered {status}", file=sys.stderr, flush=True)
        baseline = measure_baseline(max(2, seconds // 2))
        rps, _, _, errors = wrk(url, seconds, page_cookie)
        p50 = p99 = float("nan")
        half_errors = 0
        if rps:
            # Long enough for each connection to make a few requests at that rate.
            half_seconds = max(3, seconds - 1, math.ceil(4 * CONNECTIONS / (rps / 2)))
            half = wrk(url, half_seconds, page_cookie, rate=rps / 2, latency_ms=1000 / rps)
            _, p50, p99, half_errors = half
        _, _, headers = fetch(url, page_cookie)
        result = Result(
            page=page,
            rps=rps,
            share=rps / baseline,
            baseline=baseline,
            p50=p50,
            p99=p99,
            queries=int(headers.get("X-Queries", "-1")),
            size=len(body),
            worker_mb=worker_memory_mb(master),
            errors=errors + half_errors + (status != 200),
            cache=headers.get("X-Page-Cache", ""),
            # Sent as it is read (no length known beforehand): its memory stays the same.
            streamed=headers.get("Transfer-Encoding", "") == "chunked" or "Content-Length" not in headers,
        )
        print(
            f"  {page.name:32} {rps:8.1f}/s {result.share:7.4f}·B (B {baseline:,.0f}/s) "
            f"p50 {p50:7.1f} ms p99 {p99:7.1f} ms",
            flush=True,
        )
        results.append(result)
    return results


def run(database, pages, cookie, cache_pages, seconds):
    env = bench_environment(database, cache_pages)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    master = start_gunicorn(env)
    try:
        print(f"{'Cached' if cache_pages else 'Uncached'} ({database}):", flush=True)
        measure_baseline(seconds)  # the workers warmed up
        results = measure(pages, cookie, master, seconds)
        return statistics.median(result.baseline for result in results), results
    finally:
        stop(master)


# --- the report -------------------------------------------------------------------------


def misses(result, cache_pages):
    """The targets of the issue "Speed at scale" this result misses: public HTML pages at
    0.04·B uncached and 0.3·B cached; admin 0.02·B; feeds, calendars, sitemap and exports
    0.02·B or streamed (constant memory); p99 within 4× p50; at most 10 queries; no worker
    above 250 MB; no errors."""
    page, found = result.page, []
    target = CACHED_TARGET if cache_pages and page.kind == "page" else UNCACHED_TARGET[page.kind]
    if result.share < target and not (page.kind == "feed" and result.streamed):
        found.append(f"share {result.share:.3f} < {target}")
    if result.p99 > MAX_P99_OVER_P50 * result.p50:
        found.append(f"p99 {result.p99:.0f} ms > {MAX_P99_OVER_P50}×p50")
    if result.queries > MAX_QUERIES:
        found.append(f"{result.queries} queries")
    if result.worker_mb > MAX_WORKER_MB:
        found.append(f"worker {result.worker_mb:.0f} MB")
    if result.errors:
        found.append(f"{result.errors} errors")
    return found


def table(title, baseline, results, cache_pages):
    lines = [
        f"### {title}",
        "",
        f"B (bare Django view, same middleware and server), measured just before each page: "
        f"median **{baseline:,.0f} requests/s**",
        "",
        "| page | requests/s | B | share of B | p50 ms | p99 ms | queries | bytes | worker MB | cache | misses |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        r.misses = misses(r, cache_pages)
        lines.append(
            f"| {r.page.name} | {r.rps:,.1f} | {r.baseline:,.0f} | {r.share:.4f} | {r.p50:.1f} | {r.p99:.1f} | {r.queries} "
            f"| {r.size:,} | {r.worker_mb:.0f} | {'streamed' if r.streamed else r.cache or '—'} "
            f"| {'; '.join(r.misses) or '—'} |"
        )
    return lines


def growth_table(small, large, small_db, large_db):
    lines = [
        f"### Growth: {large_db} against {small_db} (uncached, share of each run's B)",
        "",
        "| page | share at small | share at large | time ratio | within 1.5× |",
        "|---|---:|---:|---:|---|",
    ]
    for a, b in zip(small, large, strict=True):
        ratio = a.share / b.share if b.share else float("inf")
        lines.append(
            f"| {a.page.name} | {a.share:.4f} | {b.share:.4f} | {ratio:.2f} | {'yes' if ratio <= GROWTH_LIMIT else 'NO'} |"
        )
    return lines


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        "?",
    )
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024**2
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, PostgreSQL and Redis on the same machine"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--seconds", type=int, default=4, help="of wrk's run for each page")
    parser.add_argument(
        "--growth", type=int, default=0, help="clippings of a second database to compare with"
    )
    parser.add_argument("--only", default="", help="only the pages whose name contains this")
    parser.add_argument("--uncached-only", action="store_true")
    args = parser.parse_args()

    database = prepare_database(args.cities, args.articles, args.events)
    large_database = (
        prepare_database(args.cities, args.growth, args.events * args.growth // args.articles)
        if args.growth
        else ""
    )
    manage(bench_environment(database, False), "collectstatic", "--noinput", "--verbosity", "0")
    pages, cookie = pages_and_staff_cookie(database)
    pages = [page for page in pages if args.only.lower() in page.name.lower()]

    report = [
        f"## `make bench`, {datetime.date.today().isoformat()}",
        "",
        f"Machine: {machine()}. gunicorn with production settings, 2 sync workers; wrk, "
        f"{CONNECTIONS} connections, {args.seconds} s a page; p50/p99 at half the page's maximum rate.",
        "",
    ]
    baseline, uncached = run(database, pages, cookie, False, args.seconds)
    report += table(f"Uncached (CACHE_PAGES=false), {database}", baseline, uncached, False) + [""]
    if not args.uncached_only:
        baseline, cached = run(database, pages, cookie, True, args.seconds)
        report += table(f"Page cache on (Redis), {database}", baseline, cached, True) + [""]
    if large_database:
        names = {page.name for page in pages}
        large_pages, large_cookie = pages_and_staff_cookie(large_database)
        large_pages = [page for page in large_pages if page.name in names]
        baseline, grown = run(large_database, large_pages, large_cookie, False, args.seconds)
        report += table(f"Uncached, {large_database}", baseline, grown, False) + [""]
        report += growth_table(uncached, grown, database, large_database) + [""]
    missed = [r for r in uncached + (cached if not args.uncached_only else []) if r.misses]
    report.append(
        f"Targets missed: {len(missed)}"
        + "".join(f"\n- {r.page.name}: {'; '.join(r.misses)}" for r in missed)
    )
    text = "\n".join(report)
    print("\n" + text)
    out = ROOT / "var" / "bench" / "last.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n")
    print(f"\nWritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
