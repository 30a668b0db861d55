from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda and working groups")

    def ready(self):
        from django.db.models import Prefetch

        from cities import city_page

        from .models import Event, WorkingGroup

        city_page.register_latest(
            "latest_hosted_events",
            lambda city: Event.objects.published().filter(host_city=city).select_related("host_city"),
        )
        city_page.register(Prefetch("coordinated_groups", queryset=WorkingGroup.objects.all()))
