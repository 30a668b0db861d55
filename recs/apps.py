from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RecsConfig(AppConfig):
    name = "recs"
    verbose_name = _("Association")

    def ready(self):
        from .roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, sender=self)
