import datetime

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView

from recs.common.view_mixins import (
    DatedAddressMixin,
    DraftPreviewMixin,
    FilteredPagesMixin,
    TranslatedSlugMixin,
)

from .calendar import calendar
from .models import Event, WorkingGroup


class PublishedEventMixin:
    date_field = "start_date"
    month_format = "%m"
    allow_future = True

    def get_queryset(self):
        # Made at each request, not once at import: what is published depends on the
        # moment (scheduling). The generic views then apply their ``ordering``.
        self.queryset = Event.objects.published().for_lists()
        return super().get_queryset()


class EventListView(PublishedEventMixin, ListView):
    """The next events and the latest past ones; the rest is in the archive by year."""

    extra_context = {"title": gettext_lazy("Agenda")}
    template_name = "events/event_list.html"
    shown = 20

    def get_context_data(self, **kwargs):
        published = self.get_queryset()
        upcoming = list(published.upcoming()[: self.shown + 1])
        return super().get_context_data(
            upcoming=upcoming[: self.shown],
            more_upcoming=len(upcoming) > self.shown,
            past=published.past()[: self.shown],
            years=Event.objects.published_years(),
            **kwargs,
        )


class EventYearArchiveView(FilteredPagesMixin, PublishedEventMixin, YearArchiveView):
    make_object_list = True
    ordering = ["start_date", "start_time", "pk"]
    paginate_by = 50

    def get_dated_items(self):
        """The year's events, its months with events and the years before and after it
        with events, all from the months of the whole agenda (``published_months``, one
        loose index scan) rather than the generic view's four queries."""
        year = int(self.get_year())
        months = Event.objects.published_months()
        date_list = [month for month in months if month.year == year]
        if not date_list:
            raise Http404("No published event in that year.")
        first_day = datetime.date(year, 1, 1)
        events = self.get_queryset().filter(
            start_date__gte=first_day, start_date__lt=first_day.replace(year=year + 1)
        )
        before = [month.year for month in months if month.year < year]
        after = [month.year for month in months if month.year > year]
        return (
            date_list,
            events,
            {
                "year": first_day,
                "previous_year": datetime.date(before[-1], 1, 1) if before else None,
                "next_year": datetime.date(after[0], 1, 1) if after else None,
            },
        )


class EventMonthArchiveView(FilteredPagesMixin, PublishedEventMixin, MonthArchiveView):
    ordering = ["start_date", "start_time", "pk"]
    paginate_by = 50


class EventDetailView(
    TranslatedSlugMixin, DatedAddressMixin, DraftPreviewMixin, PublishedEventMixin, DetailView
):
    date_field = "start_date"

    def get_queryset(self):
        return self.visible(Event.objects.select_related("host_city", "working_group"))


class EventCalendarView(EventDetailView):
    """One event as an iCalendar file, to add it to a calendar."""

    def render_to_response(self, context, **response_kwargs):
        event = self.object
        return ics_response(calendar([event], self.request, event.title), f"{event.slug}.ics")

    def object_by_any_slug(self):
        return None  # a calendar file is fetched by programs: no redirects


class WorkingGroupListView(ListView):
    """The working groups of one year (``?year=``, the latest by default), with every
    year that had groups to choose from: a page stays the same size as the years go by."""

    extra_context = {"title": gettext_lazy("Working groups")}

    def get_queryset(self):
        self.years = list(WorkingGroup.objects.order_by("-year").values_list("year", flat=True).distinct())
        asked = self.request.GET.get("year")
        if asked is None:
            self.year = self.years[0] if self.years else None
        elif asked.isdigit() and int(asked) in self.years:
            self.year = int(asked)
        else:
            raise Http404("No working groups that year.")
        return (
            WorkingGroup.objects.filter(year=self.year)
            .select_related("coordinating_city")
            .prefetch_related("member_cities")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=self.years, year=self.year, **kwargs)


class WorkingGroupDetailView(TranslatedSlugMixin, DetailView):
    meetings_shown = 20

    def get_queryset(self):
        return (
            WorkingGroup.objects.filter(year=self.kwargs["year"])
            .select_related("coordinating_city")
            .prefetch_related(
                "member_cities",
                # The latest meetings: a group meeting monthly for decades lists a page, not all.
                Prefetch(
                    "meetings",
                    queryset=Event.objects.published()
                    .select_related("host_city")
                    .order_by("-start_date", "-pk")[: self.meetings_shown],
                    to_attr="latest_meetings",
                ),
            )
        )


def ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


#: What a calendar subscription carries: the next coming events and the latest of the
#: last year (a calendar app keeps what it has already received); the rest is in the
#: archive. Bounded in number, so that a busy agenda never makes a slow calendar.
SUBSCRIPTION_LOOKS_BACK = datetime.timedelta(days=365)
SUBSCRIPTION_COMING = 40
SUBSCRIPTION_PAST = 20


@require_GET
def agenda_ics(request):
    today = timezone.localdate()
    published = Event.objects.published().select_related("host_city")
    coming = list(published.upcoming(today)[:SUBSCRIPTION_COMING])
    past = published.past(today).filter(start_date__gte=today - SUBSCRIPTION_LOOKS_BACK)
    events = list(reversed(past[:SUBSCRIPTION_PAST])) + coming
    return ics_response(calendar(events, request, _("RECS – Agenda")), "recs-agenda.ics")
