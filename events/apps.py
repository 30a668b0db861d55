from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda and working groups")

    def ready(self):
        from django.db.models import Prefetch

        from cities import city_page

        from .models import Event

        city_page.register(Prefetch("hosted_events", queryset=Event.objects.published()))
