from modeltranslation.translator import TranslationOptions, register

from recs.common.versions import keep_versions

from .models import Publication


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary")
    empty_values = {"slug": None}


keep_versions(Publication)
