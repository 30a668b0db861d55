from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from recs.common.admin_tools import (
    LinkRowsUnlistedOnDeleteMixin,
    MissingEnglishFilter,
    QuickActionCheckboxMixin,
    SafeAutocompleteAdminMixin,
    thumbnail,
)
from recs.common.versions import VersionsAdmin

from .models import Publication


@admin.register(Publication)
class PublicationAdmin(
    VersionsAdmin,
    LinkRowsUnlistedOnDeleteMixin,
    QuickActionCheckboxMixin,
    SafeAutocompleteAdminMixin,
    TabbedTranslationAdmin,
):
    list_display = ["title", "kind", "year", "document_language", "is_published", "cover_thumbnail"]
    list_filter = ["is_published", "kind", "year", "document_language", MissingEnglishFilter]
    search_fields = ["title_it", "title_en", "authors"]
    autocomplete_fields = ["cities", "working_groups"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["cover_thumbnail", "document_facts"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "year",
                    "authors",
                    "document_language",
                    "is_published",
                    ("publish_at", "unpublish_at"),
                ]
            },
        ),
        (_("Document"), {"fields": ["document", "cover_thumbnail", "document_facts", "summary"]}),
        (_("Related to"), {"fields": ["cities", "working_groups"]}),
    ]

    @admin.display(description=_("cover"))
    def cover_thumbnail(self, publication):
        return thumbnail(publication.cover)

    @admin.display(description=_("read from the document"))
    def document_facts(self, publication):
        if not publication.document:
            return "—"
        words = len(publication.text.split())
        return _("%(pages)s pages, %(size)s; %(words)s words of text for the search") % {
            "pages": publication.pages if publication.pages is not None else "?",
            "size": filesizeformat(publication.document.size)
            if publication.document.storage.exists(publication.document.name)
            else "?",
            "words": words,
        }
