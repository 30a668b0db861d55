from django import forms
from django.utils.translation import gettext_lazy as _

from cities.forms import CityByNameField

from .models import Outlet


class ArticleFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text=_("For example 2004-12."),
    )
    outlet = forms.ModelChoiceField(
        label=_("Outlet"), required=False, queryset=Outlet.objects.all(), to_field_name="slug"
    )
    city = CityByNameField(label=_("City"), required=False, help_text=_("Type a few letters of its name."))

    def city_text(self):
        """What the city box shows: the chosen city's name in the visitor's language
        (a link may have given its address's last part instead), or what was typed."""
        if self.is_bound and self.is_valid() and self.cleaned_data.get("city"):
            return self.cleaned_data["city"].name
        return self.data.get("city", "")
