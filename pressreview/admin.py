from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from recs.common.admin_tools import (
    EstimatedCountPaginator,
    FullTextSearchAdminMixin,
    LinkRowsUnlistedOnDeleteMixin,
    MissingEnglishFilter,
    QuickActionCheckboxMixin,
    SafeAutocompleteAdminMixin,
    thumbnail,
    year_filter,
)
from recs.common.versions import VersionsAdmin

from .models import Article, Outlet


@admin.register(Outlet)
class OutletAdmin(VersionsAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, outlet):
        return outlet.article_count


@admin.register(Article)
class ArticleAdmin(
    VersionsAdmin,
    LinkRowsUnlistedOnDeleteMixin,
    QuickActionCheckboxMixin,
    FullTextSearchAdminMixin,
    SafeAutocompleteAdminMixin,
    TabbedTranslationAdmin,
):
    list_display = ["headline", "outlet", "published_on", "language", "is_published", "clipping_thumbnail"]
    list_filter = [
        "is_published",
        "outlet",
        year_filter("published_on", _("year")),
        "published_on",
        "language",
        MissingEnglishFilter,
    ]
    list_select_related = ["outlet"]
    # Built for a million clippings: an estimated total, no second count of the whole
    # table, years from the first and last dates, search through the indexed documents.
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    full_text_fields = ("headline", "summary")
    full_text_stored_as = "search_{language}"  # pressreview's migration 0009
    list_per_page = 50
    search_fields = [
        "headline_it",
        "headline_en",
        "summary_it",
        "summary_en",
        "author",
        "outlet__name",
    ]
    autocomplete_fields = ["outlet", "cities", "events", "working_groups"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["clipping_thumbnail"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "slug",
                    "outlet",
                    "published_on",
                    "author",
                    "language",
                    "is_published",
                    ("publish_at", "unpublish_at"),
                ]
            },
        ),
        (
            _("Content"),
            {"fields": ["summary", "original_url", "clipping_image", "clipping_thumbnail", "clipping_pdf"]},
        ),
        (_("Related to"), {"fields": ["cities", "events", "working_groups"]}),
    ]

    @admin.display(description=_("clipping"))
    def clipping_thumbnail(self, article):
        return thumbnail(article.clipping_image)
