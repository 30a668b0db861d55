"""The agenda as iCalendar (RFC 5545), times in Europe/Rome with its VTIMEZONE."""

import datetime

import icalendar
from django.utils import timezone

from recs.common.rich_text import as_plain_text
from recs.common.syndication import printable

PRODID = "-//Rete Citta Strategiche//Agenda//IT"


def event_component(event, request):
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{request.get_host().split(':')[0]}")
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    component.add("summary", printable(event.title))
    if event.is_all_day:
        component.add("dtstart", event.start_date)
        # DTEND of an all-day event is the day after the last one (exclusive).
        component.add("dtend", event.last_date + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event.starts_at)
        if event.ends_at:
            component.add("dtend", event.ends_at)
    location = ", ".join(
        part for part in [event.venue, event.host_city.name if event.host_city else ""] if part
    )
    if location:
        component.add("location", printable(location))
    if event.description:
        component.add("description", printable(as_plain_text(event.description)))
    component.add("categories", [str(event.get_kind_display())])
    component.add("url", request.build_absolute_uri(event.get_absolute_url()))
    return component


def calendar(events, request, name):
    """A VCALENDAR with the given events, as bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", printable(str(name)))
    cal.add("x-wr-timezone", "Europe/Rome")
    for event in events:
        cal.add_component(event_component(event, request))
    cal.add_missing_timezones()
    return cal.to_ical()
