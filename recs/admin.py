from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from post_office.models import EmailTemplate, Log

from .admin_tools import MissingEnglishFilter
from .models import Contact, Page, Subscriber
from .spreadsheets import csv_response

admin.site.site_header = _("RECS back office")
admin.site.site_title = _("RECS back office")
admin.site.index_title = _("Content of the Rete Città Strategiche site")

# The mail queue (django-post-office) shows in the back office as its list of messages,
# each with its delivery attempts and a "requeue" action. The site writes its mails from
# its own templates, so the library's templates (and the log, shown on each message) stay hidden.
for model in (EmailTemplate, Log):
    admin.site.unregister(model)


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


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "status", "subscribed_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "language", "subscribed_at"]
    search_fields = ["email"]
    date_hierarchy = "subscribed_at"
    readonly_fields = ["subscribed_at", "confirmation_sent_at", "confirmed_at", "unsubscribed_at"]
    actions = ["export_csv"]

    @admin.action(description=_("Export the selected subscribers (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return csv_response(
            "recs-mailing-list.csv",
            ["email", "language", "status", "subscribed_at", "confirmed_at", "unsubscribed_at"],
            queryset.values_list(
                "email", "language", "status", "subscribed_at", "confirmed_at", "unsubscribed_at"
            ),
        )
