from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView

from .calendar import calendar
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


def get_published_event(year, month, slug):
    """The published event at this address; the date in the address must be its own."""
    event = get_object_or_404(PublishedEventMixin.queryset, slug=slug)
    if (event.start_date.year, event.start_date.month) != (year, month):
        raise Http404
    return event


class EventDetailView(PublishedEventMixin, DetailView):
    def get_object(self, queryset=None):
        return get_published_event(self.kwargs["year"], self.kwargs["month"], self.kwargs["slug"])


class WorkingGroupListView(ListView):
    def get_queryset(self):
        return WorkingGroup.objects.select_related("coordinating_city").prefetch_related("member_cities")


class WorkingGroupDetailView(DetailView):
    def get_queryset(self):
        return (
            WorkingGroup.objects.filter(year=self.kwargs["year"])
            .select_related("coordinating_city")
            .prefetch_related(
                "member_cities",
                Prefetch("meetings", queryset=Event.objects.published().select_related("host_city")),
            )
        )


def ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, year, month, slug):
    event = get_published_event(year, month, slug)
    return ics_response(calendar([event], request, event.title), f"{event.slug}.ics")


@require_GET
def agenda_ics(request):
    events = Event.objects.published().select_related("host_city").order_by("start_date", "start_time")
    return ics_response(calendar(events, request, _("RECS – Agenda")), "recs-agenda.ics")
