from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from recs.admin_tools import MissingEnglishFilter, thumbnail

from .models import City, Status, StatusChange, StrategicPlan


class CurrentStatusFilter(admin.SimpleListFilter):
    title = _("current status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(current_status=self.value())
        return queryset


class StatusChangeInline(TranslationStackedInline):
    model = StatusChange
    extra = 0
    fields = [
        ("status", "effective_date"),
        "reference",
        "note",
        ("recorded_by_name", "recorded_at"),
    ]
    readonly_fields = ["recorded_by_name", "recorded_at"]
    classes = ["collapse"]


class StrategicPlanInline(TranslationStackedInline):
    model = StrategicPlan
    extra = 0
    fields = [("edition", "adopted_on"), "title", ("document", "url")]


@admin.register(City)
class CityAdmin(TabbedTranslationAdmin):
    list_display = [
        "name",
        "role",
        "status_column",
        "kind",
        "region",
        "province",
        "country",
        "emblem_thumbnail",
    ]
    list_filter = ["role", CurrentStatusFilter, "region", "kind", "country", MissingEnglishFilter]
    search_fields = ["name_it", "name_en", "province"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["emblem_thumbnail"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "kind"]}),
        (_("Place"), {"fields": ["country", "region", "province", "population", ("latitude", "longitude")]}),
        (_("Presentation"), {"fields": ["website", "emblem", "emblem_thumbnail", "description"]}),
    ]
    inlines = [StatusChangeInline, StrategicPlanInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_status()

    @admin.display(description=_("current status"), ordering="current_status")
    def status_column(self, city):
        return city.status_label or "—"

    @admin.display(description=_("coat of arms or logo"))
    def emblem_thumbnail(self, city):
        return thumbnail(city.emblem)

    def save_formset(self, request, form, formset, change):
        for instance in formset.save(commit=False):
            if isinstance(instance, StatusChange) and instance._state.adding:
                instance.record(request.user)
            instance.save()
        for instance in formset.deleted_objects:
            instance.delete()
        formset.save_m2m()


@admin.register(StatusChange)
class StatusChangeAdmin(TabbedTranslationAdmin):
    list_display = ["city", "status", "effective_date", "reference", "recorded_by_name", "recorded_at"]
    list_filter = ["status", "effective_date", MissingEnglishFilter]
    list_select_related = ["city"]
    date_hierarchy = "effective_date"
    search_fields = ["city__name_it", "city__name_en", "reference_it", "reference_en", "note_it", "note_en"]
    autocomplete_fields = ["city"]
    readonly_fields = ["recorded_by_name", "recorded_at"]
    fields = ["city", "status", "effective_date", "reference", "note", "recorded_by_name", "recorded_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.record(request.user)
        super().save_model(request, obj, form, change)


@admin.register(StrategicPlan)
class StrategicPlanAdmin(TabbedTranslationAdmin):
    list_display = ["title", "city", "edition", "adopted_on"]
    list_filter = ["adopted_on", MissingEnglishFilter]
    list_select_related = ["city"]
    search_fields = ["title_it", "title_en", "city__name_it", "city__name_en"]
    autocomplete_fields = ["city"]
