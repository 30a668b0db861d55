"""When content is public: published, and within its publication window if it has one.

A kind of content that can be scheduled inherits ``Scheduled`` (a start and an end, both
optional) and its queryset's ``published()`` filters with ``on_air()``: every public
surface (pages, lists, feeds, the sitemap, the search, counts) reads through it. The page
cache asks ``next_change()`` for the next moment something appears or goes, and draws
pages afresh then (recs/common/page_cache.py).
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def on_air(now=None):
    """The condition of what the public sees at ``now`` (default: this moment)."""
    now = now or timezone.now()
    return (
        Q(is_published=True)
        & (Q(publish_at__isnull=True) | Q(publish_at__lte=now))
        & (Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))
    )


class ScheduledQuerySet(models.QuerySet):
    def published(self, now=None):
        """What the public sees now (or at ``now``)."""
        return self.filter(on_air(now))


class Scheduled(models.Model):
    """A publication window: shown from ``publish_at`` until ``unpublish_at`` (either
    may be empty), when "published" is ticked."""

    publish_at = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Empty: as soon as it is saved with “published” ticked. A later moment schedules it."),
    )
    unpublish_at = models.DateTimeField(
        _("publish until"), null=True, blank=True, help_text=_("Empty: it stays published.")
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            raise ValidationError({"unpublish_at": _("Choose a moment after the one it is published from.")})

    @property
    def is_public_now(self):
        now = timezone.now()
        return bool(
            self.is_published
            and (self.publish_at is None or self.publish_at <= now)
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_scheduled(self):
        """Published, but from a moment still to come."""
        return bool(self.is_published and self.publish_at and self.publish_at > timezone.now())


def next_change(now=None):
    """The next moment something scheduled appears or goes (None if nothing will)."""
    now = now or timezone.now()
    moments = []
    for model in apps.get_models():
        if issubclass(model, Scheduled):
            published = model._base_manager.filter(is_published=True)
            moments += [
                published.filter(publish_at__gt=now).aggregate(moment=Min("publish_at"))["moment"],
                published.filter(unpublish_at__gt=now).aggregate(moment=Min("unpublish_at"))["moment"],
            ]
    return min((moment for moment in moments if moment), default=None)
