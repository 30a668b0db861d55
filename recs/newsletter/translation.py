from modeltranslation.translator import TranslationOptions, register

from recs.common.versions import keep_versions

from .models import Issue


@register(Issue)
class IssueTranslationOptions(TranslationOptions):
    fields = ("subject", "slug", "body")
    empty_values = {"slug": None}


keep_versions(Issue)
