"""Pieces shared by the apps' admin classes."""

from functools import reduce
from operator import or_

from django.contrib import admin
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
