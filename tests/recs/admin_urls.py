"""Every URL of the back office, for the tests that must visit them all."""

from django.contrib import admin
from django.urls import reverse

VIEWS = ("changelist", "add", "change", "delete", "history")


def model_admin_urls(instances):
    """(model, view, url) for every registered model; instances maps a model to one object."""
    for model in admin.site._registry:
        opts = model._meta
        for view in VIEWS:
            name = f"admin:{opts.app_label}_{opts.model_name}_{view}"
            if view in {"changelist", "add"}:
                url = reverse(name)
            else:
                url = reverse(name, args=[instances[model].pk])
            yield model, view, url
        # An earlier version, in the form that restores it (recs.common.versions).
        versions = getattr(model, "history", None)
        version = versions.filter(id=instances[model].pk).first() if versions is not None else None
        if version is not None:
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_simple_history",
                args=[version.id, version.history_id],
            )
            yield model, "version", url
    # Status changes are recorded through their own form (the add view leads there).
    from cities.models import StatusChange

    yield StatusChange, "record", reverse("admin:cities_statuschange_record")


def app_index_urls():
    return {model._meta.app_label for model in admin.site._registry}
