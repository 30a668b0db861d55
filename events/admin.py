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
    year_filter,
)
from recs.common.versions import VersionsAdmin

from .models import Event, WorkingGroup


@admin.register(WorkingGroup)
class WorkingGroupAdmin(
    VersionsAdmin, LinkRowsUnlistedOnDeleteMixin, SafeAutocompleteAdminMixin, TabbedTranslationAdmin
):
    list_display = ["name", "year", "theme", "coordinating_city", "member_count"]
    list_filter = ["year", MissingEnglishFilter]
    list_select_related = ["coordinating_city"]
    search_fields = ["name_it", "name_en", "theme_it", "theme_en"]
    autocomplete_fields = ["coordinating_city", "member_cities"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("member_cities"))

    @admin.display(description=_("member cities"), ordering="member_count")
    def member_count(self, group):
        return group.member_count


@admin.register(Event)
class EventAdmin(
    VersionsAdmin,
    LinkRowsUnlistedOnDeleteMixin,
    QuickActionCheckboxMixin,
    FullTextSearchAdminMixin,
    SafeAutocompleteAdminMixin,
    TabbedTranslationAdmin,
):
    list_display = ["title", "kind", "start_date", "start_time", "host_city", "working_group", "is_published"]
    list_filter = [
        "is_published",
        "kind",
        year_filter("start_date", _("year")),
        "start_date",
        MissingEnglishFilter,
    ]
    list_select_related = ["host_city", "working_group"]
    list_per_page = 50
    # As the press review's: an estimated total, years from two ends of the index,
    # search through the indexed documents (events GIN, events migration 0003).
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    full_text_fields = ("title", "venue", "description")
    search_fields = [
        "title_it",
        "title_en",
        "venue_it",
        "venue_en",
        "host_city__name_it",
        "host_city__name_en",
    ]
    autocomplete_fields = ["host_city", "working_group"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "is_published", ("publish_at", "unpublish_at")]}),
        (_("When"), {"fields": [("start_date", "start_time"), ("end_date", "end_time")]}),
        (_("Where"), {"fields": ["venue", "host_city"]}),
        (None, {"fields": ["working_group", "description"]}),
    ]
