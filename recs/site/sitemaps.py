from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.urls import reverse

from cities.models import City
from events.models import Event, WorkingGroup
from pressreview.models import Article
from recs.pages.models import Page


class EveryLanguage:
    """(item, language) for each item and language, as Django's i18n sitemaps list them,
    but read from the database a page at a time (Django builds the whole list in memory,
    for every page)."""

    def __init__(self, items, languages):
        # In a fixed order, so that the pages neither repeat nor miss an item.
        self.items = items.order_by("pk") if isinstance(items, QuerySet) else list(items)
        self.languages = languages

    def count(self):
        items = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return items * len(self.languages)

    __len__ = count

    def __getitem__(self, index):
        width = len(self.languages)
        first, last = index.start or 0, index.stop
        objects = self.items[first // width : -(-last // width)]
        pairs = [(obj, language) for obj in objects for language in self.languages]
        skip = first - (first // width) * width
        return pairs[skip : skip + last - first]


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per page of a section (each object counts once per language).
    limit = 2000

    @property
    def paginator(self):
        languages = self.languages or [code for code, _ in settings.LANGUAGES]
        return Paginator(EveryLanguage(self.items(), languages), self.limit)


class StaticViewSitemap(BilingualSitemap):
    def items(self):
        return [
            "site:home",
            "pages:association",
            "pages:contacts",
            "cities:city-list",
            "cities:peer-list",
            "cities:observatory",
            "cities:open-data",
            "events:event-list",
            "events:workinggroup-list",
            "pressreview:article-list",
            "mailinglist:subscribe",
        ]

    def location(self, item):
        return reverse(item)


class PageSitemap(BilingualSitemap):
    def items(self):
        return Page.objects.published()

    def lastmod(self, page):
        return page.updated_at


class CitySitemap(BilingualSitemap):
    def items(self):
        return City.objects.all()


class EventSitemap(BilingualSitemap):
    def items(self):
        return Event.objects.published()


class EventArchiveSitemap(BilingualSitemap):
    """The agenda's pages for each year and month that has events."""

    def items(self):
        events = Event.objects.published()
        years = [(day.year,) for day in events.dates("start_date", "year")]
        months = [(day.year, day.month) for day in events.dates("start_date", "month")]
        return years + months

    def location(self, item):
        return reverse("events:event-year" if len(item) == 1 else "events:event-month", args=item)


class WorkingGroupSitemap(BilingualSitemap):
    def items(self):
        return WorkingGroup.objects.all()


class ArticleSitemap(BilingualSitemap):
    def items(self):
        return Article.objects.published()


sitemaps = {
    "static": StaticViewSitemap,
    "pages": PageSitemap,
    "cities": CitySitemap,
    "events": EventSitemap,
    "agenda-archive": EventArchiveSitemap,
    "working-groups": WorkingGroupSitemap,
    "press": ArticleSitemap,
}
