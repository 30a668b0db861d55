from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from recs.common.admin_tools import MissingEnglishFilter, thumbnail
from recs.common.versions import VersionsAdmin

from .models import Contact, Highlight, Page


@admin.register(Page)
class PageAdmin(VersionsAdmin, TabbedTranslationAdmin):
    list_display = ["title", "menu_order", "is_published", "updated_at"]
    list_editable = ["menu_order"]
    list_filter = ["is_published", MissingEnglishFilter]
    search_fields = ["title_it", "title_en", "body_it", "body_en"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Contact)
class ContactAdmin(VersionsAdmin, TabbedTranslationAdmin):
    list_display = ["name", "kind", "role", "organisation", "email", "phone", "menu_order"]
    list_editable = ["menu_order"]
    list_filter = ["kind", MissingEnglishFilter]
    search_fields = ["name_it", "name_en", "role_it", "role_en", "organisation", "email"]


@admin.register(Highlight)
class HighlightAdmin(VersionsAdmin, TabbedTranslationAdmin):
    """The home page's "in evidenza" cards: the first three published, in their order."""

    list_display = ["title", "link", "menu_order", "is_published", "image_thumbnail"]
    list_editable = ["menu_order", "is_published"]
    list_filter = ["is_published", MissingEnglishFilter]
    search_fields = ["title_it", "title_en", "summary_it", "summary_en"]
    readonly_fields = ["image_thumbnail"]
    fields = [
        "title",
        "summary",
        "link",
        "image",
        "image_thumbnail",
        "image_description",
        "menu_order",
        "is_published",
        ("publish_at", "unpublish_at"),
    ]

    @admin.display(description=_("image"))
    def image_thumbnail(self, highlight):
        return thumbnail(highlight.image)
