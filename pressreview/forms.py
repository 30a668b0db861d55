from django import forms
from django.utils.translation import gettext_lazy as _

from cities.forms import CityBoxMixin, CityByNameField

from .models import Outlet


class ArticleFilterForm(CityBoxMixin, forms.Form):
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
