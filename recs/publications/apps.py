from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    """The network's publications ("Editoria"): reports, proceedings, guidelines and
    strategic plans, as PDF, in a public library."""

    name = "recs.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from cities import city_page

        from .models import Publication

        city_page.register_latest(
            "latest_publications",
            lambda city: (
                Publication.objects.published().filter(cities=city).defer("text").order_by("-year", "-pk")
            ),
        )
