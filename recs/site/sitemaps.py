from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.urls import reverse

from cities.models import City
from events.models import Event, WorkingGroup
from pressreview.models import Article
from recs.pages.models import Page


class EveryLanguage:
    """(item, language) for each item and language, as Django's i18n sitemaps list them,
    but read from the database a page at a time (Django builds the whole list in memory,
    for every page).

    For database rows the position of (row, language) is given by the row's key, so a
    page is one range of keys (an index read, however deep the page) and the number of
    pages comes from the largest key, never from counting the rows. Keys that are gone
    or unpublished leave a page shorter, never an address repeated or missed.
    """

    def __init__(self, items, languages):
        self.items = items.order_by("pk") if isinstance(items, QuerySet) else list(items)
        self.languages = languages

    def count(self):
        if isinstance(self.items, QuerySet):
            largest = self.items.aggregate(largest=Max("pk"))["largest"] or 0
            return largest * len(self.languages)
        return len(self.items) * len(self.languages)

    __len__ = count

    def __getitem__(self, index):
        width = len(self.languages)
        first, last = index.start or 0, index.stop
        if not isinstance(self.items, QuerySet):
            pairs = [(obj, language) for obj in self.items for language in self.languages]
            return pairs[first:last]
        objects = self.items.filter(pk__gt=first // width, pk__lte=-(-last // width))
        return [
            (obj, language)
            for obj in objects
            for offset, language in enumerate(self.languages)
            if first <= (obj.pk - 1) * width + offset < last
        ]


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
