from django.db.models import Prefetch
from django.http import Http404
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView

from .models import Event, WorkingGroup


class PublishedEventMixin:
    date_field = "start_date"
    month_format = "%m"
    allow_future = True
    queryset = Event.objects.published().select_related("host_city", "working_group")


class EventListView(PublishedEventMixin, ListView):
    template_name = "events/event_list.html"

    def get_context_data(self, **kwargs):
        published = self.get_queryset()
        return super().get_context_data(
            upcoming=published.upcoming(),
            past=published.past()[:20],
            years=published.dates("start_date", "year", order="DESC"),
            **kwargs,
        )


class EventYearArchiveView(PublishedEventMixin, YearArchiveView):
    make_object_list = True
    ordering = ["start_date", "start_time"]


class EventMonthArchiveView(PublishedEventMixin, MonthArchiveView):
    ordering = ["start_date", "start_time"]


class EventDetailView(PublishedEventMixin, DetailView):
    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        if (event.start_date.year, event.start_date.month) != (self.kwargs["year"], self.kwargs["month"]):
            raise Http404
        return event


class WorkingGroupListView(ListView):
    def get_queryset(self):
        return WorkingGroup.objects.select_related("coordinating_city").prefetch_related("member_cities")


class WorkingGroupDetailView(DetailView):
    def get_queryset(self):
        return (
            WorkingGroup.objects.filter(year=self.kwargs["year"])
            .select_related("coordinating_city")
            .prefetch_related("member_cities", Prefetch("meetings", queryset=Event.objects.published()))
        )
