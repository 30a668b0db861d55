from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from recs.common.admin_tools import MissingEnglishFilter

from .models import Contact, Page


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "menu_order", "is_published", "updated_at"]
    list_editable = ["menu_order"]
    list_filter = ["is_published", MissingEnglishFilter]
    search_fields = ["title_it", "title_en", "body_it", "body_en"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Contact)
class ContactAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "role", "organisation", "email", "phone", "menu_order"]
    list_editable = ["menu_order"]
    list_filter = ["kind", MissingEnglishFilter]
    search_fields = ["name_it", "name_en", "role_it", "role_en", "organisation", "email"]
