from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cities.models import City
from events.models import Event, WorkingGroup
from pressreview.models import Article
from recs.pages.models import Page


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per page of a section (each object counts once per language).
    limit = 5000


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
