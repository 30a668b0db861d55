from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SignInRecordsConfig(AxesAppConfig):
    """django-axes, named in the staff's language in the back office."""

    verbose_name = _("Sign-in records")


class RecsConfig(AppConfig):
    default = True  # the app's own configuration (the module holds django-axes' too)
    name = "recs"
    verbose_name = _("Association")

    def ready(self):
        from .roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, sender=self)
