from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    empty_values = {"slug": None}


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("name", "role")
