from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecsConfig(AppConfig):
    name = "recs"
    verbose_name = _("Association")
