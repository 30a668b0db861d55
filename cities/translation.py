from modeltranslation.translator import TranslationOptions, register

from recs.common.versions import keep_versions

from .models import City, StatusChange, StrategicPlan


@register(City)
class CityTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    empty_values = {"slug": None}


@register(StatusChange)
class StatusChangeTranslationOptions(TranslationOptions):
    fields = ("reference", "note")


@register(StrategicPlan)
class StrategicPlanTranslationOptions(TranslationOptions):
    fields = ("title",)


for versioned in (City, StrategicPlan):
    keep_versions(versioned)
