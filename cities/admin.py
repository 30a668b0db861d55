from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from django_countries.filters import CountryFilter
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from recs.common.admin_tools import (
    LinkRowsUnlistedOnDeleteMixin,
    MissingEnglishFilter,
    QuickActionCheckboxMixin,
    SafeAutocompleteAdminMixin,
    choice_column,
    thumbnail,
)
from recs.common.versions import VersionsAdmin
from recs.common.widgets import LongSelect

from . import gazetteer
from .admin_forms import RecordStatusChangeForm
from .models import City, Region, Status, StatusChange, StrategicPlan
from .workflow import record_status_change


class CurrentStatusFilter(admin.SimpleListFilter):
    title = _("current status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(current_status=self.value())
        return queryset


class StatusChangeInline(admin.TabularInline):
    """The city's history, read only: changes are recorded with the status form."""

    model = StatusChange
    extra = 0
    fields = [
        "effective_date",
        "previous_status",
        "status",
        "reference",
        "note",
        "recorded_by_name",
        "recorded_at",
    ]
    readonly_fields = fields
    ordering = ["effective_date", "pk"]
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("city")  # each row's title names it

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StrategicPlanInline(TranslationStackedInline):
    model = StrategicPlan
    extra = 0
    fields = [("edition", "adopted_on"), "title", ("document", "url")]


@admin.register(City)
class CityAdmin(
    VersionsAdmin, LinkRowsUnlistedOnDeleteMixin, QuickActionCheckboxMixin, TabbedTranslationAdmin
):
    list_display = [
        "name",
        "role_column",
        "status_column",
        "kind_column",
        "region_column",
        "province",
        "country_column",
        "emblem_thumbnail",
    ]
    list_per_page = 50
    # The country filter lists the countries there are cities of, not all 250.
    list_filter = [
        "role",
        CurrentStatusFilter,
        "region",
        "kind",
        ("country", CountryFilter),
        MissingEnglishFilter,
    ]
    search_fields = ["name_it", "name_en", "province"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["emblem_thumbnail", "record_status_link", "gazetteer_lookup"]
    actions = ["record_status_change"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "kind", "record_status_link"]}),
        (
            _("Place"),
            {
                "fields": [
                    "country",
                    "gazetteer_lookup",
                    "region",
                    "province",
                    "population",
                    ("latitude", "longitude"),
                ]
            },
        ),
        (_("Presentation"), {"fields": ["website", "emblem", "emblem_thumbnail", "description"]}),
    ]
    inlines = [StatusChangeInline, StrategicPlanInline]

    class Media:
        js = ["recs/admin/gazetteer.js"]

    def get_urls(self):
        places = self.admin_site.admin_view(self.gazetteer_view)
        return [path("gazetteer/", places, name="cities_city_gazetteer"), *super().get_urls()]

    def gazetteer_view(self, request):
        """{"places": [...]}: the gazetteer's places of ``country`` called ``name`` (in
        any of their names), largest first, for the form's "Fill in from the gazetteer"."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        name = " ".join(request.GET.get("name", "").split())[:120]
        country = request.GET.get("country", "")[:2].upper()
        regions = dict(Region.choices)
        places = gazetteer.places_named(name, country=country) if name and country else []
        return JsonResponse(
            {
                "places": [
                    {
                        "name": place.name,
                        "region": place.region,
                        "region_label": str(regions.get(place.region, "")),
                        "population": place.population,
                        "latitude": round(place.latitude, 5),
                        "longitude": round(place.longitude, 5),
                    }
                    for place in places[:20]
                ]
            }
        )

    @admin.display(description=_("gazetteer"))
    def gazetteer_lookup(self, city):
        """A button the form's script brings to life: it looks up the city's Italian name
        in the offline gazetteer and, once a place is chosen, fills in the fields below."""
        return format_html(
            '<div class="gazetteer" data-url="{}" data-no-name="{}" data-none="{}" data-use="{}" '
            'data-inhabitants="{}" data-filled="{}">'
            '<button type="button" class="button gazetteer-find">{}</button> '
            '<span class="help">{}</span>'
            '<div class="gazetteer-places" aria-live="polite"></div></div>',
            reverse("admin:cities_city_gazetteer"),
            _("Write the city's Italian name first."),
            _("No place called “{name}” in this country in the gazetteer: fill in the figures by hand."),
            _("Use this place"),
            _("inhabitants"),
            _("Filled in from {place}: check the figures, then save."),
            _("Fill in from the gazetteer"),
            _(
                "Finds the places with the city's Italian name in the chosen country (GeoNames, "
                "offline) and fills in population, coordinates and region with the one you choose."
            ),
        )

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if isinstance(db_field, CountryField):
            kwargs.setdefault("widget", LongSelect)  # 250 options
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).with_status()

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.status_in_force:
            # It has a history (an entry in force, stored): its past must stay in the
            # network's counts, so withdrawal goes through the workflow. The model's own
            # check (role_change_refused) asks the history itself when it is saved.
            fields = [*fields, "role"]
        return fields

    role_column = choice_column("role", _("role"))
    kind_column = choice_column("kind", _("kind"))
    region_column = choice_column("region", _("region"))
    country_column = choice_column("country", _("country"))

    @admin.display(description=_("current status"), ordering="current_status")
    def status_column(self, city):
        return city.status_label or "—"

    @admin.display(description=_("coat of arms or logo"))
    def emblem_thumbnail(self, city):
        return thumbnail(city.emblem)

    @admin.display(description=_("adhesion status"))
    def record_status_link(self, city):
        if not city.pk or city.role != City.Role.MEMBER:
            return "—"
        return format_html(
            '{} · <a href="{}?cities={}">{}</a>',
            city.status_label or _("no status yet"),
            reverse("admin:cities_statuschange_record"),
            city.pk,
            _("Record a status change"),
        )

    @admin.action(description=_("Record a status change for the selected cities"), permissions=["record"])
    def record_status_change(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.members().values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('admin:cities_statuschange_record')}?cities={ids}")

    def has_record_permission(self, request):
        return request.user.has_perm("cities.add_statuschange")


@admin.register(StatusChange)
class StatusChangeAdmin(QuickActionCheckboxMixin, SafeAutocompleteAdminMixin, TabbedTranslationAdmin):
    """The adhesion history: read only; new changes go through the record form."""

    # Five columns, so that the list fits beside the menu and the filters at 1366 px.
    list_display = ["city", "change_column", "effective_date", "reference_column", "recorded_column"]
    list_filter = ["status", "effective_date", MissingEnglishFilter]
    list_select_related = ["city"]
    date_hierarchy = "effective_date"
    # The latest recorded first: a new entry shows at the top, not somewhere mid-list.
    ordering = ["-recorded_at", "-pk"]
    list_per_page = 50
    search_fields = ["city__name_it", "city__name_en", "reference_it", "reference_en", "note_it", "note_en"]

    @admin.display(description=_("change"), ordering="status")
    def change_column(self, change):
        status = change.get_status_display()
        if change.previous_status:
            return f"{change.get_previous_status_display()} → {status}"
        return status

    @admin.display(description=_("reference"))
    def reference_column(self, change):
        """The reference cut to a few words, whole on hover and in the entry."""
        if not change.reference:
            return "—"
        return format_html(
            '<span title="{}">{}</span>', change.reference, Truncator(change.reference).chars(48)
        )

    @admin.display(description=_("recorded"), ordering="recorded_at")
    def recorded_column(self, change):
        when = formats.date_format(timezone.localtime(change.recorded_at), "SHORT_DATETIME_FORMAT")
        return f"{change.recorded_by_name}, {when}" if change.recorded_by_name else when

    autocomplete_fields = ["city"]
    readonly_fields = ["corrects"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        record = self.admin_site.admin_view(self.record_view)
        return [path("record/", record, name="cities_statuschange_record"), *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return HttpResponseRedirect(
            reverse("admin:cities_statuschange_record") + "?" + request.GET.urlencode()
        )

    def record_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = RecordStatusChangeForm(request.POST, admin_site=self.admin_site)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    changes = record_status_change(
                        data["cities"],
                        status=data["status"],
                        effective_date=data["effective_date"],
                        reference_it=data["reference_it"],
                        reference_en=data["reference_en"],
                        note_it=data["note_it"],
                        note_en=data["note_en"],
                        is_correction=data["is_correction"],
                        opened_at=data["opened_at"],
                        user=request.user,
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    for change in changes:
                        self.log_addition(request, change, [{"added": {}}])
                    self.message_user(
                        request,
                        ngettext(
                            "Status change recorded for %(cities)s.",
                            "Status change recorded for %(count)d cities: %(cities)s.",
                            len(changes),
                        )
                        % {"count": len(changes), "cities": ", ".join(c.city.name for c in changes)},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:cities_statuschange_changelist"))
        else:
            ids = [
                part
                for part in request.GET.get("cities", request.GET.get("city", "")).split(",")
                if part.isdigit()
            ]
            form = RecordStatusChangeForm(initial={"cities": ids}, admin_site=self.admin_site)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Record a status change"),
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
            "allowed_steps": [
                (
                    Status(before).label if before else _("no status yet"),
                    [s.label for s in Status.allowed_after(before)],
                )
                for before in [None, *Status]
            ],
        }
        return TemplateResponse(request, "admin/cities/statuschange/record.html", context)


@admin.register(StrategicPlan)
class StrategicPlanAdmin(VersionsAdmin, SafeAutocompleteAdminMixin, TabbedTranslationAdmin):
    list_display = ["title", "city", "edition", "adopted_on"]
    list_filter = ["adopted_on", MissingEnglishFilter]
    list_select_related = ["city"]
    search_fields = ["title_it", "title_en", "city__name_it", "city__name_en"]
    autocomplete_fields = ["city"]
