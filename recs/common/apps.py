from django.apps import AppConfig


class CommonConfig(AppConfig):
    """What every app of the site shares: translation rules and languages, upload
    validation, image renditions, view and admin helpers, spreadsheets, template tags.
    It imports no other app of the site."""

    name = "recs.common"
    label = "common"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import collation  # noqa: F401 (registers the sort key's function on SQLite)
        from .page_cache import content_changed

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, dispatch_uid=f"page-cache-{signal}")
