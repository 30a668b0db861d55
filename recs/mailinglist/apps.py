from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingListConfig(AppConfig):
    """The association's mailing list: double opt-in subscriptions and unsubscribing."""

    name = "recs.mailinglist"
    label = "mailinglist"
    verbose_name = _("Mailing list")
