from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from recs.common.spreadsheets import csv_response

from .models import Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Staff see, export and (on request) remove subscribers; the removal is logged.

    Consent changes only through the subscriber's own links: nobody adds an address or
    edits a status here."""

    list_display = ["email", "language", "status", "subscribed_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "language", "subscribed_at"]
    search_fields = ["email"]
    date_hierarchy = "subscribed_at"
    readonly_fields = ["subscribed_at", "confirmation_sent_at", "confirmed_at", "unsubscribed_at"]
    actions = ["export_csv", "delete_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Export the selected subscribers (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return csv_response(
            "recs-mailing-list.csv",
            ["email", "language", "status", "subscribed_at", "confirmed_at", "unsubscribed_at"],
            queryset.values_list(
                "email", "language", "status", "subscribed_at", "confirmed_at", "unsubscribed_at"
            ),
        )
