from django import forms
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from recs.common.languages import localized

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

    #: The directory's columns that sort it (ties in name order).
    SORTS = ("name", "region", "status", "since", "population")
    COLUMNS = {"status": "current_status", "since": "status_since"}
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(key, key) for name in SORTS for key in (name, f"-{name}")],
    )

    def sort_key(self):
        """The chosen sort ("-population": largest first), by name when none is."""
        return (self.cleaned_data.get("sort") if self.is_bound and self.is_valid() else "") or "name"

    def ordering(self):
        """The ORDER BY of the chosen sort, names as the visitor's language shows them;
        empty values last either way, ties in name order."""
        key = self.sort_key()
        name = localized("name", translation.get_language())
        column = key.lstrip("-")
        value = name if column == "name" else F(self.COLUMNS.get(column, column))
        first = value.desc(nulls_last=True) if key.startswith("-") else value.asc(nulls_last=True)
        return [first, name, "pk"]

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
