from django import template
from django.utils.formats import date_format, time_format
from django.utils.html import format_html

from recs.common.templatetags.recs_tags import lang_of

register = template.Library()


@register.simple_tag
def event_item(event):
    """An event as the lists show it (agenda, archives, home, city and group pages):
    its title, dates, time, kind and host city. Written here rather than in an included
    template: a list of 40 of them took a tenth of the agenda's time."""
    dates = format_html(
        '<time datetime="{}">{}</time>',
        event.start_date.isoformat(),
        date_format(event.start_date, "DATE_FORMAT"),
    )
    if event.end_date and event.end_date != event.start_date:
        dates += format_html(
            ' – <time datetime="{}">{}</time>',
            event.end_date.isoformat(),
            date_format(event.end_date, "DATE_FORMAT"),
        )
    if event.start_time:
        dates += format_html(", {}", time_format(event.start_time, "H:i"))
    host = format_html(" · {}", event.host_city.name) if event.host_city_id else ""
    return format_html(
        '<li class="mb-3">\n  <a href="{}" class="fw-semibold"{}>{}</a><br>\n  {}\n  · {}{}\n</li>',
        event.get_absolute_url(),
        lang_of(event, "title"),
        event.title,
        dates,
        event.Kind(event.kind).label,  # get_kind_display() rebuilds the choices each time
        host,
    )
