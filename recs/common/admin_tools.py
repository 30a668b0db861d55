"""Pieces shared by the apps' admin classes."""

from functools import reduce
from operator import or_

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .images import rendition_url
from .translation_rules import translated_field_names


class MissingEnglishFilter(admin.SimpleListFilter):
    """Items with Italian text whose English translation has not been written yet."""

    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("missing")), ("complete", _("complete"))]

    def queryset(self, request, queryset):
        if self.value() not in {"missing", "complete"}:
            return queryset
        missing = [
            (Q(**{f"{name}_en__isnull": True}) | Q(**{f"{name}_en": ""}))
            & Q(**{f"{name}_it__isnull": False})
            & ~Q(**{f"{name}_it": ""})
            for name in translated_field_names(queryset.model)
            if name != "slug"  # slugs are filled in automatically
        ]
        if not missing:
            return queryset
        condition = reduce(or_, missing)
        if self.value() == "missing":
            return queryset.filter(condition)
        return queryset.exclude(condition)


def thumbnail(image_file, size=60):
    """A small preview of an uploaded image for changelists and forms."""
    if not image_file:
        return "—"
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" style="object-fit:contain" loading="lazy">',
        rendition_url(image_file, size * 2),
        size,
        size,
    )


class WellFormedIdsMixin:
    """An autocomplete widget that redisplays only well-formed ids: a hand-edited address
    (``?cities=abc``) or form gets the field's own error, not a server error."""

    def optgroups(self, name, value, attr=None):
        pk = self.field.remote_field.model._meta.pk
        well_formed = []
        for item in value:
            try:
                pk.to_python(item)
            except ValidationError:
                continue
            well_formed.append(item)
        return super().optgroups(name, well_formed, attr)


class SafeAutocompleteSelect(WellFormedIdsMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(WellFormedIdsMixin, AutocompleteSelectMultiple):
    pass


class SafeAutocompleteAdminMixin:
    """ModelAdmin mixin: its ``autocomplete_fields`` use the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
