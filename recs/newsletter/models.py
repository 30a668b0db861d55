import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recs.common.addresses import address_of
from recs.common.rich_text import RichTextField
from recs.common.translation_rules import BilingualModel


def a_month_ago():
    return timezone.localdate() - datetime.timedelta(days=30)


class IssueQuerySet(models.QuerySet):
    def sent(self):
        """The issues that went out: the public archive."""
        return self.filter(sent_at__isnull=False)

    published = sent  # what the public sees (``DraftPreviewMixin``)


class Issue(BilingualModel):
    """One issue of the newsletter. Written and previewed in the back office, tried on
    the sender's own address, then sent once (``recs.newsletter.sending``)."""

    slug_source = "subject"

    subject = models.CharField(_("subject"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the issue's address in the public archive, in each language."),
    )
    body = RichTextField(_("text"), blank=True)
    news_since = models.DateField(
        _("latest news since"),
        default=a_month_ago,
        help_text=_(
            "The “latest news” block lists the clippings published since this day and the coming "
            "events. Leave the date empty for no block."
        ),
        null=True,
        blank=True,
    )
    # What the block showed when the issue was sent, in each language: the archive shows
    # the issue as it was received, whatever the agenda and the press review became.
    news_it = models.TextField(editable=False, blank=True)
    news_en = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("sent by"),
    )
    recipients = models.PositiveIntegerField(_("recipients"), null=True, blank=True, editable=False)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-created_at"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return address_of("newsletter:issue-detail", slug=self.slug)

    @property
    def is_sent(self):
        return self.sent_at is not None

    # An issue not sent yet is a draft: staff preview it on the site under the banner.
    is_published = is_public_now = is_sent
    is_scheduled = False
