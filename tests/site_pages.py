"""Every public address of the site, derived from the URL resolver, for the site-wide guards.

A new URL is covered by the guards as soon as it exists: one without arguments by
itself, one with arguments once ``make_site`` gives it a sample object (the guards fail
until then, naming it), one that is not an HTML page once it is listed in NOT_PAGES.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

#: Public addresses that are not HTML pages: feeds, calendars, downloads.
NOT_PAGES = {
    "events:agenda-ics",
    "events:agenda-rss",
    "events:agenda-atom",
    "events:event-ics",
    "pressreview:press-rss",
    "pressreview:press-atom",
    "publications:publication-rss",
    "publications:publication-atom",
    "cities:cities-csv",
    "cities:history-csv",
    "cities:cities-json",
    "cities:city-names",
}
#: Links sent to one person by mail (signed tokens), not pages of the site.
PERSONAL = {"mailinglist:subscription-confirm", "mailinglist:unsubscribe"}
#: Pages that show results for what a visitor typed: not for search engines.
NOT_INDEXED = {"site:search", "cities:city-names"}
#: Addresses with a query string that the guards visit.
QUERIES = {"site:search": "?q=Torino"}


def public_url_names():
    """The names ("app:name") of the URLs under the language prefixes."""

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    names = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            names |= set(walk(pattern.url_patterns, None))
    return sorted(names)


def make_site():
    """The seed content plus one object of each kind the public pages show, by URL name."""
    from django.utils import timezone

    from cities.models import City
    from events.models import Event
    from recs.newsletter.models import Issue
    from recs.pages.models import Page
    from tests.factories import ArticleFactory, EventFactory, PublicationFactory, WorkingGroupFactory

    turin = City.objects.get(slug_it="torino")
    group = WorkingGroupFactory(
        name_it="Governance", name_en="Governance", year=2005, coordinating_city=turin
    )
    group.member_cities.add(turin)
    meeting = EventFactory(title_it="Riunione", title_en="Meeting", working_group=group, host_city=turin)
    article = ArticleFactory(
        headline_it="Torino strategica", headline_en="Strategic Turin", summary_it="Sommario."
    )
    article.cities.add(turin)
    article.events.add(meeting)
    report = PublicationFactory(
        title_it="Le città strategiche",
        title_en="The strategic cities",
        summary_it="<p>Il <em>rapporto</em>.</p>",
    )
    report.cities.add(turin)
    report.working_groups.add(group)
    issue = Issue.objects.create(
        subject_it="Notizie",
        subject_en="News",
        body_it="<p>Testo.</p>",
        sent_at=timezone.now(),
        news_it="",
        news_en="",
    )
    first_assembly = Event.objects.get(slug_it="prima-assemblea-nazionale-della-rete")
    return {
        "cities:city-detail": [turin, City.objects.get(slug_it="monaco-di-baviera")],
        "events:event-detail": [first_assembly, meeting],
        "events:event-ics": [first_assembly],
        "events:event-year": [(2004,)],
        "events:event-month": [(2004, 12)],
        "events:workinggroup-detail": [group],
        "pressreview:article-detail": [article],
        "pages:page-detail": [Page.objects.get(slug_it="storia")],
        "publications:publication-detail": [report],
        "newsletter:issue-detail": [issue],
    }


def urls_of(name, site):
    samples = site.get(name, [()])
    urls = []
    for sample in samples:
        if isinstance(sample, tuple):
            urls.append(reverse(name, args=sample) + QUERIES.get(name, ""))
        elif name == "events:event-ics":
            day = sample.start_date
            urls.append(reverse(name, kwargs={"year": day.year, "month": day.month, "slug": sample.slug}))
        else:
            urls.append(sample.get_absolute_url())
    return urls


def public_pages(site, language):
    """[(URL name, address)] of every public HTML page, in ``language``."""
    with translation.override(language):
        return [
            (name, url)
            for name in public_url_names()
            if name not in NOT_PAGES | PERSONAL
            for url in urls_of(name, site)
        ]


def public_downloads(site, language):
    """[(URL name, address)] of the feeds, calendars and downloads, in ``language``."""
    with translation.override(language):
        return [(name, url) for name in sorted(NOT_PAGES) for url in urls_of(name, site)]
