from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The newsletter: issues written in both languages, sent once to the mailing list's
    confirmed subscribers through the mail queue, and kept in a public archive."""

    name = "recs.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")
