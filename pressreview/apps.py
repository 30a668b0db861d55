from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressreviewConfig(AppConfig):
    name = "pressreview"
    verbose_name = _("Press review")
