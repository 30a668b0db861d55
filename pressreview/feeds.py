import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recs.common.rich_text import as_plain_text
from recs.common.syndication import AtomFeed, RssFeed

from .models import Article


class PressReviewFeed(Feed):
    feed_type = RssFeed
    title = _("RECS – Press review")
    description = _("Newspaper articles about the Rete Città Strategiche.")

    def link(self):
        return reverse("pressreview:article-list")

    def items(self):
        return Article.objects.published().select_related("outlet")[:30]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return as_plain_text(article.summary)

    def item_author_name(self, article):
        return article.author or article.outlet.name

    def item_pubdate(self, article):
        return timezone.make_aware(datetime.datetime.combine(article.published_on, datetime.time.min))

    def item_categories(self, article):
        return [article.outlet.name]


class PressReviewAtomFeed(PressReviewFeed):
    feed_type = AtomFeed
    subtitle = PressReviewFeed.description
