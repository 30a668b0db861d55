"""Pieces shared by the apps' admin classes."""

from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Max, Min, Q
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import fulltext
from .images import rendition_url
from .translation_rules import translated_field_names


def missing_english(model):
    """A condition: some field has its Italian text and lacks the English one (slugs
    aside, which are filled in automatically); None for a model with nothing to translate."""
    missing = [
        (Q(**{f"{name}_en__isnull": True}) | Q(**{f"{name}_en": ""}))
        & Q(**{f"{name}_it__isnull": False})
        & ~Q(**{f"{name}_it": ""})
        for name in translated_field_names(model)
        if name != "slug"
    ]
    return reduce(or_, missing) if missing else None


class MissingEnglishFilter(admin.SimpleListFilter):
    """Items with Italian text whose English translation has not been written yet."""

    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("missing")), ("complete", _("complete"))]

    def queryset(self, request, queryset):
        if self.value() not in {"missing", "complete"}:
            return queryset
        condition = missing_english(queryset.model)
        if condition is None:
            return queryset
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


def choice_column(field_name, description):
    """A changelist column with a field's choice label, from a table made once per
    request: Django's own column flattens the field's whole list of choices for every
    row (250 countries for each of 100 rows)."""

    @admin.display(description=description, ordering=field_name)
    def column(self, obj):
        labels = self.__dict__.setdefault("_choice_labels", {})
        if field_name not in labels:
            labels[field_name] = {
                value: str(label) for value, label in obj._meta.get_field(field_name).flatchoices
            }
        value = getattr(obj, field_name)
        value = getattr(value, "code", value)  # a django-countries Country
        return labels[field_name].get(value, value) or "—"

    column.__name__ = f"{field_name}_column"
    return column


class EstimatedCountPaginator(Paginator):
    """An admin changelist's paginator that takes PostgreSQL's own estimate of a large
    table's size instead of counting every row, when the list is not filtered (an exact
    count of a million clippings costs a tenth of a second on every page)."""

    #: Below this estimate the rows are counted exactly.
    EXACT_BELOW = 50_000

    @cached_property
    def count(self):
        queryset = self.object_list
        if connection.vendor == "postgresql" and not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [queryset.model._meta.db_table],
                )
                row = cursor.fetchone()
            if row and row[0] >= self.EXACT_BELOW:
                return row[0]
        return super().count


def year_filter(field_name, title):
    """A list filter by year, its years from the first and last dates (two ends of an
    index) rather than from every row, as the date hierarchy reads them."""

    class YearFilter(admin.SimpleListFilter):
        parameter_name = f"{field_name}_year"

        def lookups(self, request, model_admin):
            dates = model_admin.model._default_manager.aggregate(first=Min(field_name), last=Max(field_name))
            if dates["first"] is None:
                return []
            return [(str(year), str(year)) for year in range(dates["last"].year, dates["first"].year - 1, -1)]

        def queryset(self, request, queryset):
            value = self.value()
            if value and value.isdigit() and len(value) == 4:
                return queryset.filter(**{f"{field_name}__year": int(value)})
            if value:
                return queryset.none()
            return queryset

    YearFilter.title = title
    return YearFilter


class FullTextSearchAdminMixin:
    """The admin's search box through the PostgreSQL full-text documents (and their GIN
    indexes) of ``full_text_fields``, in every language; the plain ``search_fields``
    match elsewhere (SQLite). A search of a hundred thousand clippings by substring
    reads every row; the documents are indexed."""

    full_text_fields = ()
    #: The columns the documents are stored in, if they are ("search_{language}").
    full_text_stored_as = ""

    def get_search_results(self, request, queryset, search_term):
        if connection.vendor != "postgresql" or not self.full_text_fields or not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        found = fulltext.in_any_language(
            queryset, self.full_text_fields, search_term, self.full_text_stored_as
        )
        return found, False


class QuickActionCheckboxMixin:
    """The changelist's row checkbox written directly, as Django's own markup: Django
    renders it through the form template engine once per row, a third of a long list's
    time."""

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj):
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), obj),
        )


class LinkRowsUnlistedOnDeleteMixin:
    """The delete confirmation lists what goes with an object, but not the rows that only
    link it to others (many-to-many): Django names those in English from the code
    ("Relazione article-city: Article_cities object (1)"), and the objects they link stay."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, permissions_needed, protected = super().get_deleted_objects(objs, request)
        links = [
            model._meta for model in apps.get_models(include_auto_created=True) if model._meta.auto_created
        ]
        prefixes = tuple(f"{capfirst(opts.verbose_name)}: " for opts in links)
        plurals = {str(opts.verbose_name_plural) for opts in links}

        def unlisted(items):
            kept = []
            for item in items:
                if isinstance(item, list):
                    if inner := unlisted(item):
                        kept.append(inner)
                elif not str(item).startswith(prefixes):
                    kept.append(item)
            return kept

        counts = {name: count for name, count in counts.items() if str(name) not in plurals}
        return unlisted(deleted), counts, permissions_needed, protected
