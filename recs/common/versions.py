"""Versions of the content: every save keeps one (who, when, what changed, in both
languages), and staff compare them and restore an earlier one from the object's history
in the back office (django-simple-history).

A kind of content is versioned by ``keep_versions(Model)`` in its app's ``translation.py``,
after its translation fields are registered, so that the versions hold each language's
text. The untranslated columns modeltranslation keeps beside them are left out: restoring
writes the Italian and the English text, not a copy of one of them. The adhesion status
keeps its own trail (``StatusChange``) and is not versioned here.
"""

import simple_history
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from modeltranslation.fields import TranslationField
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .rich_text import as_plain_text
from .translation_rules import translated_field_names


def keep_versions(model, **options):
    simple_history.register(
        model,
        excluded_fields=[*translated_field_names(model), *options.pop("excluded_fields", [])],
        verbose_name=format_lazy("{}: {}", _lazy("version"), model._meta.verbose_name),
        verbose_name_plural=format_lazy("{}: {}", _lazy("versions"), model._meta.verbose_name_plural),
        **options,
    )
    history = model.history.model
    for field in history._meta.fields:
        if isinstance(field, TranslationField) and field.translated_field.unique:
            # The version's copy of a unique slug is not unique (simple-history makes it a
            # plain index), but modeltranslation describes it to migrations from the
            # original field: say so there too.
            field._field_options_kwargs = {
                **getattr(field, "_field_options_kwargs", {}),
                "unique": False,
                "db_index": True,
            }


class VersionChanges(HistoricalRecordContextHelper):
    """What a version changed, as staff read it: rich text without its markup, choices by
    their label, yes and no."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.choices and not isinstance(value, list):
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if value in (None, ""):
            return "—"
        if isinstance(value, str) and "<" in value:
            return as_plain_text(value)
        return super().prepare_delta_change_value(change, value)


class VersionsAdmin(SimpleHistoryAdmin):
    """The object's history in the back office: each version with who saved it, when and
    what it changed (each language's field apart), and the form to restore it.
    The templates are the project's (``templates/simple_history``): simple-history has no
    Italian."""

    def get_historical_record_context_helper(self, request, historical_record):
        return VersionChanges(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets whoever may read the history send its form: restoring is
        # changing, and only who may change the object may do it.
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def history_view_title(self, request, obj):
        return _("Versions of “%s”") % obj

    def history_form_view_title(self, request, obj):
        return _("Earlier version of “%s”") % obj
