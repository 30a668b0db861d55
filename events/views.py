import datetime

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView

from recs.common.view_mixins import DatedAddressMixin, TranslatedSlugMixin

from .calendar import calendar
from .models import Event, WorkingGroup


class PublishedEventMixin:
    date_field = "start_date"
    month_format = "%m"
    allow_future = True
    queryset = Event.objects.published().select_related("host_city", "working_group")


class EventListView(PublishedEventMixin, ListView):
    extra_context = {"title": gettext_lazy("Agenda")}
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


class EventDetailView(TranslatedSlugMixin, DatedAddressMixin, PublishedEventMixin, DetailView):
    date_field = "start_date"


class EventCalendarView(EventDetailView):
    """One event as an iCalendar file, to add it to a calendar."""

    def render_to_response(self, context, **response_kwargs):
        event = self.object
        return ics_response(calendar([event], self.request, event.title), f"{event.slug}.ics")

    def object_by_other_language_slug(self):
        return None  # a calendar file is fetched by programs: no redirects


class WorkingGroupListView(ListView):
    extra_context = {"title": gettext_lazy("Working groups")}

    def get_queryset(self):
        return WorkingGroup.objects.select_related("coordinating_city").prefetch_related("member_cities")


class WorkingGroupDetailView(TranslatedSlugMixin, DetailView):
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


#: What a calendar subscription carries: the coming events and those of the last year
#: (a calendar app keeps what it has already received); older ones are in the archive.
SUBSCRIPTION_LOOKS_BACK = datetime.timedelta(days=365)


@require_GET
def agenda_ics(request):
    since = timezone.localdate() - SUBSCRIPTION_LOOKS_BACK
    events = (
        Event.objects.published()
        .filter(start_date__gte=since)
        .select_related("host_city")
        .order_by("start_date", "start_time")
    )
    return ics_response(calendar(events, request, _("RECS – Agenda")), "recs-agenda.ics")
