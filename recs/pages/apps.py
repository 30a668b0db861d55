from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The association's own pages (who we are, aims, history, ...) and its contacts."""

    name = "recs.pages"
    label = "pages"
    verbose_name = _("Association")
