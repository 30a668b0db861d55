from xml.sax.saxutils import escape

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max, QuerySet
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation

from cities.models import City
from events.models import Event, WorkingGroup
from pressreview.models import Article
from recs.common.addresses import address_maker, translated
from recs.common.languages import codes, first
from recs.newsletter.models import Issue
from recs.pages.models import Page
from recs.publications.models import Publication


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
        return Paginator(EveryLanguage(self.items(), codes()), self.limit)

    def address_maker(self, language):
        """item → its address in ``language``; sections with many rows give a faster one."""

        def address(item):
            with translation.override(language):
                return self.location(item)

        return address


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
            "publications:publication-list",
            "newsletter:issue-list",
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

    def address_maker(self, language):
        return address_maker("cities:city-detail", language, slug=translated("slug", language))


class EventSitemap(BilingualSitemap):
    def items(self):
        return Event.objects.published()

    def address_maker(self, language):
        return address_maker(
            "events:event-detail",
            language,
            year=lambda event: event.start_date.year,
            month=lambda event: event.start_date.month,
            slug=translated("slug", language),
        )


class EventArchiveSitemap(BilingualSitemap):
    """The agenda's pages for each year and month that has events."""

    def items(self):
        months = Event.objects.published_months()
        years = sorted({day.year for day in months})
        return [(year,) for year in years] + [(day.year, day.month) for day in months]

    def location(self, item):
        return reverse("events:event-year" if len(item) == 1 else "events:event-month", args=item)


class WorkingGroupSitemap(BilingualSitemap):
    def items(self):
        return WorkingGroup.objects.all()

    def address_maker(self, language):
        return address_maker(
            "events:workinggroup-detail",
            language,
            year=lambda group: group.year,
            slug=translated("slug", language),
        )


class ArticleSitemap(BilingualSitemap):
    def items(self):
        return Article.objects.published().only("pk", "published_on", *(f"slug_{code}" for code in codes()))

    def address_maker(self, language):
        return address_maker(
            "pressreview:article-detail",
            language,
            year=lambda article: article.published_on.year,
            month=lambda article: article.published_on.month,
            slug=translated("slug", language),
        )


class PublicationSitemap(BilingualSitemap):
    def items(self):
        return Publication.objects.published().only("pk", "updated_at", *(f"slug_{code}" for code in codes()))

    def lastmod(self, publication):
        return publication.updated_at

    def address_maker(self, language):
        return address_maker("publications:publication-detail", language, slug=translated("slug", language))


class NewsletterSitemap(BilingualSitemap):
    def items(self):
        return Issue.objects.sent()

    def lastmod(self, issue):
        return issue.sent_at


sitemaps = {
    "static": StaticViewSitemap,
    "pages": PageSitemap,
    "cities": CitySitemap,
    "events": EventSitemap,
    "agenda-archive": EventArchiveSitemap,
    "working-groups": WorkingGroupSitemap,
    "press": ArticleSitemap,
    "publications": PublicationSitemap,
    "newsletter": NewsletterSitemap,
}


def section(request, section):
    """One page of a section of the sitemap (``?p=``), written here rather than by
    Django's sitemap view and template: thousands of addresses, each with its
    alternates, cost that view half a second a page."""
    if section not in sitemaps:
        raise Http404("No such section.")
    sitemap = sitemaps[section]()
    try:
        page = sitemap.paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page.") from None
    base = f"{request.scheme}://{request.get_host()}"
    makers = {code: sitemap.address_maker(code) for code in codes()}
    default = first()
    lastmod = getattr(sitemap, "lastmod", None)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for item, language in page.object_list:
        addresses = {code: escape(base + make(item)) for code, make in makers.items()}
        changed = lastmod(item) if lastmod else None
        lines.append(
            f"<url><loc>{addresses[language]}</loc>"
            + (f"<lastmod>{changed.date().isoformat()}</lastmod>" if changed else "")
            + "".join(
                f'<xhtml:link rel="alternate" hreflang="{code}" href="{address}"/>'
                for code, address in addresses.items()
            )
            + f'<xhtml:link rel="alternate" hreflang="x-default" href="{addresses[default]}"/></url>'
        )
    lines.append("</urlset>\n")
    response = HttpResponse("\n".join(lines), content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def index(request):
    """The sitemap index: every page of every section, written here rather than by
    Django's index view and template, whose cost grew with the number of pages (a
    million clippings make a thousand of them)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ]
    for name, sitemap in sitemaps.items():
        address = escape(request.build_absolute_uri(reverse("sitemap-section", kwargs={"section": name})))
        pages = sitemap().paginator.num_pages
        lines.extend(
            f"<sitemap><loc>{address}{'' if number == 1 else f'?p={number}'}</loc></sitemap>"
            for number in range(1, pages + 1)
        )
    lines.append("</sitemapindex>\n")
    response = HttpResponse("\n".join(lines), content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
