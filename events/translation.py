from modeltranslation.translator import TranslationOptions, register

from recs.common.versions import keep_versions

from .models import Event, WorkingGroup


@register(WorkingGroup)
class WorkingGroupTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "theme", "description")
    empty_values = {"slug": None}


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "venue", "description")
    empty_values = {"slug": None}


for versioned in (Event, WorkingGroup):
    keep_versions(versioned)
