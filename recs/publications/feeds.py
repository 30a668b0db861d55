from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from recs.common.rich_text import as_plain_text
from recs.common.syndication import AtomFeed, RssFeed

from .models import Publication


class PublicationFeed(Feed):
    feed_type = RssFeed
    title = _("RECS – Publications")
    description = _("Reports, proceedings, guidelines and strategic plans of the Rete Città Strategiche.")

    def link(self):
        return reverse("publications:publication-list")

    def items(self):
        return (
            Publication.objects.published()
            .defer("text")
            .order_by(Coalesce("publish_at", "created_at").desc(), "-pk")[:30]
        )

    def item_title(self, publication):
        return publication.title

    def item_description(self, publication):
        return as_plain_text(publication.summary)

    def item_author_name(self, publication):
        return publication.authors or None

    def item_pubdate(self, publication):
        return publication.publish_at or publication.created_at

    def item_updateddate(self, publication):
        return publication.updated_at

    def item_categories(self, publication):
        return [str(publication.get_kind_display()), str(publication.year)]


class PublicationAtomFeed(PublicationFeed):
    feed_type = AtomFeed
    subtitle = PublicationFeed.description
