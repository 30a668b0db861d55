from django.db.models import Prefetch
from django.http import JsonResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView
from django_countries import countries as all_countries

from recs.common.languages import text_contains, translated_rows
from recs.common.spreadsheets import csv_response
from recs.common.view_mixins import FilteredPagesMixin, TranslatedSlugMixin

from . import city_page, gazetteer, opendata, outlines
from .directory import directory
from .forms import CityFilterForm, PeerFilterForm
from .models import City, Status, StatusChange
from .observatory import (
    GrowthChart,
    MapCity,
    growth_by_year,
    member_map,
    network_places,
    peer_map,
    peer_places,
)


class CityListView(FilteredPagesMixin, ListView):
    """The directory of network cities with their current status, filters and counts."""

    template_name = "cities/city_list.html"
    context_object_name = "cities"
    paginate_by = 50

    def get_queryset(self):
        """The rows of ``cities.directory``: every filter and sort in two queries."""
        self.form = CityFilterForm(self.request.GET or None)
        self.on = None
        if self.form.is_bound and not self.form.is_valid():
            self.counts = {status: 0 for status in Status}
            return []
        data = self.form.cleaned_data if self.form.is_bound else {}
        self.on = data.get("on")
        rows, self.counts = directory(
            on=self.on,
            q=data.get("q", ""),
            status=data.get("status", ""),
            region=data.get("region", ""),
            sort=self.form.sort_key(),
        )
        return rows

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv()
        return super().get(request, *args, **kwargs)

    def csv(self):
        """The same table, with the same filters and order, as a spreadsheet."""
        base = self.request.build_absolute_uri("/")[:-1]
        rows = (
            (
                city.name,
                city.get_region_display(),
                city.status_label,
                city.status_since,
                city.population,
                base + city.url,
            )
            for city in self.get_queryset()
        )
        header = [_("City"), _("Region"), _("Status"), _("Since"), _("Population"), _("Address")]
        return csv_response("recs-directory.csv", [str(h) for h in header], rows)

    def sort_columns(self):
        """Each sortable column's link (the other direction when it is the one sorted) and
        its ``aria-sort``, as the WAI-ARIA sortable table pattern has it."""
        query = self.request.GET.copy()
        for parameter in ("sort", "page", "format"):
            query.pop(parameter, None)
        current = self.form.sort_key()
        columns = {}
        for name in CityFilterForm.SORTS:
            sorted_here = current.lstrip("-") == name
            descending = current.startswith("-")
            query["sort"] = f"-{name}" if sorted_here and not descending else name
            columns[name] = {
                "href": f"?{query.urlencode()}",
                "aria_sort": ("descending" if descending else "ascending") if sorted_here else "",
            }
        return columns

    def get_context_data(self, **kwargs):
        counts = self.counts
        query = self.request.GET.copy()
        for parameter in ("page", "format"):
            query.pop(parameter, None)
        status_links = []
        for status, count in counts.items():  # each keeps the other filters
            link = query.copy()
            link["status"] = status.value
            status_links.append((status, count, f"?{link.urlencode()}"))
        query["format"] = "csv"
        context = super().get_context_data(**kwargs)
        # The map shows the cities of the page shown: 50 points at most, whatever the filters.
        shown = [
            MapCity(row.name, row.url, row.latitude, row.longitude, row.current_status)
            for row in context["cities"]
        ]
        context.update(
            page_map=member_map(shown),
            form=self.form,
            on=self.on,
            status_counts=status_links,
            columns=self.sort_columns(),
            csv_query=query.urlencode(),
        )
        return context


