from modeltranslation.translator import TranslationOptions, register

from recs.common.versions import keep_versions

from .models import Article, Outlet


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("headline", "slug", "summary")
    empty_values = {"slug": None}


for versioned in (Article, Outlet):
    keep_versions(versioned)
