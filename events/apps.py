from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda and working groups")

    def ready(self):
        from django.db.models import Prefetch

        from cities import city_page

        from .models import Event, WorkingGroup

        latest = Event.objects.published()[: city_page.SHOWN + 1]
        city_page.register(Prefetch("hosted_events", queryset=latest, to_attr="latest_hosted_events"))
        city_page.register(Prefetch("coordinated_groups", queryset=WorkingGroup.objects.all()))
