import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recs.common.rich_text import as_plain_text
from recs.common.syndication import AtomFeed, RssFeed

from .models import Event


class AgendaFeed(Feed):
    feed_type = RssFeed
    title = _("RECS – Agenda")
    description = _("The events of the Rete Città Strategiche.")

    def link(self):
        return reverse("events:event-list")

    def items(self):
        return Event.objects.published().select_related("host_city")[:30]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return as_plain_text(event.description)

    def item_pubdate(self, event):
        return event.starts_at or timezone.make_aware(
            datetime.datetime.combine(event.start_date, datetime.time.min)
        )

    def item_categories(self, event):
        return [event.get_kind_display()]


class AgendaAtomFeed(AgendaFeed):
    feed_type = AtomFeed
    subtitle = AgendaFeed.description
