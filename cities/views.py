from collections import Counter

from django.db.models import Prefetch, Q
from django.views.generic import DetailView, ListView

from events.models import Event
from pressreview.models import Article

from .forms import CityFilterForm
from .models import City, Status, StatusChange


class CityListView(ListView):
    """The directory of network cities with their current status, filters and counts."""

    template_name = "cities/city_list.html"
    context_object_name = "cities"

    def get_queryset(self):
        self.form = CityFilterForm(self.request.GET or None)
        cities = City.objects.members().with_status()
        if self.form.is_bound and not self.form.is_valid():
            return cities.none()
        data = self.form.cleaned_data if self.form.is_bound else {}
        if data.get("q"):
            cities = cities.filter(Q(name_it__icontains=data["q"]) | Q(name_en__icontains=data["q"]))
        if data.get("status"):
            cities = cities.filter(current_status=data["status"])
        if data.get("region"):
            cities = cities.filter(region=data["region"])
        return cities

    def get_context_data(self, **kwargs):
        counts = Counter(City.objects.members().with_status().values_list("current_status", flat=True))
        return super().get_context_data(
            form=self.form,
            status_counts=[(status, counts[status.value]) for status in Status],
            **kwargs,
        )


class PeerCityListView(ListView):
    template_name = "cities/peer_list.html"
    context_object_name = "cities"

    def get_queryset(self):
        return City.objects.peers()

    def get_context_data(self, **kwargs):
        by_country = {}
        for city in self.object_list:
            by_country.setdefault(city.country.name, []).append(city)
        return super().get_context_data(countries=sorted(by_country.items()), **kwargs)


class CityDetailView(DetailView):
    def get_queryset(self):
        return City.objects.with_status().prefetch_related(
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("effective_date", "pk")),
            "plans",
            "working_groups",
            Prefetch("hosted_events", queryset=Event.objects.published()),
            Prefetch("articles", queryset=Article.objects.published().select_related("outlet")),
        )