class PeerCityListView(ListView):
    extra_context = {"title": _("European peer cities"), "parent": ("cities:city-list", _("Cities"))}
    template_name = "cities/peer_list.html"
    context_object_name = "cities"

    def get_queryset(self):
        peers = City.objects.peers()
        present = sorted(set(peers.order_by().values_list("country", flat=True)))
        self.form = PeerFilterForm(self.request.GET or None, countries=present)
        if self.form.is_bound and not self.form.is_valid():
            return peers.none()
        data = self.form.cleaned_data if self.form.is_bound else {}
        if data.get("q"):
            peers = peers.filter(text_contains(data["q"], translated=("name",)))
        if data.get("country"):
            peers = peers.filter(country=data["country"])
        return peers

    def get_context_data(self, **kwargs):
        """[(country name, [(name, address)])], from plain rows (hundreds of peers at scale)."""
        url = City.absolute_url_maker()
        by_country = {}
        rows = translated_rows(self.object_list, plain=("country",), translated=("name", "slug"))
        for country, name, slug in rows:
            by_country.setdefault(country, []).append((name, url(slug)))
        countries = sorted(
            (all_countries.name(code), sorted(cities, key=lambda city: city[0].casefold()))
            for code, cities in by_country.items()
        )
        return super().get_context_data(
            form=self.form, countries=countries, shown=sum(len(c) for _n, c in countries), **kwargs
        )


class CityDetailView(TranslatedSlugMixin, DetailView):
    def get_queryset(self):
        return City.objects.with_status().prefetch_related(
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("effective_date", "pk")),
            "status_changes__corrects",
            "plans",
            "working_groups",
            # The events it hosts, the articles that mention it, ...: see city_page.py.
            *city_page.prefetches(),
        )

    def get_context_data(self, **kwargs):
        # Entries a correction superseded stay on the timeline, marked; they no longer count.
        timeline = self.object.status_changes.all()
        corrections = {change.corrects_id: change for change in timeline if change.corrects_id}
        for change in timeline:
            change.superseded_by = corrections.get(change.pk)
        city_page.add_latest(self.object)
        return super().get_context_data(shown=city_page.SHOWN, **kwargs)


class ObservatoryView(TemplateView):
    extra_context = {
        "title": _("Observatory of the network"),
        "breadcrumb": _("Observatory"),
        "parent": ("cities:city-list", _("Cities")),
    }
    template_name = "cities/observatory.html"

    def get_context_data(self, **kwargs):
        growth = growth_by_year()
        return super().get_context_data(
            chart=GrowthChart(growth.figures),
            growth=growth,
            figures=growth.figures,
            member_map=member_map(network_places()),
            gazetteer_source=gazetteer.ATTRIBUTION,
            outlines_source=outlines.ATTRIBUTION,
            peer_map=peer_map(peer_places()),
            **kwargs,
        )


class OpenDataView(TemplateView):
    extra_context = {"title": _("Open data"), "parent": ("cities:city-list", _("Cities"))}
    template_name = "cities/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            updated=opendata.last_updated(),
            licence=opendata.LICENCE,
            licence_url=opendata.LICENCE_URL,
            city_fields=opendata.CITY_FIELDS,
            history_fields=opendata.HISTORY_FIELDS,
            **kwargs,
        )


#: How many names the suggestions offer as a visitor types.
SUGGESTIONS = 10


@require_GET
def city_names(request):
    """{"names": [...]}: the names, in the visitor's language, of the cities whose name
    in either language contains ``q`` (two letters at least); those that begin with it
    first. What the city boxes of the filters suggest as one types."""
    typed = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:100]
    if len(typed) < 2:
        return JsonResponse({"names": []})
    rows = translated_rows(
        City.objects.filter(text_contains(typed, translated=("name",))), translated=("name",)
    )
    names = sorted(
        {name for (name,) in rows},
        key=lambda name: (not name.casefold().startswith(typed.casefold()), name.casefold()),
    )
    return JsonResponse({"names": names[:SUGGESTIONS]})


@require_GET
def cities_csv(request):
    rows = opendata.city_rows(request)
    fields = opendata.CITY_FIELDS
    return csv_response("recs-cities.csv", fields, ([row[f] for f in fields] for row in rows))


@require_GET
def history_csv(request):
    fields = opendata.HISTORY_FIELDS
    return csv_response(
        "recs-status-history.csv", fields, ([row[f] for f in fields] for row in opendata.history_rows())
    )


@require_GET
def cities_json(request):
    response = StreamingHttpResponse(opendata.directory_json(request), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="recs-cities.json"'
    return response
