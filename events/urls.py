from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .feeds import AgendaAtomFeed, AgendaFeed

app_name = "events"
urlpatterns = [
    path(_("agenda/"), views.EventListView.as_view(), name="event-list"),
    path(_("agenda/calendar.ics"), views.agenda_ics, name="agenda-ics"),
    path(_("agenda/rss/"), AgendaFeed(), name="agenda-rss"),
    path(_("agenda/atom/"), AgendaAtomFeed(), name="agenda-atom"),
    path(_("agenda/<int:year>/"), views.EventYearArchiveView.as_view(), name="event-year"),
    path(_("agenda/<int:year>/<int:month>/"), views.EventMonthArchiveView.as_view(), name="event-month"),
    path(
        _("agenda/<int:year>/<int:month>/<slug:slug>/"), views.EventDetailView.as_view(), name="event-detail"
    ),
    path(
        _("agenda/<int:year>/<int:month>/<slug:slug>.ics"),
        views.EventCalendarView.as_view(),
        name="event-ics",
    ),
    path(_("working-groups/"), views.WorkingGroupListView.as_view(), name="workinggroup-list"),
    path(
        _("working-groups/<int:year>/<slug:slug>/"),
        views.WorkingGroupDetailView.as_view(),
        name="workinggroup-detail",
    ),
]
