from modeltranslation.translator import TranslationOptions, register

from recs.common.versions import keep_versions

from .models import Contact, Highlight, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    empty_values = {"slug": None}


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("name", "role")


@register(Highlight)
class HighlightTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "link", "image_description")


for versioned in (Page, Contact, Highlight):
    keep_versions(versioned)
