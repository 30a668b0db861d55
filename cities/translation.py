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


# The status in force is the adhesion history's: it has its own trail.
keep_versions(City, excluded_fields=list(City.STORED_STATUS))
keep_versions(StrategicPlan)
