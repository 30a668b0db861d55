from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from .directory import SORTS
from .models import City, Region, Status


class CityByNameField(forms.Field):
    """A city typed by its name in either language, or given by its address's last part
    (the links of the city pages carry ``?city=<slug>``): thousands of cities are a text
    box with suggestions (``cities:city-names``), not a list to scroll."""

    widget = forms.TextInput

    default_error_messages = {
        "unknown": _("No city is called “%(name)s”: choose one of the names suggested as you type."),
    }

    def to_python(self, value):
        value = " ".join((value or "").split())
        if not value:
            return None
        if "\x00" in value:  # no name has one, and PostgreSQL refuses it
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": value.replace("\x00", "")}
            )
        named = Q(slug_it=value) | Q(slug_en=value) | Q(name_it__iexact=value) | Q(name_en__iexact=value)
        city = (
            City.objects.filter(named)
            .order_by(
                Case(
                    When(role=City.Role.MEMBER, then=Value(0)), default=Value(1), output_field=IntegerField()
                ),
                "pk",
            )
            .first()
        )
        if city is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": value}
            )
        return city

    def prepare_value(self, value):
        return value.name if isinstance(value, City) else value

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "off", "maxlength": "120"}


class CityFilterForm(forms.Form):
    """The directory's filters; values are language-neutral codes so links work in both languages."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any status"))] + Status.choices
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("any region"))] + Region.choices
    )
    on = forms.DateField(
        label=_("On the date"),
        required=False,
        help_text=_("The network as it stood on a past date."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    SORTS = SORTS
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(key, key) for name in SORTS for key in (name, f"-{name}")],
    )

    def sort_key(self):
        """The chosen sort ("-population": largest first), by name when none is."""
        return (self.cleaned_data.get("sort") if self.is_bound and self.is_valid() else "") or "name"

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Choose a date that is not in the future."))
        return day


class PeerFilterForm(forms.Form):
    """The European peer cities' search: by name (either language) and by country."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        names = sorted(((code, all_countries.name(code)) for code in countries), key=lambda pair: pair[1])
        self.fields["country"].choices = [("", _("any country")), *names]


class CityBoxMixin:
    """For a filter form with a ``city`` (``CityByNameField``) shown as a text box with
    suggestions (templates/cities/includes/city_box.html)."""

    def city_text(self):
        """What the city box shows: the chosen city's name in the visitor's language
        (a link may have given its address's last part instead), or what was typed."""
        if self.is_bound and self.is_valid() and self.cleaned_data.get("city"):
            return self.cleaned_data["city"].name
        return self.data.get("city", "")
