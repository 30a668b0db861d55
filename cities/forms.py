from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from .directory import SORTS
from .models import Region, Status


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
