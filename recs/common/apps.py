from django.apps import AppConfig


class CommonConfig(AppConfig):
    """What every app of the site shares: translation rules and languages, upload
    validation, image renditions, view and admin helpers, spreadsheets, template tags.
    It imports no other app of the site."""

    name = "recs.common"
    label = "common"
