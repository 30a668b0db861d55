from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressreviewConfig(AppConfig):
    name = "pressreview"
    verbose_name = _("Press review")

    def ready(self):

        from cities import city_page

        from .models import Article

        city_page.register_latest(
            "latest_articles",
            lambda city: Article.objects.published().mentioning(city).select_related("outlet"),
        )
