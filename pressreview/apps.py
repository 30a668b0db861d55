from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressreviewConfig(AppConfig):
    name = "pressreview"
    verbose_name = _("Press review")

    def ready(self):
        from django.db.models import Prefetch

        from cities import city_page

        from .models import Article

        city_page.register(
            Prefetch(
                "articles",
                queryset=Article.objects.published().select_related("outlet")[: city_page.SHOWN + 1],
                to_attr="latest_articles",  # a list: a sliced prefetch cannot fill the manager
            )
        )
